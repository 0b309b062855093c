//! Helpline data taken from its source more than a year ago: numbers and opening hours change, and a
//! child who calls a dead number may not try again.

use std::path::Path;

use crate::content::{CONTENT_DIR, DATA_DIR};
use crate::error::{Diagnostic, Result};
use crate::source::SiteSource;

/// How long a helpline entry stays trusted after it was taken from its source, in months.
const TRUSTED_MONTHS: u32 = 12;

/// Adds a warning for every helpline retrieved more than a year before `today` (YYYY-MM-DD).
pub(super) fn check(
    source: &SiteSource,
    root: &Path,
    today: &str,
    findings: &mut Vec<Diagnostic>,
) -> Result<()> {
    let Some((year, month, day)) = crate::date::parse(today) else { return Ok(()) };
    let limit = (year - 1, month, day);
    let file = format!("{CONTENT_DIR}/{DATA_DIR}/helplines.yaml");
    let path = root.join(&file);
    let text = if path.is_file() {
        crate::fs::read_source(&path, &file)?.unwrap_or_default()
    } else {
        String::new()
    };
    let mut from_line = 1;
    for helpline in &source.data.helplines {
        let retrieved = &helpline.retrieved.0;
        let Some(date) = crate::date::parse(retrieved) else { continue };
        // Entries are found in file order, so each search starts after the previous entry's line.
        let line = crate::yaml::find_line(&text, &format!("retrieved: {retrieved}"), from_line)
            .or_else(|| crate::yaml::find_line(&text, retrieved, from_line));
        if let Some(l) = line {
            from_line = l + 1;
        }
        if date < limit {
            let column = line
                .and_then(|l| text.lines().nth(l - 1))
                .and_then(|t| Some(t.get(..t.find(retrieved.as_str())?)?.chars().count() + 1));
            findings.push(
                Diagnostic::error(
                    &file,
                    "helpline-stale",
                    format!(
                        "{} ({}) was taken from its source on {retrieved}, more than {TRUSTED_MONTHS} months ago",
                        helpline.name.all().first().copied().unwrap_or_default(),
                        helpline.country.0
                    ),
                )
                .warning()
                .at(line, column)
                .hint("check the entry against its source again, then update `retrieved` (and `verified` only if you confirmed it with the service)"),
            );
        }
    }
    Ok(())
}
