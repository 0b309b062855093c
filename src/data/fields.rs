//! Field types that validate themselves while the YAML is read, so a bad value is reported at its own line
//! and column by the YAML parser.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, de};

/// A URL a reader may follow: http(s), mailto: or tel: only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct SafeUrl(pub String);

impl<'de> Deserialize<'de> for SafeUrl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if is_safe_url(&s) {
            Ok(SafeUrl(s))
        } else {
            Err(de::Error::custom(format!("`{s}` is not an http(s), mailto: or tel: URL")))
        }
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a URL from data may be put in a link: http(s) with a host, mailto: or tel:, and no spaces,
/// quotes or angle brackets.
pub fn is_safe_url(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let scheme_ok =
        lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).is_some_and(
            |rest| rest.split(['/', '?', '#']).next().is_some_and(|host| !host.is_empty()),
        ) || lower.len() > 7 && lower.starts_with("mailto:")
            || lower.len() > 4 && lower.starts_with("tel:");
    scheme_ok
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '`'))
}

/// A date written YYYY-MM-DD.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct IsoDate(pub String);

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
pub struct CountryCode(pub String);

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
