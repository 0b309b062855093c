//! The one place that knows the YAML library. `serde_yaml` is archived upstream; keeping every call here
//! (used by the config, front-matter and data loaders) means a maintained fork replaces it in one file.

use serde::de::DeserializeOwned;

use crate::error::Diagnostic;

/// Parses YAML text into `T`, turning a parse or type error into a diagnostic for `file` located at the
/// parser's line and column, shifted down by `line_offset` lines (front matter starts below its `---`).
pub(crate) fn parse<T: DeserializeOwned>(
    text: &str,
    file: &str,
    line_offset: usize,
) -> Result<T, Diagnostic> {
    serde_yaml::from_str(text).map_err(|e| {
        // YAML forbids tabs in indentation; the parser's own words for it ("found character that cannot
        // start any token") do not say so.
        if let Some((i, line)) = text.lines().enumerate().find(|(_, l)| {
            let indent = &l[..l.len() - l.trim_start().len()];
            indent.contains('\t')
        }) {
            let column = line.find('\t').map_or(1, |at| line[..at].chars().count() + 1);
            return Diagnostic::error(
                file,
                "yaml",
                "a tab is used for indentation; YAML allows only spaces",
            )
            .at(Some(i + 1 + line_offset), Some(column))
            .spanning(1)
            .hint("replace the tab with spaces (most editors: convert indentation to spaces)");
        }
        let message = tidy_message(&e.to_string());
        let reported = e.location().map(|l| (l.line(), l.column()));
        let (line, column) = match refine(text, &message).or(reported) {
            Some((line, column)) => (Some(line + line_offset), Some(column)),
            None => (None, None),
        };
        Diagnostic::error(file, "yaml", message).at(line, column)
    })
}

/// `serde_yaml` places errors found while checking a value at the start of the enclosing item, and unknown
/// fields at the end of the mapping. The message quotes the offending key or value, so the line that holds
/// it is the better place to point at.
fn refine(text: &str, message: &str) -> Option<(usize, usize)> {
    let quoted = message.split('`').nth(1).filter(|q| !q.is_empty())?;
    let unknown_field = message.starts_with("unknown field");
    text.lines().enumerate().find_map(|(i, line)| {
        let column = if unknown_field {
            let trimmed = line.trim_start().trim_start_matches("- ");
            let rest = trimmed.strip_prefix(quoted)?;
            rest.trim_start().starts_with(':').then(|| line.len() - trimmed.len())?
        } else {
            line.find(quoted)?
        };
        Some((i + 1, line[..column].chars().count() + 1))
    })
}

/// `serde_yaml` appends " at line L column C" to its messages; the diagnostic carries the position itself.
fn tidy_message(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// Finds the 1-based line of the first top-level `key:` in YAML text, for errors found after parsing.
pub(crate) fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|l| l.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with(':')))
        .map(|i| i + 1)
}

/// Finds the 1-based line where `needle` first occurs after `from_line`, for errors found after parsing.
pub(crate) fn find_line(text: &str, needle: &str, from_line: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(from_line.saturating_sub(1))
        .find(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code, reason = "only deserialized")]
    struct T {
        a: u32,
    }

    #[test]
    fn errors_are_located_and_offset() {
        let d = parse::<T>("a: 1\nb: 2\n", "x.yaml", 1).unwrap_err();
        assert_eq!(d.line, Some(3));
        assert!(d.message.contains("unknown field `b`"), "{}", d.message);
        assert!(!d.message.contains(" at line "));
    }

    #[test]
    fn key_line_finds_top_level_keys() {
        assert_eq!(key_line("title: x\ntopics: [a]\n", "topics"), Some(2));
        assert_eq!(key_line("title: x\n", "topics"), None);
    }
}
