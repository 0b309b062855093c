//! Builds the template context of each job from the loaded site. Parts that are the same for every page
//! of a language (data in that language, audience titles) are prepared once.

use std::collections::BTreeMap;

use rayon::prelude::*;
use tera::{Context, Value};

use crate::config::Language;
use crate::content::PageGroup;
use crate::content::page::{PageKind, SourcePage};
use crate::data::{Helpline, PartnerKind, Region};
use crate::markdown::{Heading, Rendered, isolate_text};
use crate::names::SiteNames;
use crate::render::context::{
    Alternate, AudienceLink, BandView, CountryView, DataView, HelpView, HelplineView, LanguageLink,
    PageLink, PageView, PartnerGroup, PartnerView, RegionView, SectionView, SiteView, TopicGroup,
    TopicLink, TopicView, Urls,
};
use crate::render::{Job, country_path};
use crate::source::SiteSource;

/// What every page of one language shares.
struct LanguageParts {
    data: Value,
    /// Countries with helplines in the language's alphabetical order, `url` holding the site path.
    countries: Vec<CountryView>,
    /// (audience id, title, description, guidance page count) in site order.
    audiences: Vec<(String, String, Option<String>, usize)>,
}

/// The site, ready to build contexts from.
pub(crate) struct Prepared<'a> {
    source: &'a SiteSource,
    per_language: BTreeMap<String, LanguageParts>,
    /// Each audience's guidance pages, in order.
    audience_pages: BTreeMap<&'a str, Vec<&'a PageGroup>>,
    /// Per guidance page key: (previous, next, related pages of other audiences), computed once for all
    /// languages so that no page scans the whole site.
    neighbours: std::collections::HashMap<&'a str, Neighbours<'a>>,
    /// The standalone pages every page's footer links (about, privacy, ...), found once: scanning the
    /// site for them on every page grew with the square of the site.
    standalone: Vec<&'a PageGroup>,
    /// The `site` variable by (language, path to the root), made when first needed.
    site_values: std::sync::RwLock<std::collections::HashMap<(String, String), Value>>,
}

/// A guidance page's place among the others.
#[derive(Default)]
struct Neighbours<'a> {
    prev: Option<&'a PageGroup>,
    next: Option<&'a PageGroup>,
    related: Vec<&'a PageGroup>,
}

impl<'a> Prepared<'a> {
    /// Prepares the per-language parts; neighbours only for the pages in `only`, when given.
    pub(crate) fn new(
        source: &'a SiteSource,
        only: Option<&std::collections::HashSet<&str>>,
    ) -> Self {
        let names = SiteNames::new(
            source.config.languages.iter().map(|l| l.code.as_str()),
            &source.config.default_language,
        );
        let counts: BTreeMap<&str, usize> = source
            .config
            .audiences
            .iter()
            .map(|a| (a.as_str(), 0))
            .chain(source.content.pages.values().filter_map(|g| match &g.source.kind {
                PageKind::Guidance { audience, .. } => Some((audience.as_str(), 1)),
                _ => None,
            }))
            .fold(BTreeMap::new(), |mut counts, (a, n)| {
                *counts.entry(a).or_insert(0) += n;
                counts
            });
        let per_language = source
            .config
            .languages
            .iter()
            .map(|lang| {
                let rtl = lang.dir.as_str() == "rtl";
                let data = Value::from_serializable(&data_view(source, &names, &lang.code, rtl));
                let countries = countries(source, &names, &lang.code, rtl);
                let audiences = source
                    .config
                    .audiences
                    .iter()
                    .map(|a| {
                        let count = counts.get(a.as_str()).copied().unwrap_or(0);
                        let (title, description) =
                            match source.content.pages.get(&format!("{a}/_index.md")) {
                                Some(g) => {
                                    let (p, _) = g.in_language(&lang.code);
                                    (p.front.title.clone(), p.front.description.clone())
                                }
                                None => (label(source, &lang.code, &format!("audience-{a}")), None),
                            };
                        (a.clone(), title, description, count)
                    })
                    .collect();
                (lang.code.clone(), LanguageParts { data, countries, audiences })
            })
            .collect();
        let audience_pages: BTreeMap<&str, Vec<&PageGroup>> = source
            .config
            .audiences
            .iter()
            .map(|a| (a.as_str(), source.content.audience_pages(a)))
            .collect();
        let neighbours = neighbours(&source.config.audiences, &audience_pages, only);
        let standalone = source
            .content
            .pages
            .values()
            .filter(|g| matches!(&g.source.kind, PageKind::Standalone { slug } if slug != "help" && slug != "partners"))
            .collect();
        Prepared {
            source,
            per_language,
            audience_pages,
            neighbours,
            standalone,
            site_values: std::sync::RwLock::default(),
        }
    }

    fn pages_of(&self, audience: &str) -> &[&'a PageGroup] {
        self.audience_pages.get(audience).map_or(&[], Vec::as_slice)
    }

    /// The output path, template name and context of a job; `body` is a Markdown page's body (HTML and
    /// headings; empty for generated pages), rendered by the caller just before this page is written.
    pub(crate) fn context(&self, job: &Job<'_>, body: Rendered) -> (String, &'static str, Context) {
        let config = &self.source.config;
        let (lang, site_path, template) = job.place(config);
        let urls = if matches!(job, Job::NotFound(..)) {
            Urls::absolute_path(&config.base_path, &config.base_url)
        } else {
            Urls::relative_to(&site_path, &config.base_url)
        };
        let out_path = super::output_path(&site_path);
        let parts = &self.per_language[&lang.code];
        let mut cx = Context::new();
        cx.insert("lang", &lang.code);
        cx.insert("dir", lang.dir.as_str());
        cx.insert_value("data", parts.data.clone());
        cx.insert_value("site", self.site_value(lang, &urls));
        let page = self.page_view(job, lang, &site_path, &urls, body);
        match *job {
            Job::Content(_, g) if matches!(g.source.kind, PageKind::Audience { .. }) => {
                let audience = g.source.kind.audience().unwrap_or_default();
                cx.insert("section", &self.section_view(lang, audience, &urls));
            }
            Job::Audience(_, audience) => {
                cx.insert("section", &self.section_view(lang, audience, &urls));
            }
            Job::Topic(_, topic) => cx.insert("topic", &self.topic_view(lang, topic, &urls)),
            Job::Country(_, code) => {
                if let Some(country) = self.country(lang, code, &urls) {
                    cx.insert("country", &country);
                }
            }
            Job::AtoZ(_) => cx.insert("index", &self.a_to_z(lang, &urls)),
            _ => {}
        }
        if template == "help.html" {
            cx.insert("help", &self.help_view(lang, &page.content));
        }
        if matches!(template, "home.html") {
            cx.insert("latest", &self.latest(lang, &urls));
            if let Some((path, size)) = self.source.bundles.get(&lang.code) {
                let url = urls.link(path);
                // Megabytes with one decimal, at least 0.1.
                let megabytes = ((*size as f64 / 1_048_576.0) * 10.0).ceil() / 10.0;
                cx.insert("bundle", &serde_json::json!({ "url": url, "megabytes": megabytes }));
            }
        }
        cx.insert("page", &page);
        (out_path, template, cx)
    }

    /// The `site` variable, made once per language and distance from the root: it is the same for every
    /// page at that depth, and turning it into a template value on every page cost a tenth of a build.
    fn site_value(&self, lang: &Language, urls: &Urls) -> Value {
        let key = (lang.code.clone(), urls.root.clone());
        if let Some(value) =
            self.site_values.read().unwrap_or_else(std::sync::PoisonError::into_inner).get(&key)
        {
            return value.clone();
        }
        let value = Value::from_serializable(&self.site_view(lang, urls));
        self.site_values
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key, value.clone());
        value
    }

    fn site_view(&self, lang: &Language, urls: &Urls) -> SiteView {
        let config = &self.source.config;
        let code = &lang.code;
        SiteView {
            base_url: config.base_url.clone(),
            base_path: config.base_path.clone(),
            default_language: config.default_language.clone(),
            default_language_name: config.default().name.clone(),
            languages: config
                .languages
                .iter()
                .map(|l| language_link(l, urls.link(&format!("{}/", l.code)), l.code == *code))
                .collect(),
            audiences: self.per_language[code]
                .audiences
                .iter()
                .map(|(id, title, description, count)| AudienceLink {
                    id: id.clone(),
                    title: title.clone(),
                    description: description.clone(),
                    url: urls.link(&format!("{code}/{id}/")),
                    count: *count,
                })
                .collect(),
            topics: self.source.data.topics.iter().map(|t| topic_link(code, &t.id, urls)).collect(),
            pages: self.standalone.iter().map(|g| page_link(g, code, urls)).collect(),
            home_url: urls.link(&format!("{code}/")),
            help_url: urls.link(&format!("{code}/help/")),
            partners_url: urls.link(&format!("{code}/partners/")),
            chooser_url: urls.link(""),
            root: urls.root.clone(),
            assets: self.source.theme.published.clone(),
            quick_exit_url: config.quick_exit_url.clone(),
        }
    }

    fn page_view(
        &self,
        job: &Job<'_>,
        lang: &Language,
        site_path: &str,
        urls: &Urls,
        body: Rendered,
    ) -> PageView {
        let source = self.source;
        let config = &source.config;
        let default = config.default();
        let all_languages = |path_in: &dyn Fn(&Language) -> String| -> Vec<LanguageLink> {
            config
                .languages
                .iter()
                .map(|l| language_link(l, urls.link(&path_in(l)), l.code == lang.code))
                .collect()
        };
        let mut view = PageView {
            kind: "page",
            title: String::new(),
            description: None,
            content: body.html,
            url: urls.link(site_path),
            permalink: urls.absolute(site_path),
            canonical: urls.absolute(site_path),
            audience: None,
            topics: Vec::new(),
            updated: None,
            ages: None,
            translations: Vec::new(),
            x_default: None,
            switcher: Vec::new(),
            is_fallback: false,
            is_draft: false,
            content_lang: lang.code.clone(),
            content_dir: lang.dir.as_str(),
            original_url: None,
            toc: Vec::new(),
            prev: None,
            next: None,
            related: Vec::new(),
        };
        // Generated pages exist in every language: all are real translations of each other.
        let generated = |view: &mut PageView, tail: &str, kind: &'static str, title: String| {
            view.kind = kind;
            view.title = title;
            view.translations = config
                .languages
                .iter()
                .map(|l| Alternate {
                    lang: l.code.clone(),
                    url: urls.absolute(&format!("{}/{tail}", l.code)),
                })
                .collect();
            view.x_default = Some(urls.absolute(&format!("{}/{tail}", default.code)));
            view.switcher = all_languages(&|l| format!("{}/{tail}", l.code));
        };
        match *job {
            Job::Content(_, group) => {
                self.fill_content(&mut view, lang, group, urls, &body.headings);
            }
            Job::Home(_) => {
                generated(&mut view, "", "home", label(source, &lang.code, "site-title"));
                view.x_default = Some(urls.absolute(""));
            }
            Job::Audience(_, a) => {
                generated(
                    &mut view,
                    &format!("{a}/"),
                    "section",
                    label(source, &lang.code, &format!("audience-{a}")),
                );
                view.audience = Some(a.to_owned());
            }
            Job::Help(_) | Job::Partners(_) | Job::AtoZ(_) | Job::Search(_) => {
                let (tail, kind, key) = match job {
                    Job::Help(_) => ("help/", "help", "help-title"),
                    Job::Partners(_) => ("partners/", "partners", "partners-title"),
                    Job::AtoZ(_) => ("a-z/", "a-z", "a-z-title"),
                    _ => ("search/", "search", "search-title"),
                };
                generated(&mut view, tail, kind, label(source, &lang.code, key));
            }
            Job::Topic(_, t) => generated(
                &mut view,
                &format!("topics/{t}/"),
                "topic",
                label(source, &lang.code, &format!("topic-{t}")),
            ),
            Job::Country(_, code) => {
                let title = self.country_title(lang, code);
                generated(&mut view, &country_path(code), "country", title);
            }
            Job::Chooser => {
                // The chooser stands for every language home and is their x-default.
                generated(&mut view, "", "chooser", label(source, &lang.code, "site-title"));
                view.x_default = Some(urls.absolute(""));
                // No language is the chooser's own: none is marked as the current one.
                for l in &mut view.switcher {
                    l.current = false;
                }
            }
            Job::NotFound(_, _) => {
                view.kind = "404";
                view.title = label(source, &lang.code, "not-found-title");
                view.switcher = all_languages(&|l| format!("{}/404.html", l.code));
            }
        }
        view
    }

    /// Fills in a Markdown page's parts; `headings` are those of the body shown, for its table of contents.
    fn fill_content(
        &self,
        view: &mut PageView,
        lang: &Language,
        group: &PageGroup,
        urls: &Urls,
        headings: &[Heading],
    ) {
        let config = &self.source.config;
        let default = config.default();
        let (page, is_fallback) = group.in_language(&lang.code);
        view.kind = match &page.kind {
            PageKind::Home => "home",
            PageKind::Audience { .. } => "section",
            PageKind::Guidance { .. } => "page",
            PageKind::Standalone { slug } if slug == "help" => "help",
            PageKind::Standalone { slug } if slug == "partners" => "partners",
            PageKind::Standalone { .. } => "standalone",
        };
        view.title = page.front.title.clone();
        view.description = page.front.description.clone();
        view.is_draft = page.front.draft;
        view.audience = page.kind.audience().map(str::to_owned);
        view.topics =
            group.source.front.topics.iter().map(|t| topic_link(&lang.code, t, urls)).collect();
        view.updated = page.front.updated.clone().or_else(|| group.source.front.updated.clone());
        view.ages = group.source.front.ages.clone();
        view.toc = headings.iter().filter(|h| h.level <= 3).cloned().collect();
        view.switcher = config
            .languages
            .iter()
            .map(|l| {
                language_link(
                    l,
                    urls.link(&format!("{}/{}", l.code, group.url_path)),
                    l.code == lang.code,
                )
            })
            .collect();
        let original = format!("{}/{}", default.code, group.url_path);
        if is_fallback {
            view.is_fallback = true;
            view.content_lang = default.code.clone();
            view.content_dir = default.dir.as_str();
            view.canonical = urls.absolute(&original);
            view.original_url = Some(urls.link(&original));
        } else {
            view.translations = config
                .languages
                .iter()
                .filter(|l| l.code == default.code || group.translations.contains_key(&l.code))
                .map(|l| Alternate {
                    lang: l.code.clone(),
                    url: urls.absolute(&format!("{}/{}", l.code, group.url_path)),
                })
                .collect();
            // The root language chooser is the x-default of the home pages.
            let x_default = if group.url_path.is_empty() { String::new() } else { original };
            view.x_default = Some(urls.absolute(&x_default));
        }
        if let Some(n) = self.neighbours.get(group.source.key.as_str()) {
            view.prev = n.prev.map(|g| page_link(g, &lang.code, urls));
            view.next = n.next.map(|g| page_link(g, &lang.code, urls));
            view.related = n.related.iter().map(|g| page_link(g, &lang.code, urls)).collect();
        }
    }

    fn section_view(&self, lang: &Language, audience: &str, urls: &Urls) -> SectionView {
        let pages: Vec<(PageLink, Option<String>)> = self
            .pages_of(audience)
            .iter()
            .map(|g| (page_link(g, &lang.code, urls), g.source.front.ages.clone()))
            .collect();
        let mut bands = Vec::new();
        if pages.iter().any(|(_, a)| a.is_some()) {
            for band in self.source.config.age_bands.iter().map(Some).chain([None]) {
                let in_band: Vec<PageLink> = pages
                    .iter()
                    .filter(|(_, a)| a.as_ref() == band)
                    .map(|(p, _)| p.clone())
                    .collect();
                if !in_band.is_empty() {
                    bands.push(BandView { id: band.cloned().unwrap_or_default(), pages: in_band });
                }
            }
        }
        SectionView {
            id: audience.to_owned(),
            pages: pages.into_iter().map(|(p, _)| p).collect(),
            bands,
        }
    }

    fn topic_view(&self, lang: &Language, topic: &str, urls: &Urls) -> TopicView {
        let content = &self.source.content;
        let on_topic = |g: &&PageGroup| g.source.front.topics.iter().any(|t| t == topic);
        let mut groups = Vec::new();
        for audience in &self.source.config.audiences {
            let pages: Vec<PageLink> = self
                .pages_of(audience)
                .iter()
                .filter(|g| on_topic(g))
                .map(|g| page_link(g, &lang.code, urls))
                .collect();
            if !pages.is_empty() {
                groups.push(TopicGroup { audience: audience.clone(), pages });
            }
        }
        let standalone: Vec<PageLink> = content
            .pages
            .values()
            .filter(|g| matches!(g.source.kind, PageKind::Standalone { .. }))
            .filter(on_topic)
            .map(|g| page_link(g, &lang.code, urls))
            .collect();
        if !standalone.is_empty() {
            groups.push(TopicGroup { audience: String::new(), pages: standalone });
        }
        TopicView {
            id: topic.to_owned(),
            count: groups.iter().map(|g| g.pages.len()).sum(),
            groups,
        }
    }

    /// A country page's title: the `country-title` message with the country's name in `lang`.
    fn country_title(&self, lang: &Language, code: &str) -> String {
        let name = self.per_language[&lang.code]
            .countries
            .iter()
            .find(|c| c.code == code)
            .map_or_else(|| code.to_owned(), |c| c.name.clone());
        let args = [("country".to_owned(), crate::i18n::Arg::Text(name.clone()))];
        self.source.localizer.format(&lang.code, "country-title", &args).unwrap_or(name)
    }

    /// A country's view with its link relative to the page being rendered.
    fn country(&self, lang: &Language, code: &str, urls: &Urls) -> Option<CountryView> {
        let mut country =
            self.per_language[&lang.code].countries.iter().find(|c| c.code == code)?.clone();
        country.url = urls.link(&country.url);
        Some(country)
    }

    /// The help page's body split where the country finder goes, and the finder's countries by region.
    fn help_view(&self, lang: &Language, content: &str) -> HelpView {
        // The help page is `<lang>/help/`; its links to the country pages are as short as they can be.
        let here = format!("{}/help/", lang.code);
        let (before, after) = split_help(content);
        let countries = &self.per_language[&lang.code].countries;
        let regions: Vec<RegionView> = Region::ALL
            .iter()
            .map(|region| RegionView {
                id: region.id(),
                countries: countries
                    .iter()
                    .filter(|c| c.region == region.id())
                    .map(|c| CountryView {
                        url: crate::paths::relative_url(&here, &c.url),
                        // The finder links to the country pages; their helplines are not repeated.
                        helplines: Vec::new(),
                        ..c.clone()
                    })
                    .collect(),
            })
            .filter(|r| !r.countries.is_empty())
            .collect();
        HelpView {
            content_before: before.to_owned(),
            content_after: after.to_owned(),
            count: countries.len(),
            regions,
        }
    }

    /// Every page and topic of the site as readers of `lang` see it, sorted by title with the language's
    /// collation (ICU4X; the root collation if the language has no data). The home page is left out: every
    /// page links it.
    fn a_to_z(&self, lang: &Language, urls: &Urls) -> Vec<PageLink> {
        let source = self.source;
        let code = &lang.code;
        let generated = |tail: &str, key: &str| PageLink {
            title: label(source, code, key),
            description: None,
            url: urls.link(&format!("{code}/{tail}")),
            audience: None,
            ages: None,
            updated: None,
            lang: code.clone(),
            is_fallback: false,
        };
        let pages = &source.content.pages;
        let mut entries: Vec<PageLink> = pages
            .values()
            .filter(|g| !matches!(g.source.kind, PageKind::Home))
            .map(|g| page_link(g, code, urls))
            .collect();
        for a in &source.config.audiences {
            if !pages.contains_key(&format!("{a}/_index.md")) {
                entries.push(generated(&format!("{a}/"), &format!("audience-{a}")));
            }
        }
        for (slug, key) in [("help", "help-title"), ("partners", "partners-title")] {
            if !pages.contains_key(&format!("{slug}.md")) {
                entries.push(generated(&format!("{slug}/"), key));
            }
        }
        for t in &source.data.topics {
            entries.push(generated(&format!("topics/{}/", t.id), &format!("topic-{}", t.id)));
        }
        let locale =
            icu::locale::Locale::try_from_str(code).unwrap_or(icu::locale::Locale::UNKNOWN);
        let collator = icu::collator::Collator::try_new(
            (&locale).into(),
            icu::collator::options::CollatorOptions::default(),
        )
        .or_else(|_| {
            icu::collator::Collator::try_new(
                icu::collator::CollatorPreferences::default(),
                icu::collator::options::CollatorOptions::default(),
            )
        });
        match collator {
            Ok(collator) => entries.sort_by(|a, b| {
                collator.compare(&a.title, &b.title).then_with(|| a.url.cmp(&b.url))
            }),
            Err(_) => entries.sort_by(|a, b| a.title.cmp(&b.title).then_with(|| a.url.cmp(&b.url))),
        }
        entries
    }

    /// The most recently updated guidance pages, for the home page.
    fn latest(&self, lang: &Language, urls: &Urls) -> Vec<PageLink> {
        let mut pages: Vec<&PageGroup> = self
            .source
            .content
            .pages
            .values()
            .filter(|g| {
                matches!(g.source.kind, PageKind::Guidance { .. })
                    && g.source.front.updated.is_some()
            })
            .collect();
        pages.sort_by(|a, b| {
            b.source
                .front
                .updated
                .cmp(&a.source.front.updated)
                .then_with(|| a.source.order_key().cmp(&b.source.order_key()))
        });
        pages.into_iter().take(6).map(|g| page_link(g, &lang.code, urls)).collect()
    }
}

fn language_link(l: &Language, url: String, current: bool) -> LanguageLink {
    LanguageLink { code: l.code.clone(), name: l.name.clone(), dir: l.dir.as_str(), url, current }
}

fn topic_link(lang: &str, topic: &str, urls: &Urls) -> TopicLink {
    TopicLink { id: topic.to_owned(), url: urls.link(&format!("{lang}/topics/{topic}/")) }
}

fn page_link(group: &PageGroup, lang: &str, urls: &Urls) -> PageLink {
    let (page, is_fallback): (&SourcePage, bool) = group.in_language(lang);
    PageLink {
        title: page.front.title.clone(),
        description: page.front.description.clone(),
        url: urls.link(&format!("{lang}/{}", group.url_path)),
        audience: page.kind.audience().map(str::to_owned),
        ages: group.source.front.ages.clone(),
        updated: group.source.front.updated.clone(),
        lang: page.lang.clone(),
        is_fallback,
    }
}

/// Previous and next pages within each audience, and pages of other audiences that share a topic (most
/// shared topics first, then audience order, at most four), found through a topic index.
fn neighbours<'a>(
    audiences: &[String],
    audience_pages: &BTreeMap<&'a str, Vec<&'a PageGroup>>,
    only: Option<&std::collections::HashSet<&str>>,
) -> std::collections::HashMap<&'a str, Neighbours<'a>> {
    // Every guidance page in site order (audience order, then order within the audience), with its
    // audience's rank; an index into this list is a page's place in the site.
    let mut site: Vec<(usize, &'a PageGroup)> = Vec::new();
    let mut by_topic: std::collections::HashMap<&str, Vec<usize>> =
        std::collections::HashMap::new();
    for (rank, audience) in audiences.iter().enumerate() {
        for group in audience_pages.get(audience.as_str()).into_iter().flatten() {
            for topic in &group.source.front.topics {
                by_topic.entry(topic.as_str()).or_default().push(site.len());
            }
            site.push((rank, group));
        }
    }
    // Related pages depend only on a page's audience and its set of topics (pages of its own audience are
    // never related), so they are worked out once per distinct (audience, topics) rather than per page: the
    // scan over every page sharing a topic would otherwise be repeated for each of them, which grows with
    // the square of the site. The distinct sets are worked out in parallel.
    let mut wanted: Vec<(usize, usize, Vec<&str>)> = Vec::new();
    for (rank, audience) in audiences.iter().enumerate() {
        let pages = audience_pages.get(audience.as_str()).map_or(&[][..], Vec::as_slice);
        for (i, group) in pages.iter().enumerate() {
            if only.is_some_and(|keys| !keys.contains(group.source.key.as_str())) {
                continue;
            }
            let mut topics: Vec<&str> =
                group.source.front.topics.iter().map(String::as_str).collect();
            topics.sort_unstable();
            topics.dedup();
            wanted.push((rank, i, topics));
        }
    }
    let mut distinct: Vec<(usize, &[&str])> =
        wanted.iter().map(|(rank, _, topics)| (*rank, topics.as_slice())).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let related: std::collections::HashMap<(usize, &[&str]), Vec<&'a PageGroup>> = distinct
        .par_iter()
        .map_init(
            || (vec![0_u32; site.len()], Vec::new()),
            |(counts, touched), &(rank, topics)| {
                ((rank, topics), related(rank, topics, &site, &by_topic, counts, touched))
            },
        )
        .collect();
    let mut result = std::collections::HashMap::with_capacity(wanted.len());
    for (rank, i, topics) in &wanted {
        let pages = audience_pages.get(audiences[*rank].as_str()).map_or(&[][..], Vec::as_slice);
        let prev = i.checked_sub(1).map(|j| pages[j]);
        let next = pages.get(i + 1).copied();
        let related = related.get(&(*rank, topics.as_slice())).cloned().unwrap_or_default();
        result.insert(pages[*i].source.key.as_str(), Neighbours { prev, next, related });
    }
    result
}

/// The four pages of other audiences than `rank` sharing the most of `topics`, in site order among equals.
/// `counts` (one per page of `site`, all zero) and `touched` (empty) are working space, left as found.
fn related<'a>(
    rank: usize,
    topics: &[&str],
    site: &[(usize, &'a PageGroup)],
    by_topic: &std::collections::HashMap<&str, Vec<usize>>,
    counts: &mut [u32],
    touched: &mut Vec<usize>,
) -> Vec<&'a PageGroup> {
    for topic in topics {
        for &page in by_topic.get(topic).into_iter().flatten() {
            if site[page].0 != rank {
                if counts[page] == 0 {
                    touched.push(page);
                }
                counts[page] += 1;
            }
        }
    }
    // The best four by shared topics, then site order: kept sorted, so each page costs a comparison or two.
    let mut best: Vec<(u32, usize)> = Vec::with_capacity(5);
    let better = |a: (u32, usize), b: (u32, usize)| a.0 > b.0 || (a.0 == b.0 && a.1 < b.1);
    for &page in touched.iter() {
        let candidate = (counts[page], page);
        if best.len() == 4 && !better(candidate, best[3]) {
            continue;
        }
        let at = best.iter().position(|&b| better(candidate, b)).unwrap_or(best.len());
        best.insert(at, candidate);
        best.truncate(4);
    }
    for &page in touched.iter() {
        counts[page] = 0;
    }
    touched.clear();
    best.into_iter().map(|(_, page)| site[page].1).collect()
}

/// The id of the help page's heading after whose section the country finder is placed.
pub(crate) const FINDER_AFTER: &str = "talk-to-someone-you-trust";

/// Splits the help page's body where the country finder goes: after the section whose heading has the id
/// [`FINDER_AFTER`] (before the next `<h2`), or, without that heading, after the lead (before the first
/// `<h2`); all of it comes first when it has no `<h2` at all.
fn split_help(content: &str) -> (&str, &str) {
    let from = content.find(&format!(" id=\"{FINDER_AFTER}\"")).map_or(0, |i| i + 1);
    let at = content[from..].find("<h2").map_or(content.len(), |i| from + i);
    content.split_at(at)
}

/// Every country with helplines as shown in `lang`, sorted by its name in `lang`'s collation; `url` holds
/// the page's site path.
fn countries(source: &SiteSource, names: &SiteNames, lang: &str, rtl: bool) -> Vec<CountryView> {
    let default = &source.config.default_language;
    let mut countries: Vec<CountryView> = source
        .data
        .countries()
        .into_iter()
        .map(|code| {
            let entries: Vec<&Helpline> =
                source.data.helplines.iter().filter(|h| h.country.0 == code).collect();
            let (name, name_lang) = names.country(lang, code).map_or_else(
                // CLDR names every ISO 3166-1 code; this is only reached without any CLDR data.
                || (code.to_owned(), None),
                |(n, l)| (n.to_owned(), (l != lang).then(|| l.to_owned())),
            );
            CountryView {
                code: code.to_owned(),
                name,
                name_lang,
                region: entries.first().map_or("", |h| h.region.id()),
                url: format!("{lang}/{}", country_path(code)),
                helplines: entries
                    .iter()
                    .map(|h| helpline_view(h, names, lang, default, rtl))
                    .collect(),
            }
        })
        .collect();
    if let Some(local) = names.get(lang) {
        countries.sort_by(|a, b| local.compare(&a.name, &b.name));
    }
    countries
}

/// A helpline as shown in `lang`; text from the data is isolated as page text is.
fn helpline_view(
    h: &Helpline,
    names: &SiteNames,
    lang: &str,
    default: &str,
    rtl: bool,
) -> HelplineView {
    let other = |l: Option<&str>| l.filter(|l| *l != lang).map(str::to_owned);
    let (name, name_lang) = h.name.pick(lang, default);
    let hours = h.hours.as_ref().map(|t| t.pick(lang, default));
    HelplineView {
        country: h.country.0.clone(),
        name: isolate_text(name, rtl),
        name_lang: other(name_lang),
        phone: h.phone.as_ref().map(|p| p.0.clone()),
        phone_dial: h.phone.as_ref().map(crate::data::fields::PhoneNumber::dial),
        sms: h.sms.as_ref().map(|p| p.0.clone()),
        sms_dial: h.sms.as_ref().map(crate::data::fields::PhoneNumber::dial),
        whatsapp: h.whatsapp.as_ref().map(|u| u.0.clone()),
        chat: h.chat.as_ref().map(|u| u.0.clone()),
        url: h.url.as_ref().map(|u| u.0.clone()),
        url_host: h.url.as_ref().map(|u| u.host().to_owned()),
        free: h.free,
        hours: hours.map(|(t, _)| isolate_text(t, rtl)),
        hours_lang: hours.and_then(|(_, l)| other(l)),
        languages: h
            .languages
            .iter()
            .filter_map(|code| names.get(lang)?.language(&code.0).map(str::to_owned))
            .collect(),
        source: h.source.0.clone(),
        source_host: h.source.host().to_owned(),
        retrieved: h.retrieved.0.clone(),
        verified: h.verified.as_ref().map(|v| v.0.clone()),
    }
}

fn data_view(source: &SiteSource, names: &SiteNames, lang: &str, rtl: bool) -> DataView {
    let default = &source.config.default_language;
    let pick = |m: &BTreeMap<String, String>| -> Option<(String, String)> {
        m.get(lang)
            .map(|t| (t.clone(), lang.to_owned()))
            .or_else(|| m.get(default).map(|t| (t.clone(), default.clone())))
    };
    let partners: Vec<PartnerView> = source
        .data
        .partners
        .iter()
        .map(|p| {
            let (description, description_lang) = pick(&p.description).unwrap_or_default();
            let note = pick(&p.note);
            PartnerView {
                id: p.id.clone(),
                name: isolate_text(&p.name, rtl),
                url: p.url.as_ref().map(|u| u.0.clone()),
                kind: p.kind.id(),
                description: isolate_text(&description, rtl),
                description_lang,
                note_lang: note.as_ref().map(|n| n.1.clone()),
                note: note.map(|n| isolate_text(&n.0, rtl)),
                source: p.source.as_ref().map(|s| s.0.clone()),
                source_host: p.source.as_ref().map(|s| s.host().to_owned()),
                retrieved: p.retrieved.as_ref().map(|v| v.0.clone()),
                verified: p.verified.as_ref().map(|v| v.0.clone()),
            }
        })
        .collect();
    let partner_groups = PartnerKind::ALL
        .iter()
        .map(|k| PartnerGroup {
            kind: k.id(),
            partners: partners.iter().filter(|p| p.kind == k.id()).cloned().collect(),
        })
        .filter(|g| !g.partners.is_empty())
        .collect();
    DataView {
        partners,
        partner_groups,
        helplines: source
            .data
            .helplines
            .iter()
            .map(|h| helpline_view(h, names, lang, default, rtl))
            .collect(),
        topics: source.data.topics.iter().map(|t| t.id.clone()).collect(),
    }
}

/// A Fluent message used as a generated page's title; the key itself if even the default language lacks
/// it, which the template's own `t()` calls then report.
fn label(source: &SiteSource, lang: &str, key: &str) -> String {
    source.localizer.format(lang, key, &[]).unwrap_or_else(|| key.to_owned())
}
