//! An Atom feed per language, `<lang>/feed.xml`: the newest guidance pages by `updated`, as readers of that
//! language see them (a page not yet translated appears in the default language, marked with its `xml:lang`).

use std::fmt::Write as _;

use crate::content::PageGroup;
use crate::content::page::PageKind;
use crate::source::SiteSource;

use crate::escape::html as xml;

/// How many entries a feed carries.
pub(crate) const FEED_ENTRIES: usize = 50;

/// The feed's output path for a language.
pub(crate) fn path(lang: &str) -> String {
    format!("{lang}/feed.xml")
}

/// The Atom feed of language `lang`.
pub(crate) fn feed(source: &SiteSource, lang: &str) -> String {
    let config = &source.config;
    let base = &config.base_url;
    let mut pages: Vec<(&str, &PageGroup)> = source
        .content
        .pages
        .values()
        .filter(|g| matches!(g.source.kind, PageKind::Guidance { .. }))
        .filter_map(|g| updated(g, lang).map(|u| (u, g)))
        .collect();
    pages.sort_by(|a, b| {
        b.0.cmp(a.0).then_with(|| a.1.source.order_key().cmp(&b.1.source.order_key()))
    });
    pages.truncate(FEED_ENTRIES);
    let title = source.localizer.format(lang, "site-title", &[]).unwrap_or_default();
    let newest = pages.first().map_or("1970-01-01", |p| p.0);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ =
        writeln!(out, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">", xml(lang));
    let _ = writeln!(out, "  <title>{}</title>", xml(&title));
    let _ = writeln!(out, "  <id>{}</id>", xml(&format!("{base}{lang}/")));
    let _ = writeln!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        xml(&format!("{base}{}", path(lang)))
    );
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml(&format!("{base}{lang}/"))
    );
    let _ = writeln!(out, "  <updated>{}</updated>", timestamp(newest));
    let _ = writeln!(out, "  <author><name>{}</name></author>", xml(&title));
    for (updated, group) in pages {
        let (page, is_fallback) = group.in_language(lang);
        let url = format!("{base}{lang}/{}", group.url_path);
        if is_fallback {
            let _ = writeln!(out, "  <entry xml:lang=\"{}\">", xml(&page.lang));
        } else {
            out.push_str("  <entry>\n");
        }
        let _ = writeln!(out, "    <title>{}</title>", xml(&page.front.title));
        let _ = writeln!(out, "    <id>{}</id>", xml(&url));
        let _ = writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            xml(&url)
        );
        let _ = writeln!(out, "    <updated>{}</updated>", timestamp(updated));
        if let Some(description) = &page.front.description {
            let _ = writeln!(out, "    <summary>{}</summary>", xml(description));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// When the page was last updated in `lang`: its translation's date, else the original's.
fn updated<'a>(group: &'a PageGroup, lang: &str) -> Option<&'a str> {
    let (page, _) = group.in_language(lang);
    page.front.updated.as_deref().or(group.source.front.updated.as_deref())
}

/// An RFC 3339 time for a `YYYY-MM-DD` date: midnight UTC.
fn timestamp(date: &str) -> String {
    format!("{date}T00:00:00Z")
}
