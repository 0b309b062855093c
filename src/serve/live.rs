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
    /// Output path to file.
    pub(crate) files: HashMap<String, Stored>,
    /// The diagnostics of the last failed rebuild, rendered as text.
    pub(crate) error: Option<String>,
}

/// A served file as it is held in memory. HTML pages are kept compressed (Deflate at its fastest level,
/// about a quarter of their size): a 100,000-page site's HTML would otherwise take over a gigabyte. A page
/// is decompressed when it is asked for, in well under a millisecond.
#[derive(Clone)]
pub(crate) enum Stored {
    /// Kept as it is.
    Plain(Arc<[u8]>),
    /// Kept Deflate-compressed.
    Deflated(Arc<[u8]>),
}

impl Stored {
    /// Keeps the file at output path `path`, compressing HTML.
    pub(crate) fn new(path: &str, bytes: Vec<u8>) -> Self {
        use std::io::Write as _;
        if path.ends_with(".html") {
            let mut encoder = flate2::write::DeflateEncoder::new(
                Vec::with_capacity(bytes.len() / 3),
                flate2::Compression::fast(),
            );
            // Writing to a Vec cannot fail; should the encoder fail anyway, the page is kept as it is.
            if encoder.write_all(&bytes).is_ok()
                && let Ok(deflated) = encoder.finish()
            {
                return Stored::Deflated(Arc::from(deflated));
            }
        }
        Stored::Plain(Arc::from(bytes))
    }

    /// The file's bytes.
    pub(crate) fn bytes(&self) -> std::io::Result<std::borrow::Cow<'_, [u8]>> {
        use std::io::Read as _;
        match self {
            Stored::Plain(bytes) => Ok(std::borrow::Cow::Borrowed(bytes)),
            Stored::Deflated(deflated) => {
                let mut bytes = Vec::with_capacity(deflated.len() * 4);
                flate2::read::DeflateDecoder::new(&deflated[..]).read_to_end(&mut bytes)?;
                Ok(std::borrow::Cow::Owned(bytes))
            }
        }
    }
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
        // Pages' text is read from disk as each page renders, not kept: the served files are what stays.
        let source =
            crate::source::load_with(&self.root, Some(&self.base_url), self.drafts, false)?;
        let tera = crate::render::templates(&source)?;
        let files = Mutex::new(HashMap::new());
        crate::build::generate_with(&source, &tera, &|file| {
            let stored = Stored::new(&file.path, file.bytes);
            lock(&files).insert(file.path, stored);
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
                let stored = Stored::new(&file.path, file.bytes);
                served.files.insert(file.path, stored);
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
        // Changes to what other pages show need a whole rebuild, and so do images not yet published.
        if page.front != old.front
            || page.kind != old.kind
            || !images_published(&self.served, &page)
        {
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

/// Whether every image `page` shows is among the served files (in the page's own language).
fn images_published(served: &RwLock<Served>, page: &crate::content::page::SourcePage) -> bool {
    let Ok(served) = served.read() else { return false };
    page.images.iter().all(|key| {
        let path = match key.strip_prefix('/') {
            Some(in_static) => in_static.to_owned(),
            None => format!("{}/{key}", page.lang),
        };
        served.files.contains_key(&path)
    })
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
