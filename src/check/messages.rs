//! Interface strings: messages a language lacks, messages nothing uses, and translations whose variables
//! differ from the default language's (a `{ $count }` a translation drops or misspells shows the reader a
//! wrong or broken sentence). Syntax errors are already errors of loading.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::error::{Diagnostic, Result};
use crate::i18n::load::{LOCALES_DIR, embedded_files};
use crate::source::SiteSource;

/// Messages the engine itself formats, besides the ones templates name.
const ENGINE_MESSAGES: [&str; 7] = [
    "site-title",
    "help-title",
    "partners-title",
    "not-found-title",
    "country-title",
    "a-z-title",
    "search-title",
];
/// Families of messages the engine formats from ids in the site's data and config.
const ENGINE_PREFIXES: [&str; 4] = ["audience-", "topic-", "age-", "region-"];

/// Where a message is defined and what it needs.
#[derive(Debug, Clone)]
struct Definition {
    /// The file, relative to the site root (built-in files end in "(built in)").
    file: String,
    /// 1-based line of `id =`.
    line: Option<usize>,
    /// The variables its value and attributes use.
    variables: BTreeSet<String>,
}

impl Definition {
    fn built_in(&self) -> bool {
        self.file.ends_with("(built in)")
    }
}

/// Adds the findings about interface strings.
pub(super) fn check(
    source: &SiteSource,
    root: &Path,
    findings: &mut Vec<Diagnostic>,
) -> Result<()> {
    let mut used = Used::from_templates(source);
    let mut by_language: BTreeMap<&str, BTreeMap<String, Definition>> = BTreeMap::new();
    for lang in &source.config.languages {
        let definitions = definitions(root, &lang.code, &mut used)?;
        by_language.insert(&lang.code, definitions);
    }
    let default = source.config.default_language.as_str();
    let empty = BTreeMap::new();
    let defaults = by_language.get(default).unwrap_or(&empty);
    for (lang, definitions) in &by_language {
        if *lang != default {
            for (id, original) in defaults.iter().filter(|(id, _)| !definitions.contains_key(*id)) {
                // Located at the default language's definition, whose text is what to translate; a built-in
                // message has no file of the site to point at, so the language's folder is named.
                let (file, line) = if original.built_in() {
                    (format!("{LOCALES_DIR}/{lang}"), None)
                } else {
                    (original.file.clone(), original.line)
                };
                findings.push(
                    Diagnostic::error(
                        file,
                        "message-missing",
                        format!("the message `{id}` is not translated into `{lang}`; readers see the `{default}` text"),
                    )
                    .warning()
                    .at(line, line.map(|_| 1))
                    .hint(format!("add `{id} = ...` to a file in {LOCALES_DIR}/{lang}/")),
                );
            }
            for (id, definition) in definitions {
                let Some(original) = defaults.get(id) else { continue };
                if definition.variables != original.variables && !definition.built_in() {
                    findings.push(
                        Diagnostic::error(
                            &definition.file,
                            "message-variables",
                            format!(
                                "`{id}` uses {} but the `{default}` message uses {}",
                                list(&definition.variables),
                                list(&original.variables)
                            ),
                        )
                        .warning()
                        .at(definition.line, Some(1))
                        .hint(
                            "use the same `{ $variable }` names as the default language's message",
                        ),
                    );
                }
            }
        }
        for (id, definition) in definitions {
            if !definition.built_in() && !used.contains(id) {
                let hint = if defaults.contains_key(id) {
                    "remove it, or use it in a template with t(key=\"...\")".to_owned()
                } else {
                    format!(
                        "it is not in the `{default}` messages either: remove it, or check its spelling"
                    )
                };
                findings.push(
                    Diagnostic::error(
                        &definition.file,
                        "message-unused",
                        format!("no template uses the message `{id}`"),
                    )
                    .warning()
                    .at(definition.line, Some(1))
                    .hint(hint),
                );
            }
        }
    }
    Ok(())
}

fn list(variables: &BTreeSet<String>) -> String {
    if variables.is_empty() {
        return "no variables".to_owned();
    }
    variables.iter().map(|v| format!("`${v}`")).collect::<Vec<_>>().join(", ")
}

/// The message ids the site's templates and the engine use.
struct Used {
    ids: BTreeSet<String>,
    prefixes: BTreeSet<String>,
}

impl Used {
    /// Reads `t(key="...")` calls from every template; `"prefix-" ~ expr` counts as a family of ids.
    fn from_templates(source: &SiteSource) -> Used {
        let mut used = Used {
            ids: ENGINE_MESSAGES.iter().map(|s| (*s).to_owned()).collect(),
            prefixes: ENGINE_PREFIXES.iter().map(|s| (*s).to_owned()).collect(),
        };
        for template in source.theme.templates.values() {
            let text = template.text.as_str();
            let mut rest = text;
            while let Some(at) = rest.find("key") {
                rest = &rest[at + 3..];
                let after = rest.trim_start();
                let Some(after) = after.strip_prefix('=') else { continue };
                let after = after.trim_start();
                let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                    continue;
                };
                let Some(end) = after[1..].find(quote) else { continue };
                let literal = &after[1..=end];
                let tail = after[end + 2..].trim_start();
                if tail.starts_with('~') {
                    used.prefixes.insert(literal.to_owned());
                } else {
                    used.ids.insert(literal.split('.').next().unwrap_or(literal).to_owned());
                }
            }
        }
        used
    }

    fn contains(&self, id: &str) -> bool {
        self.ids.contains(id) || self.prefixes.iter().any(|p| id.starts_with(p.as_str()))
    }
}

/// The effective definitions of one language: built-in files first, then the site's, later ones winning,
/// as the localizer loads them. Messages referenced by other messages are recorded as used.
fn definitions(root: &Path, lang: &str, used: &mut Used) -> Result<BTreeMap<String, Definition>> {
    let mut files = embedded_files(lang);
    let dir = root.join(LOCALES_DIR).join(lang);
    if dir.is_dir() {
        // Unreadable files and links leading outside were reported when the site was loaded.
        for entry in crate::fs::walk(root, &dir, 1, &mut Vec::new()) {
            if !entry.is_dir && entry.path.extension().is_some_and(|e| e == "ftl") {
                let shown = crate::fs::shown(root, &entry.path);
                if let Ok(text) = crate::fs::read_source(&entry.path, &shown)? {
                    files.push((shown, text));
                }
            }
        }
    }
    let mut definitions = BTreeMap::new();
    for (file, text) in &files {
        for d in crate::i18n::definitions::definitions(text) {
            used.ids.extend(d.references);
            if d.term {
                continue;
            }
            definitions.insert(
                d.id,
                Definition { file: file.clone(), line: d.line, variables: d.variables },
            );
        }
    }
    Ok(definitions)
}
