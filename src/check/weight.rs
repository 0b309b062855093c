//! Page weight: each page's HTML plus the style sheets and scripts it loads, against site.yaml's
//! `page_budget_kb`, because readers on slow, costly connections pay for every byte.

use std::collections::HashMap;

use crate::check::{Output, page_path};
use crate::error::Diagnostic;
use crate::source::SiteSource;

/// Adds a warning for every page over the budget.
pub(super) fn check(source: &SiteSource, output: &Output, findings: &mut Vec<Diagnostic>) {
    let budget = u64::from(source.config.page_budget_kb) * 1024;
    let mut files: HashMap<String, &str> = HashMap::new();
    let mut fallbacks = std::collections::HashSet::new();
    for group in source.content.pages.values() {
        for lang in &source.config.languages {
            let (page, fallback) = group.in_language(&lang.code);
            let path = page_path(&lang.code, &group.url_path);
            if fallback {
                fallbacks.insert(path);
            } else {
                files.insert(path, &page.file);
            }
        }
    }
    for (path, page) in &output.pages {
        if fallbacks.contains(path) {
            // The source language's page already answers for this content.
            continue;
        }
        let size = output.sizes.get(path).copied().unwrap_or_default();
        let assets: u64 = page.assets.iter().filter_map(|asset| output.sizes.get(asset)).sum();
        let total = size + assets;
        if total <= budget {
            continue;
        }
        let file = files.get(path).map_or_else(|| template_of(source, path), |f| (*f).to_owned());
        findings.push(
            Diagnostic::error(
                file,
                "page-weight",
                format!(
                    "/{path} weighs {:.1} KB (HTML {:.1} KB + CSS, JS and images {:.1} KB), over the budget of {} KB",
                    total as f64 / 1024.0,
                    size as f64 / 1024.0,
                    assets as f64 / 1024.0,
                    source.config.page_budget_kb
                ),
            )
            .warning()
            .hint("split the page, use fewer or smaller images, or trim the theme's CSS and scripts; the budget is `page_budget_kb` in site.yaml"),
        );
    }
}

/// The output paths of the files the page at output path `page` loads (see [`linked_assets`]).
pub(super) fn linked_files(page: &str, html: &str, base_path: &str) -> Vec<String> {
    linked_assets(html).iter().filter_map(|href| resolve(page, href, base_path)).collect()
}

/// The `href` of style sheets, `src` of scripts and, for images, the file a 360 px phone fetches: the
/// first (narrowest) `srcset` candidate, else `src`.
fn linked_assets(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        if tag.starts_with("img ") {
            let narrowest = attribute_value(tag, "srcset").and_then(|set| {
                set.split(',').next().and_then(|c| c.split_whitespace().next()).map(str::to_owned)
            });
            if let Some(url) = narrowest.or_else(|| attribute_value(tag, "src")) {
                found.push(url);
            }
            continue;
        }
        let attribute = if tag.starts_with("link ") && tag.contains("stylesheet") {
            "href"
        } else if tag.starts_with("script ") {
            "src"
        } else {
            continue;
        };
        if let Some(value) = attribute_value(tag, attribute) {
            found.push(value);
        }
    }
    found
}

fn attribute_value(tag: &str, name: &str) -> Option<String> {
    let at = tag.find(&format!(" {name}="))? + name.len() + 2;
    let rest = &tag[at..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let end = rest[1..].find(quote)?;
    Some(rest[1..=end].replace("&amp;", "&"))
}

/// The output path an `href` on the page at `page` points to, if it stays on the site.
fn resolve(page: &str, href: &str, base_path: &str) -> Option<String> {
    let href = href.split(['?', '#']).next().unwrap_or(href);
    if href.contains("://") || href.starts_with("//") {
        return None;
    }
    if let Some(absolute) = href.strip_prefix('/') {
        // Root-relative (404 pages): the path below base_url's path is the output path.
        let below = absolute.strip_prefix(base_path.trim_start_matches('/')).unwrap_or(absolute);
        return Some(below.to_owned());
    }
    crate::paths::resolve(page, href)
}

/// The template file that renders a generated page, for pages with no Markdown source.
fn template_of(source: &SiteSource, path: &str) -> String {
    let segments: Vec<&str> =
        path.trim_end_matches("index.html").trim_end_matches('/').split('/').collect();
    let name = match segments.as_slice() {
        _ if path.ends_with("404.html") => "404.html",
        [""] => "chooser.html",
        [_, "topics", ..] => "topic.html",
        [_, "help"] => "help.html",
        [_, "partners"] => "partners.html",
        [_] => "home.html",
        _ => "section.html",
    };
    source.theme.templates.get(name).map_or_else(|| format!("templates/{name}"), |t| t.file.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_resolves_assets() {
        let html = r#"<link rel="stylesheet" href="../../style.css?v=1"><script src="../../quick-exit.js" defer></script><link rel="alternate" href="x">"#;
        let assets = linked_assets(html);
        assert_eq!(assets, ["../../style.css?v=1", "../../quick-exit.js"]);
        assert_eq!(
            resolve("en/children/index.html", &assets[0], "/").as_deref(),
            Some("style.css")
        );
        assert_eq!(resolve("en/index.html", "../../x.css", "/"), None);
        assert_eq!(resolve("en/index.html", "https://cdn.example/x.css", "/"), None);
        assert_eq!(resolve("404.html", "/cop/style.css", "/cop/").as_deref(), Some("style.css"));
        let images = r#"<img src="../a.png" srcset="../a-360w.png 360w, ../a.png 1200w" width="1200" height="800" alt="x"><img src="../b.svg" alt="y">"#;
        assert_eq!(linked_assets(images), ["../a-360w.png", "../b.svg"]);
    }
}
