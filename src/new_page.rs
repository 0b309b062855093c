//! `new`: starts a page, or the translation of one, as a draft with valid front matter, so nothing
//! half-written is published until its author removes `draft: true`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::config::SiteConfig;
use crate::content::CONTENT_DIR;
use crate::content::page::is_safe_segment;
use crate::error::{Diagnostic, Error, Result};
use crate::i18n::tracking::{restore_style, set_front_field, source_hash};

/// What `new` created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    /// The new file, relative to the site root.
    pub file: String,
    /// For a translation: its source, relative to the site root.
    pub source: Option<String>,
}

/// Creates the page named by `spec` (`<lang>/<audience>/<slug>` or `<lang>/<slug>`, `.md` optional) in the
/// site at `root`, dated `today` (YYYY-MM-DD).
pub fn create(config: &SiteConfig, root: &Path, spec: &str, today: &str) -> Result<Created> {
    let spec = spec.trim_matches('/');
    let spec = spec.strip_suffix(".md").unwrap_or(spec);
    let parts: Vec<&str> = spec.split('/').collect();
    let usage = |message: String| {
        Error::Site(vec![Diagnostic::error(CONTENT_DIR, "new", message).hint(
            "name the page as <lang>/<audience>/<slug> (a guidance page) or <lang>/<slug> (a standalone page)",
        )])
    };
    let (lang, rest) = match parts.as_slice() {
        [lang, rest @ ..] if (1..=2).contains(&rest.len()) => (*lang, rest),
        _ => return Err(usage(format!("`{spec}` is not a page name"))),
    };
    if config.language(lang).is_none() {
        let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
        return Err(usage(format!(
            "`{lang}` is not a language of the site (it has {})",
            codes.join(", ")
        )));
    }
    if let [audience, _] = rest
        && !config.audiences.iter().any(|a| a == audience)
    {
        return Err(usage(format!(
            "`{audience}` is not an audience of the site (it has {})",
            config.audiences.join(", ")
        )));
    }
    let slug = rest[rest.len() - 1];
    if slug != "_index" && !is_safe_segment(slug) {
        return Err(usage(format!("`{slug}` is not one URL-safe path segment")));
    }
    // help.md and partners.md give the prose of those generated pages, so only `topics` and the audiences'
    // own addresses are taken.
    if rest.len() == 1 && (slug == "topics" || config.audiences.iter().any(|a| a == slug)) {
        return Err(usage(format!(
            "`{slug}` is the address of a generated or audience page; choose another name"
        )));
    }
    let key = format!("{}.md", rest.join("/"));
    let path = root.join(CONTENT_DIR).join(lang).join(&key);
    let file = crate::fs::shown(root, &path);
    if path.exists() {
        return Err(Error::Site(vec![
            Diagnostic::error(&file, "exists", "this page already exists; nothing was changed")
                .hint("edit it, or choose another name"),
        ]));
    }
    let (bytes, source) = if lang == config.default_language {
        (new_source(config, rest, slug, today).into_bytes(), None)
    } else {
        let (bytes, source) = new_translation(config, root, &key)?;
        (bytes, Some(source))
    };
    // A file that appeared since the check above is still never overwritten.
    crate::fs::create_new(&path, &bytes)?;
    Ok(Created { file, source })
}

/// The description `new` writes, for its author to replace; `check` warns about a published page keeping it.
pub(crate) const PLACEHOLDER_DESCRIPTION: &str =
    "One sentence on what this page helps the reader do.";
/// The first line of the body `new` writes; `check` warns about a published page keeping it.
pub(crate) const PLACEHOLDER_BODY: &str = "Start with the one thing the reader should remember.";

/// A new source page: front matter every check accepts, and a body that says what goes where.
fn new_source(config: &SiteConfig, rest: &[&str], slug: &str, today: &str) -> String {
    let title = if slug == "_index" { rest[0] } else { slug };
    let mut title: String = title.replace(['-', '_'], " ");
    if let Some(first) = title.get(..1) {
        title = first.to_uppercase() + title.get(1..).unwrap_or("");
    }
    let mut front = format!(
        "---\ntitle: {}\ndescription: {}\ntopics: []\nupdated: {today}\ndraft: true\n",
        yaml_string(&title),
        yaml_string(PLACEHOLDER_DESCRIPTION)
    );
    if rest.len() == 2
        && rest[0] == "children"
        && slug != "_index"
        && let Some(band) = config.age_bands.first()
    {
        let _ = write!(
            front,
            "# The age band of the readers: {}\nages: {band}\n",
            config.age_bands.join(", ")
        );
    }
    front.push_str("---\n\n");
    front.push_str(PLACEHOLDER_BODY);
    front.push_str(
        "\n\n## What to do\n\n\
         Explain it in short paragraphs, one idea each. End with the next step: who to talk to, or \
         where to get help.\n",
    );
    front
}

/// A draft translation: the source's text, to be translated in place, stamped with the source's hash.
fn new_translation(config: &SiteConfig, root: &Path, key: &str) -> Result<(Vec<u8>, String)> {
    let source_path: PathBuf = root.join(CONTENT_DIR).join(&config.default_language).join(key);
    let shown = crate::fs::shown(root, &source_path);
    if !source_path.is_file() {
        return Err(Error::Site(vec![
            Diagnostic::error(
                &shown,
                "no-source",
                "the source page does not exist; nothing was created",
            )
            .hint(format!(
                "a translation starts from its source: create it first with `safeguide new {}/{}`",
                config.default_language,
                key.trim_end_matches(".md")
            )),
        ]));
    }
    let original = crate::fs::read(&source_path)?;
    let text =
        crate::fs::decode_source(original.clone(), &shown).map_err(|d| Error::Site(vec![d]))?;
    let split =
        crate::content::front_matter::split(&text, &shown).map_err(|d| Error::Site(vec![d]))?;
    let hash = source_hash(&split.front, &split.body);
    // Headings get their source's ids written out, so links to `#anchors` survive the translation.
    let text = match text.strip_suffix(split.body.as_str()) {
        Some(head) => format!("{head}{}", crate::markdown::with_heading_ids(&split.body)),
        None => text,
    };
    let text = set_front_field(&text, "draft", "true")
        .and_then(|t| set_front_field(&t, "translated_from", &hash))
        .ok_or_else(|| {
            Error::Site(vec![Diagnostic::error(
                &shown,
                "front-matter",
                "the page has no front matter",
            )])
        })?;
    Ok((restore_style(&original, &text), shown))
}

/// A YAML double-quoted string, so any title is valid YAML.
fn yaml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Today's date in UTC, YYYY-MM-DD: from `SOURCE_DATE_EPOCH` when it is set (the reproducible-builds
/// convention, which also makes `check` and `new` testable), otherwise from the system clock.
pub fn today() -> String {
    let from_env =
        std::env::var("SOURCE_DATE_EPOCH").ok().and_then(|s| s.trim().parse::<u64>().ok());
    let secs = from_env.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    });
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Howard Hinnant's days-to-civil algorithm: the proleptic Gregorian date `days` after 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_419), (2025, 11, 27));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert!(crate::date::is_iso_date(&today()));
    }

    #[test]
    fn titles_are_quoted_for_yaml() {
        assert_eq!(yaml_string("a \"b\": c"), "\"a \\\"b\\\": c\"");
    }
}
