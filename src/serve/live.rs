//! The live site of `serve`: the last good build, held in memory, and how each kind of edit updates it.
//! A page's text renders that page again (and its fallbacks in other languages); an `.ftl` file renders
//! its language again; anything else (site.yaml, data, templates, a page added, removed or with new front
//! matter) rebuilds everything. A failed rebuild keeps the last good files and records the error.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use tera::Tera;

use crate::content::{CONTENT_DIR, DATA_DIR, LoadOptions};
use crate::error::{Diagnostic, Error, Result};
use crate::i18n::load::LOCALES_DIR;
use crate::render::JobId;
use crate::source::SiteSource;

/// What the HTTP side reads: the files and, when the last rebuild failed, its report.
#[derive(Default)]
pub(crate) struct Served {
    /// Output path to bytes.
    pub(crate) files: HashMap<String, Arc<[u8]>>,
    /// The diagnostics of the last failed rebuild, rendered as text.
    pub(crate) error: Option<String>,
}

/// What an edited path affects.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Change {
    /// One Markdown page's file.
    Page {
        /// Its language folder.
        lang: String,
        /// Its key below the language folder.
        key: String,
    },
    /// A language's interface strings.
    Language(String),
    /// Anything else the site is made of.
    Everything,
}

/// Classifies an edited path of the site at `root`; `None` for files the site is not made of (the output,
/// editors' swap and backup files).
pub(crate) fn classify(root: &Path, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<String> =
        rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    let name = parts.last()?;
    if name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
    {
        return None;
    }
    match parts.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [CONTENT_DIR, lang, rest @ ..]
            if *lang != DATA_DIR && !rest.is_empty() && name.ends_with(".md") =>
        {
            Some(Change::Page { lang: (*lang).to_owned(), key: rest.join("/") })
        }
        // Other files in language folders (an editor's temporary file) are not part of the site; a folder
        // added or renamed is.
        [CONTENT_DIR, lang, _, ..]
            if *lang != DATA_DIR && !name.ends_with(".md") && !path.is_dir() =>
        {
            None
        }
        ["site.yaml" | "templates" | "themes" | CONTENT_DIR, ..] => Some(Change::Everything),
        [LOCALES_DIR, lang, ..] => Some(Change::Language((*lang).to_owned())),
        _ => None,
    }
}

/// The site as `serve` keeps it between edits.
pub(crate) struct LiveSite {
    root: PathBuf,
    base_url: String,
    drafts: bool,
    /// The last site that loaded without errors, and its parsed templates.
    current: Option<(SiteSource, Tera)>,
    /// What the HTTP threads serve.
    pub(crate) served: Arc<RwLock<Served>>,
}

/// What a rebuild did, for the terminal.
#[derive(Debug, Clone)]
pub(crate) struct Rebuilt {
    /// Files rendered.
    pub(crate) files: usize,
    /// Milliseconds taken.
    pub(crate) millis: u128,
    /// Whether everything was rebuilt.
    pub(crate) full: bool,
}

impl LiveSite {
    /// A live site with nothing built yet.
    pub(crate) fn new(root: PathBuf, base_url: String, drafts: bool) -> Self {
        LiveSite { root, base_url, drafts, current: None, served: Arc::default() }
    }

    /// Applies a batch of changes; on failure the served files stay as they were and the error is
    /// recorded for the browser overlay.
    pub(crate) fn apply(&mut self, changes: &BTreeSet<Change>) -> Result<Rebuilt> {
        let started = Instant::now();
        let had_error = self.served.read().map_or(true, |s| s.error.is_some());
        // After a failure only a full build can tell that every problem is fixed.
        let full =
            had_error || self.current.is_none() || changes.iter().any(|c| *c == Change::Everything);
        let result = if full { self.rebuild_all() } else { self.rebuild_parts(changes) };
        match result {
            Ok(files) => {
                self.set_error(None);
                Ok(Rebuilt { files, millis: started.elapsed().as_millis(), full })
            }
            Err(Error::Site(diagnostics)) => {
                let text: Vec<String> = diagnostics
                    .iter()
                    .map(|d| crate::report::render(d, &self.root, false))
                    .collect();
                self.set_error(Some(text.join("\n")));
                Err(Error::Site(diagnostics))
            }
            Err(e) => Err(e),
        }
    }

    fn set_error(&self, error: Option<String>) {
        if let Ok(mut served) = self.served.write() {
            served.error = error;
        }
    }

    /// Loads and renders everything, replacing the served files only when all of it worked.
    fn rebuild_all(&mut self) -> Result<usize> {
        let source = crate::source::load(&self.root, Some(&self.base_url), self.drafts)?;
        let tera = crate::render::templates(&source)?;
        let files = Mutex::new(HashMap::new());
        crate::build::generate_with(&source, &tera, &|file| {
            lock(&files).insert(file.path, Arc::from(file.bytes));
            Ok(())
        })?;
        let files = files.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        let count = files.len();
        if let Ok(mut served) = self.served.write() {
            served.files = files;
        }
        self.current = Some((source, tera));
        Ok(count)
    }

    /// Renders again only what `changes` affect; falls back to everything where an edit changes the
    /// shape of the site.
    fn rebuild_parts(&mut self, changes: &BTreeSet<Change>) -> Result<usize> {
        let mut pages: Vec<(String, String)> = Vec::new();
        let mut languages: BTreeSet<String> = BTreeSet::new();
        for change in changes {
            match change {
                Change::Page { lang, key } => {
                    if !self.replace_page(lang, key)? {
                        return self.rebuild_all();
                    }
                    pages.push((lang.clone(), key.clone()));
                }
                Change::Language(lang) => {
                    languages.insert(lang.clone());
                }
                Change::Everything => return self.rebuild_all(),
            }
        }
        let Some((source, tera)) = &mut self.current else { return self.rebuild_all() };
        let default = source.config.default_language.clone();
        if !languages.is_empty() {
            let topics: Vec<String> = source.data.topics.iter().map(|t| t.id.clone()).collect();
            let localizer = crate::i18n::load::load(&source.config, &self.root, &topics)?;
            source.localizer = Arc::new(localizer);
            *tera = crate::render::templates(source)?;
            if languages.contains(&default) {
                // Every language falls back to the default language's strings.
                languages = source.config.languages.iter().map(|l| l.code.clone()).collect();
            }
        }
        let source = &*source;
        let select = |job: JobId<'_>| {
            let in_language = job.lang.is_none_or(|l| languages.contains(l))
                && (job.lang.is_some() || languages.contains(&default));
            in_language
                || job.page.is_some_and(|key| {
                    pages.iter().any(|(lang, changed)| {
                        changed == key
                            && job.lang.is_some_and(|job_lang| {
                                job_lang == lang
                                    || (*lang == default
                                        && source.content.pages.get(key).is_some_and(|g| {
                                            !g.translations.contains_key(job_lang)
                                        }))
                            })
                    })
                })
        };
        let rendered = Mutex::new(Vec::new());
        crate::render::render_selected(source, tera, &select, &|file| {
            lock(&rendered).push(file);
            Ok(())
        })?;
        let rendered = rendered.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        let count = rendered.len();
        if let Ok(mut served) = self.served.write() {
            for file in rendered {
                served.files.insert(file.path, Arc::from(file.bytes));
            }
        }
        Ok(count)
    }

    /// Reads one edited page again and puts it in the tree. Returns false when the edit changes more than
    /// the page's own text (front matter, a new or removed page), which needs a full rebuild.
    fn replace_page(&mut self, lang: &str, key: &str) -> Result<bool> {
        let Some((source, _)) = &mut self.current else { return Ok(false) };
        let default = source.config.default_language.clone();
        let Some(group) = source.content.pages.get(key) else { return Ok(false) };
        let old = if lang == default { Some(&group.source) } else { group.translations.get(lang) };
        let Some(old) = old else { return Ok(false) };
        let path = self.root.join(CONTENT_DIR).join(lang).join(key);
        if !path.is_file() {
            return Ok(false);
        }
        let topics = source.data.topic_ids();
        let options = LoadOptions {
            root: &self.root,
            drafts: self.drafts,
            topics: Some(&topics),
            keep_bodies: true,
        };
        let page = match crate::content::reload_page(
            &source.config,
            &options,
            &source.content,
            &path,
            lang,
            key,
        )? {
            Ok(page) => page,
            Err(problems) => return Err(Error::Site(problems)),
        };
        // New images are published by a whole rebuild, as are changes to what other pages show.
        if page.front != old.front || page.kind != old.kind || page.images != old.images {
            return Ok(false);
        }
        if let Some(group) = source.content.pages.get_mut(key) {
            if lang == default {
                group.source = page;
            } else {
                group.translations.insert(lang.to_owned(), page);
            }
        }
        Ok(true)
    }
}

/// Locks a mutex, going on with the data if another thread panicked while holding it: the data is a list
/// of finished files, which a panic elsewhere cannot leave half-changed.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The diagnostics in an error of a rebuild, for printing; `None` for failures of the machine.
pub(crate) fn diagnostics(error: &Error) -> Option<&[Diagnostic]> {
    match error {
        Error::Site(d) => Some(d),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_are_classified_by_what_they_affect() {
        let root = Path::new("/site");
        let c = |p: &str| classify(root, &root.join(p));
        assert_eq!(
            c("content/fr/children/x.md"),
            Some(Change::Page { lang: "fr".into(), key: "children/x.md".into() })
        );
        assert_eq!(c("locales/ar/site.ftl"), Some(Change::Language("ar".into())));
        assert_eq!(c("content/data/helplines.yaml"), Some(Change::Everything));
        assert_eq!(c("templates/page.html"), Some(Change::Everything));
        assert_eq!(c("site.yaml"), Some(Change::Everything));
        assert_eq!(c("public/en/index.html"), None);
        assert_eq!(c("content/en/.x.md.swp"), None);
        assert_eq!(c("content/en/x.md~"), None);
    }
}
