//! `i18n messages <lang>`: the interface messages a language still lacks, as a Fluent file holding the default
//! language's text, each marked `# TRANSLATE from <default>`, for a translator to work through (with or
//! without this repository). `init` writes the same file for a language that has no built-in interface text.
//! A marked message whose text is still the default language's is not translated: `build` warns about it and
//! `i18n status` counts it, while the site keeps working.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use fluent_syntax::ast;

use crate::i18n::load::{LOCALES_DIR, embedded_files};
use crate::i18n::usage::{Usage, fallbacks};
use crate::source::SiteSource;

/// The comment line that marks a message as still holding the default language's text. A marked message whose
/// text is still exactly the default language's counts as falling back, even though the file defines it.
pub(crate) const MARKER: &str = "TRANSLATE from";

/// The Fluent file of the messages `lang` lacks among those the site shows, in the default language's text,
/// each under a comment marking it for translation. `None` when `lang` is not a language of the site.
pub fn to_translate(source: &SiteSource, lang: &str) -> Option<String> {
    let config = &source.config;
    config.language(lang)?;
    let default = config.default_language.as_str();
    let usage = Usage::of(source);
    let missing: Vec<String> = if lang == default {
        Vec::new()
    } else {
        fallbacks(source, &usage).into_iter().find(|(l, _, _)| l == lang).map(|f| f.1)?
    };
    let texts = texts(source, default, true);
    let mut out = format!(
        "# Interface text of the site in `{lang}`, to translate from `{default}`: {} message(s).\n",
        missing.len()
    );
    out.push_str(
        "# Translate the text after each `=` (and after `.attribute =`); keep the ids and every `{ $variable }`\n\
         # as they are. A message left as it is still counts as untranslated (readers see the source language's\n\
         # text and `safeguide build` warns). Save the file as locales/LANG/site.ftl in the site folder.\n"
            .replace("LANG", lang)
            .as_str(),
    );
    for id in &missing {
        let Some(text) = texts.get(id) else { continue };
        out.push('\n');
        let _ = writeln!(out, "# {MARKER} {default}");
        out.push_str(text);
    }
    Some(out)
}

/// The messages the site's files for `lang` define with the marker comment and the default language's exact
/// text: copies not yet translated.
pub(crate) fn marked_untranslated(source: &SiteSource, lang: &str) -> BTreeSet<String> {
    if lang == source.config.default_language {
        return BTreeSet::new();
    }
    let defaults = texts(source, &source.config.default_language, true);
    let mut found = BTreeSet::new();
    for (_, text) in site_files(source, lang) {
        let resource = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) | Err((r, _)) => r,
        };
        for entry in resource.body {
            let ast::Entry::Message(mut message) = entry else { continue };
            let marked = message
                .comment
                .as_ref()
                .is_some_and(|c| c.content.iter().any(|l| l.trim_start().starts_with(MARKER)));
            if !marked {
                continue;
            }
            message.comment = None;
            let id = message.id.name.to_owned();
            let single = ast::Resource { body: vec![ast::Entry::Message(message)] };
            if defaults.get(&id) == Some(&fluent_syntax::serializer::serialize(&single)) {
                found.insert(id);
            }
        }
    }
    found
}

fn site_files(source: &SiteSource, lang: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let dir = source.root.join(LOCALES_DIR).join(lang);
    if dir.is_dir() {
        for entry in crate::fs::walk(&source.root, &dir, 1, &mut Vec::new()) {
            if !entry.is_dir
                && entry.path.extension().is_some_and(|e| e == "ftl")
                && let Ok(text) = std::fs::read_to_string(&entry.path)
            {
                files.push((String::new(), crate::fs::normalize_text(&text)));
            }
        }
    }
    files
}

/// Each message of `lang` as Fluent text without its comment, the site's files overriding the built-in ones
/// (only the built-in ones unless `with_site`).
fn texts(source: &SiteSource, lang: &str, with_site: bool) -> BTreeMap<String, String> {
    let mut files = embedded_files(lang);
    if with_site {
        files.extend(site_files(source, lang));
    }
    let mut texts = BTreeMap::new();
    for (_, text) in &files {
        let resource = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) | Err((r, _)) => r,
        };
        for entry in resource.body {
            if let ast::Entry::Message(mut message) = entry {
                // The source's comments are for its own translators; ours says what to do.
                message.comment = None;
                let id = message.id.name.to_owned();
                let single = ast::Resource { body: vec![ast::Entry::Message(message)] };
                texts.insert(id, fluent_syntax::serializer::serialize(&single));
            }
        }
    }
    texts
}
