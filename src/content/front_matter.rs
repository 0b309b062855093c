//! Front matter: the YAML block between `---` lines at the top of a Markdown file.

use serde::Deserialize;

use crate::error::Diagnostic;

/// The fields a page may set. Any other field is an error that names it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    /// The page title (required).
    pub(crate) title: String,
    /// One sentence for lists and search results (required on guidance pages).
    pub(crate) description: Option<String>,
    /// Order within the audience; pages with equal weight are ordered by title.
    pub(crate) weight: Option<i64>,
    /// Topic ids from content/data/topics.yaml.
    #[serde(default)]
    pub(crate) topics: Vec<String>,
    /// The age band of a children's page.
    pub(crate) ages: Option<String>,
    /// When the page was last updated, YYYY-MM-DD.
    pub(crate) updated: Option<String>,
    /// A draft is only built with `--drafts`.
    #[serde(default)]
    pub(crate) draft: bool,
    /// Replaces the file name in the page's URL: one URL-safe path segment.
    pub(crate) slug: Option<String>,
    /// Words readers may search for that the page does not use as such (`bullying` for a page titled
    /// Cyberbullying): indexed for search with more weight than the title, never shown.
    #[serde(default)]
    pub(crate) keywords: Vec<String>,
    /// On a translation: the short hash of the source it was translated from.
    pub(crate) translated_from: Option<String>,
}

/// A Markdown file split into its parsed front matter and its body.
#[derive(Debug, Clone)]
pub(crate) struct SplitPage {
    /// The parsed front matter.
    pub(crate) front: FrontMatter,
    /// The YAML text of the front matter, for locating later errors.
    pub(crate) yaml: String,
    /// The Markdown after the closing `---`.
    pub(crate) body: String,
    /// The 1-based line of the file on which the body starts.
    pub(crate) body_line: usize,
}

/// Splits `text` (already normalised to LF) into front matter and body and parses the front matter.
pub(crate) fn split(text: &str, file: &str) -> Result<SplitPage, Diagnostic> {
    let (yaml, body) = split_raw(text).ok_or_else(|| {
        Diagnostic::error(file, "front-matter", "the page has no front matter")
            .at(Some(1), Some(1))
            .hint("start the file with a YAML block between two `---` lines holding at least `title:`")
    })?;
    let front: FrontMatter = crate::yaml::parse(yaml, file, 1)?;
    if front.title.trim().is_empty() {
        return Err(Diagnostic::error(file, "front-matter", "`title` is empty")
            .at(crate::yaml::key_line(yaml, "title").map(|l| l + 1), None));
    }
    Ok(SplitPage {
        front,
        yaml: yaml.to_owned(),
        body: body.to_owned(),
        body_line: body_line(yaml),
    })
}

/// The body of a page already read once, and the line it starts on, without parsing the front matter
/// again: `None` when the file no longer has front matter.
pub(crate) fn body(text: &str) -> Option<(&str, usize)> {
    split_raw(text).map(|(yaml, body)| (body, body_line(yaml)))
}

/// The 1-based file line on which the body after the front matter `yaml` starts.
fn body_line(yaml: &str) -> usize {
    yaml.lines().count() + 3
}

/// Returns (yaml, body) when `text` starts with a `---` line and has a closing `---` line.
pub(crate) fn split_raw(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---\n")?;
    if let Some(body) = rest.strip_prefix("---\n") {
        return Some(("", body));
    }
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_locates_the_body() {
        let page = split("---\ntitle: Hi\ntopics: [a]\n---\n# Body\n", "a.md").unwrap();
        assert_eq!(page.front.title, "Hi");
        assert_eq!(page.body, "# Body\n");
        assert_eq!(page.body_line, 5);
    }

    #[test]
    fn yaml_errors_point_at_the_file_line() {
        let d = split("---\ntitle: Hi\ncolour: red\n---\n", "a.md").unwrap_err();
        assert_eq!(d.line, Some(3));
        assert!(d.message.contains("colour"));
        let d = split("---\ntitle: [unclosed\n---\n", "a.md").unwrap_err();
        assert_eq!(d.file, "a.md");
        assert!(d.line.is_some());
    }

    #[test]
    fn missing_front_matter_is_an_error() {
        assert!(split("# Just text\n", "a.md").is_err());
        assert!(split("---\ntitle: x\n", "a.md").is_err());
    }
}
