//! Tera functions the templates call. Each is a small struct with its own tests.

use std::sync::Arc;

use tera::{Function, Kwargs, State, TeraResult, Value};

use crate::i18n::{Arg, Localizer};

/// `t(key="…", name=value, …)`: the Fluent message `key` in the page's language (the context's `lang`),
/// falling back to the default language, with the other arguments as Fluent variables. Numbers select CLDR
/// plural categories. The result is plain text: Tera escapes it like any other value.
pub struct Translate {
    /// The site's interface strings.
    pub localizer: Arc<Localizer>,
    /// The default language, named in errors.
    pub default_language: String,
}

impl Function<TeraResult<String>> for Translate {
    fn call(&self, kwargs: Kwargs, state: &State) -> TeraResult<String> {
        let key: String = kwargs.must_get("key")?;
        let lang: String = state.get("lang")?.unwrap_or_else(|| self.default_language.clone());
        let args: Vec<(String, Arg)> = kwargs
            .iter()
            .filter_map(|(k, v)| {
                let name = k.as_str()?;
                (name != "key").then(|| (name.to_owned(), to_arg(v)))
            })
            .collect();
        self.localizer.format(&lang, &key, &args).ok_or_else(|| {
            tera::Error::message(format!(
                "the message `{key}` is missing in the default language `{}`; add it to locales/{}/",
                self.default_language, self.default_language
            ))
        })
    }
}

fn to_arg(value: &Value) -> Arg {
    if let Some(n) = value.as_f64() {
        Arg::Number(n)
    } else if let Some(s) = value.as_str() {
        Arg::Text(s.to_owned())
    } else {
        Arg::Text(value.to_string())
    }
}
