//! The search index, built in-process with Pagefind's Rust API (no Node.js at build time): one bundle under
//! `pagefind/`, with an index per language. Only real pages of each language are indexed, never fallback
//! copies, so an Arabic search returns Arabic pages. Chinese and Japanese text is segmented into words by
//! Pagefind's `extended` feature.

use std::fmt::Write as _;

use crate::error::{Error, Result};
use crate::escape::html as xml;
use crate::paths::OutputFile;
use crate::source::SiteSource;

/// The folder of the search bundle below the output folder.
pub(crate) const BUNDLE: &str = "pagefind";

/// Files of Pagefind's bundle that the theme's own search page does not use (Pagefind's ready-made UIs).
const UNUSED: [&str; 4] =
    ["pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight."];

/// Builds the search bundle of every real page of every language.
pub(crate) fn index(source: &SiteSource) -> Result<Vec<OutputFile>> {
    let runtime = tokio::runtime::Builder::new_current_thread().build().map_err(fail)?;
    runtime.block_on(async {
        let mut index = pagefind::api::PagefindIndex::new(None).map_err(fail)?;
        let page_urls = source.content.urls();
        for lang in &source.config.languages {
            for group in source.content.pages.values() {
                let (page, is_fallback) = group.in_language(&lang.code);
                if is_fallback {
                    continue;
                }
                let mut html = format!(
                    "<!doctype html><html lang=\"{}\"><head><title>{title}</title></head><body><main data-pagefind-body><h1>{title}</h1>",
                    xml(&lang.code),
                    title = xml(&page.front.title),
                );
                if let Some(description) = &page.front.description {
                    let _ = write!(html, "<p>{}</p>", xml(description));
                }
                if !page.front.keywords.is_empty() {
                    let keywords = xml(&page.front.keywords.join(", "));
                    let _ = write!(html, "<span data-pagefind-meta=\"keywords:{keywords}\"></span>");
                }
                let body = crate::content::body(
                    &source.config,
                    &source.root,
                    page,
                    &group.url_path,
                    page_urls,
                )
                .map_err(Error::Site)?;
                html.push_str(&body.html);
                html.push_str("</main></body></html>");
                let url = format!("/{}/{}", lang.code, group.url_path);
                index.add_html_file(None, Some(url), html).await.map_err(fail)?;
            }
        }
        let files = index.get_files().await.map_err(fail)?;
        Ok(files
            .into_iter()
            .filter_map(|file| {
                let name = file.filename.to_string_lossy().replace('\\', "/");
                let unused = UNUSED.iter().any(|u| name.starts_with(u)) || name.starts_with("playground/");
                (!unused).then(|| OutputFile { path: format!("{BUNDLE}/{name}"), bytes: file.contents })
            })
            .collect())
    })
}

/// A Pagefind failure (an `anyhow` error) as the build's error.
fn fail(error: impl std::fmt::Display) -> Error {
    Error::Search(error.to_string())
}
