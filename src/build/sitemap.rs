//! `sitemap.xml` (with `xhtml:link` alternates between real translations) and `robots.txt`.

use std::fmt::Write as _;

use crate::source::SiteSource;

/// Escapes text for XML.
fn xml(s: &str) -> String {
    crate::escape::html(s)
}

/// Every published language version of every page, with its alternates. Fallbacks are left out: they are
/// copies of the original, which carries the canonical URL.
pub(crate) fn sitemap(source: &SiteSource) -> String {
    let config = &source.config;
    let base = &config.base_url;
    let all: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    // (path below the language folder, languages it is really published in, its Markdown page if any)
    let mut entries: Vec<(String, Vec<&str>, Option<&crate::content::PageGroup>)> = Vec::new();
    for group in source.content.pages.values() {
        let langs: Vec<&str> = config
            .languages
            .iter()
            .map(|l| l.code.as_str())
            .filter(|c| *c == config.default_language || group.translations.contains_key(*c))
            .collect();
        entries.push((group.url_path.clone(), langs, Some(group)));
    }
    let generated = |path: String| (path, all.clone(), None);
    if !source.content.pages.contains_key("_index.md") {
        entries.push(generated(String::new()));
    }
    for a in &config.audiences {
        if !source.content.pages.contains_key(&format!("{a}/_index.md")) {
            entries.push(generated(format!("{a}/")));
        }
    }
    for special in ["help", "partners"] {
        if !source.content.pages.contains_key(&format!("{special}.md")) {
            entries.push(generated(format!("{special}/")));
        }
    }
    entries.extend(source.data.topics.iter().map(|t| generated(format!("topics/{}/", t.id))));
    entries.extend(
        source.data.countries().into_iter().map(|c| generated(crate::render::country_path(c))),
    );
    entries.sort_by(|a, b| a.0.cmp(&b.0));

    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for (path, langs, group) in &entries {
        for lang in langs {
            let _ =
                writeln!(out, "  <url>\n    <loc>{}</loc>", xml(&format!("{base}{lang}/{path}")));
            let updated = group.and_then(|g| {
                let (p, _) = g.in_language(lang);
                p.front.updated.clone().or_else(|| g.source.front.updated.clone())
            });
            if let Some(updated) = updated {
                let _ = writeln!(out, "    <lastmod>{updated}</lastmod>");
            }
            for alt in langs {
                let _ = writeln!(
                    out,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{alt}\" href=\"{}\"/>",
                    xml(&format!("{base}{alt}/{path}"))
                );
            }
            let _ = writeln!(
                out,
                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n  </url>",
                xml(&format!("{base}{}/{path}", config.default_language))
            );
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// Allows everything and names the sitemap.
pub(crate) fn robots(source: &SiteSource) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n", source.config.base_url)
}
