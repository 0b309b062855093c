//! `site.yaml`: the serde mirror of the file (`ConfigFile`) and the validated configuration
//! ([`SiteConfig`]) that every later stage reads.

use std::path::Path;

use serde::Deserialize;
use unic_langid::LanguageIdentifier;

use std::collections::BTreeMap;

use crate::error::{Diagnostic, Error, Result};

/// The file name of the site configuration, relative to the site root.
pub(crate) const CONFIG_FILE: &str = "site.yaml";

/// What a site folder holds that the build reads: `build --out` may not point at or into any of them.
/// `static` is read for files published as they are; `.git` is not read but is never a place to write.
pub(crate) const SOURCE_ENTRIES: [&str; 8] = [
    "site.yaml",
    "content",
    "locales",
    "templates",
    "themes",
    "static",
    ".git",
    ".safeguide-cache",
];

/// Path segments that generated pages use; no audience or standalone page may take them.
pub(crate) const RESERVED_SEGMENTS: [&str; 5] = ["partners", "help", "topics", "a-z", "search"];

/// Languages written right to left, by primary language subtag.
const RTL_LANGUAGES: [&str; 10] = ["ar", "fa", "he", "ur", "ps", "sd", "yi", "dv", "ug", "ckb"];

/// `site.yaml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    base_url: String,
    default_language: String,
    languages: Vec<LanguageFile>,
    audiences: Option<Vec<String>>,
    age_bands: Option<Vec<AgeBandFile>>,
    theme: Option<String>,
    quick_exit_url: Option<String>,
    page_budget_kb: Option<u32>,
    host_files: Option<bool>,
}

/// One entry of `age_bands` as written: an id, or an id with the hardest reading grade its pages may have.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum AgeBandFile {
    /// `- 9-12`
    Id(String),
    /// `- { id: 16-18, reading_grade: 10 }`
    Full(AgeBandFull),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AgeBandFull {
    id: String,
    reading_grade: Option<f64>,
}

/// The reading grade (a US school grade) each default band's pages may reach, where site.yaml gives none:
/// grade 3 suits ages 8-9, grade 6 ages 11-12, and grade 9 is the plain-language target for teenagers.
const DEFAULT_READING_GRADES: [(&str, f64); 3] = [("under-9", 3.0), ("9-12", 6.0), ("13-18", 9.0)];

/// One entry of `languages` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    code: String,
    name: String,
    dir: Option<TextDirection>,
}

/// The direction a language is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum TextDirection {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl TextDirection {
    /// The value of the HTML `dir` attribute.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            TextDirection::Ltr => "ltr",
            TextDirection::Rtl => "rtl",
        }
    }
}

/// A language the site is published in.
#[derive(Debug, Clone)]
pub(crate) struct Language {
    /// BCP 47 tag as written in site.yaml (also the folder name under content/ and locales/).
    pub(crate) code: String,
    /// The parsed tag, for Fluent's plural rules.
    pub(crate) id: LanguageIdentifier,
    /// The language's name in its own script.
    pub(crate) name: String,
    /// Its writing direction.
    pub(crate) dir: TextDirection,
}

/// The validated site configuration.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    /// The absolute URL the site is published at, ending in `/`.
    pub(crate) base_url: String,
    /// The path part of `base_url`, starting and ending with `/` (`/` or `/cop/`).
    pub(crate) base_path: String,
    /// The source language; other languages translate it.
    pub(crate) default_language: String,
    /// Published languages, in the order the language switcher shows them.
    pub(crate) languages: Vec<Language>,
    /// Audience ids, in order.
    pub(crate) audiences: Vec<String>,
    /// Age band ids for children's pages, in order.
    pub(crate) age_bands: Vec<String>,
    /// The hardest reading grade each band's pages may reach, by band; a band without one is not scored.
    pub(crate) reading_grades: BTreeMap<String, f64>,
    /// The theme's name.
    pub(crate) theme: String,
    /// Where the quick-exit control leads.
    pub(crate) quick_exit_url: String,
    /// The page-weight budget in KB that `check` applies.
    pub(crate) page_budget_kb: u32,
    /// Whether `build` writes `_headers` and `_nginx.conf` (security headers, caching and language choice
    /// for static hosts); `host_files: false` in site.yaml turns them off.
    pub(crate) host_files: bool,
}

impl SiteConfig {
    /// Looks up a published language by code.
    pub(crate) fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The default language.
    pub(crate) fn default(&self) -> &Language {
        // Invariant: `validate` only builds a config whose default language is in `languages`.
        self.language(&self.default_language).unwrap_or(&self.languages[0])
    }
}

/// Reads and validates `site.yaml` in `root`. `base_url` replaces the file's value when given.
pub fn load(root: &Path, base_url: Option<&str>) -> Result<SiteConfig> {
    let path = root.join(CONFIG_FILE);
    if !path.is_file() {
        return Err(Error::Site(vec![
            Diagnostic::error(CONFIG_FILE, "no-config", "site.yaml was not found").hint(format!(
                "run safeguide in a site folder or pass --root DIR (looked in {})",
                root.display()
            )),
        ]));
    }
    let text = crate::fs::read_source(&path, CONFIG_FILE)?.map_err(|d| Error::Site(vec![d]))?;
    let file: ConfigFile =
        crate::yaml::parse(&text, CONFIG_FILE, 0).map_err(|d| Error::Site(vec![d]))?;
    validate(file, &text, base_url).map_err(Error::Site)
}

#[allow(clippy::too_many_lines, reason = "one check per key, read top to bottom like the file")]
fn validate(
    file: ConfigFile,
    text: &str,
    base_url_override: Option<&str>,
) -> std::result::Result<SiteConfig, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let at = |key: &str| crate::yaml::key_line(text, key);
    let err = |key: &str, message: String| {
        Diagnostic::error(CONFIG_FILE, "config", message).at(at(key), None)
    };

    let raw_base = base_url_override.unwrap_or(&file.base_url);
    let (base_url, base_path) = parse_base_url(raw_base).unwrap_or_else(|why| {
        problems.push(
            err("base_url", format!("base_url `{}` is not usable: {why}", raw_base.escape_debug()))
                .hint("write it like https://example.org/ or https://example.org/cop/"),
        );
        (String::new(), "/".to_owned())
    });

    let mut languages: Vec<Language> = Vec::new();
    let lines = item_lines(text, "languages", file.languages.iter().map(|l| l.code.as_str()));
    for (lang, line) in file.languages.into_iter().zip(lines) {
        let located = |m: String| Diagnostic::error(CONFIG_FILE, "config", m).at(line, None);
        let id: Option<LanguageIdentifier> = lang.code.parse().ok();
        let safe = !lang.code.is_empty()
            && lang.code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        match id {
            Some(id) if safe => {
                if languages.iter().any(|l| l.code == lang.code) {
                    problems.push(located(format!("language `{}` is declared twice", lang.code)));
                    continue;
                }
                let dir = lang.dir.unwrap_or_else(|| direction_of(&id));
                languages.push(Language { code: lang.code, id, name: lang.name, dir });
            }
            _ => problems.push(
                located(format!("`{}` is not a BCP 47 language tag", lang.code))
                    .hint("use tags like en, fr, ar, zh-Hans, pt-BR"),
            ),
        }
    }
    if languages.is_empty() && problems.is_empty() {
        problems.push(err("languages", "site.yaml declares no languages".to_owned()));
    }
    if !languages.iter().any(|l| l.code == file.default_language) {
        problems.push(err(
            "default_language",
            format!(
                "default_language `{}` is not one of the declared languages",
                file.default_language
            ),
        ));
    }

    let audiences = file.audiences.unwrap_or_else(|| {
        ["children", "parents", "educators", "industry"].map(String::from).to_vec()
    });
    for audience in &audiences {
        if !is_id(audience) {
            problems.push(err(
                "audiences",
                format!("audience id `{audience}` must be lowercase letters, digits and hyphens"),
            ));
        } else if RESERVED_SEGMENTS.contains(&audience.as_str()) {
            problems.push(err(
                "audiences",
                format!("`{audience}` is reserved for a generated page and cannot be an audience"),
            ));
        }
    }
    let bands: Vec<(String, Option<f64>)> = match file.age_bands {
        None => DEFAULT_READING_GRADES.iter().map(|(b, _)| ((*b).to_owned(), None)).collect(),
        Some(list) => list
            .into_iter()
            .map(|b| match b {
                AgeBandFile::Id(id) => (id, None),
                AgeBandFile::Full(full) => (full.id, full.reading_grade),
            })
            .collect(),
    };
    let mut reading_grades = BTreeMap::new();
    for (band, grade) in &bands {
        let grade = grade
            .or_else(|| DEFAULT_READING_GRADES.iter().find(|(b, _)| b == band).map(|(_, g)| *g));
        match grade {
            Some(g) if !(0.0..=20.0).contains(&g) => problems.push(err(
                "age_bands",
                format!("reading_grade {g} of `{band}` is not a school grade from 0 to 20"),
            )),
            Some(g) => {
                reading_grades.insert(band.clone(), g);
            }
            None => {}
        }
    }
    let age_bands: Vec<String> = bands.into_iter().map(|(b, _)| b).collect();
    check_unique(text, &audiences, "audiences", "audience", &err, &mut problems);
    check_unique(text, &age_bands, "age_bands", "age band", &err, &mut problems);
    for band in &age_bands {
        if !is_id(band) {
            problems.push(err(
                "age_bands",
                format!("age band id `{band}` must be lowercase letters, digits and hyphens"),
            ));
        }
    }
    let theme = file.theme.unwrap_or_else(|| "default".to_owned());
    if !is_id(&theme) {
        problems.push(err(
            "theme",
            format!("theme name `{theme}` must be lowercase letters, digits and hyphens"),
        ));
    }
    let quick_exit_url =
        file.quick_exit_url.unwrap_or_else(|| "https://www.wikipedia.org/".to_owned());
    if !(quick_exit_url.starts_with("https://") || quick_exit_url.starts_with("http://")) {
        problems.push(err(
            "quick_exit_url",
            format!("quick_exit_url `{quick_exit_url}` must be an http(s) address"),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(SiteConfig {
        base_url,
        base_path,
        default_language: file.default_language,
        languages,
        audiences,
        age_bands,
        reading_grades,
        theme,
        quick_exit_url,
        page_budget_kb: file.page_budget_kb.unwrap_or(60),
        host_files: file.host_files.unwrap_or(true),
    })
}

/// An id listed twice in one list of site.yaml is an error at the repeat: the second would be
/// silently ignored.
fn check_unique(
    text: &str,
    ids: &[String],
    key: &str,
    what: &str,
    err: &dyn Fn(&str, String) -> Diagnostic,
    problems: &mut Vec<Diagnostic>,
) {
    let mut seen = std::collections::HashSet::new();
    let lines = item_lines(text, key, ids.iter().map(String::as_str));
    for (id, line) in ids.iter().zip(lines) {
        if !seen.insert(id) {
            let problem = err(key, format!("the {what} `{id}` is listed twice"));
            problems.push(match line {
                Some(line) => problem.at(Some(line), None),
                None => problem,
            });
        }
    }
}

/// The 1-based line of each item of the list under the top-level `key`, for errors found after
/// parsing. Items are found in order, each after the one before, so a repeated item is located at
/// the repeat rather than at its first occurrence; `None` for an item that cannot be found.
fn item_lines<'a>(
    text: &str,
    key: &str,
    items: impl IntoIterator<Item = &'a str>,
) -> Vec<Option<usize>> {
    let start = crate::yaml::key_line(text, key).map(|line| {
        let line_start: usize = text.split_inclusive('\n').take(line - 1).map(str::len).sum();
        line_start + key.len()
    });
    let mut cursor = start;
    items
        .into_iter()
        .map(|item| {
            let from = cursor?;
            let at = find_word(&text[from..], item)? + from;
            cursor = Some(at + item.len());
            Some(text[..at].matches('\n').count() + 1)
        })
        .collect()
}

/// The byte offset of the first occurrence of `word` in `text` not inside a longer id.
fn find_word(text: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    let part_of_id = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        !text[..at].chars().next_back().is_some_and(part_of_id)
            && !text[at + word.len()..].chars().next().is_some_and(part_of_id)
    })
}

/// Lowercase ASCII letters, digits and inner hyphens: the ids that become URL segments.
pub(crate) fn is_id(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The direction of a language: right to left for the scripts that need it.
pub(crate) fn direction_of(id: &LanguageIdentifier) -> TextDirection {
    if RTL_LANGUAGES.contains(&id.language.as_str()) {
        TextDirection::Rtl
    } else {
        TextDirection::Ltr
    }
}

/// Splits an absolute http(s) URL into (the URL ending in `/`, its path ending in `/`), parsed by the WHATWG
/// URL rules, so nothing in it can carry a newline or markup into a page, robots.txt or the sitemap. The
/// error says what is wrong.
pub(crate) fn parse_base_url(raw: &str) -> std::result::Result<(String, String), String> {
    if raw.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err("it contains a space, a tab or a line break".to_owned());
    }
    let mut url = url::Url::parse(raw).map_err(|e| format!("it is not an absolute URL ({e})"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("its scheme is `{}`, not http or https", url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("it has no host".to_owned());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("it has a `?` query or a `#` fragment".to_owned());
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("it carries a user name or password".to_owned());
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok((url.as_str().to_owned(), url.path().to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_keeps_its_path() {
        assert_eq!(parse_base_url("https://x.org"), Ok(("https://x.org/".into(), "/".into())));
        assert_eq!(
            parse_base_url("https://x.org/cop"),
            Ok(("https://x.org/cop/".into(), "/cop/".into()))
        );
        assert!(parse_base_url("ftp://x.org/").unwrap_err().contains("ftp"));
        assert!(parse_base_url("https://x.org/\n<script>").is_err());
        assert!(parse_base_url("https://x.org/a?b").is_err());
        assert_eq!(
            parse_base_url("https://x.org/a<b>/").unwrap().0,
            "https://x.org/a%3Cb%3E/",
            "markup in a path is percent-encoded"
        );
    }

    #[test]
    fn direction_comes_from_the_language() {
        assert_eq!(direction_of(&"ar".parse().unwrap()), TextDirection::Rtl);
        assert_eq!(direction_of(&"ckb".parse().unwrap()), TextDirection::Rtl);
        assert_eq!(direction_of(&"zh-Hans".parse().unwrap()), TextDirection::Ltr);
    }

    #[test]
    fn unknown_keys_are_named() {
        let d = crate::yaml::parse::<ConfigFile>(
            "base_url: https://x/\ndefault_language: en\nlanguages: []\ncolour: red\n",
            CONFIG_FILE,
            0,
        )
        .unwrap_err();
        assert!(d.message.contains("colour"), "{}", d.message);
        assert_eq!(d.line, Some(4));
    }
}
