//! `safeguide i18n status` and `i18n stamp`: a source edit makes its translation outdated, stamping clears
//! it, and the JSON keeps its contract.

use serde_json::Value;

use crate::support::{Site, text};

fn status(site: &Site) -> Value {
    let output = site.run(&["i18n", "status", "--format", "json"]);
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

fn language<'a>(status: &'a Value, code: &str) -> &'a Value {
    status["languages"].as_array().unwrap().iter().find(|l| l["code"] == code).unwrap()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect()
}

#[test]
fn the_json_report_has_the_contract_shape() {
    let site = Site::copy("good", &[]);
    let report = status(&site);
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&report), ["default_language", "languages"]);
    assert_eq!(report["default_language"], "en");
    let codes: Vec<&str> = report["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["fr", "ar", "ru"], "every language but the default, in site order");
    for l in report["languages"].as_array().unwrap() {
        assert_eq!(keys(l), ["code", "messages", "pages"]);
        assert_eq!(
            keys(&l["pages"]),
            ["draft", "missing", "outdated", "total", "translated", "untracked"]
        );
        assert_eq!(keys(&l["messages"]), ["missing", "obsolete", "total", "translated"]);
    }
    let fr = language(&report, "fr");
    assert_eq!(fr["pages"]["total"], 10, "every Markdown file of en");
    assert_eq!(fr["pages"]["translated"], 1);
    assert_eq!(strings(&fr["pages"]["untracked"]), ["children/be-kind.md"]);
    assert!(strings(&fr["pages"]["missing"]).contains(&"parents/talk.md"));
    assert!(strings(&fr["pages"]["missing"]).contains(&"_index.md"), "home pages count");
}

#[test]
fn editing_the_source_outdates_the_translation_and_stamp_clears_it() {
    let site = Site::copy("good", &[]);
    let fr = "content/fr/children/be-kind.md";
    let stamped = site.run(&["i18n", "stamp", fr]);
    let (stdout, stderr) = text(&stamped);
    assert_eq!(stamped.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(site.source(fr).contains("\ntranslated_from: "), "{}", site.source(fr));
    let report = status(&site);
    let fr_status = &language(&report, "fr")["pages"];
    assert!(
        strings(&fr_status["untracked"]).is_empty() && strings(&fr_status["outdated"]).is_empty()
    );

    // Weight, date and topics are not the translator's business.
    let en = "content/en/children/be-kind.md";
    let source = site.source(en);
    site.write(en, source.replace("weight: 10", "weight: 20").as_bytes());
    assert!(strings(&language(&status(&site), "fr")["pages"]["outdated"]).is_empty());

    site.write(
        en,
        site.source(en)
            .replace("Think before you send.", "Stop and think before you send.")
            .as_bytes(),
    );
    let report = status(&site);
    assert_eq!(strings(&language(&report, "fr")["pages"]["outdated"]), ["children/be-kind.md"]);
    assert_eq!(
        language(&report, "fr")["pages"]["translated"],
        1,
        "outdated pages still count as translated"
    );
    let (text_report, _) = text(&site.run(&["i18n", "status"]));
    assert!(text_report.contains("fr outdated"), "{text_report}");
    assert!(text_report.contains("  children/be-kind.md"), "{text_report}");

    assert!(site.run(&["i18n", "stamp", fr]).status.success());
    assert!(strings(&language(&status(&site), "fr")["pages"]["outdated"]).is_empty());
}

#[test]
fn stamp_keeps_windows_line_endings_and_the_rest_of_the_file() {
    let site = Site::copy("good", &[]);
    let fr = "content/fr/children/be-kind.md";
    let crlf = format!("\u{feff}{}", site.source(fr).replace('\n', "\r\n"));
    site.write(fr, crlf.as_bytes());
    assert!(site.run(&["i18n", "stamp", fr]).status.success());
    let after = site.source(fr);
    assert!(after.starts_with('\u{feff}'));
    assert!(!after.replace("\r\n", "").contains('\n'), "every line still ends in CRLF");
    let without = after
        .lines()
        .filter(|l| !l.starts_with("translated_from:"))
        .collect::<Vec<_>>()
        .join("\r\n");
    assert_eq!(without + "\r\n", crlf);
}

#[test]
fn stamping_something_that_is_not_a_translation_is_an_error_and_changes_nothing() {
    let site = Site::copy("good", &[]);
    let fr = "content/fr/children/be-kind.md";
    let before = site.source(fr);
    for args in [
        vec!["i18n", "stamp", fr, "content/en/children/be-kind.md"],
        vec!["i18n", "stamp", fr, "site.yaml"],
        vec!["i18n", "stamp", fr, "content/fr/children/not-there.md"],
        vec!["i18n", "stamp", fr, "content/fr/../en/children/be-kind.md"],
    ] {
        let output = site.run(&args);
        let (_, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        // `content/fr/../en/…` is named as what it really is, the English source.
        let named = if args[3].contains("..") { "content/en/children/be-kind.md" } else { args[3] };
        assert!(stderr.contains(named), "{stderr}");
        assert_eq!(site.source(fr), before, "no file is written when one argument is wrong");
    }
}

#[test]
fn drafts_and_missing_interface_messages_are_listed() {
    let site = Site::copy("good", &[]);
    site.write(
        "content/ru/children/be-kind.md",
        b"---\ntitle: Draft\ndescription: d\nages: 9-12\ndraft: true\n---\nText\n",
    );
    site.write("locales/en/extra.ftl", b"new-message = New\n");
    site.write("locales/ru/extra.ftl", b"old-message = Old\n");
    let report = status(&site);
    let ru = language(&report, "ru");
    assert_eq!(strings(&ru["pages"]["draft"]), ["children/be-kind.md"]);
    assert_eq!(strings(&ru["messages"]["missing"]), ["new-message"]);
    assert_eq!(strings(&ru["messages"]["obsolete"]), ["old-message"]);
    let total = ru["messages"]["total"].as_u64().unwrap();
    assert_eq!(ru["messages"]["translated"].as_u64().unwrap(), total - 1);
}

#[test]
fn status_fails_on_invalid_input() {
    let site = Site::copy("good", &["bad/unknown-field"]);
    let output = site.run(&["i18n", "status"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).1.contains("content/en/parents/talk.md:"));
}
