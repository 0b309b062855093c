//! File system access. Every read and write in the crate goes through here, so every failure names its path.

use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Error, Result};

fn io_error(path: &Path, source: std::io::Error) -> Error {
    Error::Io { path: path.to_path_buf(), source }
}

/// Reads a file's bytes.
pub fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| io_error(path, e))
}

/// Reads a source file of the site as text, as editors on any system save it: a UTF-8 byte-order mark is
/// dropped and CRLF or lone CR line endings become LF, so a file saved on Windows builds exactly like the
/// same file saved on Linux. A file that is not UTF-8 is a problem in the site's input, reported with `shown`
/// (the path relative to the site root).
pub fn read_source(path: &Path, shown: &str) -> Result<std::result::Result<String, Diagnostic>> {
    let bytes = read(path)?;
    Ok(decode_source(bytes, shown))
}

/// Decodes source bytes as [`read_source`] does.
pub fn decode_source(bytes: Vec<u8>, shown: &str) -> std::result::Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(normalize_text(&text)),
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
pub fn normalize_text(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Writes a file, creating its parent folders.
pub fn write(path: &Path, contents: &[u8]) -> Result<()> {
    if let Some(parent) = path.parent() {
        create_dir_all(parent)?;
    }
    std::fs::write(path, contents).map_err(|e| io_error(path, e))
}

/// Replaces a file's contents all at once: the new bytes go to a hidden file beside it, which is then renamed
/// over it, so an editor or a build reading the file never sees it half written.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.safeguide-tmp"));
    write(&temp, contents)?;
    rename(&temp, path)
}

/// Creates a folder and its parents.
pub fn create_dir_all(path: &Path) -> Result<()> {
    std::fs::create_dir_all(path).map_err(|e| io_error(path, e))
}

/// Removes a folder and everything in it; a folder that is already gone is fine.
pub fn remove_dir_all(path: &Path) -> Result<()> {
    match std::fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_error(path, e)),
    }
}

/// Renames a file or folder.
pub fn rename(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).map_err(|e| io_error(from, e))
}

/// Makes a path absolute against the current directory without touching the file system.
pub fn absolute(path: &Path) -> Result<PathBuf> {
    std::path::absolute(path).map_err(|e| io_error(path, e))
}

/// The canonical form of an existing path (symbolic links and `..` resolved); `None` when it does not exist.
pub fn canonical(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

/// Creates a new file with `contents`, failing if it already exists, so nothing is ever overwritten.
pub fn create_new(path: &Path, contents: &[u8]) -> Result<()> {
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

/// The path of `path` relative to `root`, with `/` separators, for messages.
pub fn shown(root: &Path, path: &Path) -> String {
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
