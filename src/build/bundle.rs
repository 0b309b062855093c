//! `build --bundle`: per language, a zip of that language's portable site, `<lang>/<site>-<lang>.zip`, to
//! share by USB stick or messaging app and open from disk after unzipping. It holds the language's pages
//! (fallback copies included), the default-language pages they link to, images, feeds and the theme's and
//! the site's static files. Links to anything outside the zip (other languages, the search page's index)
//! become absolute links to the site online. Zips are deterministic: entries in path order, one fixed
//! timestamp and mode, so two builds of the same site are byte-identical.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::sync::Mutex;

use crate::error::{Error, Result};
use crate::paths::OutputFile;
use crate::source::SiteSource;

/// Generated files that describe the online site and have no place in an offline copy.
const ONLINE_ONLY: [&str; 4] = ["index.html", "404.html", "sitemap.xml", "robots.txt"];

/// The name of a language's zip: the base URL's host and path, then the language (`example-org-en.zip`).
pub(crate) fn zip_name(source: &SiteSource, lang: &str) -> String {
    let site = source.config.base_url.split("://").nth(1).unwrap_or("site");
    let mut name = String::new();
    for c in site.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    format!("{}-{lang}.zip", if name.is_empty() { "site" } else { name })
}

/// The output path of a language's zip.
pub(crate) fn zip_path(source: &SiteSource, lang: &str) -> String {
    format!("{lang}/{}", zip_name(source, lang))
}

/// Renders the portable site in memory and packs one zip per language.
pub(crate) fn bundles(source: &SiteSource, tera: &tera::Tera) -> Result<Vec<OutputFile>> {
    let files: Mutex<BTreeMap<String, Vec<u8>>> = Mutex::new(BTreeMap::new());
    super::generate_with(source, tera, &|mut file| {
        if file.path.ends_with(".html")
            && let Ok(html) = std::str::from_utf8(&file.bytes)
        {
            file.bytes = super::portable::link_index_files(html).into_bytes();
        }
        files
            .lock()
            .map_err(|_| Error::Usage("a rendering thread failed".to_owned()))?
            .insert(file.path, file.bytes);
        Ok(())
    })?;
    let files =
        files.into_inner().map_err(|_| Error::Usage("a rendering thread failed".to_owned()))?;
    let codes: BTreeSet<&str> = source.config.languages.iter().map(|l| l.code.as_str()).collect();
    let mut out = Vec::new();
    for lang in &source.config.languages {
        let code = lang.code.as_str();
        let mut chosen: BTreeSet<&str> = files
            .keys()
            .map(String::as_str)
            .filter(|path| {
                let first = path.split('/').next().unwrap_or_default();
                if path.contains('/') && codes.contains(first) {
                    first == code
                } else {
                    !ONLINE_ONLY.contains(path)
                }
            })
            .collect();
        // The default language's pages that the language's pages link to (originals of fallback copies).
        let mut linked = BTreeSet::new();
        for path in chosen.iter().filter(|p| p.ends_with(".html")) {
            for target in relative_targets(path, &files[*path]) {
                if files.contains_key(&target)
                    && target.starts_with(&format!("{}/", source.config.default_language))
                {
                    linked.insert(target);
                }
            }
        }
        let linked: Vec<String> = linked.into_iter().collect();
        chosen.extend(linked.iter().map(String::as_str));
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        let folder = zip_name(source, code).trim_end_matches(".zip").to_owned();
        for path in &chosen {
            let bytes = &files[*path];
            let bytes = if path.ends_with(".html") {
                let html = String::from_utf8_lossy(bytes);
                offline_links(path, &html, &chosen, &source.config.base_url).into_bytes()
            } else {
                bytes.clone()
            };
            let failed = |e: &dyn std::fmt::Display| {
                Error::Usage(format!("writing {}: {e}", zip_path(source, code)))
            };
            zip.start_file(format!("{folder}/{path}"), options).map_err(|e| failed(&e))?;
            zip.write_all(&bytes).map_err(|e| failed(&e))?;
        }
        let bytes = zip
            .finish()
            .map_err(|e| Error::Usage(format!("writing {}: {e}", zip_path(source, code))))?
            .into_inner();
        out.push(OutputFile { path: zip_path(source, code), bytes });
    }
    Ok(out)
}

/// The attributes whose values are links.
const LINK_ATTRIBUTES: [&str; 4] = [" href=\"", " src=\"", " action=\"", " srcset=\""];

/// Every relative link of `html` (at output path `page`), resolved to an output path.
fn relative_targets(page: &str, bytes: &[u8]) -> Vec<String> {
    let html = String::from_utf8_lossy(bytes);
    let mut targets = Vec::new();
    rewrite_links(&html, |url| {
        if let Some(target) = resolve(page, url) {
            targets.push(target);
        }
        None
    });
    targets
}

/// `html` with every relative link that leads outside the zip made absolute on the site online.
fn offline_links(page: &str, html: &str, inside: &BTreeSet<&str>, base_url: &str) -> String {
    rewrite_links(html, |url| {
        let target = resolve(page, url)?;
        if inside.contains(target.as_str()) {
            return None;
        }
        let online = target.strip_suffix("index.html").unwrap_or(&target);
        let suffix = url.find(['#', '?']).map_or("", |i| &url[i..]);
        Some(format!("{base_url}{online}{suffix}"))
    })
}

/// The output path a relative URL on the page at `page` points to; `None` for absolute URLs, fragments
/// and data.
fn resolve(page: &str, url: &str) -> Option<String> {
    let path = url.split(['#', '?']).next().unwrap_or_default();
    if path.is_empty() || path.starts_with('/') || path.contains(':') {
        return None;
    }
    crate::paths::resolve(page, path)
}

/// Calls `replace` with each URL in a link attribute of `html` (each candidate of a `srcset`), putting
/// what it returns in the URL's place.
fn rewrite_links(html: &str, mut replace: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some((at, attribute)) =
        LINK_ATTRIBUTES.iter().filter_map(|a| rest.find(a).map(|at| (at, *a))).min()
    {
        let start = at + attribute.len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..end];
        if attribute == " srcset=\"" {
            let candidates: Vec<String> = value
                .split(", ")
                .map(|candidate| {
                    let (url, descriptor) = candidate.split_once(' ').unwrap_or((candidate, ""));
                    let url = replace(url).unwrap_or_else(|| url.to_owned());
                    if descriptor.is_empty() { url } else { format!("{url} {descriptor}") }
                })
                .collect();
            out.push_str(&candidates.join(", "));
        } else {
            out.push_str(&replace(value).unwrap_or_else(|| value.to_owned()));
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_leaving_the_zip_go_online() {
        let inside: BTreeSet<&str> = ["ar/index.html", "style.css", "ar/a-360w.png"].into();
        let html = r##"<a href="../fr/index.html#x">fr</a><link href="../style.css"><a href="#top">t</a><img src="a.png" srcset="a-360w.png 360w, a.png 1200w"><a href="https://x.example/">x</a>"##;
        assert_eq!(
            offline_links("ar/index.html", html, &inside, "https://example.org/"),
            r##"<a href="https://example.org/fr/#x">fr</a><link href="../style.css"><a href="#top">t</a><img src="https://example.org/ar/a.png" srcset="a-360w.png 360w, https://example.org/ar/a.png 1200w"><a href="https://x.example/">x</a>"##
        );
    }
}
