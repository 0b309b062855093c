//! Diagnostics as people read them: the `file:line:col: message` line that editors and scripts jump to,
//! then the offending source line with a marker under the fault, then the hint. Rendering is done by
//! annotate-snippets so the layout matches what Rust and many other tools print.

use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::error::{Diagnostic, Severity};

/// Renders one diagnostic for a terminal (`colour`) or a log. The source line is read from the file under
/// `root`; when it cannot be read (a built-in file, a folder) the report has no snippet.
pub fn render(diagnostic: &Diagnostic, root: &Path, colour: bool) -> String {
    let source = diagnostic.line.and_then(|line| source_line(root, &diagnostic.file, line));
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level.primary_title(diagnostic.to_string()).id(diagnostic.code);
    let mut group = match (&source, diagnostic.line) {
        (Some(text), Some(line)) if !text.trim().is_empty() => {
            let span = marker_span(text, diagnostic.column, diagnostic.length);
            title.element(
                Snippet::source(text.as_str())
                    .line_start(line)
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        _ => Group::with_title(title),
    };
    if let Some(note) = &diagnostic.note {
        group = group.element(Level::NOTE.message(note.as_str()));
    }
    if let Some(hint) = &diagnostic.hint {
        group = group.element(Level::HELP.message(hint.as_str()));
    }
    let renderer = if colour { Renderer::styled() } else { Renderer::plain() };
    renderer.render(&[group])
}

/// The text of 1-based `line` of `file` (relative to `root`), without its line ending.
fn source_line(root: &Path, file: &str, line: usize) -> Option<String> {
    if file.contains(" (built in)") {
        return None;
    }
    let bytes = crate::fs::read(&root.join(file)).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    text.split('\n').nth(line.checked_sub(1)?).map(|l| l.trim_end_matches('\r').to_owned())
}

/// The byte range to underline: `length` characters from the column (counted in characters) where the
/// diagnostic knows its extent, else to the end of the word there, or the whole line without its
/// indentation when the column is unknown.
fn marker_span(line: &str, column: Option<usize>, length: Option<usize>) -> std::ops::Range<usize> {
    let Some(column) = column else {
        let start = line.len() - line.trim_start().len();
        return start..line.trim_end().len().max(start + 1);
    };
    let start = line.char_indices().nth(column.saturating_sub(1)).map_or(line.len(), |(i, _)| i);
    let rest = line.get(start..).unwrap_or("");
    if let Some(length) = length.filter(|l| *l > 0 && !rest.is_empty()) {
        let end = rest.char_indices().nth(length).map_or(rest.len(), |(i, _)| i);
        return start..start + end;
    }
    let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
    // At least one whole character, even where the fault is a space (which may be several bytes wide).
    let width = if word == 0 { rest.chars().next().map_or(1, char::len_utf8) } else { word };
    start..start + width
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_line_and_a_marker_under_the_fault() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/en")).unwrap();
        std::fs::write(dir.path().join("content/en/a.md"), "---\ntitle: Hi\ncolour: red\n---\n")
            .unwrap();
        let d = Diagnostic::error("content/en/a.md", "front-matter", "unknown field `colour`")
            .at(Some(3), Some(1))
            .hint("remove it");
        let text = render(&d, dir.path(), false);
        assert!(
            text.starts_with("error[front-matter]: content/en/a.md:3:1: unknown field"),
            "{text}"
        );
        assert!(text.contains("3 | colour: red"), "{text}");
        assert!(text.contains("| ^^^^^^^"), "{text}");
        assert!(text.contains("help: remove it"), "{text}");
    }

    #[test]
    fn without_a_readable_file_there_is_no_snippet() {
        let d = Diagnostic::error("locales/en (built in)", "x", "bad").at(Some(2), None);
        let text = render(&d, Path::new("/nonexistent"), false);
        assert_eq!(text.lines().count(), 1, "{text}");
    }

    #[test]
    fn marker_spans_one_word_in_any_script() {
        assert_eq!(marker_span("a: مرحبا بك", Some(4), None), 3..13);
        assert_eq!(marker_span("  whole line ", None, None), 2..12);
        assert_eq!(marker_span("x", Some(9), None), 1..2);
        assert_eq!(
            marker_span("\u{3000}x = y", Some(1), None),
            0..3,
            "an ideographic space is one character"
        );
    }
}
