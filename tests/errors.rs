//! Bad input: every case exits 1, names the file (relative to the site root) and the line, and leaves the
//! previous output exactly as it was, with nothing left behind.

use crate::support::{Site, snapshot, text};

/// Builds the good site, then the site with `tests/fixtures/bad/<case>` laid over it, and checks the failure.
fn fails(case: &str, expected: &[&str]) -> String {
    let site = Site::copy("good", &[]);
    assert!(site.build(&[]).status.success());
    let before = snapshot(&site.out());
    crate::support::copy_tree(&crate::support::fixtures().join("bad").join(case), &site.root());
    let everything = snapshot(site.dir.path());
    let output = site.build(&[]);
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{case}: exit status\n{stdout}\n{stderr}");
    for needle in expected {
        assert!(stderr.contains(needle), "{case}: expected `{needle}` in:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{case}: {stderr}");
    assert_eq!(before, snapshot(&site.out()), "{case}: the previous output changed");
    assert_eq!(everything, snapshot(site.dir.path()), "{case}: a source or an output file changed");
    let leftovers: Vec<_> = std::fs::read_dir(site.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "site" && n != "public")
        .collect();
    assert!(leftovers.is_empty(), "{case}: left behind {leftovers:?}");
    stderr
}

#[test]
fn malformed_front_matter_yaml() {
    fails("front-matter-yaml", &["content/en/parents/talk.md:3:"]);
}

#[test]
fn malformed_data_yaml() {
    fails("data-yaml", &["content/data/partners.yaml:3:"]);
}

#[test]
fn malformed_site_yaml() {
    fails("config-yaml", &["site.yaml:"]);
}

#[test]
fn missing_title() {
    fails("missing-title", &["content/en/parents/talk.md:", "title"]);
}

#[test]
fn unknown_front_matter_field() {
    fails("unknown-field", &["content/en/parents/talk.md:4:", "colour"]);
}

#[test]
fn unknown_config_key() {
    fails("unknown-config-key", &["site.yaml:9:1", "colour"]);
}

#[test]
fn unknown_topic() {
    fails("unknown-topic", &["content/en/parents/talk.md:4", "gardening"]);
}

#[test]
fn unknown_audience() {
    fails("unknown-audience", &["content/en/teachers/lesson.md", "teachers"]);
}

#[test]
fn page_only_in_a_translation() {
    fails("only-translation", &["content/fr/parents/orphan.md", "only in `fr`"]);
}

#[test]
fn undeclared_language_folder() {
    fails("undeclared-language", &["content/de", "not a language declared"]);
}

#[test]
fn two_pages_on_one_url() {
    fails("duplicate-url", &["content/en/parents/", "/en/parents/talk/"]);
}

#[test]
fn slug_that_is_not_one_safe_segment() {
    fails("unsafe-slug", &["content/en/parents/escape.md:4", "../../outside"]);
}

#[test]
fn fluent_syntax_error() {
    fails("fluent-syntax", &["locales/en/broken.ftl:3:"]);
}

#[test]
fn tera_error() {
    fails("tera-error", &["templates/page.html:"]);
}

#[test]
fn javascript_url_in_data() {
    fails("javascript-url", &["content/data/helplines.yaml:4:", "javascript:alert(1)"]);
}

#[test]
fn broken_internal_link() {
    fails("broken-link", &["content/en/parents/settings.md:7", "children/missing.md"]);
}

#[test]
fn missing_field_in_data() {
    fails("data-missing-field", &["content/data/helplines.yaml:", "source"]);
}

#[test]
fn bad_country_code() {
    fails("data-bad-date-country", &["content/data/helplines.yaml:1:", "XX"]);
}

#[test]
fn message_missing_in_the_default_language() {
    // A topic's label is the message `topic-<id>`; no file defines it for this new topic.
    fails("missing-message", &["locales/en", "topic-gardening-tips"]);
}

#[test]
fn file_that_is_not_utf8() {
    fails("not-utf8", &["content/en/parents/talk.md:5:", "UTF-8"]);
}

#[test]
fn independent_errors_are_all_reported() {
    let site = Site::copy("good", &[]);
    for case in ["unknown-topic", "broken-link", "fluent-syntax"] {
        crate::support::copy_tree(&crate::support::fixtures().join("bad").join(case), &site.root());
    }
    let output = site.build(&[]);
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr.contains("locales/en/broken.ftl"), "{stderr}");
    assert!(stderr.contains("gardening"), "{stderr}");
}

#[test]
fn output_inside_the_sources_is_refused() {
    let site = Site::copy("good", &[]);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_safeguide"))
        .arg("build")
        .arg("--root")
        .arg(site.root())
        .arg("--out")
        .arg(site.root().join("content"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(site.root().join("content/en/_index.md").is_file());
}

#[test]
fn a_translation_with_a_variable_the_source_does_not_pass() {
    let err = fails(
        "message-variables",
        &["locales/fr/site.ftl:2:1", "`{ $datum }`", "the `en` message passes `{ $date }`"],
    );
    assert!(err.contains("error[message-variables]"), "{err}");
    // check reports it as an error too.
    let site = Site::copy("good", &["bad/message-variables"]);
    let output = site.run(&["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let (json, _) = text(&output);
    assert!(
        json.contains("\"code\": \"message-variables\"")
            && json.contains("\"severity\": \"error\""),
        "{json}"
    );
}

#[test]
fn a_message_defined_twice_names_both_lines() {
    fails(
        "message-duplicate",
        &["locales/fr/site.ftl:3:1", "defined twice", "locales/fr/site.ftl:1"],
    );
}

#[test]
fn a_nul_byte_is_located() {
    fails("nul-byte", &["content/en/parents/talk.md:7:9", "NUL byte"]);
}

#[test]
fn a_link_from_the_host_root_breaks_under_a_sub_path() {
    let err =
        fails("root-link", &["content/en/parents/talk.md:7:16", "starts with `/`", ".md file"]);
    // The marker covers the target `/en/`, not the link's text.
    assert!(err.contains("7 | Go back [home](/en/)"), "{err}");
    assert!(err.contains("  |                ^^^^\n"), "{err}");
    // check agrees with build.
    let site = Site::copy("good", &["bad/root-link"]);
    let output = site.run(&["check", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let (json, _) = text(&output);
    assert!(json.contains("starts with `/`"), "{json}");
}

#[test]
fn a_tab_in_yaml_is_named_as_a_tab() {
    fails("yaml-tab", &["content/en/parents/talk.md:5:1", "a tab is used for indentation"]);
}

#[test]
fn a_repeated_heading_id_is_reported_at_the_repeat() {
    let err = fails(
        "duplicate-heading-id",
        &["content/en/parents/talk.md:11:", "`start` is used twice", "first used at line 7"],
    );
    assert!(err.contains("^^^^^"), "the marker covers the id: {err}");
}

#[test]
fn a_page_with_broken_front_matter_is_one_error_not_one_per_link_to_it() {
    let err = fails("unreadable-front-matter", &["content/en/parents/talk.md:3:"]);
    assert!(!err.contains("be-kind.md"), "the page linking to it is not blamed: {err}");
    assert!(err.contains("build failed: 1 error(s)"), "{err}");
}

#[test]
fn an_audience_listed_twice() {
    fails("duplicate-audience", &["site.yaml:", "the audience `children` is listed twice"]);
}

#[test]
fn missing_image() {
    fails(
        "missing-image",
        &["content/en/children/be-kind.md:11:", "the image `block.png` was not found"],
    );
}

#[test]
fn drawing_with_an_outside_reference() {
    fails(
        "unsafe-svg",
        &[
            "content/en/children/be-kind.md:11:",
            "content/en/children/buttons.svg",
            "outside the drawing",
        ],
    );
}
