//! Links whose `#anchor` does not exist on the page they lead to, in the language the reader sees it in.
//! Anchors are looked up in the rendered output, so ids made by the theme count as well as headings.

use std::collections::HashSet;

use crate::check::{Output, column_in_body, page_path};
use crate::error::Diagnostic;
use crate::source::SiteSource;

/// The values of the `id` attributes in `html`.
pub(super) fn ids(html: &str) -> HashSet<String> {
    let mut found = HashSet::new();
    let mut rest = html;
    while let Some(at) = rest.find(" id=\"") {
        rest = &rest[at + 5..];
        if let Some(end) = rest.find('"') {
            found.insert(unescape(&rest[..end]));
            rest = &rest[end..];
        }
    }
    found
}

/// Undoes the HTML escaping that templates and the Markdown renderer apply to attribute values.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

/// Adds an error for every link to a missing anchor, as each language's reader would follow it.
pub(super) fn check(source: &SiteSource, output: &Output, findings: &mut Vec<Diagnostic>) {
    let has_id = |path: &str, id: &str| output.pages.get(path).is_some_and(|p| p.ids.contains(id));
    let pages = &source.content.pages;
    for group in pages.values() {
        for lang in &source.config.languages {
            let (page, fallback) = group.in_language(&lang.code);
            for link in
                page.links.iter().filter(|l| l.anchor.as_deref().is_some_and(|a| !a.is_empty()))
            {
                let written = link.anchor.as_deref().unwrap_or_default();
                // Browsers match the decoded fragment: `#%D8%A3` finds the heading `أ`.
                let decoded = crate::paths::percent_decode(written);
                let anchor = decoded.as_deref().unwrap_or(written);
                let Some(target) = pages.get(&link.target) else { continue };
                if fallback {
                    // Report a fallback reader's broken anchor only where the default language's reader does
                    // not already meet it: one finding per fault.
                    let default_path = page_path(&source.config.default_language, &target.url_path);
                    let broken_for_default = !has_id(&default_path, anchor);
                    if broken_for_default || !target.translations.contains_key(&lang.code) {
                        continue;
                    }
                }
                let path = page_path(&lang.code, &target.url_path);
                if has_id(&path, anchor) {
                    continue;
                }
                let (target_page, _) = target.in_language(&lang.code);
                let headings: Vec<&str> =
                    target_page.headings.iter().map(|h| h.id.as_str()).collect();
                let reader = if fallback {
                    format!(" (as `{}` readers see this page untranslated)", lang.code)
                } else {
                    String::new()
                };
                let hint = if headings.is_empty() {
                    format!(
                        "{} has no headings to link to; link to the page itself",
                        target_page.file
                    )
                } else {
                    format!(
                        "the anchors of {} are: {}; or give the heading `{{#{anchor}}}`",
                        target_page.file,
                        headings.join(", ")
                    )
                };
                findings.push(
                    Diagnostic::error(
                        &page.file,
                        "anchor",
                        format!("`#{anchor}` is not an anchor of {}{reader}", target_page.file),
                    )
                    .at(Some(link.line), column_in_body(page, link.line, &format!("#{written}")))
                    .spanning(written.chars().count() + 1)
                    .hint(hint),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_in_html() {
        let found = ids(r#"<h2 id="a-b">x</h2><p id="q&amp;a">y</p><div data-id="no">"#);
        assert!(found.contains("a-b") && found.contains("q&a") && !found.contains("no"));
    }
}
