//! Builds the template context of each job from the loaded site. Parts that are the same for every page
//! of a language (data in that language, audience titles) are prepared once.

use std::collections::BTreeMap;

use tera::{Context, Value};

use crate::config::Language;
use crate::content::PageGroup;
use crate::content::page::{PageKind, SourcePage};
use crate::data::PartnerKind;
use crate::render::Job;
use crate::render::context::{
    Alternate, AudienceLink, BandView, DataView, LanguageLink, PageLink, PageView, PartnerGroup,
    PartnerView, SectionView, SiteView, TopicGroup, TopicLink, TopicView, Urls,
};
use crate::source::SiteSource;

/// What every page of one language shares.
struct LanguageParts {
    data: Value,
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
        let per_language = source
            .config
            .languages
            .iter()
            .map(|lang| {
                let data = Value::from_serializable(&data_view(source, &lang.code));
                let audiences = source
                    .config
                    .audiences
                    .iter()
                    .map(|a| {
                        let count = source.content.pages.values().filter(|g| matches!(&g.source.kind, PageKind::Guidance { audience, .. } if audience == a)).count();
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
                (lang.code.clone(), LanguageParts { data, audiences })
            })
            .collect();
        let audience_pages: BTreeMap<&str, Vec<&PageGroup>> = source
            .config
            .audiences
            .iter()
            .map(|a| (a.as_str(), source.content.audience_pages(a)))
            .collect();
        let neighbours = neighbours(&source.config.audiences, &audience_pages, only);
        Prepared { source, per_language, audience_pages, neighbours }
    }

    fn pages_of(&self, audience: &str) -> &[&'a PageGroup] {
        self.audience_pages.get(audience).map_or(&[], Vec::as_slice)
    }

    /// The output path, template name and context of a job.
    pub(crate) fn context(&self, job: &Job<'_>) -> (String, &'static str, Context) {
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
        cx.insert("site", &self.site_view(lang, &urls));
        let page = self.page_view(job, lang, &site_path, &urls);
        match *job {
            Job::Content(_, g) if matches!(g.source.kind, PageKind::Audience { .. }) => {
                let audience = g.source.kind.audience().unwrap_or_default();
                cx.insert("section", &self.section_view(lang, audience, &urls));
            }
            Job::Audience(_, audience) => {
                cx.insert("section", &self.section_view(lang, audience, &urls));
            }
            Job::Topic(_, topic) => cx.insert("topic", &self.topic_view(lang, topic, &urls)),
            _ => {}
        }
        if matches!(template, "home.html") {
            cx.insert("latest", &self.latest(lang, &urls));
        }
        cx.insert("page", &page);
        (out_path, template, cx)
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
            pages: self
                .source
                .content
                .pages
                .values()
                .filter(|g| matches!(&g.source.kind, PageKind::Standalone { slug } if slug != "help" && slug != "partners"))
                .map(|g| page_link(g, code, urls))
                .collect(),
            home_url: urls.link(&format!("{code}/")),
            help_url: urls.link(&format!("{code}/help/")),
            partners_url: urls.link(&format!("{code}/partners/")),
            chooser_url: urls.link(""),
            root: urls.root.clone(),
            quick_exit_url: config.quick_exit_url.clone(),
        }
    }

    fn page_view(&self, job: &Job<'_>, lang: &Language, site_path: &str, urls: &Urls) -> PageView {
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
            content: String::new(),
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
            Job::Content(_, group) => self.fill_content(&mut view, lang, group, urls),
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
            Job::Help(_) => {
                generated(&mut view, "help/", "help", label(source, &lang.code, "help-title"));
            }
            Job::Partners(_) => generated(
                &mut view,
                "partners/",
                "partners",
                label(source, &lang.code, "partners-title"),
            ),
            Job::Topic(_, t) => generated(
                &mut view,
                &format!("topics/{t}/"),
                "topic",
                label(source, &lang.code, &format!("topic-{t}")),
            ),
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

    fn fill_content(&self, view: &mut PageView, lang: &Language, group: &PageGroup, urls: &Urls) {
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
        view.content = page.html.clone();
        view.audience = page.kind.audience().map(str::to_owned);
        view.topics =
            group.source.front.topics.iter().map(|t| topic_link(&lang.code, t, urls)).collect();
        view.updated = page.front.updated.clone().or_else(|| group.source.front.updated.clone());
        view.ages = group.source.front.ages.clone();
        view.toc = page.headings.iter().filter(|h| h.level <= 3).cloned().collect();
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
    let mut by_topic: std::collections::HashMap<&str, Vec<(usize, usize, &'a PageGroup)>> =
        std::collections::HashMap::new();
    for (rank, audience) in audiences.iter().enumerate() {
        for (position, group) in
            audience_pages.get(audience.as_str()).into_iter().flatten().enumerate()
        {
            for topic in &group.source.front.topics {
                by_topic.entry(topic.as_str()).or_default().push((rank, position, group));
            }
        }
    }
    // Related pages depend only on a page's audience and its set of topics (pages of its own audience are
    // never related), so they are worked out once per distinct (audience, topics) rather than per page: the
    // scan over every page sharing a topic would otherwise be repeated for each of them, which grows with
    // the square of the site.
    let mut related_by_topics: std::collections::HashMap<(usize, Vec<&str>), Vec<&'a PageGroup>> =
        std::collections::HashMap::new();
    let mut result = std::collections::HashMap::new();
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
            let related = related_by_topics
                .entry((rank, topics))
                .or_insert_with_key(|(rank, topics)| related(*rank, topics, &by_topic))
                .clone();
            let prev = i.checked_sub(1).map(|j| pages[j]);
            let next = pages.get(i + 1).copied();
            result.insert(group.source.key.as_str(), Neighbours { prev, next, related });
        }
    }
    result
}

/// The four pages of other audiences than `rank` sharing the most of `topics`, in site order among equals.
fn related<'a>(
    rank: usize,
    topics: &[&str],
    by_topic: &std::collections::HashMap<&str, Vec<(usize, usize, &'a PageGroup)>>,
) -> Vec<&'a PageGroup> {
    let mut shared: std::collections::HashMap<(usize, usize), (usize, &'a PageGroup)> =
        std::collections::HashMap::new();
    for topic in topics {
        for &(other_rank, position, other) in by_topic.get(topic).into_iter().flatten() {
            if other_rank != rank {
                shared.entry((other_rank, position)).or_insert((0, other)).0 += 1;
            }
        }
    }
    let mut scored: Vec<_> = shared.into_iter().collect();
    scored.sort_unstable_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(&b.0)));
    scored.into_iter().take(4).map(|(_, (_, g))| g).collect()
}

fn data_view(source: &SiteSource, lang: &str) -> DataView {
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
                name: p.name.clone(),
                url: p.url.as_ref().map(|u| u.0.clone()),
                kind: p.kind.id(),
                description,
                description_lang,
                note_lang: note.as_ref().map(|n| n.1.clone()),
                note: note.map(|n| n.0),
                source: p.source.as_ref().map(|s| s.0.clone()),
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
        helplines: source.data.helplines.clone(),
        topics: source.data.topics.iter().map(|t| t.id.clone()).collect(),
    }
}

/// A Fluent message used as a generated page's title; the key itself if even the default language lacks
/// it, which the template's own `t()` calls then report.
fn label(source: &SiteSource, lang: &str, key: &str) -> String {
    source.localizer.format(lang, key, &[]).unwrap_or_else(|| key.to_owned())
}
