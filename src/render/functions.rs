//! Tera functions and filters the templates call. Each is a small struct with its own tests.

use std::sync::Arc;

use tera::{Filter, Function, Kwargs, State, TeraResult, Value};

use crate::date::LocalizedDates;
use crate::i18n::{Arg, Localizer};

/// `t(key="…", name=value, …)`: the Fluent message `key` in the page's language (the context's `lang`),
/// falling back to the default language, with the other arguments as Fluent variables. Numbers select CLDR
/// plural categories. The result is plain text: Tera escapes it like any other value.
pub(crate) struct Translate {
    /// The site's interface strings.
    pub(crate) localizer: Arc<Localizer>,
    /// The default language, named in errors.
    pub(crate) default_language: String,
}

impl Translate {
    /// The page's language: the context's `lang`, else the default language.
    fn language(&self, state: &State) -> TeraResult<String> {
        Ok(state.get("lang")?.unwrap_or_else(|| self.default_language.clone()))
    }

    /// Formats `key` in `lang` with every argument but `key` as a Fluent variable, `replace` standing in
    /// for the named ones it lists.
    fn message(&self, kwargs: &Kwargs, lang: &str, replace: &[(&str, &str)]) -> TeraResult<String> {
        let key: String = kwargs.must_get("key")?;
        let args: Vec<(String, Arg)> = kwargs
            .iter()
            .filter_map(|(k, v)| {
                let name = k.as_str()?;
                let arg = match replace.iter().find(|(n, _)| *n == name) {
                    Some((_, text)) => Arg::Text((*text).to_owned()),
                    None => to_arg(v),
                };
                (name != "key").then(|| (name.to_owned(), arg))
            })
            .collect();
        self.localizer.format(lang, &key, &args).ok_or_else(|| {
            tera::Error::message(format!(
                "the message `{key}` is missing in the default language `{}`; add it to locales/{}/",
                self.default_language, self.default_language
            ))
        })
    }
}

impl Function<TeraResult<String>> for Translate {
    fn call(&self, kwargs: Kwargs, state: &State) -> TeraResult<String> {
        let lang = self.language(state)?;
        self.message(&kwargs, &lang, &[])
    }
}

/// `value | date` (or `date(lang="fr")`): a YYYY-MM-DD date in the CLDR long form of the page's language,
/// "27 novembre 2026". The ISO text itself when the value is not a date or ICU4X does not know the
/// language. Plain text, escaped like any other value; wrap it in `<time datetime="{{ value }}">`.
pub(crate) struct LocalizedDate {
    /// Formatters for the site's languages.
    pub(crate) dates: Arc<LocalizedDates>,
    /// The default language, for a context without `lang`.
    pub(crate) default_language: String,
}

impl Filter<String, TeraResult<String>> for LocalizedDate {
    fn call(&self, value: String, kwargs: Kwargs, state: &State) -> TeraResult<String> {
        let lang = match kwargs.get::<String>("lang")? {
            Some(lang) => lang,
            None => state.get("lang")?.unwrap_or_else(|| self.default_language.clone()),
        };
        Ok(self.dates.format(&value, &lang))
    }
}

/// `t_date(key="…", date="YYYY-MM-DD", …)`: like `t`, with the message's `$date` shown as
/// `<time datetime="YYYY-MM-DD">27 novembre 2026</time>` in the page's language. The translator keeps the
/// date's place in the sentence and readers' tools get the machine-readable date. With `href="…"` (an
/// address from the site's validated data), the message's `$site` becomes a link to it
/// (`From <a href="…">childline.org.uk</a>, 27 November 2026`). Returns HTML: the
/// message and the date are escaped here, so Tera takes the result as safe.
pub(crate) struct TranslateDate {
    /// The message part, shared with `t`.
    pub(crate) translate: Translate,
    /// Formatters for the site's languages.
    pub(crate) dates: Arc<LocalizedDates>,
}

/// Stands in for `$date` while the message is formatted and escaped: a private-use character, which no
/// message contains and HTML escaping leaves alone.
const DATE_MARK: &str = "\u{E000}";
/// Stands in for `$site` when it becomes a link, in the same way.
const SITE_MARK: &str = "\u{E001}";

impl Function<TeraResult<String>> for TranslateDate {
    fn call(&self, kwargs: Kwargs, state: &State) -> TeraResult<String> {
        let iso: String = kwargs.must_get("date")?;
        let href: Option<String> = kwargs.get("href")?;
        let lang = self.translate.language(state)?;
        let mut replace = vec![("date", DATE_MARK)];
        if href.is_some() {
            replace.push(("site", SITE_MARK));
        }
        let text = self.translate.message(&kwargs, &lang, &replace)?;
        let shown = escape(&self.dates.format(&iso, &lang))?;
        let date = if crate::date::is_iso_date(&iso) {
            format!("<time datetime=\"{}\">{shown}</time>", escape(&iso)?)
        } else {
            shown
        };
        let mut html = escape(&text)?.replace(DATE_MARK, &date);
        if let Some(href) = href {
            let site: String = kwargs.get("site")?.unwrap_or_else(|| href.clone());
            let link = format!("<a href=\"{}\" dir=\"ltr\">{}</a>", escape(&href)?, escape(&site)?);
            html = html.replace(SITE_MARK, &link);
        }
        Ok(html)
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// HTML-escapes `text` as Tera's autoescape does.
#[allow(clippy::unnecessary_wraps, reason = "keeps the callers' `?` chains uniform")]
fn escape(text: &str) -> TeraResult<String> {
    Ok(crate::escape::html(text))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A Tera with the site's functions over the built-in interface strings of `languages`.
    fn tera_for(languages: &[&str]) -> tera::Tera {
        let dir = tempfile::tempdir().unwrap();
        let list: Vec<String> =
            languages.iter().map(|l| format!("  - {{ code: {l}, name: {l} }}")).collect();
        let yaml = format!(
            "base_url: https://example.org/\ndefault_language: en\nlanguages:\n{}\n",
            list.join("\n")
        );
        std::fs::write(dir.path().join("site.yaml"), yaml).unwrap();
        let config = crate::config::load(dir.path(), None).unwrap();
        let localizer = Arc::new(crate::i18n::load::load(&config, dir.path(), &[]).unwrap());
        let dates = Arc::new(LocalizedDates::new(languages.iter().copied()));
        let translate =
            || Translate { localizer: Arc::clone(&localizer), default_language: "en".to_owned() };
        let mut tera = tera::Tera::new();
        tera.register_function("t", translate());
        tera.register_function(
            "t_date",
            TranslateDate { translate: translate(), dates: Arc::clone(&dates) },
        );
        tera.register_filter("date", LocalizedDate { dates, default_language: "en".to_owned() });
        tera.autoescape_on(vec![".html"]);
        tera
    }

    fn render(tera: &mut tera::Tera, lang: &str, template: &str) -> String {
        tera.add_raw_template("test.html", template).unwrap();
        let mut cx = tera::Context::new();
        cx.insert("lang", lang);
        tera.render("test.html", &cx).unwrap()
    }

    #[test]
    fn date_filter_uses_the_page_language() {
        let mut tera = tera_for(&["en", "fr"]);
        assert_eq!(render(&mut tera, "fr", r#"{{ "2026-11-27" | date }}"#), "27 novembre 2026");
        assert_eq!(render(&mut tera, "en", r#"{{ "2026-11-27" | date }}"#), "November 27, 2026");
        assert_eq!(
            render(&mut tera, "en", r#"{{ "2026-11-27" | date(lang="es") }}"#),
            "27 de noviembre de 2026"
        );
    }

    #[test]
    fn date_filter_keeps_the_iso_form_for_an_unknown_language() {
        let mut tera = tera_for(&["en"]);
        assert_eq!(render(&mut tera, "xx", r#"{{ "2026-11-27" | date }}"#), "2026-11-27");
    }

    #[test]
    fn t_date_puts_a_time_element_in_the_message() {
        let mut tera = tera_for(&["en", "fr"]);
        let html = render(&mut tera, "fr", r#"{{ t_date(key="updated-on", date="2026-11-27") }}"#);
        assert!(html.contains(r#"<time datetime="2026-11-27">27 novembre 2026</time>"#), "{html}");
        assert!(html.starts_with("Dernière mise à jour"), "{html}");
    }

    #[test]
    fn t_date_escapes_the_message_and_the_value() {
        let mut tera = tera_for(&["en"]);
        let html = render(&mut tera, "en", r#"{{ t_date(key="updated-on", date="<b>soon</b>") }}"#);
        // Not a date, so no <time>; Fluent's bidi isolation marks stay around the value.
        assert_eq!(html, "Last updated: \u{2068}&lt;b&gt;soon&lt;/b&gt;\u{2069}");
    }

    #[test]
    fn t_date_links_the_site_when_given_an_address() {
        let mut tera = tera_for(&["en", "fr"]);
        let html = render(
            &mut tera,
            "fr",
            r#"{{ t_date(key="data-from", date="2026-11-27", site="a<b.org", href="https://a.org/?x=1&y=2") }}"#,
        );
        assert!(
            html.contains(r#"<a href="https://a.org/?x=1&amp;y=2" dir="ltr">a&lt;b.org</a>"#),
            "{html}"
        );
        assert!(html.contains(r#"<time datetime="2026-11-27">27 novembre 2026</time>"#), "{html}");
    }

    #[test]
    fn separators_are_localized() {
        let mut tera = tera_for(&["en", "zh", "ar", "fr"]);
        let tpl = r#"[{{ t(key="list-separator") }}][{{ t(key="clause-separator") }}][{{ t(key="label-separator") }}]"#;
        assert_eq!(render(&mut tera, "en", tpl), "[, ][, ][: ]");
        assert_eq!(render(&mut tera, "zh", tpl), "[、][，][：]");
        assert_eq!(render(&mut tera, "ar", tpl), "[، ][، ][: ]");
        // French puts a narrow no-break space before the colon.
        assert_eq!(render(&mut tera, "fr", tpl), "[, ][, ][\u{202f}: ]");
    }
}
