//! Field types that validate themselves while the YAML is read, so a bad value is reported at its own line
//! and column by the YAML parser.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, de};

/// A URL a reader may follow: http(s), mailto:, tel: or sms: only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub(crate) struct SafeUrl(pub String);

impl<'de> Deserialize<'de> for SafeUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if is_safe_url(&s) {
            Ok(SafeUrl(s))
        } else {
            Err(de::Error::custom(format!("`{s}` is not an http(s), mailto:, tel: or sms: URL")))
        }
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a URL from data may be put in a link: http(s) with a host, mailto:, tel: or sms:, and no
/// spaces, quotes or angle brackets.
pub(crate) fn is_safe_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let scheme_ok =
        lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).is_some_and(
            |rest| rest.split(['/', '?', '#']).next().is_some_and(|host| !host.is_empty()),
        ) || lower.len() > 7 && lower.starts_with("mailto:")
            || lower.len() > 4 && (lower.starts_with("tel:") || lower.starts_with("sms:"));
    scheme_ok
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '`'))
}

/// An https URL with a host: chat and `WhatsApp` links, which carry what a child writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub(crate) struct HttpsUrl(pub String);

impl<'de> Deserialize<'de> for HttpsUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.get(..8).is_some_and(|p| p.eq_ignore_ascii_case("https://")) && is_safe_url(&s) {
            Ok(HttpsUrl(s))
        } else {
            Err(de::Error::custom(format!("`{s}` is not an https URL")))
        }
    }
}

impl SafeUrl {
    /// The host of an http(s) address without a leading `www.` (`childline.org.uk`); the whole text for
    /// other schemes.
    pub(crate) fn host(&self) -> &str {
        url_host(&self.0)
    }
}

/// The host part of an http(s) URL, without `www.` and without a port; the URL itself otherwise.
fn url_host(url: &str) -> &str {
    let Some(rest) = url.split_once("://").map(|(_, r)| r) else { return url };
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next().unwrap_or(host);
    host.strip_prefix("www.").unwrap_or(host)
}

/// A phone number as written for people (`0800 1111`, `+254 116`): digits, spaces, `+`, `-`, `.` and
/// parentheses, with at least one digit. Its `tel:`/`sms:` form drops everything but digits and `+`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub(crate) struct PhoneNumber(pub String);

impl<'de> Deserialize<'de> for PhoneNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let allowed =
            |c: char| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '.' | '(' | ')');
        if s.chars().all(allowed) && s.chars().any(|c| c.is_ascii_digit()) {
            Ok(PhoneNumber(s))
        } else {
            Err(de::Error::custom(format!(
                "`{s}` is not a phone number: use digits, spaces, `+`, `-` and parentheses only"
            )))
        }
    }
}

impl PhoneNumber {
    /// The number to dial: digits and a leading `+` (`08001111`).
    pub(crate) fn dial(&self) -> String {
        self.0.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
    }
}

/// Text given either once for every language (`name: Childline`) or by language code
/// (`name: {en: Childline, fr: …}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LocalText {
    /// The same text in every language.
    Plain(String),
    /// (language code, text) pairs in file order.
    ByLanguage(Vec<(String, String)>),
}

impl Serialize for LocalText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            LocalText::Plain(text) => s.serialize_str(text),
            LocalText::ByLanguage(texts) => s.collect_map(texts.iter().map(|(c, t)| (c, t))),
        }
    }
}

impl<'de> Deserialize<'de> for LocalText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = LocalText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text, or a map of texts by language code (`{en: …, fr: …}`)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<LocalText, E> {
                if v.trim().is_empty() {
                    return Err(E::custom("the text is empty"));
                }
                Ok(LocalText::Plain(v.to_owned()))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<LocalText, A::Error> {
                let mut texts: Vec<(String, String)> = Vec::new();
                while let Some((code, text)) = map.next_entry::<String, String>()? {
                    if !is_language_code(&code) {
                        return Err(de::Error::custom(format!(
                            "`{code}` is not a language code (such as en, fr or zh)"
                        )));
                    }
                    if texts.iter().any(|(c, _)| *c == code) {
                        return Err(de::Error::custom(format!("`{code}` is given twice")));
                    }
                    if text.trim().is_empty() {
                        return Err(de::Error::custom(format!("the `{code}` text is empty")));
                    }
                    texts.push((code, text));
                }
                if texts.is_empty() {
                    return Err(de::Error::custom("give the text in at least one language"));
                }
                Ok(LocalText::ByLanguage(texts))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl LocalText {
    /// The text for a reader of `lang`: in `lang` where given, else in `default`, else in the first
    /// language given; with the language it is in (`None` for a plain text, which has no language).
    pub(crate) fn pick(&self, lang: &str, default: &str) -> (&str, Option<&str>) {
        match self {
            LocalText::Plain(text) => (text, None),
            LocalText::ByLanguage(texts) => texts
                .iter()
                .find(|(code, _)| code == lang)
                .or_else(|| texts.iter().find(|(code, _)| code == default))
                .or_else(|| texts.first())
                .map_or(("", None), |(code, text)| (text.as_str(), Some(code.as_str()))),
        }
    }

    /// Every text given, for search keywords and checks.
    pub(crate) fn all(&self) -> Vec<&str> {
        match self {
            LocalText::Plain(text) => vec![text.as_str()],
            LocalText::ByLanguage(texts) => texts.iter().map(|(_, t)| t.as_str()).collect(),
        }
    }
}

/// Whether `code` looks like a BCP 47 language tag: a 2–3 letter lower-case language, then optional
/// subtags of letters and digits (`en`, `zh-Hant`, `es-419`).
pub(crate) fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    parts
        .next()
        .is_some_and(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()))
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A date written YYYY-MM-DD.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub(crate) struct IsoDate(pub String);

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if crate::date::is_iso_date(&s) {
            Ok(IsoDate(s))
        } else {
            Err(de::Error::custom(format!("`{s}` is not a date written YYYY-MM-DD")))
        }
    }
}

/// An ISO 3166-1 alpha-2 country code, upper case.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub(crate) struct CountryCode(pub String);

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.len() == 2 && ISO_3166_ALPHA2.split(' ').any(|c| c == s) {
            Ok(CountryCode(s))
        } else {
            Err(de::Error::custom(format!(
                "`{s}` is not an ISO 3166-1 alpha-2 country code (such as KE, FR or BR)"
            )))
        }
    }
}

/// The officially assigned ISO 3166-1 alpha-2 codes.
const ISO_3166_ALPHA2: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ \
BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET \
FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR \
IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN \
MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY \
QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR \
TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_urls_pass() {
        assert!(is_safe_url("https://www.itu.int/"));
        assert!(is_safe_url("tel:116111"));
        assert!(is_safe_url("mailto:help@example.org"));
        assert!(!is_safe_url("javascript:alert(1)"));
        assert!(!is_safe_url("JavaScript:alert(1)"));
        assert!(!is_safe_url("data:text/html,x"));
        assert!(!is_safe_url("https://"));
        assert!(!is_safe_url("https://x.org/\"onmouseover"));
    }

    #[test]
    fn local_text_picks_the_reader_s_language_then_the_default_then_the_first() {
        let text: LocalText =
            crate::yaml::parse("{fr: Bonjour, ar: مرحبا, en: Hello}", "t.yaml", 0).unwrap();
        assert_eq!(text.pick("ar", "en"), ("مرحبا", Some("ar")));
        assert_eq!(text.pick("ru", "en"), ("Hello", Some("en")));
        assert_eq!(text.pick("ru", "zh"), ("Bonjour", Some("fr")), "the first given");
        let plain: LocalText = crate::yaml::parse("Childline", "t.yaml", 0).unwrap();
        assert_eq!(plain.pick("fr", "en"), ("Childline", None));
        assert!(crate::yaml::parse::<LocalText>("{}", "t.yaml", 0).is_err());
        assert!(crate::yaml::parse::<LocalText>("{fr: ''}", "t.yaml", 0).is_err());
        assert!(crate::yaml::parse::<LocalText>("[a, b]", "t.yaml", 0).is_err());
    }

    #[test]
    fn phone_numbers_dial_their_digits_and_hosts_drop_www() {
        let phone: PhoneNumber = crate::yaml::parse("'+44 (0)800-1111'", "t.yaml", 0).unwrap();
        assert_eq!(phone.dial(), "+4408001111");
        assert!(crate::yaml::parse::<PhoneNumber>("'116 ext'", "t.yaml", 0).is_err());
        assert!(crate::yaml::parse::<PhoneNumber>("'--'", "t.yaml", 0).is_err());
        assert_eq!(
            SafeUrl("https://www.childline.org.uk/get-support/".into()).host(),
            "childline.org.uk"
        );
        assert_eq!(SafeUrl("http://user@example.org:8080/x".into()).host(), "example.org");
        assert!(is_safe_url("sms:116111"));
        assert!(crate::yaml::parse::<HttpsUrl>("http://wa.me/1", "t.yaml", 0).is_err());
        assert!(crate::yaml::parse::<HttpsUrl>("https://wa.me/1", "t.yaml", 0).is_ok());
    }

    #[test]
    fn country_codes_are_checked_against_the_standard() {
        #[derive(serde::Deserialize)]
        struct W {
            #[allow(dead_code, reason = "only deserialized")]
            c: CountryCode,
        }
        assert!(crate::yaml::parse::<W>("c: KE", "t.yaml", 0).is_ok());
        assert!(crate::yaml::parse::<W>("c: XX", "t.yaml", 0).is_err());
        assert!(crate::yaml::parse::<W>("c: ke", "t.yaml", 0).is_err());
    }
}
