//! The one escaper for text placed in HTML or XML that is not rendered through a template with
//! autoescape: generated files (sitemap, feeds), tags the Markdown renderer writes, `serve`'s error
//! overlay and interface messages formatted outside Tera. It escapes what Tera's autoescape escapes, so
//! text is safe in element content and in quoted attribute values alike.

/// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
pub(crate) fn html(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + 8);
    // Writing into a Vec<u8> cannot fail.
    let _ = tera::escape_html(text, &mut out);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::html(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }
}
