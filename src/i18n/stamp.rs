//! `i18n stamp`: records in translations that they are up to date with their source, by writing the
//! source's current hash as `translated_from`. Every file is checked before any is written, so a mistyped
//! path leaves all the files as they were.

use std::path::{Path, PathBuf};

use crate::config::SiteConfig;
use crate::content::CONTENT_DIR;
use crate::error::{Diagnostic, Error, Result};
use crate::i18n::tracking::{restore_style, set_front_field, source_hash};

/// One stamped file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamped {
    /// The translation, relative to the site root.
    pub file: String,
    /// The hash written.
    pub hash: String,
    /// Whether the file already carried that hash (and was left untouched).
    pub unchanged: bool,
}

/// Stamps `files` (absolute, or relative to the current directory) in the site at `root`.
pub fn stamp(config: &SiteConfig, root: &Path, files: &[PathBuf]) -> Result<Vec<Stamped>> {
    let mut problems = Vec::new();
    let mut planned = Vec::new();
    for file in files {
        match plan(config, root, file)? {
            Ok(p) => planned.push(p),
            Err(d) => problems.push(d),
        }
    }
    if !problems.is_empty() {
        return Err(Error::Site(problems));
    }
    let mut done = Vec::new();
    for (path, stamped, bytes) in planned {
        if !stamped.unchanged {
            crate::fs::write_atomic(&path, &bytes)?;
        }
        done.push(stamped);
    }
    Ok(done)
}

/// A file to write: its path, what is reported, and its new bytes.
type Planned = (PathBuf, Stamped, Vec<u8>);

/// Works out the new contents of one file, or why it cannot be stamped.
/// A translation and its source, located from a path given on the command line.
pub(crate) struct Located {
    /// The translation's absolute path.
    pub(crate) path: PathBuf,
    /// It, relative to the site root.
    pub(crate) shown: String,
    /// The source's absolute path.
    pub(crate) source_path: PathBuf,
    /// It, relative to the site root.
    pub(crate) source_shown: String,
}

/// Finds the translation `file` (relative to the current folder) and its source, or says why it is not one.
pub(crate) fn locate(
    config: &SiteConfig,
    root: &Path,
    file: &Path,
) -> std::result::Result<Located, Diagnostic> {
    let shown_arg = file.display().to_string();
    // Canonical paths, so `content/fr/../en/x.md` is seen as the English source it is, and a path given
    // from inside the site (`../../content/...`) is recognised.
    let Some(path) = crate::fs::canonical(file) else {
        return Err(Diagnostic::error(shown_arg, "not-found", "this file does not exist"));
    };
    let root = &crate::fs::canonical(root).unwrap_or_else(|| root.to_path_buf());
    let content = root.join(CONTENT_DIR);
    let Ok(rel) = path.strip_prefix(&content) else {
        return Err(Diagnostic::error(
            shown_arg,
            "not-a-translation",
            "this file is not in the site's content folder",
        )
        .hint(format!("translations are under {}", content.display())));
    };
    let shown = crate::fs::shown(root, &path);
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned());
    let lang = parts.next().unwrap_or_default();
    let key = parts.collect::<Vec<_>>().join("/");
    let not_translation = |message: String, hint: String| {
        Diagnostic::error(shown.clone(), "not-a-translation", message).hint(hint)
    };
    if config.language(&lang).is_none() || key.is_empty() || !key.ends_with(".md") {
        return Err(not_translation(
            "this file is not a page in a language folder".into(),
            "translations are content/<lang>/<page>.md".into(),
        ));
    }
    if lang == config.default_language {
        return Err(not_translation(
            format!("this page is in `{lang}`, the source language"),
            "stamp the translations of this page, e.g. content/<lang>/<same path>".into(),
        ));
    }
    if !path.is_file() {
        return Err(Diagnostic::error(shown, "not-found", "this file does not exist"));
    }
    let source_path = content.join(&config.default_language).join(&key);
    let source_shown = crate::fs::shown(root, &source_path);
    if !source_path.is_file() {
        return Err(not_translation(
            format!("there is no source page {source_shown}"),
            "a translation has the same path as its source in the default language".into(),
        ));
    }
    Ok(Located { path, shown, source_path, source_shown })
}

fn plan(
    config: &SiteConfig,
    root: &Path,
    file: &Path,
) -> Result<std::result::Result<Planned, Diagnostic>> {
    let Located { path, shown, source_path, source_shown } = match locate(config, root, file) {
        Ok(l) => l,
        Err(d) => return Ok(Err(d)),
    };
    let source_text = match crate::fs::read_source(&source_path, &source_shown)? {
        Ok(t) => t,
        Err(d) => return Ok(Err(d)),
    };
    let source = match crate::content::front_matter::split(&source_text, &source_shown) {
        Ok(s) => s,
        Err(d) => return Ok(Err(d)),
    };
    let hash = source_hash(&source.front, &source.body);
    let original = crate::fs::read(&path)?;
    let text = match crate::fs::decode_source(original.clone(), &shown) {
        Ok(t) => t,
        Err(d) => return Ok(Err(d)),
    };
    let translation = match crate::content::front_matter::split(&text, &shown) {
        Ok(s) => s,
        Err(d) => return Ok(Err(d)),
    };
    let unchanged = translation.front.translated_from.as_deref() == Some(hash.as_str());
    let Some(new_text) = set_front_field(&text, "translated_from", &hash) else {
        return Ok(Err(Diagnostic::error(shown, "front-matter", "the page has no front matter")));
    };
    let bytes = restore_style(&original, &new_text);
    Ok(Ok((path, Stamped { file: shown, hash, unchanged }, bytes)))
}
