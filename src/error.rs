//! Errors and diagnostics: how every stage of the pipeline reports a problem.
//!
//! Problems in the site's input (content, data, locales, templates) become [`Diagnostic`]s that name the
//! file relative to the site root and, where the parser knows it, the line and column. Stages collect
//! all the diagnostics they find so that one run reports every independent problem. Failures of the
//! machine itself (a disk that is full, a folder that cannot be written) are [`Error::Io`].

use std::fmt;
use std::path::PathBuf;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The site cannot be built as it is.
    Error,
    /// The site builds, but something deserves attention.
    Warning,
}

/// A problem found in the site's input, located as precisely as its parser allows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// The file, relative to the site root, with `/` separators.
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column, where known.
    pub column: Option<usize>,
    /// Error or warning.
    pub severity: Severity,
    /// A short stable identifier of the kind of problem, for scripts.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// What to do about it, where the engine can tell.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// How many characters from the column the fault covers (a link's target, an anchor); `None` marks
    /// the word at the column.
    #[serde(skip)]
    pub length: Option<usize>,
    /// Related context, such as where a repeated definition was first made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Diagnostic {
    /// An error in `file`, without a position.
    pub(crate) fn error(
        file: impl Into<String>,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.into(),
            line: None,
            column: None,
            severity: Severity::Error,
            code,
            message: message.into(),
            hint: None,
            length: None,
            note: None,
        }
    }

    /// The same diagnostic at a line and, if known, a column.
    #[must_use]
    pub(crate) fn at(mut self, line: Option<usize>, column: Option<usize>) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// The same diagnostic marking `length` characters from its column.
    #[must_use]
    pub(crate) fn spanning(mut self, length: usize) -> Self {
        self.length = Some(length.max(1));
        self
    }

    /// The same diagnostic with related context (e.g. where something was first defined).
    #[must_use]
    pub(crate) fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The same diagnostic with advice on how to fix it.
    #[must_use]
    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same diagnostic as a warning.
    #[must_use]
    pub(crate) fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Sort key: by file, then position, so reports read top to bottom.
    fn sort_key(&self) -> (&str, usize, usize) {
        (&self.file, self.line.unwrap_or(0), self.column.unwrap_or(0))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

/// Sorts diagnostics by file and position and drops exact repeats.
pub(crate) fn sort_diagnostics(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()).then_with(|| a.message.cmp(&b.message)));
    diagnostics.dedup();
}

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The site's input has problems; each one is listed.
    #[error("the site has {} problem(s)", .0.len())]
    Site(Vec<Diagnostic>),
    /// Reading or writing a file failed for a reason outside the site's input.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A request that cannot be carried out as asked (for example an output folder that would
    /// overwrite the site's sources).
    #[error("{0}")]
    Usage(String),
    /// Pagefind could not build the search index.
    #[error("building the search index failed: {0}")]
    Search(String),
}

impl Error {
    /// The process exit status for this error: 1 for problems in the site's input, 2 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Site(_) => 1,
            Error::Io { .. } | Error::Usage(_) | Error::Search(_) => 2,
        }
    }
}

/// Shorthand for results in this crate.
pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

/// Turns a byte offset in `text` into a 1-based (line, column), the column counted in characters.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nمرحبا x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // "مرحبا " is 6 characters but 11 bytes.
        assert_eq!(line_col(text, 3 + 11), (2, 7));
    }

    #[test]
    fn diagnostics_print_as_path_line_column() {
        let d = Diagnostic::error("content/en/a.md", "x", "bad").at(Some(3), Some(7));
        assert_eq!(d.to_string(), "content/en/a.md:3:7: bad");
    }
}
