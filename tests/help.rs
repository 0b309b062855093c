//! Help that reaches every child (issue 10): the helplines' data contract, a page per country in every
//! language, CLDR country and language names in the reader's language and order, and the help page's
//! finder, all on the `good` fixture (English, French, Arabic, Russian).

use std::fmt::Write as _;

use crate::support::{Site, text};

fn built() -> Site {
    let site = Site::copy("good", &[]);
    let output = site.build(&[]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "build failed:\n{stdout}\n{stderr}");
    site
}

/// Builds the good site with `helplines` as its helplines.yaml; expects exit 1 with every `expected` text
/// in the error output, and no panic.
fn rejects(helplines: &str, expected: &[&str]) {
    let site = Site::copy("good", &[]);
    site.write("content/data/helplines.yaml", helplines.as_bytes());
    let output = site.build(&[]);
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for needle in expected {
        assert!(stderr.contains(needle), "expected `{needle}` in:\n{stderr}");
    }
}

#[test]
fn every_country_has_a_page_in_every_language_in_the_sitemap() {
    let site = built();
    for lang in ["en", "fr", "ar", "ru"] {
        for cc in ["ke", "fr", "eg", "ru"] {
            let page = site.read(&format!("{lang}/help/{cc}/index.html"));
            assert!(page.contains(&format!(r#"<html lang="{lang}""#)), "{lang}/help/{cc}/");
            assert!(
                page.contains(&format!(
                    r#"<link rel="alternate" hreflang="ru" href="https://example.org/ru/help/{cc}/">"#
                )),
                "{lang}/help/{cc}/ has hreflang alternates"
            );
            assert!(
                page.contains(&format!(r#"<a href="../../../{lang}/help/#find-help">"#)),
                "{lang}/help/{cc}/ links back to the finder"
            );
        }
    }
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/ar/help/eg/</loc>"), "{sitemap}");
    assert!(sitemap.contains(
        r#"<xhtml:link rel="alternate" hreflang="fr" href="https://example.org/fr/help/eg/"/>"#
    ));
}

#[test]
fn a_country_page_has_large_links_for_every_way_to_reach_the_helpline() {
    let site = built();
    let eg = site.read("en/help/eg/index.html");
    assert!(eg.contains("<h1>Get help in \u{2068}Egypt\u{2069}</h1>"), "{eg}");
    assert!(
        eg.contains(r#"<a class="button" href="tel:16000">Call <span dir="ltr">16000</span></a>"#)
    );
    assert!(
        eg.contains(r#"<a class="button" href="sms:16000">Text <span dir="ltr">16 000</span></a>"#)
    );
    assert!(eg.contains(r#"<a class="button" href="https://wa.me/0000">WhatsApp</a>"#));
    assert!(eg.contains(
        r#"<a href="https://www.example.org/eg">Website: <span dir="ltr">example.org</span></a>"#
    ));
    // The emergency advice comes before the services.
    let advice = eg.find("In danger right now?").unwrap();
    assert!(advice < eg.find("tel:16000").unwrap());
    let ke = site.read("en/help/ke/index.html");
    assert!(ke.contains("<li>Free of charge</li>"), "{ke}");
    assert!(ke.contains("<bdi>24/7</bdi>"), "{ke}");
}

#[test]
fn names_and_hours_are_shown_in_the_reader_s_language_where_given() {
    let site = built();
    let fr = site.read("fr/help/fr/index.html");
    assert!(fr.contains("<h2>Allô enfance en danger 119</h2>"), "{fr}");
    assert!(fr.contains("Tous les jours, jour et nuit"), "{fr}");
    let en = site.read("en/help/fr/index.html");
    assert!(en.contains("<h2>Children in danger line 119</h2>"), "{en}");
    // Arabic is not given: the default language's name, marked as English.
    let ar = site.read("ar/help/fr/index.html");
    assert!(ar.contains(r#"<h2 lang="en">Children in danger line 119</h2>"#), "{ar}");
    assert!(ar.contains(r#"<bdi lang="en">Every day, day and night</bdi>"#), "{ar}");
    // Languages by name in the reader's language; a code CLDR cannot name (qqq) is left out.
    assert!(fr.contains("français, anglais</li>"), "{fr}");
    assert!(site.read("ru/help/fr/index.html").contains("французский, английский</li>"));
    assert!(!fr.contains("qqq") && !en.contains(">fr<"), "no bare language code is shown");
}

#[test]
fn the_page_says_where_each_entry_comes_from_and_confirmed_only_when_it_was() {
    let site = built();
    let fr = site.read("en/help/fr/index.html");
    assert!(fr.contains(
        "From \u{2068}<a href=\"https://www.allo119.gouv.fr/\" dir=\"ltr\">allo119.gouv.fr</a>\u{2069}, \u{2068}<time datetime=\"2026-10-15\">October 15, 2026</time>\u{2069}"
    ), "{fr}");
    assert!(
        fr.contains("confirmed directly on ") && fr.contains(r#"<time datetime="2026-11-02">"#)
    );
    let ke = site.read("ru/help/ke/index.html");
    assert!(ke.contains("По данным") && ke.contains("1 ноября 2026"), "{ke}");
    assert!(!ke.contains("подтверждено"), "no `verified`, so no confirmation is claimed");
    assert!(!site.read("en/help/ke/index.html").contains("confirmed"));
}

#[test]
fn numbers_in_helpline_names_keep_their_order_on_right_to_left_pages() {
    let site = built();
    let ar = site.read("ar/help/eg/index.html");
    assert!(ar.contains("Child helpline \u{2066}16 000\u{2069}</h2>"), "{ar}");
    let en = site.read("en/help/eg/index.html");
    assert!(en.contains("Child helpline 16 000</h2>"), "{en}");
}

#[test]
fn data_text_is_escaped_on_country_pages() {
    let site = built();
    let ru = site.read("en/help/ru/index.html");
    assert!(
        ru.contains("&lt;b&gt;Детский&lt;&#x2F;b&gt;") || ru.contains("&lt;b&gt;Детский&lt;/b&gt;")
    );
    assert!(!ru.contains("<b>Детский"), "{ru}");
}

#[test]
fn the_finder_lists_countries_by_localised_name_grouped_by_region_and_collated() {
    let site = Site::copy("good", &[]);
    let mut data = site.source("content/data/helplines.yaml");
    // Three Arab States whose French names start with A, É and É: code point order would put "Arabie"
    // last among letters after Z; French collation puts É with E.
    for (cc, name) in [("SA", "Saudi line"), ("AE", "Emirates line"), ("ES", "ANAR")] {
        let region = if cc == "ES" { "europe" } else { "arab-states" };
        writeln!(
            data,
            "\n- country: {cc}\n  region: {region}\n  name: {name}\n  phone: \"116111\"\n  source: https://example.org/{cc}\n  retrieved: 2026-11-01"
        )
        .unwrap();
    }
    site.write("content/data/helplines.yaml", data.as_bytes());
    assert!(site.build(&[]).status.success());
    let fr = site.read("fr/help/index.html");
    let at = |needle: &str| fr.find(needle).unwrap_or_else(|| panic!("{needle} missing: {fr}"));
    // Regions in a fixed order: Africa, Arab States, CIS, Europe (no Americas or Asia-Pacific entry).
    assert!(at(">Afrique</h3>") < at(">États arabes</h3>"));
    assert!(at(">États arabes</h3>") < at(">Communauté des États indépendants</h3>"));
    assert!(at(">Communauté des États indépendants</h3>") < at(">Europe</h3>"));
    assert!(!fr.contains(">Amériques</h3>"), "a region without a country is left out");
    // Collated in French: Arabie saoudite, Égypte, Émirats arabes unis.
    assert!(at(">Arabie saoudite</a>") < at(">Égypte</a>"));
    assert!(at(">Égypte</a>") < at(">Émirats arabes unis</a>"));
    assert!(at(">Espagne</a>") < at(">France</a>"));
    assert!(fr.contains(r#"<li><a href="eg/">Égypte</a></li>"#), "{fr}");
    // Every page shows names, never codes.
    let ru = site.read("ru/help/index.html");
    assert!(ru.contains(">Египет</a>") && ru.contains(">Саудовская Аравия</a>"), "{ru}");
    assert!(!ru.contains(">EG<") && !ru.contains(">SA<"));
    let ar = site.read("ar/help/index.html");
    assert!(ar.contains(">مصر</a>") && ar.contains(">كينيا</a>"), "{ar}");
}

#[test]
fn the_finder_works_without_javascript_and_filters_with_it() {
    let site = built();
    let help = site.read("en/help/index.html");
    let filter = site.asset("help-filter.js");
    assert!(help.contains(&format!(r#"<script src="../../{filter}" defer></script>"#)), "{help}");
    assert!(!help.contains("<script>"), "no inline script");
    // Without JavaScript the filter box stays hidden and every country is a plain link.
    assert!(
        help.contains(r#"<div class="filter" data-filter hidden><label for="country-filter">"#)
    );
    assert!(help.contains(r#"<li><a href="ke/">Kenya</a></li>"#), "{help}");
    // Only the help page loads the filter.
    assert!(!site.read("en/help/ke/index.html").contains("theme/help-filter."));
    assert!(!site.read("en/index.html").contains("theme/help-filter."));
}

#[test]
fn the_finder_follows_the_urgent_advice() {
    let site = built();
    let help = site.read("en/help/index.html");
    let trust = help.find("Talk to someone you trust.").unwrap();
    let finder = help.find(r#"id="find-help""#).unwrap();
    assert!(trust < finder, "{help}");
    // A help page with sections: the finder goes after "talk to someone you trust", before the rest.
    let site = Site::copy("good", &[]);
    site.write(
        "content/en/help.md",
        b"---\ntitle: Get help\n---\n\nLead.\n\n## In danger {#if-you-are-in-danger-right-now}\n\nCall.\n\n## Trust {#talk-to-someone-you-trust}\n\nTell.\n\n## Later {#later}\n\nMore.\n",
    );
    assert!(site.build(&[]).status.success());
    let help = site.read("en/help/index.html");
    let at = |needle: &str| help.find(needle).unwrap_or_else(|| panic!("{needle}: {help}"));
    assert!(at("Lead.") < at(r#"id="if-you-are-in-danger-right-now""#));
    assert!(at("Tell.") < at(r#"id="find-help""#));
    assert!(at(r#"id="find-help""#) < at(r#"id="later""#));
}

#[test]
fn bad_helpline_data_is_an_error_naming_the_file_and_line() {
    let entry = |extra: &str| {
        format!(
            "- country: KE\n  region: africa\n  name: Line\n  source: https://example.org/\n  retrieved: 2026-11-01\n{extra}"
        )
    };
    rejects(
        "- country: KE\n  region: middle-earth\n  name: Line\n  source: https://example.org/\n  retrieved: 2026-11-01\n",
        &["content/data/helplines.yaml:2:", "middle-earth"],
    );
    rejects(&entry("  whatsapp: http://wa.me/1\n"), &["helplines.yaml:6:", "not an https URL"]);
    rejects(&entry("  chat: javascript:alert(1)\n"), &["helplines.yaml:6:", "not an https URL"]);
    rejects(&entry("  phone: \"116<script>\"\n"), &["helplines.yaml:6:", "not a phone number"]);
    rejects(&entry("  name2: x\n"), &["helplines.yaml:6:", "name2"]);
    rejects(&entry("  verified: 2026-13-01\n"), &["helplines.yaml:6:", "2026-13-01"]);
    rejects(&entry("  languages: [English]\n"), &["helplines.yaml:6:", "not a language code"]);
    rejects(
        "- country: KE\n  region: africa\n  name: {EN: Line}\n  source: https://example.org/\n  retrieved: 2026-11-01\n",
        &["helplines.yaml:3:", "not a language code"],
    );
    rejects(
        "- country: KE\n  region: africa\n  name: Line\n  source: https://example.org/\n",
        &["content/data/helplines.yaml:", "retrieved"],
    );
    rejects(
        &format!(
            "{}\n- country: KE\n  region: europe\n  name: Other\n  source: https://example.org/\n  retrieved: 2026-11-01\n",
            entry("")
        ),
        &["content/data/helplines.yaml:8", "KE is in `europe` here but in `africa`"],
    );
}
