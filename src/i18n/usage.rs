//! Which interface messages a site actually shows: the ids its templates name with `t(key="…")`, the ones
//! the engine formats itself, and the families a template builds from data (`"topic-" ~ topic.id`) resolved
//! to the members this site has (its topics, audiences, age bands, partner kinds and helpline regions). `check`, `build`'s
//! fallback warning, `i18n status` and `i18n messages` all count against this set, so a message for a topic
//! the site does not have is never demanded of a translator.

use std::collections::BTreeSet;

use crate::source::SiteSource;

/// Messages the engine itself formats, besides the ones templates name.
pub(crate) const ENGINE_MESSAGES: [&str; 7] = [
    "site-title",
    "help-title",
    "partners-title",
    "not-found-title",
    "country-title",
    "a-z-title",
    "search-title",
];

/// The messages a site uses.
#[derive(Debug, Clone, Default)]
pub(crate) struct Usage {
    /// Ids used by name, families resolved to this site's members.
    pub(crate) ids: BTreeSet<String>,
    /// Families a template builds from values this module does not know (a site's own templates):
    /// every message starting with one of these counts as used.
    pub(crate) open_prefixes: BTreeSet<String>,
    /// Every family prefix the engine or a template uses, known or not: a message in one of them is never
    /// unused, even when this site has no member it names (a region without helplines yet).
    pub(crate) families: BTreeSet<String>,
}

impl Usage {
    /// Reads every template of the site's theme and resolves the families it names.
    pub(crate) fn of(source: &SiteSource) -> Usage {
        let config = &source.config;
        let mut families: Vec<(&str, Vec<String>)> = vec![
            ("audience-", config.audiences.iter().cloned().chain(["other".to_owned()]).collect()),
            ("age-", config.age_bands.iter().cloned().chain(["all".to_owned()]).collect()),
            ("topic-", source.data.topics.iter().map(|t| t.id.clone()).collect()),
        ];
        let kinds: BTreeSet<String> =
            source.data.partners.iter().map(|p| p.kind.id().to_owned()).collect();
        families.push(("partner-kind-", kinds.into_iter().collect()));
        let regions: BTreeSet<String> =
            source.data.helplines.iter().map(|h| h.region.id().to_owned()).collect();
        families.push(("region-", regions.into_iter().collect()));

        let mut usage = Usage {
            ids: ENGINE_MESSAGES.iter().map(|s| (*s).to_owned()).collect(),
            open_prefixes: BTreeSet::new(),
            families: families[..3].iter().map(|(p, _)| (*p).to_owned()).collect(),
        };
        // The engine formats these families itself (audience names in navigation, topic and age labels).
        for (prefix, members) in &families[..3] {
            usage.ids.extend(members.iter().map(|m| format!("{prefix}{m}")));
        }
        for template in source.theme.templates.values() {
            for (literal, family) in keys(&template.text) {
                if family {
                    usage.families.insert(literal.clone());
                    match families.iter().find(|(p, _)| *p == literal) {
                        Some((prefix, members)) => {
                            usage.ids.extend(members.iter().map(|m| format!("{prefix}{m}")));
                        }
                        None => {
                            usage.open_prefixes.insert(literal);
                        }
                    }
                } else {
                    usage.ids.insert(literal.split('.').next().unwrap_or(&literal).to_owned());
                }
            }
        }
        usage
    }

    /// Whether `id` is shown by the site or belongs to a family of messages it uses: what `check` does not
    /// report as unused.
    pub(crate) fn mentions(&self, id: &str) -> bool {
        self.contains(id) || self.families.iter().any(|p| id.starts_with(p.as_str()))
    }

    /// Whether the site shows the message `id`.
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.ids.contains(id) || self.open_prefixes.iter().any(|p| id.starts_with(p.as_str()))
    }
}

/// The `key="…"` literals of a template: (literal, whether `~` follows it, making it a family prefix).
pub(crate) fn keys(text: &str) -> Vec<(String, bool)> {
    let mut found = Vec::new();
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
        found.push((literal.to_owned(), tail.starts_with('~')));
    }
    found
}

/// Which of the messages a language shows are the default language's text: the ones it does not define
/// (neither built in nor in the site's files) and the marked copies not yet translated
/// ([`crate::i18n::messages::marked_untranslated`]). (language, those ids, messages shown), for every
/// language but the default, in site order.
pub(crate) fn fallbacks(source: &SiteSource, usage: &Usage) -> Vec<(String, Vec<String>, usize)> {
    let config = &source.config;
    let empty = BTreeSet::new();
    let defaults = source.localizer.message_ids(&config.default_language).unwrap_or(&empty);
    let shown: Vec<&String> = defaults.iter().filter(|id| usage.contains(id)).collect();
    config
        .languages
        .iter()
        .filter(|l| l.code != config.default_language)
        .map(|lang| {
            let ids = source.localizer.message_ids(&lang.code).unwrap_or(&empty);
            let copies = crate::i18n::messages::marked_untranslated(source, &lang.code);
            let missing = shown
                .iter()
                .filter(|id| !ids.contains(**id) || copies.contains(**id))
                .map(|id| (*id).clone())
                .collect();
            (lang.code.clone(), missing, shown.len())
        })
        .collect()
}

/// "sw: 79 of 79 interface messages fall back to en; run `safeguide i18n status`", for each language that
/// lacks messages the site shows.
pub(crate) fn interface_fallback_warnings(source: &SiteSource) -> Vec<String> {
    let usage = Usage::of(source);
    fallbacks(source, &usage)
        .into_iter()
        .filter(|(_, missing, _)| !missing.is_empty())
        .map(|(lang, missing, used)| {
            format!(
                "{lang}: {} of {used} interface messages fall back to {}; run `safeguide i18n status`",
                missing.len(),
                source.config.default_language
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::keys;

    #[test]
    fn keys_and_families_are_told_apart() {
        let found = keys(
            r#"{{ t(key="nav-help") }} {{ t(key = 'topic-' ~ topic.id) }} {{ t(key="a.b") }}"#,
        );
        assert_eq!(
            found,
            vec![("nav-help".into(), false), ("topic-".into(), true), ("a.b".into(), false)]
        );
    }
}
