//! `init`: a new site that builds and passes `check --strict` at once. It writes site.yaml (languages named
//! and directed by CLDR through ICU4X), the home, audience, help, accessibility and privacy pages (about as a
//! draft: only the publisher can say who they are), the data files (helplines of `--country` copied from the
//! built-in directory), and for each language without built-in interface text a `locales/<lang>/site.ftl`
//! holding every message the site shows in the default language's text, marked for translation. Pages of the other languages start
//! as draft translations, as `safeguide new` makes them. Everything is written into a scratch folder and
//! loaded as a site first; the target folder gets files only once all of them exist.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use icu::experimental::displaynames::DisplayNamesOptions;
use icu::experimental::displaynames::multi::LanguageDisplayNames;
use icu::locale::{LanguageIdentifier, LocaleDirectionality};

use crate::error::{Error, Result};

/// The built-in directory of child helplines (the shipped site's), copied entry by entry into new sites.
const HELPLINES: &str = include_str!("../content/data/helplines.yaml");
/// The shipped topic ids, whose names every built-in language has.
const TOPICS: &str = include_str!("../content/data/topics.yaml");
/// The audiences a new site starts with (site.yaml's default).
const AUDIENCES: [&str; 4] = ["children", "parents", "educators", "industry"];

/// What `init` is asked to do.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The folder to create the site in (must not exist or be empty).
    pub dir: PathBuf,
    /// Language codes; the first is the default language.
    pub languages: Vec<String>,
    /// ISO 3166-1 alpha-2 country code whose helplines to copy.
    pub country: Option<String>,
    /// The site's name.
    pub name: Option<String>,
}

/// What `init` wrote.
#[derive(Debug, Clone)]
pub struct Initialised {
    /// The site folder.
    pub dir: PathBuf,
    /// Files written, relative to it, sorted.
    pub(crate) files: Vec<String>,
    /// Languages that have no built-in interface text (their site.ftl is to translate).
    pub(crate) to_translate: Vec<String>,
    /// Helplines copied.
    pub(crate) helplines: usize,
}

impl Initialised {
    /// What the CLI prints: the files, then the next steps.
    pub fn summary(&self) -> String {
        let mut out =
            format!("created a site in {} ({} files):\n", self.dir.display(), self.files.len());
        for f in &self.files {
            let _ = writeln!(out, "  {f}");
        }
        let _ = writeln!(out, "\nnext:");
        let _ = writeln!(out, "  - set base_url in site.yaml to the address you will publish at");
        let _ = writeln!(
            out,
            "  - write content/*/about.md (a draft until you remove `draft: true`), then the guidance pages: \
             `safeguide new <lang>/<audience>/<slug>`"
        );
        for lang in &self.to_translate {
            let _ = writeln!(
                out,
                "  - translate the interface: locales/{lang}/site.ftl (`safeguide i18n status` counts what is left)"
            );
        }
        if self.helplines == 0 {
            let _ = writeln!(
                out,
                "  - add your country's child helplines to content/data/helplines.yaml"
            );
        }
        let _ = writeln!(out, "  - preview with `safeguide serve`, publish with `safeguide build`");
        out
    }
}

/// Creates the site.
pub fn init(options: &InitOptions) -> Result<Initialised> {
    let dir = &options.dir;
    if dir.exists() {
        let entries =
            std::fs::read_dir(dir).map_err(|source| Error::Io { path: dir.clone(), source })?;
        if !dir.is_dir() || entries.count() > 0 {
            return Err(Error::Usage(format!(
                "{} is not an empty folder; nothing was written (init creates a site only in a new or empty \
                 folder)",
                dir.display()
            )));
        }
    }
    let languages = languages(&options.languages)?;
    let default = &languages[0];
    if default.code != "en" {
        return Err(Error::Usage(format!(
            "the first language is the source language, and init writes its starter pages in English: \
             list `en` first (for example --languages en,{})",
            options.languages.join(",")
        )));
    }
    let helplines = match &options.country {
        Some(country) => Some(helplines_of(country)?),
        None => None,
    };
    let name = options.name.clone().unwrap_or_else(|| "Staying safe online".to_owned());
    let today = crate::new_page::today();

    let scratch = Scratch::create()?;
    let root = scratch.path.clone();
    let mut files: Vec<(String, String)> = vec![
        ("site.yaml".into(), site_yaml(&languages)),
        (format!("locales/{}/site.ftl", default.code), site_ftl(&name)),
        ("content/data/topics.yaml".into(), TOPICS.to_owned()),
        ("content/data/partners.yaml".into(), PARTNERS.to_owned()),
        (
            "content/data/helplines.yaml".into(),
            helplines_yaml(options.country.as_deref(), helplines.as_deref().unwrap_or_default()),
        ),
    ];
    for (key, text) in pages(&name, &today) {
        files.push((format!("content/{}/{key}", default.code), text));
    }
    for (path, text) in &files {
        write_new(&root.join(path), text.as_bytes())?;
    }
    // Every other language: its pages start as draft translations, its interface as a file to translate.
    let config = crate::config::load(&root, None)?;
    let mut to_translate = Vec::new();
    for lang in &languages[1..] {
        for (key, _) in pages(&name, &today) {
            let page = format!("{}/{}", lang.code, key.trim_end_matches(".md"));
            crate::new_page::create(&config, &root, &page, &today)?;
        }
    }
    let source = crate::source::load(&root, None, true)?;
    for lang in &languages[1..] {
        if crate::i18n::load::embedded_files(&lang.code).is_empty()
            && let Some(text) = crate::i18n::messages::to_translate(&source, &lang.code)
        {
            write_new(&root.join(format!("locales/{}/site.ftl", lang.code)), text.as_bytes())?;
            to_translate.push(lang.code.clone());
        }
    }
    let written = scratch.move_into(dir)?;
    Ok(Initialised {
        dir: dir.clone(),
        files: written,
        to_translate,
        helplines: helplines.map_or(0, |h| h.len()),
    })
}

/// One language as site.yaml records it.
struct NewLanguage {
    code: String,
    name: String,
    rtl: bool,
}

/// Parses the codes and names each language in itself, with its direction, from CLDR.
fn languages(codes: &[String]) -> Result<Vec<NewLanguage>> {
    let codes: Vec<&str> = codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    if codes.is_empty() {
        return Err(Error::Usage("--languages names no language".to_owned()));
    }
    let directionality = LocaleDirectionality::new_extended();
    let mut out: Vec<NewLanguage> = Vec::new();
    for code in codes {
        let id: LanguageIdentifier = code.parse().map_err(|_| {
            Error::Usage(format!(
                "`{code}` is not a BCP 47 language tag (write tags like en, sw, pt-BR)"
            ))
        })?;
        if !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(Error::Usage(format!("`{code}` is not a plain BCP 47 language tag")));
        }
        if out.iter().any(|l| l.code == code) {
            return Err(Error::Usage(format!("`{code}` is listed twice in --languages")));
        }
        let names =
            LanguageDisplayNames::try_new((&id).into(), DisplayNamesOptions::default()).ok();
        let name = names
            .as_ref()
            .and_then(|n| n.of(id.language))
            .map_or_else(|| code.to_owned(), capitalise);
        out.push(NewLanguage {
            code: code.to_owned(),
            name,
            rtl: directionality.is_right_to_left(&id),
        });
    }
    Ok(out)
}

/// A language's own name starts with a capital where its script has them ("Kiswahili", "Français").
fn capitalise(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// The entries of the built-in directory for `country`, as their YAML text.
fn helplines_of(country: &str) -> Result<Vec<String>> {
    let country = country.trim().to_ascii_uppercase();
    let entries = helpline_entries();
    let found: Vec<String> =
        entries.iter().filter(|(c, _)| *c == country).map(|(_, text)| text.clone()).collect();
    if found.is_empty() {
        let mut known: Vec<&str> = entries.iter().map(|(c, _)| c.as_str()).collect();
        known.dedup();
        return Err(Error::Usage(format!(
            "the built-in directory has no helpline for `{country}` (it has {}); leave out --country and add \
             yours to content/data/helplines.yaml",
            known.join(", ")
        )));
    }
    Ok(found)
}

/// (country, entry text) for every entry of the built-in directory: each entry is the `- ` line at the
/// margin and the indented lines under it, comments inside it included.
fn helpline_entries() -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = Vec::new();
    let mut current: Option<String> = None;
    for line in HELPLINES.lines() {
        if line.starts_with("- ") {
            if let Some(done) = current.take() {
                entries.push(with_country(done));
            }
            current = Some(format!("{line}\n"));
        } else if let Some(text) = current.as_mut() {
            if line.starts_with(' ') {
                text.push_str(line);
                text.push('\n');
            } else {
                let done = current.take().unwrap_or_default();
                entries.push(with_country(done));
            }
        }
    }
    if let Some(done) = current {
        entries.push(with_country(done));
    }
    entries
}

fn with_country(text: String) -> (String, String) {
    let country = text
        .lines()
        .find_map(|l| l.trim_start_matches("- ").trim().strip_prefix("country:"))
        .map(|c| c.trim().trim_matches(['"', '\'']).to_owned())
        .unwrap_or_default();
    (country, text)
}

fn helplines_yaml(country: Option<&str>, entries: &[String]) -> String {
    let mut out = String::from(
        "# Child helplines shown on the help page. Each entry needs its ITU-D region, its source (the page that\n\
         # gives the number) and the day you took it from there (`retrieved`); see the README's input contract.\n",
    );
    if let Some(country) = country {
        let _ = writeln!(
            out,
            "# Copied from safeguide's built-in directory for {}: check each entry against its source.\n",
            country.to_ascii_uppercase()
        );
        out.push_str(&entries.join("\n"));
    } else {
        out.push_str(
            "#\n# - country: KE\n#   region: africa\n#   name: Child helpline 116\n#   phone: \"116\"\n\
             #   source: https://example.org/page-that-gives-the-number\n#   retrieved: 2026-01-31\n[]\n",
        );
    }
    out
}

const PARTNERS: &str = "\
# Partner organisations, shown on the partners page grouped by kind (un-agency, intergovernmental,
# eu-body, ngo, industry). An example:
#
# - id: childline-example
#   name: Example Child Helpline
#   url: https://example.org/
#   kind: ngo
#   description:
#     en: Runs the national child helpline.
#   source: https://example.org/about
#   retrieved: 2026-01-31
[]
";

fn site_yaml(languages: &[NewLanguage]) -> String {
    let mut out = String::from(
        "# The site's settings: see the README's \"Site configuration\".\n\
         # CHANGE base_url to the address the site is published at (e.g. https://example.org/ or\n\
         # https://example.github.io/my-site/): links in the sitemap and canonical links use it.\n\
         base_url: https://example.org/\n",
    );
    let _ = writeln!(out, "default_language: {}", languages[0].code);
    out.push_str("# Names and directions from the Unicode CLDR; the first is the source language.\nlanguages:\n");
    for l in languages {
        let _ = writeln!(
            out,
            "  - {{ code: {}, name: \"{}\", dir: {} }}",
            l.code,
            l.name.replace(['"', '\\'], ""),
            if l.rtl { "rtl" } else { "ltr" }
        );
    }
    let _ = writeln!(out, "audiences: [{}]", AUDIENCES.join(", "));
    out.push_str(
        "age_bands: [under-9, 9-12, 13-18]\n\
         # Where the quick-exit control leads: a harmless site that loads fast.\n\
         quick_exit_url: https://www.wikipedia.org/\n",
    );
    out
}

fn site_ftl(name: &str) -> String {
    let name = name.replace(['\n', '\r'], " ");
    // Fluent treats `{`, `}` and a leading `[`, `*` or `.` specially: quote such text as a string literal.
    let value = if name.contains(['{', '}']) || name.starts_with(['[', '*', '.', ' ']) {
        format!("{{ \"{}\" }}", name.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        name
    };
    format!(
        "# The site's own interface text in the source language. Every other message comes built in; a message\n\
         # added here replaces the built-in one.\n\nsite-title = {value}\n"
    )
}

/// The starter pages of the source language: (key under `content/<lang>/`, text).
fn pages(name: &str, today: &str) -> Vec<(String, String)> {
    let front = |title: &str, description: &str, draft: bool| {
        format!(
            "---\ntitle: \"{}\"\ndescription: \"{}\"\nupdated: {today}\n{}---\n\n",
            title.replace('\\', "\\\\").replace('"', "\\\""),
            description,
            if draft { "draft: true\n" } else { "" }
        )
    };
    let mut pages = vec![(
        "_index.md".to_owned(),
        front(
            name,
            "Advice for children, and the adults around them, on staying safe online.",
            false,
        ) + "The internet is a place to learn, play and make friends, and every child has the right to do \
               that safely. Choose the section that fits you.\n\n\
               If something is wrong right now, [get help](help.md).\n",
    )];
    let audiences = [
        (
            "children",
            "For children and young people",
            "Short pages for your age: what to do, and who can help.",
        ),
        (
            "parents",
            "For parents and carers",
            "Practical steps for helping your child enjoy the internet safely.",
        ),
        (
            "educators",
            "For educators",
            "Guidance for teachers and schools on keeping pupils safe online.",
        ),
        (
            "industry",
            "For industry",
            "What companies can do to make their services safe for children.",
        ),
    ];
    for (id, title, description) in audiences {
        pages.push((
            format!("{id}/_index.md"),
            front(title, description, false)
                + "The pages below are for you. If you are worried about a child right now, see \
                   [get help](../help.md).\n",
        ));
    }
    pages.push((
        "help.md".to_owned(),
        front("Get help", "Who to talk to if something online has upset, scared or hurt you.", false)
            + "Has something online upset you, scared you or hurt you? It is not your fault, and you can get \
               help.\n\n\
               ## If you are in danger right now {#danger}\n\n\
               Call the emergency number in your country straight away. If you do not know it, ask an adult \
               near you.\n\n\
               ## Talk to someone you trust {#someone-you-trust}\n\n\
               Tell a grown-up you trust: a parent, a carer, a teacher or another adult in your family. If the \
               first person does not help, tell someone else.\n\n\
               ## Call a child helpline {#helplines}\n\n\
               A child helpline listens to children and young people. The helplines below are for this \
               country.\n",
    ));
    pages.push((
        "about.md".to_owned(),
        front("About this site", crate::new_page::PLACEHOLDER_DESCRIPTION, true)
            + "Say who publishes this site, why, and how to contact you. This page stays a draft, and is \
               not published, until you replace this text and remove `draft: true` above.\n",
    ));
    pages.push((
        "accessibility.md".to_owned(),
        front("Accessibility", "How this site is built so that everyone can use it.", false)
            + "Everyone should be able to use this site, including children, people who use screen readers, \
               and people with old phones or slow connections.\n\n\
               ## What we aim for {#aims}\n\n\
               - The site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.\n\
               - Every page works without JavaScript.\n\
               - Each page states its language, so that screen readers can use the right voice.\n\n\
               ## Known limits {#limits}\n\n\
               Automated checks cannot find every problem, so some may remain. Links to other websites lead \
               to pages we do not control.\n",
    ));
    pages.push((
        "privacy.md".to_owned(),
        front("Privacy", "This site sets no cookies, runs no analytics and loads nothing from other companies.", false)
            + "This site does not collect information about you.\n\n\
               - **No cookies.** The site does not set any cookies.\n\
               - **No analytics.** We do not count or follow visitors.\n\
               - **No third-party requests.** Every page loads files only from this site.\n\n\
               ## Server logs {#server-logs}\n\n\
               The server that hosts this site may keep the usual logs (your IP address, the page you asked \
               for, the time and the type of browser) to run the service and keep it secure.\n",
    ));
    pages
}

/// Writes a file that must not exist yet, creating its folders.
fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|source| Error::Io { path: parent.to_path_buf(), source })?;
    }
    crate::fs::create_new(path, bytes)
}

/// The scratch folder a site is assembled in, removed when dropped.
struct Scratch {
    path: PathBuf,
}

impl Scratch {
    fn create() -> Result<Scratch> {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path =
            std::env::temp_dir().join(format!("safeguide-init-{}-{nanos}", std::process::id()));
        std::fs::create_dir(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
        Ok(Scratch { path })
    }

    /// Copies every file into `dir` (created when missing), never replacing one; returns their paths.
    fn move_into(&self, dir: &Path) -> Result<Vec<String>> {
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(&self.path).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::Io {
                path: self.path.clone(),
                source: std::io::Error::other(e.to_string()),
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let relative = crate::fs::shown(&self.path, entry.path());
            let bytes = crate::fs::read(entry.path())?;
            write_new(&dir.join(&relative), &bytes)?;
            files.push(relative);
        }
        files.sort();
        Ok(files)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
