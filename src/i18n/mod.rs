//! Interface text: Fluent bundles per language, built once, shared by all rendering threads, with the
//! fallback from a language to the default language.

pub(crate) mod definitions;
pub mod diff;
pub(crate) mod load;
pub mod messages;
pub mod stamp;
pub mod status;
pub(crate) mod tracking;
pub(crate) mod usage;

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::config::SiteConfig;

/// The concurrent kind of bundle, shareable across rayon threads.
type Bundle = FluentBundle<FluentResource>;

/// Interface strings for every language of the site.
pub(crate) struct Localizer {
    default_language: String,
    bundles: BTreeMap<String, Bundle>,
    /// Message ids defined in each language (embedded defaults included).
    messages: BTreeMap<String, BTreeSet<String>>,
}

/// A value passed to a Fluent message.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Arg {
    /// Text.
    Text(String),
    /// A number; selects CLDR plural categories.
    Number(f64),
}

impl Localizer {
    /// Builds the bundles from parsed resources: for each language, its resources in override order.
    pub(crate) fn new(
        config: &SiteConfig,
        mut resources: BTreeMap<String, Vec<FluentResource>>,
    ) -> Self {
        let mut bundles = BTreeMap::new();
        let mut messages = BTreeMap::new();
        for lang in &config.languages {
            let mut bundle = Bundle::new_concurrent(vec![lang.id.clone()]);
            let mut ids = BTreeSet::new();
            for resource in resources.remove(&lang.code).unwrap_or_default() {
                ids.extend(load::message_ids(&resource));
                bundle.add_resource_overriding(resource);
            }
            bundles.insert(lang.code.clone(), bundle);
            messages.insert(lang.code.clone(), ids);
        }
        Localizer { default_language: config.default_language.clone(), bundles, messages }
    }

    /// The message ids defined in `lang` itself, without fallback.
    pub(crate) fn message_ids(&self, lang: &str) -> Option<&BTreeSet<String>> {
        self.messages.get(lang)
    }

    /// Formats message `key` (or `key.attribute`) in `lang`, falling back to the default language.
    /// Returns `None` when neither defines it.
    pub(crate) fn format(&self, lang: &str, key: &str, args: &[(String, Arg)]) -> Option<String> {
        let (id, attribute) = split_key(key);
        let fluent_args = (!args.is_empty()).then(|| {
            let mut fa = FluentArgs::new();
            for (name, value) in args {
                match value {
                    Arg::Text(s) => fa.set(name.clone(), FluentValue::from(s.clone())),
                    Arg::Number(n) => fa.set(name.clone(), FluentValue::from(*n)),
                }
            }
            fa
        });
        for code in [lang, self.default_language.as_str()] {
            let Some(bundle) = self.bundles.get(code) else { continue };
            let Some(message) = bundle.get_message(id) else { continue };
            let pattern = match attribute {
                Some(attr) => message.get_attribute(attr).map(|a| a.value()),
                None => message.value(),
            };
            let Some(pattern) = pattern else { continue };
            let mut errors = Vec::new();
            // Format errors (a variable a translation names but the template does not pass) leave Fluent's
            // visible placeholder in the text; `check` reports them, the build does not stop for them.
            let text = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
            return Some(text.into_owned());
        }
        None
    }
}

fn split_key(key: &str) -> (&str, Option<&str>) {
    match key.split_once('.') {
        Some((id, attr)) => (id, Some(attr)),
        None => (key, None),
    }
}
