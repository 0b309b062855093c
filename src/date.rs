//! Calendar dates: the input writes them YYYY-MM-DD (checked here without a date library, since loading
//! content and data only needs a yes or no), and pages show them in each language's CLDR long
//! year-month-day form through ICU4X, so no month name or word order is written by hand.

use std::collections::BTreeMap;

use icu::calendar::Gregorian;
use icu::datetime::FixedCalendarDateTimeFormatter;
use icu::datetime::fieldsets::YMD;
use icu::datetime::input::Date;
use icu::locale::Locale;

/// Whether `s` is a real calendar date written YYYY-MM-DD.
pub(crate) fn is_iso_date(s: &str) -> bool {
    parse(s).is_some()
}

/// Parses YYYY-MM-DD into (year, month, day) when it names a real date.
pub(crate) fn parse(s: &str) -> Option<(u32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        s.get(r).filter(|p| p.bytes().all(|c| c.is_ascii_digit()))?.parse::<u32>().ok()
    };
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (day >= 1 && day <= days).then_some((year, month, day))
}

/// Formats dates in one language's CLDR long year-month-day form ("27 novembre 2026", "2026年11月27日").
///
/// Always in the Gregorian calendar, which is what the input and the `<time datetime>` beside the text use.
/// The six UN languages default to it anyway; only region tags such as ar-SA or fa-IR prefer another, and
/// the formatter for every calendar would add about 0.8 MB of calendar data to the binary.
#[derive(Debug)]
pub(crate) struct DateFormatter {
    inner: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
}

impl DateFormatter {
    /// The formatter for the BCP 47 code `lang`, or `None` when the code does not parse or ICU4X has no
    /// date formats for its language.
    pub(crate) fn new(lang: &str) -> Option<Self> {
        let locale = Locale::try_from_str(lang).ok()?;
        let inner = FixedCalendarDateTimeFormatter::try_new(locale.into(), YMD::long()).ok()?;
        let formatter = DateFormatter { inner };
        // ICU4X answers a language it has no data for with the root locale's neutral form
        // ("2026 M11 27") rather than an error. No reader's language writes dates that way, so a result
        // equal to the root's means "unsupported", and the caller shows the ISO form instead.
        let root = DateFormatter {
            inner: FixedCalendarDateTimeFormatter::try_new(Locale::UNKNOWN.into(), YMD::long())
                .ok()?,
        };
        let probe = "2026-11-27";
        (formatter.format(probe) != root.format(probe)).then_some(formatter)
    }

    /// `iso` (YYYY-MM-DD) in this formatter's language; `None` when it is not a real date.
    pub(crate) fn format(&self, iso: &str) -> Option<String> {
        let (year, month, day) = parse(iso)?;
        let date = Date::try_new_gregorian(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
        .ok()?;
        Some(self.inner.format(&date).to_string())
    }
}

/// Date formatters for a set of languages, built once and shared by the rendering threads.
#[derive(Debug, Default)]
pub(crate) struct LocalizedDates {
    formatters: BTreeMap<String, Option<DateFormatter>>,
}

impl LocalizedDates {
    /// Formatters for each code in `languages` (those ICU4X does not know are remembered as such).
    pub(crate) fn new<'a>(languages: impl IntoIterator<Item = &'a str>) -> Self {
        let formatters =
            languages.into_iter().map(|code| (code.to_owned(), DateFormatter::new(code))).collect();
        LocalizedDates { formatters }
    }

    /// `iso` in `lang`'s CLDR form. The ISO text itself when it is not a real date or ICU4X does not
    /// know the language: a date readers can still understand beats a failed build.
    pub(crate) fn format(&self, iso: &str, lang: &str) -> String {
        let formatted = match self.formatters.get(lang) {
            Some(formatter) => formatter.as_ref().and_then(|f| f.format(iso)),
            // A language outside the site's list (a template passing `lang=`): built on demand.
            None => DateFormatter::new(lang).and_then(|f| f.format(iso)),
        };
        formatted.unwrap_or_else(|| iso.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_dates_pass() {
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("2023-13-01"));
        assert!(!is_iso_date("2023-1-01"));
        assert!(!is_iso_date("27/11/2026"));
    }

    fn long(lang: &str) -> String {
        LocalizedDates::new([lang]).format("2026-11-27", lang)
    }

    #[test]
    fn english_long_date() {
        assert_eq!(long("en"), "November 27, 2026");
    }

    #[test]
    fn french_long_date() {
        assert_eq!(long("fr"), "27 novembre 2026");
    }

    #[test]
    fn spanish_long_date() {
        assert_eq!(long("es"), "27 de noviembre de 2026");
    }

    #[test]
    fn russian_long_date_uses_the_genitive_month() {
        // CLDR binds "г." (year) to the number with a narrow no-break space.
        assert_eq!(long("ru"), "27 ноября 2026\u{202f}г.");
    }

    #[test]
    fn chinese_long_date() {
        assert_eq!(long("zh"), "2026年11月27日");
    }

    #[test]
    fn arabic_long_date_has_the_arabic_month_name() {
        // Plain `ar` takes CLDR's default numbering system for it, Latin digits (regions such as ar-EG
        // keep Arabic-Indic ones); the month is the Arabic name of November.
        assert_eq!(long("ar"), "27 نوفمبر 2026");
    }

    #[test]
    fn arabic_of_egypt_uses_arabic_indic_digits() {
        assert_eq!(long("ar-EG"), "٢٧ نوفمبر ٢٠٢٦");
    }

    #[test]
    fn dates_stay_gregorian_where_a_region_prefers_another_calendar() {
        // CLDR prefers the Umm al-Qura calendar in Saudi Arabia; the page shows the same day as its
        // <time datetime>, in Saudi Arabic's names and digits.
        assert_eq!(long("ar-SA"), "٢٧ نوفمبر ٢٠٢٦");
    }

    #[test]
    fn a_region_falls_back_to_its_language() {
        assert_eq!(long("en-GB"), "27 November 2026");
    }

    #[test]
    fn unknown_or_malformed_languages_show_the_iso_date() {
        assert_eq!(long("xx"), "2026-11-27");
        assert_eq!(long("not a language!"), "2026-11-27");
        assert_eq!(long(""), "2026-11-27");
    }

    #[test]
    fn text_that_is_not_a_date_is_shown_as_is() {
        let dates = LocalizedDates::new(["fr"]);
        assert_eq!(dates.format("2023-02-29", "fr"), "2023-02-29");
        assert_eq!(dates.format("soon", "fr"), "soon");
    }
}
