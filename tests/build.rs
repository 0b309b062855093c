//! Building a good site: the output contract, languages, fallbacks, links, escaping, determinism.

use crate::support::{Site, snapshot, text};

fn built() -> Site {
    let site = Site::copy("good", &[]);
    let output = site.build(&[]);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "build failed:\n{stdout}\n{stderr}");
    site
}

#[test]
fn builds_every_page_of_the_output_contract() {
    let site = built();
    let (stdout, _) = text(&site.build(&[]));
    assert_eq!(stdout.lines().count(), 1, "one summary line: {stdout}");
    assert!(
        // 15 pages (the every-construct page among them), the A-Z and search pages, and a helplines page for
        // each of the fixture's 4 countries.
        stdout.contains("(en 21, fr 21 (9 fallback), ar 21 (8 fallback), ru 21 (9 fallback))"),
        "{stdout}"
    );
    for path in [
        "index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "en/index.html",
        "en/children/index.html",
        "en/children/be-kind/index.html",
        "en/parents/index.html",
        "en/about/index.html",
        "en/help/index.html",
        "en/help/ke/index.html",
        "ar/help/eg/index.html",
        "en/partners/index.html",
        "en/topics/bullying/index.html",
        "en/404.html",
        "ar/children/be-kind/index.html",
        "ru/topics/reporting/index.html",
        "en/a-z/index.html",
        "ar/search/index.html",
        "fr/feed.xml",
        "pagefind/pagefind-entry.json",
    ] {
        assert!(site.out().join(path).is_file(), "{path} missing");
    }
    // Every page of the default language exists in every language.
    for lang in ["fr", "ar", "ru"] {
        assert!(site.out().join(lang).join("parents/settings/index.html").is_file());
    }
}

#[test]
fn pages_carry_language_direction_and_alternates() {
    let site = built();
    let ar = site.read("ar/index.html");
    assert!(ar.contains(r#"<html lang="ar" dir="rtl">"#));
    let en = site.read("en/children/be-kind/index.html");
    assert!(en.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(en.contains(
        r#"<link rel="alternate" hreflang="en" href="https://example.org/en/children/be-kind/">"#
    ));
    assert!(en.contains(
        r#"<link rel="alternate" hreflang="fr" href="https://example.org/fr/children/be-kind/">"#
    ));
    assert!(
        !en.contains(r#"hreflang="ru" href="https://example.org/ru/children/be-kind/">"#),
        "fallbacks are not alternates"
    );
    assert!(en.contains(r#"hreflang="x-default" href="https://example.org/en/children/be-kind/""#));
    // The switcher leads to the same page in every language, names in their own script.
    assert!(en.contains(r#"<a href="../../../ar/children/be-kind/" lang="ar" hreflang="ar" dir="rtl">العربية</a>"#), "{en}");
    let chooser = site.read("index.html");
    for (code, name) in
        [("en", "English"), ("fr", "Français"), ("ar", "العربية"), ("ru", "Русский")]
    {
        assert!(
            chooser.contains(&format!(r#"<a href="{code}/" lang="{code}" hreflang="{code}""#)),
            "{code}"
        );
        assert!(chooser.contains(name));
    }
    assert!(chooser.contains(r#"hreflang="x-default" href="https://example.org/""#));
}

#[test]
fn missing_translations_fall_back_inside_a_language_marked_wrapper() {
    let site = built();
    let ru = site.read("ru/children/be-kind/index.html");
    assert!(ru.contains(r#"<html lang="ru" dir="ltr">"#));
    assert!(ru.contains(r#"<article lang="en" dir="ltr">"#), "content marked with its language");
    assert!(ru.contains(r#"class="notice""#), "a visible notice");
    assert!(
        ru.contains(r#"<a href="../../../en/children/be-kind/" hreflang="en">"#),
        "notice links the original"
    );
    assert!(
        ru.contains(r#"<link rel="canonical" href="https://example.org/en/children/be-kind/">"#)
    );
    assert!(!ru.contains(r#"rel="alternate" hreflang"#), "a fallback has no alternates");
    // Links inside fallback content stay in the reader's language.
    assert!(ru.contains(r#"href="../../parents/talk/#start-early""#));
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/fr/children/be-kind/</loc>"));
    assert!(
        !sitemap.contains("<loc>https://example.org/ru/children/be-kind/</loc>"),
        "fallbacks stay out of the sitemap"
    );
    assert!(sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="fr" href="https://example.org/fr/children/be-kind/"/>"#));
    // A real translation has no notice and its own language.
    let fr = site.read("fr/children/be-kind/index.html");
    assert!(fr.contains(r#"<article lang="fr" dir="ltr">"#));
    assert!(!fr.contains(r#"class="notice""#));
}

#[test]
fn markdown_links_become_page_urls_and_headings_get_ids() {
    let site = built();
    let page = site.read("en/children/be-kind/index.html");
    assert!(
        page.contains(
            r#"<a href="../../parents/talk/#start-early" data-path="parents/talk/#start-early">Start early</a>"#
        ),
        "{page}"
    );
    assert!(page.contains(r#"<a href="../../help/" data-path="help/">the help page</a>"#));
    assert!(page.contains(r#"<h2 id="why-it-matters">Why it matters</h2>"#));
    let fr = site.read("fr/children/be-kind/index.html");
    assert!(
        fr.contains(r#"<h2 id="why-it-matters">"#),
        "explicit ids keep anchors stable across languages"
    );
    let home = site.read("en/index.html");
    assert!(home.contains(r#"<a href="children/" data-path="children/">children's pages</a>"#));
}

#[test]
fn text_from_front_matter_data_locales_and_markdown_is_escaped() {
    let site = built();
    let teens = site.read("en/children/teens/index.html");
    assert!(!teens.contains("<script>alert"), "no injected script");
    assert!(teens.contains("Your &lt;script&gt;alert("), "{teens}");
    assert!(
        teens.contains("&lt;script&gt;alert(\"raw html in markdown\")&lt;/script&gt;"),
        "{teens}"
    );
    let partners = site.read("en/partners/index.html");
    assert!(!partners.contains("<img src=x"));
    assert!(partners.contains("&lt;img src=x onerror=alert(1)&gt; Org"));
    assert!(partners.contains("never as &lt;b&gt;markup&lt;/b&gt;"), "{partners}");
    let fr = site.read("fr/index.html");
    assert!(fr.contains("Site &lt;b&gt;de test&lt;"), "Fluent text is escaped");
}

#[test]
fn numbers_select_cldr_plural_categories() {
    let site = built();
    // bullying has 1 page, privacy 2, reporting 5.
    let ru = |t: &str| site.read(&format!("ru/topics/{t}/index.html"));
    assert!(ru("bullying").contains("RU-ONE"));
    assert!(ru("privacy").contains("RU-FEW"));
    assert!(ru("reporting").contains("RU-MANY"));
    let ar = |t: &str| site.read(&format!("ar/topics/{t}/index.html"));
    assert!(ar("bullying").contains("AR-ONE"));
    assert!(ar("privacy").contains("AR-TWO"));
    assert!(ar("reporting").contains("AR-FEW"));
    assert!(site.read("en/topics/reporting/index.html").contains("5\u{2069} pages on this topic"));
}

#[test]
fn children_pages_are_grouped_by_age_band() {
    let site = built();
    let section = site.read("en/children/index.html");
    let under9 = section.find("Under 9").unwrap();
    let mid = section.find("9 to 12").unwrap();
    let teen = section.find("13 to 18").unwrap();
    assert!(under9 < mid && mid < teen, "bands in site order");
    assert!(section.find("For little ones").unwrap() > under9);
}

#[test]
fn help_and_partners_pages_show_the_data() {
    let site = built();
    let help = site.read("en/help/index.html");
    assert!(help.contains("Talk to someone you trust."));
    assert!(help.contains(r#"<a href="ke/">Kenya</a>"#), "the finder links each country");
    let kenya = site.read("en/help/ke/index.html");
    assert!(
        kenya.contains(r#"<a class="button" href="tel:116">Call <span dir="ltr">116</span></a>"#)
    );
    assert!(kenya.contains(r#"<time datetime="2026-11-01">"#));
    let fr = site.read("fr/partners/index.html");
    assert!(fr.contains("L&#39;institution des Nations Unies"), "{fr}");
    assert!(
        fr.contains(r#"<p lang="en">Shown"#),
        "an untranslated description is marked with its language"
    );
}

#[test]
fn base_url_path_is_honoured() {
    let site = Site::copy("good", &[]);
    assert!(site.build(&["--base-url", "https://example.org/cop"]).status.success());
    let page = site.read("en/children/be-kind/index.html");
    assert!(
        page.contains(
            r#"<link rel="canonical" href="https://example.org/cop/en/children/be-kind/">"#
        )
    );
    let not_found = site.read("404.html");
    assert!(
        not_found.contains(&format!(r#"href="/cop/{}""#, site.asset("style.css"))),
        "404 pages use absolute paths under the base path"
    );
    assert!(site.read("robots.txt").contains("Sitemap: https://example.org/cop/sitemap.xml"));
}

#[test]
fn builds_are_deterministic_and_windows_files_build_alike() {
    let site = built();
    let first = snapshot(&site.out());
    assert!(site.build(&[]).status.success());
    assert_eq!(first, snapshot(&site.out()), "two builds are byte-identical");
    // The same file saved by a Windows editor: BOM and CRLF.
    let path = site.root().join("content/en/children/be-kind.md");
    let unix = std::fs::read_to_string(&path).unwrap();
    let windows = format!("\u{feff}{}", unix.replace('\n', "\r\n"));
    std::fs::write(&path, windows).unwrap();
    let fr_path = site.root().join("locales/ru/site.ftl");
    let ftl = std::fs::read_to_string(&fr_path).unwrap();
    std::fs::write(&fr_path, format!("\u{feff}{}", ftl.replace('\n', "\r\n"))).unwrap();
    assert!(site.build(&[]).status.success());
    assert_eq!(first, snapshot(&site.out()), "BOM and CRLF change nothing");
}

#[test]
fn drafts_are_skipped_unless_asked_for() {
    let site = Site::copy("good", &[]);
    site.write(
        "content/en/parents/draft.md",
        b"---\ntitle: Unfinished\ndescription: Not yet.\ndraft: true\n---\nWork in progress.\n",
    );
    assert!(site.build(&[]).status.success());
    assert!(!site.out().join("en/parents/draft/index.html").exists());
    assert!(site.build(&["--drafts"]).status.success());
    assert!(site.out().join("en/parents/draft/index.html").is_file());
}

#[test]
fn a_site_with_only_content_and_a_few_messages_gets_the_default_look() {
    let site = built();
    // The fixture has no templates/ or themes/: the embedded theme and strings did the work.
    assert!(!site.root().join("templates").exists() && !site.root().join("themes").exists());
    let css = site.read(&site.asset("style.css"));
    assert!(css.contains("inset-inline-start"), "the embedded stylesheet");
    let page = site.read("en/children/be-kind/index.html");
    assert!(
        page.contains("Leave this site"),
        "embedded interface strings fill what the site does not define"
    );
    assert!(page.contains("Test Safety Site"), "the site's own messages override them");
}

#[test]
fn a_site_template_overrides_the_themes() {
    let site = Site::copy("good", &[]);
    site.write(
        "templates/404.html",
        b"{% extends \"base.html\" %}{% block main %}<h1>Custom lost page</h1>{% endblock main %}",
    );
    assert!(site.build(&[]).status.success());
    assert!(site.read("404.html").contains("Custom lost page"));
}

#[test]
fn usage_errors_exit_2() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_safeguide"))
        .args(["build", "--no-such-flag"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let version = std::process::Command::new(env!("CARGO_BIN_EXE_safeguide"))
        .arg("--version")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("safeguide "));
}

#[test]
fn dates_are_shown_in_the_page_language_with_the_iso_date_kept() {
    let site = built();
    let fr = site.read("fr/children/be-kind/index.html");
    assert!(
        fr.contains(r#"<time datetime="2026-11-20">20 novembre 2026</time>"#),
        "a French month name inside <time datetime>: {fr}"
    );
    let en = site.read("en/children/be-kind/index.html");
    assert!(en.contains(r#"<time datetime="2026-11-20">November 20, 2026</time>"#), "{en}");
    let help = site.read("ru/help/ke/index.html");
    assert!(help.contains(r#"<time datetime="2026-11-01">1 ноября 2026"#), "{help}");
    // On a fallback the line is in the reader's language inside the original's article, and says so.
    let fallback = site.read("ar/parents/talk/index.html");
    assert!(
        fallback.contains(r#"<p class="meta" lang="ar" dir="rtl">"#) && fallback.contains("نوفمبر"),
        "{fallback}"
    );
    // The home page lists the most recently updated guidance with its date.
    let home = site.read("fr/index.html");
    assert!(home.contains(r#"<time datetime="2026-11-20">20 novembre 2026</time>"#), "{home}");
}

#[test]
fn a_portable_build_links_every_page_to_a_file_that_exists() {
    let site = Site::copy("good", &[]);
    let output = site.build(&["--portable"]);
    assert!(output.status.success(), "{:?}", crate::support::text(&output));
    let page = site.read("en/children/be-kind/index.html");
    assert!(page.contains(r#"href="../../parents/talk/index.html#start-early""#), "{page}");
    // Opened from disk, every relative link must name a file: a folder shows a listing, not the page.
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(site.out()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") || entry.file_name() == "404.html" {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        for href in html.split(" href=\"").skip(1).map(|s| &s[..s.find('"').unwrap()]) {
            let path = href.split(['#', '?']).next().unwrap();
            if path.is_empty() || path.contains(':') || path.starts_with('/') {
                continue;
            }
            let target = entry.path().parent().unwrap().join(path);
            assert!(target.is_file(), "{}: `{href}` is not a file", entry.path().display());
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}
