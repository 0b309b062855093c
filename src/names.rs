//! Names of countries and languages in the reader's language, and the reader's alphabetical order, from
//! CLDR through ICU4X's compiled data: no table of names or sort order is written by hand.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use icu::collator::options::{CollatorOptions, Strength};
use icu::collator::{Collator, CollatorBorrowed};
use icu::experimental::displaynames::DisplayNamesOptions;
use icu::experimental::displaynames::multi::{LanguageDisplayNames, RegionDisplayNames};
use icu::locale::Locale;
use icu::locale::subtags::{Language, Region};

/// CLDR display names and collation for one language.
pub(crate) struct LocalNames {
    regions: Option<RegionDisplayNames>,
    languages: Option<LanguageDisplayNames>,
    collator: Option<CollatorBorrowed<'static>>,
}

impl std::fmt::Debug for LocalNames {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalNames")
            .field("regions", &self.regions.is_some())
            .field("languages", &self.languages.is_some())
            .field("collator", &self.collator.is_some())
            .finish()
    }
}

impl LocalNames {
    /// The names and order of the BCP 47 language `lang`; each part is absent when ICU4X has no data
    /// for it (or the code does not parse).
    pub(crate) fn new(lang: &str) -> Self {
        let Ok(locale) = Locale::try_from_str(lang) else {
            return LocalNames { regions: None, languages: None, collator: None };
        };
        let options = DisplayNamesOptions::default();
        let mut collator_options = CollatorOptions::default();
        // Secondary strength: accents count, case does not ("Côte d'Ivoire" next to "Costa Rica").
        collator_options.strength = Some(Strength::Secondary);
        LocalNames {
            regions: RegionDisplayNames::try_new(locale.clone().into(), options).ok(),
            languages: LanguageDisplayNames::try_new(locale.clone().into(), options).ok(),
            collator: Collator::try_new(locale.into(), collator_options).ok(),
        }
    }

    /// The CLDR name of the country or territory `code` (ISO 3166-1 alpha-2, `KE`).
    pub(crate) fn country(&self, code: &str) -> Option<&str> {
        let region = Region::try_from_str(code).ok()?;
        self.regions.as_ref()?.of(region).filter(|name| *name != code)
    }

    /// The CLDR name of the language `code` (`sw`, or `zh-Hant`, named by its language: Chinese).
    pub(crate) fn language(&self, code: &str) -> Option<&str> {
        let subtag = code.split('-').next()?;
        let language = Language::try_from_str(subtag).ok()?;
        self.languages.as_ref()?.of(language).filter(|name| *name != subtag)
    }

    /// Compares two texts in the language's alphabetical order (code point order without collation data).
    pub(crate) fn compare(&self, a: &str, b: &str) -> Ordering {
        match &self.collator {
            Some(collator) => collator.compare(a, b).then_with(|| a.cmp(b)),
            None => a.cmp(b),
        }
    }
}

/// [`LocalNames`] for each language of the site, built once and shared by the rendering threads.
#[derive(Debug, Default)]
pub(crate) struct SiteNames {
    by_language: BTreeMap<String, LocalNames>,
    default_language: String,
}

impl SiteNames {
    /// Names for every code in `languages`; `default_language` is the fallback for missing names.
    pub(crate) fn new<'a>(
        languages: impl IntoIterator<Item = &'a str>,
        default_language: &str,
    ) -> Self {
        let by_language =
            languages.into_iter().map(|code| (code.to_owned(), LocalNames::new(code))).collect();
        SiteNames { by_language, default_language: default_language.to_owned() }
    }

    /// The names of `lang` (`None` for a language outside the site).
    pub(crate) fn get(&self, lang: &str) -> Option<&LocalNames> {
        self.by_language.get(lang)
    }

    /// The country's name in `lang`, else in the default language, with the language it is in.
    pub(crate) fn country<'a>(&'a self, lang: &'a str, code: &str) -> Option<(&'a str, &'a str)> {
        self.get(lang).and_then(|n| n.country(code)).map(|name| (name, lang)).or_else(|| {
            let default = self.default_language.as_str();
            self.get(default).and_then(|n| n.country(code)).map(|name| (name, default))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_named_in_the_reader_s_language() {
        let names = SiteNames::new(["en", "fr", "ar", "zh", "ru", "es"], "en");
        assert_eq!(names.country("en", "GB"), Some(("United Kingdom", "en")));
        assert_eq!(names.country("fr", "GB"), Some(("Royaume-Uni", "fr")));
        assert_eq!(names.country("ar", "GB"), Some(("المملكة المتحدة", "ar")));
        assert_eq!(names.country("zh", "KE"), Some(("肯尼亚", "zh")));
        assert_eq!(names.country("ru", "KE"), Some(("Кения", "ru")));
        assert_eq!(names.country("es", "MX"), Some(("México", "es")));
    }

    #[test]
    fn languages_are_named_in_the_reader_s_language() {
        let fr = LocalNames::new("fr");
        assert_eq!(fr.language("sw"), Some("swahili"));
        assert_eq!(fr.language("zh-Hant"), Some("chinois"));
        assert_eq!(fr.language("qqq"), None, "no bare code stands in for a name");
    }

    #[test]
    fn collation_follows_the_language() {
        let es = LocalNames::new("es");
        // Spanish sorts ñ after n; code point order puts "Ñ" after "Z".
        let mut words = vec!["Zambia", "Ñandú", "Nepal", "Omán"];
        words.sort_by(|a, b| es.compare(a, b));
        assert_eq!(words, ["Nepal", "Ñandú", "Omán", "Zambia"]);
        let fr = LocalNames::new("fr");
        let mut words = vec!["Égypte", "Espagne", "Émirats arabes unis", "Danemark"];
        words.sort_by(|a, b| fr.compare(a, b));
        assert_eq!(words, ["Danemark", "Égypte", "Émirats arabes unis", "Espagne"]);
    }

    #[test]
    fn a_language_without_data_falls_back_to_the_default() {
        let names = SiteNames::new(["en", "qqq"], "en");
        assert_eq!(names.country("qqq", "KE"), Some(("Kenya", "en")));
    }
}
