//! Paths and URLs inside the built site, shared by every stage that names a file of it: the output file type,
//! containment of output paths, resolving a relative path against a page, relative URLs between pages and
//! percent-decoding. A layer below rendering, checking and writing, so none of them imports another for these.

use std::path::{Component, Path};

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OutputFile {
    /// Its path below the output folder, with `/` separators.
    pub(crate) path: String,
    /// Its contents.
    pub(crate) bytes: Vec<u8>,
}

/// Whether an output path stays inside the output folder (no `..`, no absolute paths).
pub(crate) fn is_contained(path: &str) -> bool {
    !path.is_empty() && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)))
}

/// Decodes `%XX` escapes (browsers escape non-ASCII anchors and page names in URLs); `None` when the result
/// is not UTF-8. A `%` not followed by two hex digits is kept as it is.
pub(crate) fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        if let Some(byte) = hex {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Resolves a relative path against the folder of the file `key` (a page key, or an output path); `None` if
/// it climbs out of the tree.
pub(crate) fn resolve(key: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = key.split('/').collect();
    parts.pop();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The relative URL from the page at URL path `from` to the page at `to` (both ending in `/` or empty).
pub(crate) fn relative_url(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let common = from.iter().zip(&to_parts).take_while(|(a, b)| a == b).count();
    let mut url = "../".repeat(from.len() - common);
    for part in &to_parts[common..] {
        url.push_str(part);
        url.push('/');
    }
    if url.is_empty() { "./".to_owned() } else { url }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls() {
        assert_eq!(relative_url("children/a/", "children/b/"), "../b/");
        assert_eq!(relative_url("", "children/"), "children/");
        assert_eq!(relative_url("children/", "children/"), "./");
        assert_eq!(relative_url("children/a/", ""), "../../");
    }

    #[test]
    fn resolving_and_decoding() {
        assert_eq!(resolve("children/a.md", "../parents/b.md").as_deref(), Some("parents/b.md"));
        assert_eq!(resolve("a.md", "../x.md"), None);
        assert_eq!(percent_decode("caf%C3%A9%zz").as_deref(), Some("café%zz"));
        assert_eq!(percent_decode("%FF"), None);
        assert!(is_contained("en/a/index.html"));
        assert!(!is_contained("../x") && !is_contained("en/../../x"));
        assert!(!is_contained("/etc/passwd") && !is_contained(""));
    }
}
