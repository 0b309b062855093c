//! Bad input: every case exits 1, names the file (relative to the site root) and the line, and leaves the
//! previous output, the site's sources and a folder of the user's own files beside them exactly as they
//! were, with nothing left behind.

use crate::support::{Site, snapshot, text};

/// Builds the good site, then the site with `tests/fixtures/bad/<case>` laid over it, and checks the failure.
fn fails(case: &str, expected: &[&str]) -> String {
    let site = Site::copy("good", &[]);
    assert!(site.build(&[]).status.success());
    let before = snapshot(&site.out());
    crate::support::copy_tree(&crate::support::fixtures().join("bad").join(case), &site.root());
    std::fs::create_dir_all(site.dir.path().join("mydocs")).unwrap();
    std::fs::write(site.dir.path().join("mydocs/thesis.txt"), "three years of work").unwrap();
    let everything = snapshot(site.dir.path());
    let output = site.build(&[]);
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{case}: exit status\n{stdout}\n{stderr}");
    for needle in expected {
        assert!(stderr.contains(needle), "{case}: expected `{needle}` in:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{case}: {stderr}");
    assert_eq!(before, snapshot(&site.out()), "{case}: the previous output changed");
    assert_eq!(
        everything,
        snapshot(site.dir.path()),
        "{case}: a source, an output file or a user's file changed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "site" && n != "public" && n != "mydocs")
        .collect();
    assert!(leftovers.is_empty(), "{case}: left behind {leftovers:?}");
    stderr
}

/// The marker under line `line` of the first snippet in `err` that shows that line: the 1-based column,
/// in characters of the line's text, of its first `^`, and how many `^` there are.
fn marker(err: &str, line: usize) -> (usize, usize) {
    let lines: Vec<&str> = err.lines().collect();
    let shown = format!("{line} | ");
    let at = lines
        .iter()
        .position(|l| l.trim_start().starts_with(&shown))
        .unwrap_or_else(|| panic!("no snippet of line {line} in:\n{err}"));
    let text_start = lines[at].find(&shown).unwrap() + shown.len();
    let under = lines[at + 1];
    let first = under.find('^').unwrap_or_else(|| panic!("no marker under line {line}:\n{err}"));
    assert!(under[..text_start - 1].trim_end().ends_with('|'), "{err}");
    let carets = under[first..].chars().take_while(|&c| c == '^').count();
    assert_eq!(under[first..].trim_end().len(), carets, "one run of carets: {err}");
    (under[text_start..first].chars().count() + 1, carets)
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
    fails(
        "duplicate-url",
        &[
            "error[duplicate-url]: content/en/parents/talk.md",
            "content/en/parents/other.md",
            "/en/parents/talk/",
        ],
    );
}

#[test]
fn two_pages_on_one_url_is_one_error() {
    let err = fails("duplicate-url", &["content/en/parents/other.md"]);
    assert!(!err.contains("be-kind.md"), "the pages linking to talk.md are not blamed: {err}");
    assert!(err.contains("build failed: 1 error(s)"), "{err}");
}

#[test]
fn slug_that_is_not_one_safe_segment() {
    fails("unsafe-slug", &["content/en/parents/escape.md:4", "../../outside"]);
}

#[test]
fn fluent_syntax_error() {
    // `broken message without equals`: the `=` is missing at column 7, after the id `broken`.
    let err = fails("fluent-syntax", &["error[fluent-syntax]: locales/en/broken.ftl:3:7: "]);
    assert_eq!(marker(&err, 3), (7, 1), "{err}");
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
    let err = fails(
        "broken-link",
        &["error[link]: content/en/parents/settings.md:7:24: ", "`../children/missing.md`"],
    );
    // `See [the missing page](../children/missing.md).`: the marker covers the target, 22 characters
    // from column 24, not the link's text.
    assert_eq!(marker(&err, 7), (24, "../children/missing.md".len()), "{err}");
    assert_eq!(err.matches("error[").count(), 1, "{err}");
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
    assert_eq!(marker(&err, 7), (16, 4), "{err}");
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
    assert!(err.contains("11 | ## Start again {#start}"), "the repeat is shown: {err}");
    assert!(
        !err.contains("7 | ## Start early"),
        "the first occurrence is a note, not the fault: {err}"
    );
    assert_eq!(marker(&err, 11).1, "start".len(), "the marker is as long as the id: {err}");
}

#[test]
fn a_repeated_heading_id_marker_covers_exactly_the_id() {
    let err = fails("duplicate-heading-id", &["content/en/parents/talk.md:11:18: "]);
    // `## Start again {#start}`: `start` is columns 18 to 22.
    assert_eq!(marker(&err, 11), (18, 5), "{err}");
}

#[test]
fn a_page_with_broken_front_matter_is_one_error_not_one_per_link_to_it() {
    let err = fails("unreadable-front-matter", &["content/en/parents/talk.md:3:"]);
    assert!(!err.contains("be-kind.md"), "the page linking to it is not blamed: {err}");
    assert!(err.contains("build failed: 1 error(s)"), "{err}");
}

#[test]
fn an_audience_listed_twice() {
    // `audiences: [children, parents, children]` is line 8.
    fails("duplicate-audience", &["site.yaml:8: ", "the audience `children` is listed twice"]);
}

/// The line `site.yaml:<line>` of the first diagnostic about site.yaml in `err`.
fn config_line(err: &str) -> usize {
    let rest =
        &err[err.find("site.yaml:").unwrap_or_else(|| panic!("no site.yaml in {err}")) + 10..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or_else(|_| panic!("site.yaml has no line: {err}"))
}

#[test]
fn a_language_declared_twice() {
    let err = fails(
        "duplicate-language",
        &["error[config]: site.yaml:", "language `fr` is declared twice"],
    );
    // Line 5 holds the first `fr`, line 7 the repeat (see the ignored test below for which is right).
    assert!([5, 7].contains(&config_line(&err)), "{err}");
    assert_eq!(err.matches("error[").count(), 1, "{err}");
}

#[test]
fn a_language_declared_twice_is_reported_at_the_repeat() {
    fails("duplicate-language", &["site.yaml:7: ", "language `fr` is declared twice"]);
}

#[test]
fn an_age_band_listed_twice() {
    let err = fails(
        "duplicate-age-band",
        &["error[config]: site.yaml:", "the age band `9-12` is listed twice"],
    );
    // Line 9 is `age_bands:`, line 13 the repeat (see the ignored test below for which is right).
    assert!([9, 13].contains(&config_line(&err)), "{err}");
    assert_eq!(err.matches("error[").count(), 1, "{err}");
}

#[test]
fn an_age_band_listed_twice_is_reported_at_the_repeat() {
    fails("duplicate-age-band", &["site.yaml:13: ", "the age band `9-12` is listed twice"]);
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
