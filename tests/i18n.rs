//! `safeguide i18n status` and `i18n stamp`: a source edit makes its translation outdated, stamping clears
//! it, and the JSON keeps its contract.

use serde_json::Value;

use crate::support::{Site, git, text};

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
        assert_eq!(
            keys(&l["messages"]),
            ["built_in", "missing", "obsolete", "total", "translated", "untranslated"]
        );
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
    // Only messages the site shows count: `new-message` once a template uses it, `unused-message` never.
    site.write("locales/en/extra.ftl", b"new-message = New\nunused-message = Unused\n");
    site.write("locales/ru/extra.ftl", b"old-message = Old\n");
    let theme =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/404.html");
    let template = std::fs::read_to_string(theme).unwrap();
    let template = template.replace(
        "<h1>{{ page.title }}</h1>",
        "<h1>{{ page.title }}</h1><p>{{ t(key=\"new-message\") }}</p>",
    );
    site.write("templates/404.html", template.as_bytes());
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

#[test]
fn a_message_removed_from_an_override_file_is_reported_as_showing_the_built_in_text() {
    let site = Site::copy("good", &[]);
    // en and fr both override site-title; without fr's, French readers get the built-in French title,
    // not a translation of this site's name.
    let before = status(&site);
    assert!(strings(&language(&before, "fr")["messages"]["built_in"]).is_empty());
    let fr = site.source("locales/fr/site.ftl");
    let without =
        fr.lines().filter(|l| !l.starts_with("site-title")).collect::<Vec<_>>().join("\n");
    site.write("locales/fr/site.ftl", without.as_bytes());
    let after = status(&site);
    assert_eq!(strings(&language(&after, "fr")["messages"]["built_in"]), ["site-title"]);
    let output = site.run(&["i18n", "status"]);
    let (stdout, _) = text(&output);
    assert!(stdout.contains("fr messages showing the built-in text"), "{stdout}");
}

#[test]
fn i18n_messages_prints_what_a_language_lacks_as_a_fluent_file_marked_for_translation() {
    let site = Site::copy("good", &[]);
    // fr is built in: nothing is missing, so the file holds no message.
    let fr = site.run(&["i18n", "messages", "fr"]);
    let (stdout, stderr) = text(&fr);
    assert_eq!(fr.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains(": 0 message(s)"), "{stdout}");
    let unknown = site.run(&["i18n", "messages", "xx"]);
    let (_, stderr) = text(&unknown);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr.contains("`xx` is not a language of the site (en, fr, ar, ru)"), "{stderr}");
}

#[test]
fn i18n_diff_shows_what_changed_in_the_source_since_the_stamped_version() {
    let site = Site::copy("good", &[]);
    let fr = "content/fr/children/be-kind.md";
    // Outside git: a clear message.
    assert!(site.run(&["i18n", "stamp", fr]).status.success());
    let source = site.source("content/en/children/be-kind.md");
    site.write(
        "content/en/children/be-kind.md",
        source.replace("Think before you send.", "Stop and think.").as_bytes(),
    );
    let output = site.run(&["i18n", "diff", fr]);
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("the site is not in a git repository"), "{stderr}");

    // In git: the stamped version is found by its hash, wherever it is in the history.
    site.write("content/en/children/be-kind.md", source.as_bytes());
    git(&site.root(), &["init", "-q"]);
    git(&site.root(), &["add", "."]);
    git(&site.root(), &["commit", "-q", "-m", "stamped"]);
    let output = site.run(&["i18n", "diff", fr]);
    assert_eq!(text(&output).0, format!("{fr}: up to date with its source\n"));
    let changed = source
        .replace("Think before you send.", "Stop and think.")
        .replace("title: Be kind online", "title: Be kind");
    site.write("content/en/children/be-kind.md", changed.as_bytes());
    git(&site.root(), &["commit", "-q", "-am", "edited"]);
    site.write(
        "content/en/children/be-kind.md",
        (changed.clone() + "\nOne more line.\n").as_bytes(),
    );
    let output = site.run(&["i18n", "diff", fr]);
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stdout.starts_with("--- content/en/children/be-kind.md (commit "), "{stdout}");
    assert!(stdout.contains("+++ content/en/children/be-kind.md (now)\n"), "{stdout}");
    for line in [
        "-title: Be kind online\n",
        "+title: Be kind\n",
        "-Think before you send.\n",
        "+Stop and think.\n",
        "+One more line.\n",
    ] {
        assert!(stdout.contains(line), "{line}: {stdout}");
    }

    // A stamp that matches no committed version.
    let translation = site.source(fr);
    let stamp_at = translation.find("translated_from: ").unwrap() + "translated_from: ".len();
    let forged =
        format!("{}000000000000{}", &translation[..stamp_at], &translation[stamp_at + 12..]);
    site.write(fr, forged.as_bytes());
    let output = site.run(&["i18n", "diff", fr]);
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no version of content/en/children/be-kind.md in the git history has the content hash 000000000000"), "{stderr}");
}
