//! `i18n status`: for every language but the default, which pages and interface messages are translated,
//! missing, out of date, untracked or in draft. The JSON shape is a contract for translators' scripts.

use std::fmt::Write as _;

use serde::Serialize;

use crate::i18n::tracking::source_hash;
use crate::source::SiteSource;

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// The source language.
    pub default_language: String,
    /// Every other language, in site order.
    pub languages: Vec<LanguageStatus>,
}

/// One language's state.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageStatus {
    /// The language code.
    pub code: String,
    /// Pages.
    pub pages: PageStatus,
    /// Interface messages.
    pub messages: MessageStatus,
}

/// Pages of one language, as keys relative to `content/<lang>/`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PageStatus {
    /// Markdown files of the default language.
    pub total: usize,
    /// Published translations, outdated and untracked ones included.
    pub translated: usize,
    /// Source pages with no translation file.
    pub missing: Vec<String>,
    /// Translations whose `translated_from` is not the source's current hash.
    pub outdated: Vec<String>,
    /// Translations without `translated_from`.
    pub untracked: Vec<String>,
    /// Translations marked `draft: true`.
    pub draft: Vec<String>,
}

/// Interface messages of one language, compared with the default language's.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MessageStatus {
    /// Messages of the default language (embedded defaults included).
    pub total: usize,
    /// Of those, the ones this language defines.
    pub translated: usize,
    /// Defined for the default language but not this one.
    pub missing: Vec<String>,
    /// Defined here but not for the default language.
    pub obsolete: Vec<String>,
}

/// Computes the status of a site loaded with drafts, so that draft translations are seen.
pub fn status(source: &SiteSource) -> Status {
    let config = &source.config;
    let empty = std::collections::BTreeSet::new();
    let default_ids = source.localizer.message_ids(&config.default_language).unwrap_or(&empty);
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
            let messages = MessageStatus {
                total: default_ids.len(),
                translated: default_ids.intersection(ids).count(),
                missing: default_ids.difference(ids).cloned().collect(),
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
            "missing",
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
                m.missing.len(),
                m.obsolete.len()
            );
        }
        for l in &self.languages {
            let lists: [(&str, &[String]); 6] = [
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
                ("messages missing", &l.messages.missing),
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
