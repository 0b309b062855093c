//! What templates see: plain serialisable views built per page from the loaded site. Every internal URL in a
//! view is already relative to the page being rendered (or absolute-path on 404 pages), so the output works
//! under any sub-path and on any static host.

use serde::Serialize;

use crate::markdown::Heading;

/// Builds the URLs of one rendered page.
#[derive(Debug, Clone)]
pub(crate) struct Urls {
    /// The prefix that leads from the page to the site root: `../../` or, on 404 pages, the base path.
    pub(crate) root: String,
    /// The absolute base URL, ending in `/`.
    pub(crate) base_url: String,
}

impl Urls {
    /// URLs for the page at `site_path` (`fr/children/x/`, or empty for the root).
    pub(crate) fn relative_to(site_path: &str, base_url: &str) -> Self {
        let depth = site_path.split('/').filter(|s| !s.is_empty()).count();
        Urls { root: "../".repeat(depth), base_url: base_url.to_owned() }
    }

    /// URLs that work wherever the page is served (404 pages), from the base path.
    pub(crate) fn absolute_path(base_path: &str, base_url: &str) -> Self {
        Urls { root: base_path.to_owned(), base_url: base_url.to_owned() }
    }

    /// The URL of `site_path` from the current page.
    pub(crate) fn link(&self, site_path: &str) -> String {
        if self.root.is_empty() && site_path.is_empty() {
            "./".to_owned()
        } else {
            format!("{}{site_path}", self.root)
        }
    }

    /// The absolute URL of `site_path`.
    pub(crate) fn absolute(&self, site_path: &str) -> String {
        format!("{}{site_path}", self.base_url)
    }
}

/// A language in switchers and choosers.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LanguageLink {
    /// BCP 47 code.
    pub(crate) code: String,
    /// Its name in its own script.
    pub(crate) name: String,
    /// `ltr` or `rtl`.
    pub(crate) dir: &'static str,
    /// The link (to the same page in that language, in switchers; to its home, in `site.languages`).
    pub(crate) url: String,
    /// Whether it is the page's language.
    pub(crate) current: bool,
}

/// A translation for hreflang alternates.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Alternate {
    /// BCP 47 code.
    pub(crate) lang: String,
    /// Absolute URL.
    pub(crate) url: String,
}

/// A link to an audience.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AudienceLink {
    /// The audience id (`audience-<id>` is its Fluent label).
    pub(crate) id: String,
    /// Its landing page's title in the page's language.
    pub(crate) title: String,
    /// Its landing page's description, if any.
    pub(crate) description: Option<String>,
    /// The link.
    pub(crate) url: String,
    /// How many guidance pages it has.
    pub(crate) count: usize,
}

/// A topic with its link.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TopicLink {
    /// The topic id (`topic-<id>` is its Fluent label).
    pub(crate) id: String,
    /// The link to its topic page.
    pub(crate) url: String,
}

/// A page in a list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageLink {
    /// Title in the language shown.
    pub(crate) title: String,
    /// Description in the language shown.
    pub(crate) description: Option<String>,
    /// The link.
    pub(crate) url: String,
    /// The audience, if any.
    pub(crate) audience: Option<String>,
    /// The age band, if any.
    pub(crate) ages: Option<String>,
    /// Last update, YYYY-MM-DD.
    pub(crate) updated: Option<String>,
    /// The language the title and description are in (the default language for a fallback).
    pub(crate) lang: String,
    /// Whether the page is not yet translated into the page's language.
    pub(crate) is_fallback: bool,
}

/// The site as every page sees it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SiteView {
    /// Absolute base URL.
    pub(crate) base_url: String,
    /// The path of the base URL.
    pub(crate) base_path: String,
    /// The default language's code.
    pub(crate) default_language: String,
    /// The default language's name in its own script.
    pub(crate) default_language_name: String,
    /// Every language, with a link to its home page.
    pub(crate) languages: Vec<LanguageLink>,
    /// Every audience, with a link to its landing page in the page's language.
    pub(crate) audiences: Vec<AudienceLink>,
    /// Every topic, with a link to its page in the page's language.
    pub(crate) topics: Vec<TopicLink>,
    /// Standalone pages other than help and partners (about, accessibility, privacy), for the footer.
    pub(crate) pages: Vec<PageLink>,
    /// The page's language's home page.
    pub(crate) home_url: String,
    /// The page's language's help page.
    pub(crate) help_url: String,
    /// The page's language's partners page.
    pub(crate) partners_url: String,
    /// The root language chooser.
    pub(crate) chooser_url: String,
    /// The prefix leading to the site root, for static files and feeds: `{{ site.root }}{{ lang }}/feed.xml`.
    pub(crate) root: String,
    /// Where each theme static file is published, by its name in the theme, below the site root:
    /// `{{ site.root }}{{ site.assets["style.css"] }}` (style sheets and scripts carry a content hash).
    pub(crate) assets: std::collections::BTreeMap<String, String>,
    /// Where the quick-exit control leads.
    pub(crate) quick_exit_url: String,
}

/// The page being rendered.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PageView {
    /// home, section, page, standalone, help, partners, topic, chooser or 404.
    pub(crate) kind: &'static str,
    /// The title.
    pub(crate) title: String,
    /// The description.
    pub(crate) description: Option<String>,
    /// The body as HTML (marked safe in templates).
    pub(crate) content: String,
    /// Its link from itself.
    pub(crate) url: String,
    /// Its absolute URL.
    pub(crate) permalink: String,
    /// The canonical URL: itself, or the original for a fallback.
    pub(crate) canonical: String,
    /// The audience, if any.
    pub(crate) audience: Option<String>,
    /// Its topics.
    pub(crate) topics: Vec<TopicLink>,
    /// Last update, YYYY-MM-DD.
    pub(crate) updated: Option<String>,
    /// The age band, if any.
    pub(crate) ages: Option<String>,
    /// Real translations (the page itself included), for hreflang; empty on a fallback.
    pub(crate) translations: Vec<Alternate>,
    /// The default language's version, for x-default; absent on a fallback.
    pub(crate) x_default: Option<String>,
    /// Every language, with a link to this page in it, for the language switcher.
    pub(crate) switcher: Vec<LanguageLink>,
    /// Whether the content is shown in the default language because no translation exists.
    pub(crate) is_fallback: bool,
    /// Whether the page shown is marked `draft: true` (only `serve --drafts` and `build --drafts` render
    /// drafts; the theme shows a banner on them).
    pub(crate) is_draft: bool,
    /// The language of the content.
    pub(crate) content_lang: String,
    /// The direction of the content's language.
    pub(crate) content_dir: &'static str,
    /// The original's link, on a fallback.
    pub(crate) original_url: Option<String>,
    /// Headings of the body, for a table of contents.
    pub(crate) toc: Vec<Heading>,
    /// The previous page of the audience.
    pub(crate) prev: Option<PageLink>,
    /// The next page of the audience.
    pub(crate) next: Option<PageLink>,
    /// Pages of other audiences on the same topics.
    pub(crate) related: Vec<PageLink>,
}

/// An age band and its pages, on the children's landing page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct BandView {
    /// The band id (`age-<id>` is its Fluent label); empty for pages without a band.
    pub(crate) id: String,
    /// Its pages, in order.
    pub(crate) pages: Vec<PageLink>,
}

/// An audience's landing page's list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SectionView {
    /// The audience id.
    pub(crate) id: String,
    /// Its pages, in order.
    pub(crate) pages: Vec<PageLink>,
    /// The same pages grouped by age band, bands in site order; empty when no page has a band.
    pub(crate) bands: Vec<BandView>,
}

/// Pages of one audience on a topic page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TopicGroup {
    /// The audience id, or empty for pages outside the audiences.
    pub(crate) audience: String,
    /// Its pages on the topic.
    pub(crate) pages: Vec<PageLink>,
}

/// A topic page's list.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TopicView {
    /// The topic id.
    pub(crate) id: String,
    /// How many pages are on the topic.
    pub(crate) count: usize,
    /// Its pages by audience, audiences in site order.
    pub(crate) groups: Vec<TopicGroup>,
}

/// A partner as shown in one language.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PartnerView {
    /// Its id.
    pub(crate) id: String,
    /// Its name.
    pub(crate) name: String,
    /// Its web address.
    pub(crate) url: Option<String>,
    /// Its kind.
    pub(crate) kind: &'static str,
    /// Its description in the page's language or, failing that, the default language.
    pub(crate) description: String,
    /// The language of `description`.
    pub(crate) description_lang: String,
    /// A note on renaming or closure, in the same way.
    pub(crate) note: Option<String>,
    /// The language of `note`.
    pub(crate) note_lang: Option<String>,
    /// Where the facts come from.
    pub(crate) source: Option<String>,
    /// The host of `source`, to name it briefly.
    pub(crate) source_host: Option<String>,
    /// When they were taken from the source, YYYY-MM-DD.
    pub(crate) retrieved: Option<String>,
    /// When a person confirmed them with the organisation, YYYY-MM-DD; absent unless someone did.
    pub(crate) verified: Option<String>,
}

/// A child helpline as shown in one language.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct HelplineView {
    /// ISO 3166-1 alpha-2 code of its country, upper case.
    pub(crate) country: String,
    /// Its name in the page's language where given, else the default language's, else the first given.
    pub(crate) name: String,
    /// The language of `name` when it is not the page's (for a `lang` attribute).
    pub(crate) name_lang: Option<String>,
    /// The phone number as written, and as dialled (`tel:` target).
    pub(crate) phone: Option<String>,
    /// The phone number's digits, for `tel:`.
    pub(crate) phone_dial: Option<String>,
    /// The number to text as written.
    pub(crate) sms: Option<String>,
    /// The number to text's digits, for `sms:`.
    pub(crate) sms_dial: Option<String>,
    /// Its `WhatsApp` link (https).
    pub(crate) whatsapp: Option<String>,
    /// Its chat's address (https).
    pub(crate) chat: Option<String>,
    /// Its website.
    pub(crate) url: Option<String>,
    /// The host of `url`.
    pub(crate) url_host: Option<String>,
    /// Whether it is free of charge, as its source says.
    pub(crate) free: bool,
    /// When it is open, in the page's language where given.
    pub(crate) hours: Option<String>,
    /// The language of `hours` when it is not the page's.
    pub(crate) hours_lang: Option<String>,
    /// The languages it answers in, named in the page's language (those CLDR cannot name are left out).
    pub(crate) languages: Vec<String>,
    /// The page its facts come from.
    pub(crate) source: String,
    /// The host of `source` (`childline.org.uk`), to name it briefly.
    pub(crate) source_host: String,
    /// When the facts were taken from the source, YYYY-MM-DD.
    pub(crate) retrieved: String,
    /// When a person confirmed them with the service, YYYY-MM-DD; absent unless someone did.
    pub(crate) verified: Option<String>,
}

/// A country with helplines, as shown in one language.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CountryView {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub(crate) code: String,
    /// Its CLDR name in the page's language (or the default language's, see `name_lang`).
    pub(crate) name: String,
    /// The language of `name` when it is not the page's.
    pub(crate) name_lang: Option<String>,
    /// Its ITU-D region id (`region-<id>` is its Fluent label).
    pub(crate) region: &'static str,
    /// The link to its page.
    pub(crate) url: String,
    /// Its helplines, in file order.
    pub(crate) helplines: Vec<HelplineView>,
}

/// The countries of one region, in the page language's alphabetical order.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RegionView {
    /// The region id (`region-<id>` is its Fluent label).
    pub(crate) id: &'static str,
    /// Its countries.
    pub(crate) countries: Vec<CountryView>,
}

/// The help page's parts: its Markdown body split where the country finder goes, and the finder.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct HelpView {
    /// The body up to the finder (HTML; marked safe in templates).
    pub(crate) content_before: String,
    /// The body after the finder (HTML; marked safe in templates).
    pub(crate) content_after: String,
    /// Regions in a fixed order, each with its countries; regions without a country are left out.
    pub(crate) regions: Vec<RegionView>,
    /// How many countries are listed.
    pub(crate) count: usize,
}

/// Partners of one kind.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PartnerGroup {
    /// The kind (`partner-kind-<kind>` is its Fluent label).
    pub(crate) kind: &'static str,
    /// Its partners, in file order.
    pub(crate) partners: Vec<PartnerView>,
}

/// The data every page can use, in the page's language.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DataView {
    /// Partners in file order.
    pub(crate) partners: Vec<PartnerView>,
    /// Partners grouped by kind.
    pub(crate) partner_groups: Vec<PartnerGroup>,
    /// Helplines in file order, in the page's language.
    pub(crate) helplines: Vec<HelplineView>,
    /// Topic ids in file order.
    pub(crate) topics: Vec<String>,
}
