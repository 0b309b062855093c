//! Reading Fluent resources: the interface strings embedded in the binary, then the site's own
//! `locales/<lang>/*.ftl`, which add and override messages one by one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use include_dir::{Dir, include_dir};

use crate::config::SiteConfig;
use crate::error::{Diagnostic, Error, Result, line_col};
use crate::i18n::Localizer;

/// The folder of a site's interface strings.
pub(crate) const LOCALES_DIR: &str = "locales";

/// The default interface strings, the repository's `locales/`.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");

/// Messages every site must define in its default language (besides the ones its templates use).
fn required_messages(config: &SiteConfig, topics: &[String]) -> Vec<String> {
    let mut keys = vec!["site-title".to_owned()];
    keys.extend(config.age_bands.iter().map(|b| format!("age-{b}")));
    keys.extend(topics.iter().map(|t| format!("topic-{t}")));
    keys
}

/// Loads the embedded and the site's Fluent files for every declared language.
pub(crate) fn load(config: &SiteConfig, root: &Path, topics: &[String]) -> Result<Localizer> {
    let mut problems = Vec::new();
    let mut resources: BTreeMap<String, Vec<FluentResource>> = BTreeMap::new();
    let mut defined = Defined::default();
    for lang in &config.languages {
        let list = resources.entry(lang.code.clone()).or_default();
        for (shown, text) in embedded_files(&lang.code) {
            parse(&text, &shown, list, &mut problems);
            defined.add(&lang.code, &shown, &text, &mut problems);
        }
    }
    let site_dir = root.join(LOCALES_DIR);
    if site_dir.is_dir() {
        for entry in crate::fs::walk(root, &site_dir, 2, &mut problems) {
            let shown = crate::fs::shown(root, &entry.path);
            let lang = entry
                .path
                .strip_prefix(&site_dir)
                .ok()
                .and_then(|p| p.iter().next())
                .map(|s| s.to_string_lossy().into_owned());
            let Some(lang) = lang else { continue };
            if entry.depth == 1 {
                if entry.is_dir && config.language(&lang).is_none() {
                    problems.push(
                        Diagnostic::error(
                            shown,
                            "undeclared-language",
                            format!("`{lang}` is not a language declared in site.yaml"),
                        )
                        .hint("add it to `languages` in site.yaml, or remove the folder"),
                    );
                }
                continue;
            }
            if entry.is_dir || entry.path.extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            let Some(list) = resources.get_mut(&lang) else { continue };
            match crate::fs::read_source(&entry.path, &shown)? {
                Ok(text) => {
                    parse(&text, &shown, list, &mut problems);
                    defined.add(&lang, &shown, &text, &mut problems);
                }
                Err(d) => problems.push(d),
            }
        }
    }
    defined.check_variables(&config.default_language, &mut problems);
    let localizer = Localizer::new(config, resources);
    let default_ids = localizer.message_ids(&config.default_language).cloned().unwrap_or_default();
    for key in required_messages(config, topics) {
        if !default_ids.contains(&key) {
            problems.push(
                Diagnostic::error(
                    format!("{LOCALES_DIR}/{}", config.default_language),
                    "missing-message",
                    format!("the message `{key}` is missing in the default language"),
                )
                .hint(format!(
                    "add `{key} = ...` to a file in locales/{}/",
                    config.default_language
                )),
            );
        }
    }
    if problems.is_empty() { Ok(localizer) } else { Err(Error::Site(problems)) }
}

/// The built-in interface files of `lang` as (shown path, normalised text), in the order they load.
pub(crate) fn embedded_files(lang: &str) -> Vec<(String, String)> {
    let Some(dir) = EMBEDDED.get_dir(lang) else { return Vec::new() };
    let mut files: Vec<_> =
        dir.files().filter(|f| f.path().extension().is_some_and(|e| e == "ftl")).collect();
    files.sort_by_key(|f| f.path());
    files
        .into_iter()
        .map(|file| {
            let shown = format!("{LOCALES_DIR}/{} (built in)", file.path().display());
            (shown, crate::fs::normalize_text(&String::from_utf8_lossy(file.contents())))
        })
        .collect()
}

/// Where each message of each language is defined, as loading goes: a site file's definition replaces the
/// built-in one, and a second definition in the site's own files is an error.
#[derive(Default)]
struct Defined {
    /// By language, then id.
    messages: BTreeMap<String, BTreeMap<String, Place>>,
}

/// Where a message is defined and the variables it uses: (file, line, variables).
type Place = (String, Option<usize>, BTreeSet<String>);

impl Defined {
    fn add(&mut self, lang: &str, file: &str, text: &str, problems: &mut Vec<Diagnostic>) {
        let built_in = file.ends_with("(built in)");
        let messages = self.messages.entry(lang.to_owned()).or_default();
        for d in crate::i18n::definitions::definitions(text) {
            if let Some((first_file, first_line, _)) = messages.get(&d.id)
                && !built_in
                && !first_file.ends_with("(built in)")
            {
                let first = match first_line {
                    Some(line) => format!("{first_file}:{line}"),
                    None => first_file.clone(),
                };
                problems.push(
                    Diagnostic::error(
                        file,
                        "message-duplicate",
                        format!(
                            "`{}` is defined twice in `{lang}`; it was first defined at {first}",
                            d.id
                        ),
                    )
                    .at(d.line, Some(1))
                    .hint("keep one definition: Fluent would silently use only one of them"),
                );
                continue;
            }
            messages.insert(d.id, (file.to_owned(), d.line, d.variables));
        }
    }

    /// A translation may use fewer variables than the default language's message (a plural form need not
    /// repeat the count) but never one the engine does not pass: the reader would see `{$datum}`.
    fn check_variables(&self, default: &str, problems: &mut Vec<Diagnostic>) {
        let Some(defaults) = self.messages.get(default) else { return };
        for (lang, messages) in self.messages.iter().filter(|(l, _)| l.as_str() != default) {
            for (id, (file, line, variables)) in messages {
                let Some((_, _, expected)) = defaults.get(id) else { continue };
                let unknown: Vec<String> =
                    variables.difference(expected).map(|v| format!("`{{ ${v} }}`")).collect();
                if unknown.is_empty() {
                    continue;
                }
                let known: Vec<String> = expected.iter().map(|v| format!("`{{ ${v} }}`")).collect();
                let known =
                    if known.is_empty() { "no variables".to_owned() } else { known.join(", ") };
                problems.push(
                    Diagnostic::error(
                        file,
                        "message-variables",
                        format!(
                            "`{id}` in `{lang}` uses {}, which the `{default}` message does not have; \
                             readers would see it as written",
                            unknown.join(", ")
                        ),
                    )
                    .at(*line, Some(1))
                    .hint(format!("the `{default}` message passes {known}: use those names")),
                );
            }
        }
    }
}

fn parse(text: &str, shown: &str, list: &mut Vec<FluentResource>, problems: &mut Vec<Diagnostic>) {
    match FluentResource::try_new(text.to_owned()) {
        Ok(resource) => list.push(resource),
        Err((_, errors)) => {
            for e in errors {
                let (line, column) = line_col(text, fault_position(text, &e));
                problems.push(
                    Diagnostic::error(
                        shown,
                        "fluent-syntax",
                        format!("Fluent syntax error: {}", e.kind),
                    )
                    .at(Some(line), Some(column))
                    .hint("see https://projectfluent.org/fluent/guide/ for the syntax of messages"),
                );
            }
        }
    }
}

/// Where a syntax error is, for the reader: the parser notices a missing `}` only at the start of the next
/// line, so an error found after nothing but white space is moved back to the end of the text before it,
/// staying within the entry the error belongs to.
fn fault_position(text: &str, error: &fluent_syntax::parser::ParserError) -> usize {
    let floor = error.slice.as_ref().map_or(0, |s| s.start);
    let mut at = error.pos.start.min(text.len());
    while at > floor {
        let Some(c) = text[..at].chars().next_back() else { break };
        if !c.is_whitespace() {
            break;
        }
        at -= c.len_utf8();
    }
    if at == floor { error.pos.start.min(text.len()) } else { at }
}

/// The ids of the messages (not terms) a resource defines.
pub(crate) fn message_ids(resource: &FluentResource) -> BTreeSet<String> {
    resource
        .entries()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// The message ids the site's own files under `locales/<lang>/` define (unreadable or invalid files, which
/// loading reports, count for what parses).
pub(crate) fn site_message_ids(root: &Path, lang: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let dir = root.join(LOCALES_DIR).join(lang);
    if !dir.is_dir() {
        return ids;
    }
    for entry in crate::fs::walk(root, &dir, 1, &mut Vec::new()) {
        if entry.is_dir || entry.path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        if let Ok(text) = std::fs::read_to_string(&entry.path) {
            ids.extend(syntax_message_ids(&text));
        }
    }
    ids
}

/// The message ids the built-in files of `lang` define.
pub(crate) fn embedded_message_ids(lang: &str) -> BTreeSet<String> {
    embedded_files(lang).iter().flat_map(|(_, text)| syntax_message_ids(text)).collect()
}

fn syntax_message_ids(text: &str) -> BTreeSet<String> {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(r) | Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}
