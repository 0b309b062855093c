//! Translation tracking: the short content hash a translation records as `translated_from`, and rewriting
//! one front-matter field of a file without disturbing anything else in it.
//!
//! The hash covers what a translator translates (title, description, body) and nothing else, so that
//! changing a page's weight, date or topics does not send every translation back to the translators.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use crate::content::FrontMatter;

/// How many hex digits of the SHA-256 a translation records: 48 bits, enough that two versions of one page
/// never collide in practice, short enough to read in a diff.
pub(crate) const HASH_LEN: usize = 12;

/// The short hash of a source page's translatable text. `body` must already be normalised (no byte-order
/// mark, LF line endings), as [`crate::fs::read_source`] returns it; trailing blank lines do not count.
pub(crate) fn source_hash(front: &FrontMatter, body: &str) -> String {
    let mut hasher = Sha256::new();
    // Each field ends in a NUL, which none of them can contain, so moving text between fields changes the hash.
    for part in [front.title.as_str(), front.description.as_deref().unwrap_or(""), body.trim_end()]
    {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    // Search keywords are translated text too; a page without them keeps the hash it always had.
    if !front.keywords.is_empty() {
        hasher.update(front.keywords.join("\n").as_bytes());
        hasher.update([0]);
    }
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(HASH_LEN);
    for byte in digest.iter().take(HASH_LEN / 2) {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// Sets top-level front-matter `key` to `value` in `text` (normalised to LF), replacing the line that sets
/// it or adding one at the end of the block. Returns `None` when the text has no front matter.
pub(crate) fn set_front_field(text: &str, key: &str, value: &str) -> Option<String> {
    let (yaml, body) = crate::content::front_matter::split_raw(text)?;
    let prefix = format!("{key}:");
    let line = format!("{key}: {value}\n");
    let mut out = String::with_capacity(text.len() + line.len());
    out.push_str("---\n");
    let mut replaced = false;
    for existing in yaml.split_inclusive('\n') {
        if !replaced && existing.starts_with(&prefix) {
            out.push_str(&line);
            replaced = true;
        } else {
            out.push_str(existing);
            if !existing.ends_with('\n') {
                out.push('\n');
            }
        }
    }
    if !replaced {
        out.push_str(&line);
    }
    out.push_str("---\n");
    out.push_str(body);
    Some(out)
}

/// Writes `text` back in the style the file was saved in: its byte-order mark and CRLF line endings, if it
/// had them, are kept, so stamping a file does not show as a change to every line.
pub(crate) fn restore_style(original: &[u8], text: &str) -> Vec<u8> {
    let had_bom = original.starts_with("\u{feff}".as_bytes());
    let crlf = original.windows(2).any(|w| w == b"\r\n");
    let mut out = String::with_capacity(text.len() + 16);
    if had_bom {
        out.push('\u{feff}');
    }
    if crlf {
        out.push_str(&text.replace('\n', "\r\n"));
    } else {
        out.push_str(text);
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front(title: &str, description: Option<&str>) -> FrontMatter {
        FrontMatter {
            title: title.into(),
            description: description.map(Into::into),
            ..FrontMatter::default()
        }
    }

    #[test]
    fn only_translatable_text_changes_the_hash() {
        let a = source_hash(&front("Be kind", Some("d")), "Body\n");
        assert_eq!(a.len(), HASH_LEN);
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
        let mut moved = front("Be kind", Some("d"));
        moved.weight = Some(3);
        moved.updated = Some("2026-01-01".into());
        moved.topics = vec!["x".into()];
        assert_eq!(source_hash(&moved, "Body\n\n"), a);
        assert_ne!(source_hash(&front("Be kind!", Some("d")), "Body\n"), a);
        assert_ne!(source_hash(&front("Be kind", Some("d")), "Body changed\n"), a);
        assert_ne!(source_hash(&front("Be kindd", None), "Body\n"), a);
    }

    #[test]
    fn sets_or_replaces_one_field() {
        let text = "---\ntitle: T\ntranslated_from: old\n---\nBody\n";
        assert_eq!(
            set_front_field(text, "translated_from", "abc").unwrap(),
            "---\ntitle: T\ntranslated_from: abc\n---\nBody\n"
        );
        assert_eq!(
            set_front_field("---\ntitle: T\n---\nBody\n", "draft", "true").unwrap(),
            "---\ntitle: T\ndraft: true\n---\nBody\n"
        );
        assert!(set_front_field("no front matter", "draft", "true").is_none());
    }

    #[test]
    fn keeps_the_file_style() {
        let original = "\u{feff}---\r\ntitle: T\r\n---\r\n".as_bytes();
        let out = restore_style(original, "---\ntitle: T\ndraft: true\n---\n");
        assert_eq!(out, "\u{feff}---\r\ntitle: T\r\ndraft: true\r\n---\r\n".as_bytes());
    }
}
