//! `safeguide new`: creates drafts with valid front matter, starts translations stamped with their source,
//! and never overwrites.

use crate::support::{Site, text};

#[test]
fn creates_a_draft_source_page_that_builds_only_with_drafts() {
    let site = Site::copy("good", &[]);
    let output = site.run(&["new", "en/parents/bedtime-rules"]);
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("content/en/parents/bedtime-rules.md"), "{stdout}");
    let page = site.source("content/en/parents/bedtime-rules.md");
    assert!(page.starts_with("---\ntitle: \"Bedtime rules\"\n"), "{page}");
    assert!(page.contains("\ndraft: true\n") && page.contains("\nupdated: 2026-11-27\n"), "{page}");

    assert!(site.build(&[]).status.success(), "the new draft is valid input");
    assert!(
        !site.out().join("en/parents/bedtime-rules/index.html").exists(),
        "drafts are not published"
    );
    assert!(site.build(&["--drafts"]).status.success());
    assert!(site.read("en/parents/bedtime-rules/index.html").contains("Bedtime rules"));
}

#[test]
fn a_childrens_page_gets_an_age_band_and_a_standalone_page_works() {
    let site = Site::copy("good", &[]);
    assert!(site.run(&["new", "en/children/new-games"]).status.success());
    assert!(site.source("content/en/children/new-games.md").contains("\nages: under-9\n"));
    assert!(site.run(&["new", "en/contact"]).status.success());
    assert!(site.source("content/en/contact.md").contains("title: \"Contact\""));
    assert!(site.run(&["check"]).status.success(), "{}", text(&site.run(&["check"])).0);
}

#[test]
fn starts_a_translation_from_its_source() {
    let site = Site::copy("good", &[]);
    let output = site.run(&["new", "fr/parents/talk"]);
    assert_eq!(output.status.code(), Some(0), "{:?}", text(&output));
    let page = site.source("content/fr/parents/talk.md");
    assert!(
        page.contains("title: Talk about life online"),
        "the source text, to translate: {page}"
    );
    assert!(page.contains("\ndraft: true\n") && page.contains("\ntranslated_from: "), "{page}");
    let status = text(&site.run(&["i18n", "status", "--format", "json"])).0;
    let json: serde_json::Value = serde_json::from_str(&status).unwrap();
    let fr = &json["languages"][0]["pages"];
    assert_eq!(fr["draft"], serde_json::json!(["parents/talk.md"]), "{fr}");
    assert_eq!(fr["outdated"], serde_json::json!([]), "stamped with the current source");
}

#[test]
fn refuses_to_overwrite_or_to_translate_what_does_not_exist() {
    let site = Site::copy("good", &[]);
    let existing = site.source("content/en/parents/talk.md");
    for (spec, needle) in [
        ("en/parents/talk", "already exists"),
        ("fr/children/be-kind", "already exists"),
        ("fr/parents/nothing-here", "content/en/parents/nothing-here.md"),
        ("de/parents/x", "`de` is not a language"),
        ("en/pets/x", "`pets` is not an audience"),
        ("en/parents/../../x", "not"),
        ("en/topics", "choose another name"),
        ("en/children", "choose another name"),
    ] {
        let output = site.run(&["new", spec]);
        let (_, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(1), "{spec}: {stderr}");
        assert!(stderr.contains(needle), "{spec}: {stderr}");
    }
    assert_eq!(site.source("content/en/parents/talk.md"), existing);
    assert!(!site.root().join("content/fr/parents/nothing-here.md").exists());
}

#[test]
fn a_translation_keeps_the_source_heading_ids_whatever_its_headings_say() {
    let site = Site::copy("good", &[]);
    assert!(site.run(&["new", "fr/parents/talk"]).status.success());
    let page = site.source("content/fr/parents/talk.md");
    assert!(page.contains("## Start early {#start-early}\n"), "{page}");
    // Translated and published, the page keeps the anchor that links to it use.
    let translated = page
        .replace("## Start early {#start-early}", "## Commencer tôt {#start-early}")
        .replace("draft: true\n", "");
    site.write("content/fr/parents/talk.md", translated.as_bytes());
    assert!(site.build(&[]).status.success());
    let html = site.read("fr/parents/talk/index.html");
    assert!(html.contains(r#"<h2 id="start-early">Commencer tôt</h2>"#), "{html}");
}

#[test]
fn a_published_page_still_holding_the_placeholder_text_is_a_check_warning() {
    let site = Site::copy("good", &[]);
    assert!(site.run(&["new", "en/contact"]).status.success());
    assert!(site.run(&["check", "--strict"]).status.success(), "a draft is not checked");
    let page = site.source("content/en/contact.md").replace("draft: true\n", "");
    site.write("content/en/contact.md", page.as_bytes());
    let output = site.run(&["check", "--strict"]);
    let (stdout, _) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("warning[placeholder]: content/en/contact.md:")
            && stdout.contains("still holds the placeholder text"),
        "{stdout}"
    );
}
