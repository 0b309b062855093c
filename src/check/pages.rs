//! What `check` reads in each page's Markdown: images without a text alternative, headings that skip a
//! level or repeat the page's h1, and children's pages that read above their age band.

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::check::Checked;
use crate::content::page::SourcePage;
use crate::error::{Diagnostic, line_col};
use crate::source::SiteSource;

/// Adds the findings of every page and translation.
pub(super) fn check(source: &SiteSource, checked: &mut Checked) {
    let mut unscored = BTreeSet::new();
    let mut ungraded = BTreeSet::new();
    for group in source.content.pages.values() {
        // A translation may leave `ages` out: the source's band is the page's band, as the site shows it.
        let band = group.source.front.ages.as_deref();
        for page in std::iter::once(&group.source).chain(group.translations.values()) {
            structure(page, &mut checked.findings);
            let grade = band.map(|b| source.config.reading_grades.get(b).copied().ok_or(b));
            if let Some(Err(band)) = grade
                && page.kind.audience() == Some("children")
            {
                ungraded.insert(band);
            }
            let band = band.zip(grade.and_then(Result::ok));
            placeholder(page, &mut checked.findings);
            reading_level(page, band, &mut checked.findings, &mut unscored);
        }
    }
    if !ungraded.is_empty() {
        checked.notes.push(format!(
            "reading level not checked for the age band(s) {}: site.yaml gives no `reading_grade` for them \
             (write e.g. `- {{ id: {}, reading_grade: 8 }}` under age_bands)",
            ungraded.iter().copied().collect::<Vec<_>>().join(", "),
            ungraded.iter().next().copied().unwrap_or_default()
        ));
    }
    if !unscored.is_empty() {
        checked.notes.push(format!(
            "reading level not checked for {}: no published readability formula is built in for {}",
            unscored.iter().copied().collect::<Vec<_>>().join(", "),
            if unscored.len() == 1 { "it" } else { "them" }
        ));
    }
}

/// A published page still holding the text `safeguide new` starts it with.
fn placeholder(page: &SourcePage, findings: &mut Vec<Diagnostic>) {
    use crate::new_page::{PLACEHOLDER_BODY, PLACEHOLDER_DESCRIPTION};
    let body = page.body.lines().position(|l| l.contains(PLACEHOLDER_BODY));
    let description = page.front.description.as_deref() == Some(PLACEHOLDER_DESCRIPTION);
    if body.is_none() && !description {
        return;
    }
    let line = body.map(|i| i + page.body_line);
    findings.push(
        Diagnostic::error(
            &page.file,
            "placeholder",
            "the page still holds the placeholder text `safeguide new` wrote",
        )
        .warning()
        .at(line, line.map(|_| 1))
        .hint("replace the description and the body with the page's own words"),
    );
}

/// Images without alt text (errors) and heading levels (warnings). The theme shows the page title as the
/// only h1, so the body's headings start at h2.
fn structure(page: &SourcePage, findings: &mut Vec<Diagnostic>) {
    let at = |offset: usize| {
        let (line, column) = line_col(&page.body, offset);
        (Some(line + page.body_line - 1), Some(column))
    };
    let mut previous = 1;
    let mut image: Option<(usize, String)> = None;
    // The last character of the previous text event and its offset, to spot `**` shown as text.
    let mut previous_text: Option<(char, usize)> = None;
    let parser = Parser::new_ext(&page.body, crate::markdown::options()).into_offset_iter();
    for (event, range) in parser {
        let mut last_text = None;
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = level as usize;
                let (line, column) = at(range.start);
                if level == 1 {
                    findings.push(
                        Diagnostic::error(
                            &page.file,
                            "heading-h1",
                            "a second h1: the page title is already the h1",
                        )
                        .warning()
                        .at(line, column)
                        .hint("start the page's sections at `##`"),
                    );
                } else if level > previous + 1 {
                    findings.push(
                        Diagnostic::error(
                            &page.file,
                            "heading-skip",
                            format!("the heading jumps from h{previous} to h{level}"),
                        )
                        .warning()
                        .at(line, column)
                        .hint(format!(
                            "use {} so screen-reader users can follow the outline",
                            "#".repeat(previous + 1)
                        )),
                    );
                }
                previous = level;
            }
            Event::Start(Tag::Image { .. }) => image = Some((range.start, String::new())),
            Event::Text(text) => {
                if let Some((_, alt)) = &mut image {
                    alt.push_str(&text);
                }
                // CommonMark does not close `**` between punctuation and a letter ("**不是你的错。**不要"),
                // which is common in Chinese and Japanese: the reader sees the asterisks. The parser hands
                // such markers over one character at a time.
                let first = text.chars().next();
                if let (Some((a, offset)), Some(b)) = (previous_text, first)
                    && a == b
                    && (b == '*' || b == '_')
                {
                    let (line, column) = at(offset);
                    findings.push(
                            Diagnostic::error(&page.file, "emphasis", "these emphasis markers show as text")
                                .warning()
                                .at(line, column)
                                .hint("move punctuation outside the markers (`**不是你的错**。`), or add a space after them"),
                        );
                }
                last_text =
                    text.chars().last().map(|c| (c, range.end.saturating_sub(c.len_utf8())));
            }
            Event::Code(text) => {
                if let Some((_, alt)) = &mut image {
                    alt.push_str(&text);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((start, alt)) = image.take()
                    && alt.trim().is_empty()
                {
                    let (line, column) = at(start);
                    findings.push(
                            Diagnostic::error(&page.file, "image-alt", "this image has no alt text")
                                .at(line, column)
                                .hint("describe what the image shows between the brackets: ![a child using a tablet](...)"),
                        );
                }
            }
            _ => {}
        }
        previous_text = last_text;
    }
}

/// Children's pages whose text reads above their age band, by the language's published formula.
fn reading_level<'a>(
    page: &'a SourcePage,
    band: Option<(&str, f64)>,
    findings: &mut Vec<Diagnostic>,
    unscored: &mut BTreeSet<&'a str>,
) {
    let Some((band, grade)) = band else { return };
    if page.kind.audience() != Some("children") {
        return;
    }
    let Some(score) = crate::readability::score(&page.body, &page.lang) else {
        if crate::readability::formula_for(&page.lang).is_none() {
            unscored.insert(page.lang.as_str());
        }
        return;
    };
    if crate::readability::fits_band(&score, grade) {
        return;
    }
    let limit = crate::readability::band_limit(score.formula, grade);
    let (relation, advice) = if score.formula.higher_is_easier() {
        ("at least", "higher is easier")
    } else {
        ("at most", "a school grade")
    };
    findings.push(
        Diagnostic::error(
            &page.file,
            "reading-level",
            format!(
                "reads above the {band} age band: {} {:.1}, where the band asks for {relation} {limit:.0} ({advice})",
                score.formula.name(),
                score.value
            ),
        )
        .warning()
        .at(Some(page.body_line), None)
        .hint("use shorter sentences and everyday words; one idea per sentence"),
    );
}
