//! `check`: everything `build` validates, without writing anything, plus the checks a publisher wants
//! before publishing: anchors, interface strings, headings and image text, page weight, reading level and
//! the age of helpline data. Each check is a module that adds findings; this one runs them in order.
//!
//! Errors are what breaks a page for its reader (a broken link or anchor, an image without a text
//! alternative, invalid input). Everything else is a warning, because a site in the middle of being
//! translated or edited is normal.

mod anchors;
mod helplines;
mod messages;
mod pages;
mod weight;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Mutex;

use serde::Serialize;

use crate::error::{Diagnostic, Error, Result, Severity};
use crate::source::SiteSource;

/// What `check` found.
#[derive(Debug, Clone, Default)]
pub struct Checked {
    /// Every finding, sorted by file and position.
    pub findings: Vec<Diagnostic>,
    /// Things the reader should know that are not findings (e.g. checks skipped for a language).
    pub notes: Vec<String>,
}

/// One finding as `--format json` prints it: the contract for scripts.
#[derive(Debug, Clone, Serialize)]
pub struct Finding<'a> {
    /// The file, relative to the site root.
    pub(crate) file: &'a str,
    /// 1-based line, or null.
    pub(crate) line: Option<usize>,
    /// 1-based column, or null.
    pub(crate) column: Option<usize>,
    /// `error` or `warning`.
    pub(crate) severity: Severity,
    /// A stable identifier of the kind of finding.
    pub(crate) code: &'a str,
    /// What is wrong.
    pub(crate) message: &'a str,
}

impl<'a> From<&'a Diagnostic> for Finding<'a> {
    fn from(d: &'a Diagnostic) -> Self {
        Finding {
            file: &d.file,
            line: d.line,
            column: d.column,
            severity: d.severity,
            code: d.code,
            message: &d.message,
        }
    }
}

/// What the checks need of the rendered site, taken from each file as it is rendered: the files are not
/// kept, so `check` needs little more memory than `build`.
#[derive(Debug, Default)]
struct Output {
    /// Every HTML page's digest, by output path.
    pages: HashMap<String, PageDigest>,
    /// Every file's size in bytes, by output path.
    sizes: HashMap<String, u64>,
}

/// One rendered HTML page, as the checks see it.
#[derive(Debug)]
struct PageDigest {
    /// The values of its `id` attributes.
    ids: HashSet<String>,
    /// The output paths of the style sheets, scripts and images it loads (see [`weight`]).
    assets: Vec<String>,
}

/// Checks the site at `root`, as of `today` (YYYY-MM-DD, for the age of helpline data). Problems in the
/// site's input are findings; only failures of the machine are errors.
pub fn check(root: &Path, today: &str) -> Result<Checked> {
    let root = crate::fs::absolute(root)?;
    let source = match crate::source::load(&root, None, false) {
        Ok(source) => source,
        Err(Error::Site(findings)) => return Ok(Checked { findings, notes: Vec::new() }),
        Err(e) => return Err(e),
    };
    let output = match render(&source) {
        Ok(output) => output,
        Err(Error::Site(findings)) => return Ok(Checked { findings, notes: Vec::new() }),
        Err(e) => return Err(e),
    };
    let mut checked = Checked::default();
    anchors::check(&source, &output, &mut checked.findings);
    messages::check(&source, &root, &mut checked.findings)?;
    pages::check(&source, &mut checked);
    weight::check(&source, &output, &mut checked.findings);
    helplines::check(&source, &root, today, &mut checked.findings)?;
    // Interface text still in the default language is not an error of the site (it reads, in that language),
    // but a translator's to-do: noted, as `build` warns about it.
    checked.notes.extend(crate::i18n::usage::interface_fallback_warnings(&source));
    crate::error::sort_diagnostics(&mut checked.findings);
    Ok(checked)
}

/// Renders the whole site as `build` would write it, digesting each file in the rendering thread.
fn render(source: &SiteSource) -> Result<Output> {
    let output = Mutex::new(Output::default());
    crate::build::generate(source, &|file| {
        let digest = file.path.ends_with(".html").then(|| {
            let html = String::from_utf8_lossy(&file.bytes);
            PageDigest {
                ids: anchors::ids(&html),
                assets: weight::linked_files(&file.path, &html, &source.config.base_path),
            }
        });
        // A poisoned lock means another rendering thread panicked; its digests are still valid to check.
        let mut output = output.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        output.sizes.insert(file.path.clone(), file.bytes.len() as u64);
        if let Some(digest) = digest {
            output.pages.insert(file.path, digest);
        }
        Ok(())
    })?;
    Ok(output.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner))
}

/// The output path of a content page in `lang`.
fn page_path(lang: &str, url_path: &str) -> String {
    format!("{lang}/{url_path}index.html")
}

/// The 1-based column of `needle` in 1-based `line` of a page's body, for findings about one link or
/// word; `None` when it cannot be found.
fn column_in_body(
    page: &crate::content::page::SourcePage,
    line: usize,
    needle: &str,
) -> Option<usize> {
    let text = page.body.lines().nth(line.checked_sub(page.body_line)?)?;
    let at = text.find(needle)?;
    Some(text.get(..at)?.chars().count() + 1)
}
