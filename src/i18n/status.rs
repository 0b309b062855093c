//! `i18n status`: for every language but the default, which pages and interface messages are translated,
//! missing, out of date, untracked or in draft. The JSON shape is a contract for translators' scripts.

use std::fmt::Write as _;

use serde::Serialize;

use crate::i18n::load::{embedded_message_ids, site_message_ids};
use crate::i18n::messages::marked_untranslated;
use crate::i18n::tracking::source_hash;
use crate::i18n::usage::Usage;
use crate::source::SiteSource;

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// The source language.
    pub(crate) default_language: String,
    /// Every other language, in site order.
    pub(crate) languages: Vec<LanguageStatus>,
}

/// One language's state.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LanguageStatus {
    /// The language code.
    pub(crate) code: String,
    /// Pages.
    pub(crate) pages: PageStatus,
    /// Interface messages.
    pub(crate) messages: MessageStatus,
}

/// Pages of one language, as keys relative to `content/<lang>/`.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct PageStatus {
    /// Markdown files of the default language.
    pub(crate) total: usize,
    /// Published translations, outdated and untracked ones included.
    pub(crate) translated: usize,
    /// Source pages with no translation file.
    pub(crate) missing: Vec<String>,
    /// Translations whose `translated_from` is not the source's current hash.
    pub(crate) outdated: Vec<String>,
    /// Translations without `translated_from`.
    pub(crate) untracked: Vec<String>,
    /// Translations marked `draft: true`.
    pub(crate) draft: Vec<String>,
}

/// Interface messages of one language, compared with the default language's.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct MessageStatus {
    /// Messages of the default language that the site shows (its templates, topics, audiences, age bands
    /// and partner kinds: see [`crate::i18n::usage`]).
    pub(crate) total: usize,
    /// Of those, the ones this language defines (built in or in the site's files).
    pub(crate) translated: usize,
    /// Shown but not defined in this language: readers see the default language's text.
    pub(crate) missing: Vec<String>,
    /// Defined in the site's files as copies of the default language's text still marked
    /// `# TRANSLATE from …` (as `init` and `i18n messages` write them): readers see the default language.
    pub(crate) untranslated: Vec<String>,
    /// Messages the site's own files change in the default language but not in this one, so this language
    /// shows its built-in text (say, a message removed from `locales/<lang>/` while the default language's
    /// override stays).
    pub(crate) built_in: Vec<String>,
    /// Defined here but not for the default language.
    pub(crate) obsolete: Vec<String>,
}

/// Computes the status of a site loaded with drafts, so that draft translations are seen.
pub fn status(source: &SiteSource) -> Status {
    let config = &source.config;
    let empty = std::collections::BTreeSet::new();
    let default_ids = source.localizer.message_ids(&config.default_language).unwrap_or(&empty);
    let usage = Usage::of(source);
    let default_own = site_message_ids(&source.root, &config.default_language);
    let hashes: Vec<(&str, String, &crate::content::PageGroup)> = source
        .content
        .pages
        .iter()
        .map(|(key, g)| (key.as_str(), source_hash(&g.source.front, &g.source.body), g))
        .collect();
    let languages = config
        .languages
        .iter()
        .filter(|l| l.code != config.default_language)
        .map(|lang| {
            let mut pages = PageStatus { total: hashes.len(), ..PageStatus::default() };
            for (key, hash, group) in &hashes {
                let key = (*key).to_owned();
                match group.translations.get(&lang.code) {
                    None => pages.missing.push(key),
                    Some(t) if t.front.draft => pages.draft.push(key),
                    Some(t) => {
                        pages.translated += 1;
                        match &t.front.translated_from {
                            None => pages.untracked.push(key),
                            Some(h) if h != hash => pages.outdated.push(key),
                            Some(_) => {}
                        }
                    }
                }
            }
            let ids = source.localizer.message_ids(&lang.code).unwrap_or(&empty);
            let shown: Vec<&String> = default_ids.iter().filter(|id| usage.contains(id)).collect();
            let own = site_message_ids(&source.root, &lang.code);
            let built_in_ids = embedded_message_ids(&lang.code);
            let copies = marked_untranslated(source, &lang.code);
            let messages = MessageStatus {
                total: shown.len(),
                translated: shown
                    .iter()
                    .filter(|id| ids.contains(**id) && !copies.contains(**id))
                    .count(),
                missing: shown
                    .iter()
                    .filter(|id| !ids.contains(**id))
                    .map(|id| (*id).clone())
                    .collect(),
                untranslated: shown
                    .iter()
                    .filter(|id| copies.contains(**id))
                    .map(|id| (*id).clone())
                    .collect(),
                built_in: shown
                    .iter()
                    .filter(|id| {
                        default_own.contains(**id)
                            && !own.contains(**id)
                            && built_in_ids.contains(**id)
                    })
                    .map(|id| (*id).clone())
                    .collect(),
                obsolete: ids.difference(default_ids).cloned().collect(),
            };
            LanguageStatus { code: lang.code.clone(), pages, messages }
        })
        .collect();
    Status { default_language: config.default_language.clone(), languages }
}

impl Status {
    /// The report as a translator reads it: a table, then the lists of pages needing work.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Translations of {} (the source language)\n", self.default_language);
        let _ = writeln!(
            out,
            "{:<10} {:>9} {:>8} {:>9} {:>10} {:>6}   {:>9} {:>8} {:>9}",
            "language",
            "pages",
            "missing",
            "outdated",
            "untracked",
            "draft",
            "messages",
            "fallback",
            "obsolete"
        );
        for l in &self.languages {
            let p = &l.pages;
            let m = &l.messages;
            let _ = writeln!(
                out,
                "{:<10} {:>9} {:>8} {:>9} {:>10} {:>6}   {:>9} {:>8} {:>9}",
                l.code,
                format!("{}/{}", p.translated, p.total),
                p.missing.len(),
                p.outdated.len(),
                p.untracked.len(),
                p.draft.len(),
                format!("{}/{}", m.translated, m.total),
                m.missing.len() + m.untranslated.len(),
                m.obsolete.len()
            );
        }
        for l in &self.languages {
            let lists: [(&str, &[String]); 8] = [
                (
                    "outdated (the source changed: update, then `safeguide i18n stamp`)",
                    &l.pages.outdated,
                ),
                (
                    "untracked (no translated_from: check, then `safeguide i18n stamp`)",
                    &l.pages.untracked,
                ),
                ("draft (not published: readers get the source)", &l.pages.draft),
                ("missing (start one with `safeguide new`)", &l.pages.missing),
                (
                    "messages missing (readers see the source language's text: `safeguide i18n messages`)",
                    &l.messages.missing,
                ),
                (
                    "messages still in the source language's text (marked `# TRANSLATE from`)",
                    &l.messages.untranslated,
                ),
                (
                    "messages showing the built-in text (the site changes them in the source language only)",
                    &l.messages.built_in,
                ),
                ("messages obsolete (no longer in the source language)", &l.messages.obsolete),
            ];
            for (title, items) in lists {
                if items.is_empty() {
                    continue;
                }
                let _ = writeln!(out, "\n{} {title}:", l.code);
                for item in items {
                    let _ = writeln!(out, "  {item}");
                }
            }
        }
        out
    }
}
