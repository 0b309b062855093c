//! What templates see: plain serialisable views built per page from the loaded site. Every internal URL in a
//! view is already relative to the page being rendered (or absolute-path on 404 pages), so the output works
//! under any sub-path and on any static host.

use serde::Serialize;

use crate::markdown::Heading;

/// Builds the URLs of one rendered page.
#[derive(Debug, Clone)]
pub struct Urls {
    /// The prefix that leads from the page to the site root: `../../` or, on 404 pages, the base path.
    pub root: String,
    /// The absolute base URL, ending in `/`.
    pub base_url: String,
}

impl Urls {
    /// URLs for the page at `site_path` (`fr/children/x/`, or empty for the root).
    pub fn relative_to(site_path: &str, base_url: &str) -> Self {
        let depth = site_path.split('/').filter(|s| !s.is_empty()).count();
        Urls { root: "../".repeat(depth), base_url: base_url.to_owned() }
    }

    /// URLs that work wherever the page is served (404 pages), from the base path.
    pub fn absolute_path(base_path: &str, base_url: &str) -> Self {
        Urls { root: base_path.to_owned(), base_url: base_url.to_owned() }
    }

    /// The URL of `site_path` from the current page.
    pub fn link(&self, site_path: &str) -> String {
        if self.root.is_empty() && site_path.is_empty() {
            "./".to_owned()
        } else {
            format!("{}{site_path}", self.root)
        }
    }

    /// The absolute URL of `site_path`.
    pub fn absolute(&self, site_path: &str) -> String {
        format!("{}{site_path}", self.base_url)
    }
}

/// A language in switchers and choosers.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageLink {
    /// BCP 47 code.
    pub code: String,
    /// Its name in its own script.
    pub name: String,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    /// The link (to the same page in that language, in switchers; to its home, in `site.languages`).
    pub url: String,
    /// Whether it is the page's language.
    pub current: bool,
}

/// A translation for hreflang alternates.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    /// BCP 47 code.
    pub lang: String,
    /// Absolute URL.
    pub url: String,
}

/// A link to an audience.
#[derive(Debug, Clone, Serialize)]
pub struct AudienceLink {
    /// The audience id (`audience-<id>` is its Fluent label).
    pub id: String,
    /// Its landing page's title in the page's language.
    pub title: String,
    /// Its landing page's description, if any.
    pub description: Option<String>,
    /// The link.
    pub url: String,
    /// How many guidance pages it has.
    pub count: usize,
}

/// A topic with its link.
#[derive(Debug, Clone, Serialize)]
pub struct TopicLink {
    /// The topic id (`topic-<id>` is its Fluent label).
    pub id: String,
    /// The link to its topic page.
    pub url: String,
}

/// A page in a list.
#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    /// Title in the language shown.
    pub title: String,
    /// Description in the language shown.
    pub description: Option<String>,
    /// The link.
    pub url: String,
    /// The audience, if any.
    pub audience: Option<String>,
    /// The age band, if any.
    pub ages: Option<String>,
    /// Last update, YYYY-MM-DD.
    pub updated: Option<String>,
    /// The language the title and description are in (the default language for a fallback).
    pub lang: String,
    /// Whether the page is not yet translated into the page's language.
    pub is_fallback: bool,
}

/// The site as every page sees it.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// Absolute base URL.
    pub base_url: String,
    /// The path of the base URL.
    pub base_path: String,
    /// The default language's code.
    pub default_language: String,
    /// The default language's name in its own script.
    pub default_language_name: String,
    /// Every language, with a link to its home page.
    pub languages: Vec<LanguageLink>,
    /// Every audience, with a link to its landing page in the page's language.
    pub audiences: Vec<AudienceLink>,
    /// Every topic, with a link to its page in the page's language.
    pub topics: Vec<TopicLink>,
    /// Standalone pages other than help and partners (about, accessibility, privacy), for the footer.
    pub pages: Vec<PageLink>,
    /// The page's language's home page.
    pub home_url: String,
    /// The page's language's help page.
    pub help_url: String,
    /// The page's language's partners page.
    pub partners_url: String,
    /// The root language chooser.
    pub chooser_url: String,
    /// The prefix leading to the site root, for static files and feeds: `{{ site.root }}{{ lang }}/feed.xml`.
    pub root: String,
    /// Where each theme static file is published, by its name in the theme, below the site root:
    /// `{{ site.root }}{{ site.assets["style.css"] }}` (style sheets and scripts carry a content hash).
    pub assets: std::collections::BTreeMap<String, String>,
    /// Where the quick-exit control leads.
    pub quick_exit_url: String,
}

/// The page being rendered.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    /// home, section, page, standalone, help, partners, topic, chooser or 404.
    pub kind: &'static str,
    /// The title.
    pub title: String,
    /// The description.
    pub description: Option<String>,
    /// The body as HTML (marked safe in templates).
    pub content: String,
    /// Its link from itself.
    pub url: String,
    /// Its absolute URL.
    pub permalink: String,
    /// The canonical URL: itself, or the original for a fallback.
    pub canonical: String,
    /// The audience, if any.
    pub audience: Option<String>,
    /// Its topics.
    pub topics: Vec<TopicLink>,
    /// Last update, YYYY-MM-DD.
    pub updated: Option<String>,
    /// The age band, if any.
    pub ages: Option<String>,
    /// Real translations (the page itself included), for hreflang; empty on a fallback.
    pub translations: Vec<Alternate>,
    /// The default language's version, for x-default; absent on a fallback.
    pub x_default: Option<String>,
    /// Every language, with a link to this page in it, for the language switcher.
    pub switcher: Vec<LanguageLink>,
    /// Whether the content is shown in the default language because no translation exists.
    pub is_fallback: bool,
    /// Whether the page shown is marked `draft: true` (only `serve --drafts` and `build --drafts` render
    /// drafts; the theme shows a banner on them).
    pub is_draft: bool,
    /// The language of the content.
    pub content_lang: String,
    /// The direction of the content's language.
    pub content_dir: &'static str,
    /// The original's link, on a fallback.
    pub original_url: Option<String>,
    /// Headings of the body, for a table of contents.
    pub toc: Vec<Heading>,
    /// The previous page of the audience.
    pub prev: Option<PageLink>,
    /// The next page of the audience.
    pub next: Option<PageLink>,
    /// Pages of other audiences on the same topics.
    pub related: Vec<PageLink>,
}

/// An age band and its pages, on the children's landing page.
#[derive(Debug, Clone, Serialize)]
pub struct BandView {
    /// The band id (`age-<id>` is its Fluent label); empty for pages without a band.
    pub id: String,
    /// Its pages, in order.
    pub pages: Vec<PageLink>,
}

/// An audience's landing page's list.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// The audience id.
    pub id: String,
    /// Its pages, in order.
    pub pages: Vec<PageLink>,
    /// The same pages grouped by age band, bands in site order; empty when no page has a band.
    pub bands: Vec<BandView>,
}

/// Pages of one audience on a topic page.
#[derive(Debug, Clone, Serialize)]
pub struct TopicGroup {
    /// The audience id, or empty for pages outside the audiences.
    pub audience: String,
    /// Its pages on the topic.
    pub pages: Vec<PageLink>,
}

/// A topic page's list.
#[derive(Debug, Clone, Serialize)]
pub struct TopicView {
    /// The topic id.
    pub id: String,
    /// How many pages are on the topic.
    pub count: usize,
    /// Its pages by audience, audiences in site order.
    pub groups: Vec<TopicGroup>,
}

/// A partner as shown in one language.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerView {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its web address.
    pub url: Option<String>,
    /// Its kind.
    pub kind: &'static str,
    /// Its description in the page's language or, failing that, the default language.
    pub description: String,
    /// The language of `description`.
    pub description_lang: String,
    /// A note on renaming or closure, in the same way.
    pub note: Option<String>,
    /// The language of `note`.
    pub note_lang: Option<String>,
    /// Where the facts come from.
    pub source: Option<String>,
    /// The host of `source`, to name it briefly.
    pub source_host: Option<String>,
    /// When they were taken from the source, YYYY-MM-DD.
    pub retrieved: Option<String>,
    /// When a person confirmed them with the organisation, YYYY-MM-DD; absent unless someone did.
    pub verified: Option<String>,
}

/// A child helpline as shown in one language.
#[derive(Debug, Clone, Serialize)]
pub struct HelplineView {
    /// ISO 3166-1 alpha-2 code of its country, upper case.
    pub country: String,
    /// Its name in the page's language where given, else the default language's, else the first given.
    pub name: String,
    /// The language of `name` when it is not the page's (for a `lang` attribute).
    pub name_lang: Option<String>,
    /// The phone number as written, and as dialled (`tel:` target).
    pub phone: Option<String>,
    /// The phone number's digits, for `tel:`.
    pub phone_dial: Option<String>,
    /// The number to text as written.
    pub sms: Option<String>,
    /// The number to text's digits, for `sms:`.
    pub sms_dial: Option<String>,
    /// Its `WhatsApp` link (https).
    pub whatsapp: Option<String>,
    /// Its chat's address (https).
    pub chat: Option<String>,
    /// Its website.
    pub url: Option<String>,
    /// The host of `url`.
    pub url_host: Option<String>,
    /// Whether it is free of charge, as its source says.
    pub free: bool,
    /// When it is open, in the page's language where given.
    pub hours: Option<String>,
    /// The language of `hours` when it is not the page's.
    pub hours_lang: Option<String>,
    /// The languages it answers in, named in the page's language (those CLDR cannot name are left out).
    pub languages: Vec<String>,
    /// The page its facts come from.
    pub source: String,
    /// The host of `source` (`childline.org.uk`), to name it briefly.
    pub source_host: String,
    /// When the facts were taken from the source, YYYY-MM-DD.
    pub retrieved: String,
    /// When a person confirmed them with the service, YYYY-MM-DD; absent unless someone did.
    pub verified: Option<String>,
}

/// A country with helplines, as shown in one language.
#[derive(Debug, Clone, Serialize)]
pub struct CountryView {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: String,
    /// Its CLDR name in the page's language (or the default language's, see `name_lang`).
    pub name: String,
    /// The language of `name` when it is not the page's.
    pub name_lang: Option<String>,
    /// Its ITU-D region id (`region-<id>` is its Fluent label).
    pub region: &'static str,
    /// The link to its page.
    pub url: String,
    /// Its helplines, in file order.
    pub helplines: Vec<HelplineView>,
}

/// The countries of one region, in the page language's alphabetical order.
#[derive(Debug, Clone, Serialize)]
pub struct RegionView {
    /// The region id (`region-<id>` is its Fluent label).
    pub id: &'static str,
    /// Its countries.
    pub countries: Vec<CountryView>,
}

/// The help page's parts: its Markdown body split where the country finder goes, and the finder.
#[derive(Debug, Clone, Serialize)]
pub struct HelpView {
    /// The body up to the finder (HTML; marked safe in templates).
    pub content_before: String,
    /// The body after the finder (HTML; marked safe in templates).
    pub content_after: String,
    /// Regions in a fixed order, each with its countries; regions without a country are left out.
    pub regions: Vec<RegionView>,
    /// How many countries are listed.
    pub count: usize,
}

/// Partners of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerGroup {
    /// The kind (`partner-kind-<kind>` is its Fluent label).
    pub kind: &'static str,
    /// Its partners, in file order.
    pub partners: Vec<PartnerView>,
}

/// The data every page can use, in the page's language.
#[derive(Debug, Clone, Serialize)]
pub struct DataView {
    /// Partners in file order.
    pub partners: Vec<PartnerView>,
    /// Partners grouped by kind.
    pub partner_groups: Vec<PartnerGroup>,
    /// Helplines in file order, in the page's language.
    pub helplines: Vec<HelplineView>,
    /// Topic ids in file order.
    pub topics: Vec<String>,
}
