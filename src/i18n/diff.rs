//! `i18n diff <translation>`: what changed in the source since the version the translation was stamped from.
//! The version is found in the site's git history by its content hash (`translated_from`): every commit that
//! touched the source is read with the `git` command until one hashes the same. The diff covers what the hash
//! covers: title, description and body.

use std::path::Path;
use std::process::Command;

use crate::config::SiteConfig;
use crate::error::{Diagnostic, Error, Result};
use crate::i18n::stamp::{Located, locate};
use crate::i18n::tracking::source_hash;

/// What `i18n diff` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceDiff {
    /// The translation is stamped with the source's current text.
    UpToDate,
    /// The unified diff from the stamped version (found in `commit`) to the source as it is now.
    Changed {
        /// The commit holding the stamped version.
        commit: String,
        /// The unified diff.
        diff: String,
    },
}

/// Finds the stamped version of `file`'s source and compares it with the source now.
pub fn diff(config: &SiteConfig, root: &Path, file: &Path) -> Result<SourceDiff> {
    let Located { path, shown, source_path, source_shown } =
        locate(config, root, file).map_err(|d| Error::Site(vec![d]))?;
    let (_, translation) = read_split(&path, &shown)?;
    let Some(stamp) = translation.front.translated_from.clone() else {
        return Err(Error::Site(vec![
            Diagnostic::error(
                &shown,
                "untracked",
                "this translation has no `translated_from` stamp",
            )
            .hint("check it against the source, then `safeguide i18n stamp` it"),
        ]));
    };
    let (_, source) = read_split(&source_path, &source_shown)?;
    if source_hash(&source.front, &source.body) == stamp {
        return Ok(SourceDiff::UpToDate);
    }
    let commits = git(root, &["log", "--format=%H", "--", &source_shown]).map_err(|why| {
        Error::Usage(format!(
            "{shown} was translated from version {stamp} of {source_shown}, which is not its text now; the \
             site's git history would hold it, but {why}"
        ))
    })?;
    for commit in commits.lines() {
        let Ok(text) = git(root, &["show", &format!("{commit}:./{source_shown}")]) else {
            continue;
        };
        let text = crate::fs::normalize_text(&text);
        let Ok(old) = crate::content::front_matter::split(&text, &source_shown) else { continue };
        if source_hash(&old.front, &old.body) != stamp {
            continue;
        }
        let short = &commit[..commit.len().min(12)];
        let before = comparable(&old.front.title, old.front.description.as_deref(), &old.body);
        let after =
            comparable(&source.front.title, source.front.description.as_deref(), &source.body);
        let diff = similar::TextDiff::from_lines(&before, &after)
            .unified_diff()
            .context_radius(3)
            .header(
                &format!("{source_shown} (commit {short}, which {shown} was translated from)"),
                &format!("{source_shown} (now)"),
            )
            .to_string();
        return Ok(SourceDiff::Changed { commit: commit.to_owned(), diff });
    }
    Err(Error::Usage(format!(
        "no version of {source_shown} in the git history has the content hash {stamp} that {shown} was \
         translated from (was it stamped from uncommitted text?); compare the translation with the source by \
         hand, then `safeguide i18n stamp` it"
    )))
}

fn read_split(
    path: &Path,
    shown: &str,
) -> Result<(String, crate::content::front_matter::SplitPage)> {
    let text = crate::fs::read_source(path, shown)?.map_err(|d| Error::Site(vec![d]))?;
    let split =
        crate::content::front_matter::split(&text, shown).map_err(|d| Error::Site(vec![d]))?;
    Ok((text, split))
}

/// The fields the content hash covers, as lines to compare.
fn comparable(title: &str, description: Option<&str>, body: &str) -> String {
    format!("title: {title}\ndescription: {}\n\n{}\n", description.unwrap_or(""), body.trim_end())
}

/// Runs `git` in `root`; its standard output, or why it could not give one.
fn git(root: &Path, args: &[&str]) -> std::result::Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| format!("the `git` command could not be run ({e})"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        if stderr.contains("not a git repository") {
            Err("the site is not in a git repository".to_owned())
        } else {
            Err(format!("git said: {}", stderr.trim()))
        }
    }
}
