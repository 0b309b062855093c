//! Rendering: every page of every language through the theme's templates, in parallel, into output files.
//! Templates are parsed and Fluent bundles built once; each page is a pure function of the loaded site.

pub mod context;
pub mod functions;
mod views;

use std::sync::Arc;

use rayon::prelude::*;
use tera::Tera;

use crate::build::output::OutputFile;
use crate::config::Language;
use crate::content::PageGroup;
use crate::error::{Diagnostic, Error, Result};
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
    /// The root language chooser.
    Chooser,
    /// A 404 page: the root one (in the default language) or one per language.
    NotFound(&'a Language, bool),
}

/// Parses the theme's templates once, with the site's functions registered.
pub fn templates(source: &SiteSource) -> Result<Tera> {
    let mut tera = Tera::new();
    tera.register_function(
        "t",
        functions::Translate {
            localizer: Arc::clone(&source.localizer),
            default_language: source.config.default_language.clone(),
        },
    );
    tera.autoescape_on(vec![".html", ".xml"]);
    let templates = source.theme.templates.iter().map(|(name, t)| (name.as_str(), t.text.as_str()));
    tera.add_raw_templates(templates)
        .map_err(|e| Error::Site(vec![template_diagnostic(source, &e)]))?;
    Ok(tera)
}

/// Renders every page and hands each file to `sink` as soon as it is rendered, so a large site is never
/// held in memory whole. Returns the paths written, sorted, or every problem found.
pub fn render_site(
    source: &SiteSource,
    tera: &Tera,
    sink: &(dyn Fn(OutputFile) -> Result<()> + Sync),
) -> Result<Vec<String>> {
    let jobs = plan(source);
    let prepared = views::Prepared::new(source);
    let results: Vec<Result<std::result::Result<String, Diagnostic>>> = jobs
        .par_iter()
        .map(|job| {
            let (path, template, context) = prepared.context(job);
            match tera.render(template, &context) {
                Ok(html) => sink(OutputFile { path: path.clone(), bytes: html.into_bytes() })
                    .map(|()| Ok(path)),
                Err(e) => Ok(Err(template_diagnostic(source, &e))),
            }
        })
        .collect();
    let mut paths = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for r in results {
        match r? {
            Ok(p) => paths.push(p),
            Err(d) => problems.push(d),
        }
    }
    if !problems.is_empty() {
        crate::error::sort_diagnostics(&mut problems);
        return Err(Error::Site(problems));
    }
    paths.sort();
    Ok(paths)
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
    }
    jobs
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
