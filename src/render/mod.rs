//! Rendering: every page of every language through the theme's templates, in parallel, into output files.
//! Templates are parsed and Fluent bundles built once; each page is a pure function of the loaded site.

pub(crate) mod context;
pub(crate) mod functions;
mod views;

use std::collections::BTreeSet;
use std::sync::Arc;

use rayon::prelude::*;
use tera::Tera;

use crate::config::Language;
use crate::content::PageGroup;
use crate::date::LocalizedDates;
use crate::error::{Diagnostic, Error, Result};
use crate::paths::OutputFile;
use crate::source::SiteSource;

/// One page to render.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Job<'a> {
    /// A Markdown page (in its translation or as a fallback).
    Content(&'a Language, &'a PageGroup),
    /// A home page with no `_index.md`.
    Home(&'a Language),
    /// An audience landing page with no `_index.md`.
    Audience(&'a Language, &'a str),
    /// The help page with no `help.md`.
    Help(&'a Language),
    /// The partners page with no `partners.md`.
    Partners(&'a Language),
    /// A topic page.
    Topic(&'a Language, &'a str),
    /// A country's helplines page (the ISO code, upper case).
    Country(&'a Language, &'a str),
    /// The A–Z index of every page and topic.
    AtoZ(&'a Language),
    /// The search page.
    Search(&'a Language),
    /// The root language chooser.
    Chooser,
    /// A 404 page: the root one (in the default language) or one per language.
    NotFound(&'a Language, bool),
}

impl<'a> Job<'a> {
    /// The one place that decides where a page goes: its language, its path below the output folder as
    /// links name it (`en/help/`, or `404.html`), and its template.
    pub(crate) fn place(
        &self,
        config: &'a crate::config::SiteConfig,
    ) -> (&'a Language, String, &'static str) {
        match *self {
            Job::Content(lang, g) => {
                (lang, format!("{}/{}", lang.code, g.url_path), g.source.kind.template())
            }
            Job::Home(lang) => (lang, format!("{}/", lang.code), "home.html"),
            Job::Audience(lang, a) => (lang, format!("{}/{a}/", lang.code), "section.html"),
            Job::Help(lang) => (lang, format!("{}/help/", lang.code), "help.html"),
            Job::Partners(lang) => (lang, format!("{}/partners/", lang.code), "partners.html"),
            Job::Topic(lang, t) => (lang, format!("{}/topics/{t}/", lang.code), "topic.html"),
            Job::Country(lang, c) => {
                (lang, format!("{}/{}", lang.code, country_path(c)), "country.html")
            }
            Job::AtoZ(lang) => (lang, format!("{}/a-z/", lang.code), "a-z.html"),
            Job::Search(lang) => (lang, format!("{}/search/", lang.code), "search.html"),
            Job::Chooser => (config.default(), String::new(), "chooser.html"),
            Job::NotFound(lang, true) => (lang, "404.html".to_owned(), "404.html"),
            Job::NotFound(lang, false) => (lang, format!("{}/404.html", lang.code), "404.html"),
        }
    }

    /// What the page is made from, for messages about two outputs at one path: its Markdown file, or
    /// the generated page it is.
    fn origin(&self) -> String {
        match *self {
            Job::Content(lang, g) => g.in_language(&lang.code).0.file.clone(),
            Job::Home(_) => "the generated home page".to_owned(),
            Job::Audience(_, a) => format!("the generated landing page of the audience `{a}`"),
            Job::Help(_) => "the generated help page".to_owned(),
            Job::Partners(_) => "the generated partners page".to_owned(),
            Job::Topic(_, t) => format!("the generated page of the topic `{t}`"),
            Job::Country(_, c) => format!("the generated helplines page of {c}"),
            Job::AtoZ(_) => "the generated A-Z index".to_owned(),
            Job::Search(_) => "the generated search page".to_owned(),
            Job::Chooser => "the generated language chooser".to_owned(),
            Job::NotFound(..) => "the generated 404 page".to_owned(),
        }
    }
}

/// The file a page path is written to: `en/help/` is `en/help/index.html`.
pub(crate) fn output_path(site_path: &str) -> String {
    if site_path.ends_with(".html") {
        site_path.to_owned()
    } else {
        format!("{site_path}index.html")
    }
}

/// The output paths claimed so far, each with what it is made from.
#[derive(Debug, Default)]
pub(crate) struct Claims {
    claimed: std::collections::HashMap<String, String>,
    reported: std::collections::HashSet<(String, String)>,
}

impl Claims {
    /// Every page the build will write, and `extra` (the generated files beside the pages: static files,
    /// sitemap), with what each is made from, checked before anything is written: two outputs at one path
    /// are an error naming both sources, never one silently replacing the other.
    pub(crate) fn pages_and(
        source: &SiteSource,
        extra: &[(String, String)],
    ) -> std::result::Result<Self, Vec<Diagnostic>> {
        let mut claims = Claims::default();
        let pages = plan(source).into_iter().map(|job| {
            let (_, site_path, _) = job.place(&source.config);
            (output_path(&site_path), job.origin())
        });
        claims.add(pages.chain(extra.iter().cloned()))?;
        Ok(claims)
    }

    /// Claims more paths (files known only once the pages are rendered, such as the images they show),
    /// with the same check.
    pub(crate) fn add(
        &mut self,
        files: impl IntoIterator<Item = (String, String)>,
    ) -> std::result::Result<(), Vec<Diagnostic>> {
        let mut problems = Vec::new();
        for (path, origin) in files {
            if let Some(first) = self.claimed.get(&path) {
                if *first == origin {
                    continue;
                }
                // Name the Markdown file where there is one, so the message sits where the fix is.
                let (file, other) = if origin.starts_with("the ") && !first.starts_with("the ") {
                    (first.clone(), origin)
                } else {
                    (origin, first.clone())
                };
                if !self.reported.insert((file.clone(), other.clone())) {
                    // The same clash in every language is one problem.
                    continue;
                }
                let other = if other.starts_with("the ") { other } else { format!("`{other}`") };
                problems.push(
                    Diagnostic::error(
                        file,
                        "duplicate-url",
                        format!("this and {other} would both be written to `{path}`"),
                    )
                    .hint("rename one of them or give the page another `slug`; audience names and `help`, \
                           `partners` and `topics` are taken by generated pages"),
                );
            } else {
                self.claimed.insert(path, origin);
            }
        }
        if problems.is_empty() { Ok(()) } else { Err(problems) }
    }
}

/// Parses the theme's templates once, with the site's functions registered.
pub(crate) fn templates(source: &SiteSource) -> Result<Tera> {
    let mut tera = Tera::new();
    register(&mut tera, source);
    tera.autoescape_on(vec![".html", ".xml"]);
    let templates = source.theme.templates.iter().map(|(name, t)| (name.as_str(), t.text.as_str()));
    tera.add_raw_templates(templates)
        .map_err(|e| Error::Site(vec![template_diagnostic(source, &e)]))?;
    Ok(tera)
}

/// Registers the site's functions and filters; Tera 2 resolves them when templates are added, so this
/// comes first.
fn register(tera: &mut Tera, source: &SiteSource) {
    let translate = || functions::Translate {
        localizer: Arc::clone(&source.localizer),
        default_language: source.config.default_language.clone(),
    };
    // Built once: ICU4X formatters for every language, shared by the rendering threads.
    let dates =
        Arc::new(LocalizedDates::new(source.config.languages.iter().map(|l| l.code.as_str())));
    tera.register_function("t", translate());
    tera.register_function(
        "t_date",
        functions::TranslateDate { translate: translate(), dates: Arc::clone(&dates) },
    );
    tera.register_filter(
        "date",
        functions::LocalizedDate {
            dates,
            default_language: source.config.default_language.clone(),
        },
    );
}

/// What rendering wrote.
#[derive(Debug, Default)]
pub(crate) struct Written {
    /// The paths written, in the order of [`plan`].
    pub(crate) paths: Vec<String>,
    /// The keys of the images the rendered pages show, to publish with them.
    pub(crate) images: BTreeSet<String>,
}

/// Renders every page and hands each file to `sink` as soon as it is rendered, so a large site is never
/// held in memory whole. Returns what was written, or every problem found.
pub(crate) fn render_site(
    source: &SiteSource,
    tera: &Tera,
    sink: &(dyn Fn(OutputFile) -> Result<()> + Sync),
) -> Result<Written> {
    render_selected(source, tera, &|_| true, sink)
}

/// One rendered page: the path written and the images it shows.
type PageDone = (String, Vec<String>);

/// What a page to render is, for choosing which pages to render again after an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct JobId<'a> {
    /// Its language; `None` for the root pages (language chooser, root 404).
    pub(crate) lang: Option<&'a str>,
    /// The key of its Markdown page (`children/x.md`), for content pages.
    pub(crate) page: Option<&'a str>,
}

impl<'a> Job<'a> {
    /// The job's identity.
    fn id(&self) -> JobId<'a> {
        match *self {
            Job::Content(lang, group) => {
                JobId { lang: Some(&lang.code), page: Some(&group.source.key) }
            }
            Job::Home(lang)
            | Job::Audience(lang, _)
            | Job::Help(lang)
            | Job::Partners(lang)
            | Job::Topic(lang, _)
            | Job::Country(lang, _)
            | Job::AtoZ(lang)
            | Job::Search(lang) => JobId { lang: Some(&lang.code), page: None },
            Job::NotFound(lang, root) => {
                JobId { lang: (!root).then_some(lang.code.as_str()), page: None }
            }
            Job::Chooser => JobId { lang: None, page: None },
        }
    }
}

/// Renders the pages `select` picks, as [`render_site`] does; `serve` uses it to render again only what
/// an edit affects.
pub(crate) fn render_selected(
    source: &SiteSource,
    tera: &Tera,
    select: &(dyn Fn(JobId<'_>) -> bool + Sync),
    sink: &(dyn Fn(OutputFile) -> Result<()> + Sync),
) -> Result<Written> {
    let all = plan(source);
    let total = all.len();
    let jobs: Vec<Job<'_>> = all.into_iter().filter(|job| select(job.id())).collect();
    // When only a few pages render (an edit in `serve`), only their neighbours are worked out: relating
    // every page to every other by topic is the costliest part of preparing a large site.
    let only: Option<std::collections::HashSet<&str>> = (jobs.len() < total).then(|| {
        jobs.iter()
            .filter_map(|job| match job {
                Job::Content(_, group) => Some(group.source.key.as_str()),
                _ => None,
            })
            .collect()
    });
    let prepared = views::Prepared::new(source, only.as_ref());
    let page_urls = source.content.urls();
    let results: Vec<Result<std::result::Result<PageDone, Vec<Diagnostic>>>> = jobs
        .par_iter()
        .map(|job| {
            // A page's body is read and rendered here, once, as its page is written, and dropped with it.
            let mut body = match job {
                Job::Content(lang, group) => {
                    let (page, _) = group.in_language(&lang.code);
                    let body = crate::content::body(
                        &source.config,
                        &source.root,
                        page,
                        &group.url_path,
                        page_urls,
                    );
                    match body {
                        Ok(body) => body,
                        Err(problems) => return Ok(Err(problems)),
                    }
                }
                _ => crate::markdown::Rendered::default(),
            };
            // The page's template shows its HTML and headings; its images are published after the pages.
            let images = std::mem::take(&mut body.images);
            let (path, template, context) = prepared.context(job, body);
            match tera.render(template, &context) {
                Ok(html) => sink(OutputFile { path: path.clone(), bytes: html.into_bytes() })
                    .map(|()| Ok((path, images))),
                Err(e) => Ok(Err(vec![template_diagnostic(source, &e)])),
            }
        })
        .collect();
    let mut written = Written { paths: Vec::with_capacity(results.len()), images: BTreeSet::new() };
    let mut problems = Vec::new();
    for r in results {
        match r? {
            Ok((path, images)) => {
                written.paths.push(path);
                written.images.extend(images);
            }
            Err(mut d) => problems.append(&mut d),
        }
    }
    if !problems.is_empty() {
        // A page shown untranslated in other languages is read once for each; sorting also drops the
        // repeats, so each problem is reported once.
        crate::error::sort_diagnostics(&mut problems);
        return Err(Error::Site(problems));
    }
    Ok(written)
}

/// Lists every page to render, in a fixed order.
pub(crate) fn plan(source: &SiteSource) -> Vec<Job<'_>> {
    let config = &source.config;
    let pages = &source.content.pages;
    let mut jobs = vec![Job::Chooser, Job::NotFound(config.default(), true)];
    for lang in &config.languages {
        jobs.push(Job::NotFound(lang, false));
        jobs.extend(pages.values().map(|g| Job::Content(lang, g)));
        if !pages.contains_key("_index.md") {
            jobs.push(Job::Home(lang));
        }
        for audience in &config.audiences {
            if !pages.contains_key(&format!("{audience}/_index.md")) {
                jobs.push(Job::Audience(lang, audience));
            }
        }
        if !pages.contains_key("help.md") {
            jobs.push(Job::Help(lang));
        }
        if !pages.contains_key("partners.md") {
            jobs.push(Job::Partners(lang));
        }
        jobs.extend(source.data.topics.iter().map(|t| Job::Topic(lang, &t.id)));
        jobs.extend(source.data.countries().into_iter().map(|c| Job::Country(lang, c)));
        jobs.push(Job::AtoZ(lang));
        jobs.push(Job::Search(lang));
    }
    jobs
}

/// The path of a country's helplines page below a language folder (`help/ke/`): the one place that
/// decides it, for pages, links and the sitemap.
pub(crate) fn country_path(code: &str) -> String {
    format!("help/{}/", code.to_ascii_lowercase())
}

/// Turns a Tera error into a diagnostic naming the template file, line and column.
fn template_diagnostic(source: &SiteSource, error: &tera::Error) -> Diagnostic {
    let file_of = |name: &str| {
        source
            .theme
            .templates
            .get(name)
            .map_or_else(|| format!("templates/{name}"), |t| t.file.clone())
    };
    match error.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            Diagnostic::error(file_of(report.filename()), "template", report.message().to_owned())
                .at(Some(span.start_line), Some(span.start_col + 1))
        }
        tera::ErrorKind::MissingParent { current, parent } => Diagnostic::error(
            file_of(current),
            "template",
            format!("extends `{parent}`, which does not exist"),
        ),
        tera::ErrorKind::TemplateNotFound(name) => Diagnostic::error(
            file_of(name),
            "template",
            format!("the template `{name}` was not found"),
        ),
        _ => {
            let mut message = error.to_string();
            let mut cause = std::error::Error::source(error);
            while let Some(c) = cause {
                message.push_str(": ");
                message.push_str(&c.to_string());
                cause = c.source();
            }
            Diagnostic::error("templates", "template", message)
        }
    }
}
