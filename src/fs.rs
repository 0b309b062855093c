//! File system access. Every read and write in the crate goes through here, so every failure names its path.

use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};

fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io { path: path.to_path_buf(), source }
}

/// Reads a file's bytes.
pub(crate) fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| io_error(path, e))
}

/// Reads a source file of the site as text, as editors on any system save it: a UTF-8 byte-order mark is
/// dropped and CRLF or lone CR line endings become LF, so a file saved on Windows builds exactly like the
/// same file saved on Linux. A file that is not UTF-8 is a problem in the site's input, reported with `shown`
/// (the path relative to the site root).
pub(crate) fn read_source(
    path: &Path,
    shown: &str,
) -> Result<std::result::Result<String, Diagnostic>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(decode_source(bytes, shown)),
        // A source the site names but the user cannot read is a problem in the input, reported with the
        // others, never skipped.
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
            Ok(Err(Diagnostic::error(shown, "unreadable", format!("this cannot be read: {e}"))
                .hint("give the user running safeguide permission to read it, or remove it")))
        }
        Err(e) => Err(io_error(path, e)),
    }
}

/// Decodes source bytes as [`read_source`] does.
pub(crate) fn decode_source(
    bytes: Vec<u8>,
    shown: &str,
) -> std::result::Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) if text.contains('\0') => {
            let at = text.find('\0').unwrap_or_default();
            let (line, column) = crate::error::line_col(&text, at);
            Err(Diagnostic::error(
                shown,
                "nul-byte",
                "this file holds a NUL byte, which is not text",
            )
            .at(Some(line), Some(column))
            .hint(
                "remove it; it usually comes from copying out of a binary file or a broken editor",
            ))
        }
        Ok(text) => Ok(normalize_owned(text)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let (line, column) = crate::error::line_col(
                std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default(),
                valid,
            );
            Err(Diagnostic::error(shown, "not-utf8", "this file is not valid UTF-8 text")
                .at(Some(line), Some(column))
                .hint("save it as UTF-8 (in most editors: Save as, Encoding: UTF-8)"))
        }
    }
}

/// Drops a byte-order mark and turns CRLF and lone CR line endings into LF.
pub(crate) fn normalize_text(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// [`normalize_text`] without a copy when there is nothing to change, as for almost every file.
fn normalize_owned(text: String) -> String {
    if text.starts_with('\u{feff}') || text.contains('\r') { normalize_text(&text) } else { text }
}

/// Writes a file, creating its parent folders.
pub(crate) fn write(path: &Path, contents: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    std::fs::write(path, contents).map_err(|e| io_error(path, e))
}

/// Replaces a file's contents all at once: the new bytes go to a hidden file beside it, which is then renamed
/// over it, so an editor or a build reading the file never sees it half written.
pub(crate) fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.safeguide-tmp"));
    write(&temp, contents)?;
    rename(&temp, path)
}

/// Creates a folder and its parents.
pub(crate) fn create_dir_all(path: &Path) -> Result<()> {
    std::fs::create_dir_all(path).map_err(|e| io_error(path, e))
}

/// Removes a folder and everything in it; a folder that is already gone is fine.
pub(crate) fn remove_dir_all(path: &Path) -> Result<()> {
    match std::fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_error(path, e)),
    }
}

/// [`remove_dir_all`] for a large folder this program wrote (a previous output): its subfolders are removed
/// in parallel, which halves the time a 100,000-page output takes to remove on two cores. Symbolic links
/// are removed, never followed.
pub(crate) fn remove_tree(path: &Path) -> Result<()> {
    use rayon::prelude::*;
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => {
            entries.collect::<std::io::Result<Vec<_>>>().map_err(|e| io_error(path, e))?
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_error(path, e)),
    };
    entries.par_iter().try_for_each(|entry| {
        let child = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => remove_tree(&child),
            _ => std::fs::remove_file(&child).map_err(|e| io_error(&child, e)),
        }
    })?;
    std::fs::remove_dir(path).map_err(|e| io_error(path, e))
}

/// Renames a file or folder.
pub(crate) fn rename(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).map_err(|e| io_error(from, e))
}

/// Makes a path absolute against the current directory without touching the file system.
pub fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).map_err(|e| io_error(path, e))
}

/// `path` made absolute with every `..` and symbolic link resolved as the operating system would resolve
/// them, also where its last parts do not exist yet: the longest existing prefix is canonicalised and the
/// rest appended. Two spellings of one place (`x/../site`, a link to it) come out equal.
pub(crate) fn resolved(path: &Path) -> Result<PathBuf> {
    let mut out = PathBuf::new();
    for part in absolute(path)?.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => {
                out.push(other);
                if let Some(real) = canonical(&out) {
                    out = real;
                }
            }
        }
    }
    Ok(out)
}

/// The canonical form of an existing path (symbolic links and `..` resolved); `None` when it does not exist.
pub(crate) fn canonical(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// Creates a new file with `contents`, failing if it already exists, so nothing is ever overwritten.
pub(crate) fn create_new(path: &Path, contents: &[u8]) -> Result<()> {
    use std::io::Write as _;
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| io_error(path, e))?;
    file.write_all(contents).map_err(|e| io_error(path, e))
}

/// A file or folder found by [`walk`].
#[derive(Debug, Clone)]
pub(crate) struct Walked {
    /// Its path, as reached from the walked folder (symbolic links not resolved, so it names the link).
    pub(crate) path: PathBuf,
    /// 1 for the walked folder's own entries.
    pub(crate) depth: usize,
    /// Whether it is (or links to) a folder.
    pub(crate) is_dir: bool,
}

/// Lists the entries below `dir` (a source folder of the site at `root`) in file-name order, at most
/// `max_depth` deep, skipping hidden names. Symbolic links are followed when they resolve inside the site;
/// a link that leads outside it (a contribution built by CI must not publish the CI machine's files), a loop
/// of links and a folder that cannot be read are problems, never skipped in silence.
pub(crate) fn walk(
    root: &Path,
    dir: &Path,
    max_depth: usize,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Walked> {
    let mut found = Vec::new();
    if !dir.is_dir() {
        return found;
    }
    let site = canonical(root).unwrap_or_else(|| root.to_path_buf());
    let mut outside = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .min_depth(1)
        .max_depth(max_depth)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.file_name().to_string_lossy().starts_with('.') {
                return false;
            }
            if e.path_is_symlink() {
                match canonical(e.path()) {
                    Some(target) if target.starts_with(&site) => {}
                    target => {
                        outside.push((e.path().to_path_buf(), target));
                        return false;
                    }
                }
            }
            true
        });
    for entry in walker {
        match entry {
            Ok(entry) => found.push(Walked {
                path: entry.path().to_path_buf(),
                depth: entry.depth(),
                is_dir: entry.file_type().is_dir(),
            }),
            Err(e) => {
                let path = e.path().unwrap_or(dir);
                let shown = shown(root, path);
                let diagnostic = if e.loop_ancestor().is_some() {
                    Diagnostic::error(
                        shown,
                        "link-loop",
                        "this symbolic link leads back into a folder that contains it",
                    )
                    .hint(
                        "remove the link or point it at a file or folder outside its own ancestors",
                    )
                } else if path.is_symlink()
                    && std::fs::metadata(path)
                        .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
                {
                    Diagnostic::error(shown, "dangling-link", "this symbolic link leads to nothing")
                        .hint("point the link at a file or folder that exists, or remove it")
                } else {
                    let reason = e.io_error().map_or_else(|| e.to_string(), ToString::to_string);
                    Diagnostic::error(shown, "unreadable", format!("this cannot be read: {reason}"))
                        .hint("give the user running safeguide permission to read it, or remove it")
                };
                problems.push(diagnostic);
            }
        }
    }
    for (link, target) in outside {
        let message = match target {
            Some(target) => {
                format!("this symbolic link leads outside the site, to {}", target.display())
            }
            None => "this symbolic link leads to nothing (its target does not exist)".to_owned(),
        };
        problems.push(Diagnostic::error(shown(root, &link), "link-outside", message).hint(
            "copy the file into the site instead: only files inside the site folder are published",
        ));
    }
    found
}

/// The path of `path` relative to `root`, with `/` separators, for messages.
pub(crate) fn shown(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_files_read_like_linux_files() {
        assert_eq!(normalize_text("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn invalid_utf8_is_a_located_diagnostic() {
        let d = decode_source(b"ok\nbad \xff".to_vec(), "content/en/a.md").unwrap_err();
        assert_eq!((d.line, d.column), (Some(2), Some(5)));
    }
}
