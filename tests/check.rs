//! `safeguide check`: one fixture per finding, laid over the good site; the JSON contract; exit statuses.

use serde_json::Value;

use crate::support::{Site, snapshot, text};

/// Runs `check --format json` on the good site with `tests/fixtures/check/<case>` (or a bad-input case)
/// laid over it; returns the exit status and the findings.
fn findings(overlay: &str) -> (i32, Vec<Value>) {
    let site = Site::copy("good", &[overlay]);
    let output = site.run(&["check", "--format", "json"]);
    let (stdout, stderr) = text(&output);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let json: Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
    (output.status.code().unwrap(), json.as_array().unwrap().clone())
}

/// The findings with `code`.
fn with_code<'a>(all: &'a [Value], code: &str) -> Vec<&'a Value> {
    all.iter().filter(|f| f["code"] == code).collect()
}

/// Asserts one finding of `code` at `file:line` with `severity`, whose message contains `needle`.
fn has(all: &[Value], code: &str, file: &str, line: u64, severity: &str, needle: &str) {
    let found = all.iter().any(|f| {
        f["code"] == code
            && f["file"] == file
            && f["line"] == line
            && f["severity"] == severity
            && f["message"].as_str().unwrap().contains(needle)
    });
    assert!(found, "no {severity} {code} at {file}:{line} with `{needle}` in {all:#?}");
}

#[test]
fn the_good_site_has_no_findings() {
    let site = Site::copy("good", &[]);
    let output = site.run(&["check", "--strict"]);
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("0 error(s), 0 warning(s)"), "{stdout}");
    assert!(!site.out().exists(), "check must not write output");
}

#[test]
fn json_findings_have_exactly_the_contract_fields() {
    let (status, all) = findings("check/anchor");
    assert_eq!(status, 1);
    for f in &all {
        let keys: Vec<&String> = f.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["code", "column", "file", "line", "message", "severity"], "{f}");
        assert!(f["severity"] == "error" || f["severity"] == "warning");
        assert!(f["column"].is_null() || f["column"].is_u64());
    }
}

#[test]
fn missing_anchors_are_errors_with_line_and_column() {
    let (status, all) = findings("check/anchor");
    assert_eq!(status, 1);
    has(&all, "anchor", "content/en/parents/anchors.md", 9, "error", "#no-such-part");
    has(&all, "anchor", "content/en/parents/anchors.md", 11, "error", "#nowhere");
    let anchors = with_code(&all, "anchor");
    assert_eq!(anchors.len(), 2, "{anchors:#?}");
    let nowhere = anchors.iter().find(|f| f["line"] == 11).unwrap();
    assert_eq!(nowhere["column"], 14, "the column of `#nowhere` on `Also [below](#nowhere).`");
}

#[test]
fn the_text_report_shows_the_line_a_marker_and_a_hint() {
    let site = Site::copy("good", &["check/anchor"]);
    let output = site.run(&["check"]);
    let (stdout, _) = text(&output);
    assert!(
        stdout.contains("error[anchor]: content/en/parents/anchors.md:11:14: `#nowhere`"),
        "{stdout}"
    );
    assert!(stdout.contains("11 | Also [below](#nowhere)."), "{stdout}");
    assert!(
        stdout.contains("   |              ^^^^^^^^\n"),
        "the marker covers exactly `#nowhere`: {stdout}"
    );
    assert!(
        stdout.contains("help: the anchors of content/en/parents/anchors.md are: here"),
        "{stdout}"
    );
    assert!(!stdout.contains('\u{1b}'), "no colour when not on a terminal");
}

#[test]
fn images_without_alt_text_are_errors() {
    let (status, all) = findings("check/image");
    assert_eq!(status, 1);
    has(&all, "image-alt", "content/en/parents/pictures.md", 7, "error", "no alt text");
    assert_eq!(with_code(&all, "image-alt").len(), 1, "the described image is fine");
}

#[test]
fn skipped_heading_levels_and_a_second_h1_are_warnings() {
    let (status, all) = findings("check/headings");
    assert_eq!(status, 0, "warnings alone pass without --strict");
    has(&all, "heading-h1", "content/en/parents/outline.md", 7, "warning", "h1");
    has(&all, "heading-skip", "content/en/parents/outline.md", 11, "warning", "h2 to h4");
}

#[test]
fn strict_fails_on_warnings() {
    let site = Site::copy("good", &["check/headings"]);
    assert_eq!(site.run(&["check", "--strict"]).status.code(), Some(1));
    assert_eq!(site.run(&["check"]).status.code(), Some(0));
}

#[test]
fn interface_messages_missing_unused_or_with_other_variables() {
    let (status, all) = findings("check/messages");
    assert_eq!(status, 0);
    let missing = with_code(&all, "message-missing");
    for lang in ["fr", "ar", "ru"] {
        assert!(
            missing.iter().any(|f| f["file"] == "locales/en/extra.ftl"
                && f["line"] == 2
                && f["message"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("`used-english` is not translated into `{lang}`"))),
            "{lang}: {missing:#?}"
        );
    }
    // A message nothing shows is unused, and not demanded of translators.
    has(&all, "message-unused", "locales/en/extra.ftl", 1, "warning", "`only-english`");
    assert!(
        !missing.iter().any(|f| f["message"].as_str().unwrap().contains("`only-english`")),
        "{missing:#?}"
    );
    has(
        &all,
        "message-variables",
        "locales/fr/site.ftl",
        2,
        "warning",
        "`updated-on` uses no variables but the `en` message uses `$date`",
    );
}

#[test]
fn pages_over_the_weight_budget_are_warnings() {
    let (status, all) = findings("check/weight");
    assert_eq!(status, 0);
    let heavy = with_code(&all, "page-weight");
    assert!(heavy.iter().any(|f| f["file"] == "content/en/parents/talk.md"), "{heavy:#?}");
    assert!(heavy.iter().all(|f| f["severity"] == "warning"
        && f["message"].as_str().unwrap().contains("over the budget of 1 KB")));
}

#[test]
fn childrens_pages_above_their_age_band_are_warnings() {
    let (status, all) = findings("check/reading");
    assert_eq!(status, 0);
    has(&all, "reading-level", "content/en/children/hard.md", 6, "warning", "under-9");
    let reading = with_code(&all, "reading-level");
    assert_eq!(
        reading.len(),
        1,
        "the fixture's own children's pages read at their level: {reading:#?}"
    );
}

#[test]
fn reading_level_is_skipped_with_a_note_where_no_formula_exists() {
    let site = Site::copy("good", &[]);
    let page = site
        .source("content/en/children/be-kind.md")
        .replace("Think before you send.", "Подумай, прежде чем отправить.");
    site.write("content/ru/children/be-kind.md", page.as_bytes());
    let (stdout, _) = text(&site.run(&["check"]));
    assert!(stdout.contains("note: reading level not checked for ru:"), "{stdout}");
}

#[test]
fn helplines_retrieved_over_a_year_ago_are_warnings() {
    let (status, all) = findings("check/helpline");
    assert_eq!(status, 0);
    has(&all, "helpline-stale", "content/data/helplines.yaml", 7, "warning", "2025-06-30");
}

#[test]
fn everything_build_rejects_is_an_error_of_check() {
    for (case, code, file) in [
        ("bad/broken-link", "link", "content/en/parents/settings.md"),
        ("bad/unknown-field", "yaml", "content/en/parents/talk.md"),
        ("bad/fluent-syntax", "fluent-syntax", "locales/en/broken.ftl"),
    ] {
        let (status, all) = findings(case);
        assert_eq!(status, 1, "{case}");
        assert!(
            all.iter().any(|f| f["code"] == code
                && f["file"] == file
                && f["severity"] == "error"
                && f["line"].is_u64()),
            "{case}: {all:#?}"
        );
    }
}

#[test]
fn emphasis_markers_that_show_as_text_are_warnings() {
    let (status, all) = findings("check/emphasis");
    assert_eq!(status, 0);
    has(&all, "emphasis", "content/en/parents/bold.md", 7, "warning", "show as text");
    let columns: Vec<&serde_json::Value> =
        with_code(&all, "emphasis").iter().map(|f| &f["column"]).collect();
    assert_eq!(columns, [1, 24], "both markers show; the closed bold on line 5 is fine");
}

/// A children's page for the youngest band that reads at Flesch-Kincaid grade 10.1: above the default
/// limit of `under-9` (3), below 12.
const GRADE_TEN: &str = "---\ntitle: Games\ndescription: Playing games online.\nages: under-9\n---\n\
    Online games can be enjoyable, but some players may try to collect personal information about you. \
    Never share your address, your school or your telephone number with somebody you only know from a game.\n";

/// Runs `check --strict --format json`: the exit status and the findings.
fn strict_findings(site: &Site) -> (i32, Vec<Value>) {
    let output = site.run(&["check", "--strict", "--format", "json"]);
    let (stdout, stderr) = text(&output);
    let json: Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
    (output.status.code().unwrap(), json.as_array().unwrap().clone())
}

#[test]
fn reading_grades_come_from_site_yaml_and_a_band_without_one_gets_a_note() {
    let site = Site::copy("good", &[]);
    site.write("content/en/children/games.md", GRADE_TEN.as_bytes());
    let config = site.source("site.yaml");
    let with_bands = |under_9: &str| {
        let bands = format!("age_bands:\n  - {under_9}\n  - 9-12\n  - 13-18\n");
        site.write("site.yaml", format!("{config}{bands}").as_bytes());
    };
    // The default limit of under-9 (grade 3) flags the page.
    let (status, all) = strict_findings(&site);
    assert_eq!(status, 1, "{all:#?}");
    has(&all, "reading-level", "content/en/children/games.md", 6, "warning", "at most 3");
    assert_eq!(all.len(), 1, "{all:#?}");
    // A limit from site.yaml replaces it: 9 still flags the page, and says so.
    with_bands("{ id: under-9, reading_grade: 9 }");
    let (status, all) = strict_findings(&site);
    assert_eq!(status, 1, "{all:#?}");
    has(&all, "reading-level", "content/en/children/games.md", 6, "warning", "at most 9");
    assert_eq!(all.len(), 1, "{all:#?}");
    // 12 lets it pass: a valid grade (0 to 20), so nothing else fails either.
    with_bands("{ id: under-9, reading_grade: 12 }");
    let (status, all) = strict_findings(&site);
    assert_eq!((status, all.len()), (0, 0), "{all:#?}");

    // A band of the site's own without a grade is named in a note, not skipped in silence.
    with_bands("under-9\n  - teens");
    let ftl = site.source("locales/en/site.ftl") + "age-teens = Teens\n";
    site.write("locales/en/site.ftl", ftl.as_bytes());
    let page = GRADE_TEN.replace("ages: under-9", "ages: teens");
    site.write("content/en/children/games.md", page.as_bytes());
    let output = site.run(&["check"]);
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("note: reading level not checked for the age band(s) teens"),
        "{stdout}{stderr}"
    );
    assert!(!stdout.contains("reading-level"), "{stdout}");
    assert!(stdout.contains("0 error(s)"), "{stdout}");
}

#[test]
fn a_page_with_broken_front_matter_is_one_error_for_check_too() {
    // content/en/parents/talk.md, which children/be-kind.md links to (with an anchor, in en and fr), has
    // an unclosed list in its front matter.
    let site = Site::copy("good", &["bad/unreadable-front-matter"]);
    let docs = site.dir.path().join("mydocs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("thesis.txt"), "three years of work").unwrap();
    let before = snapshot(site.dir.path());
    let output = site.run(&["check", "--format", "json"]);
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}{stderr}");
    let all: Vec<Value> =
        serde_json::from_str::<Value>(&stdout).unwrap().as_array().unwrap().clone();
    has(&all, "yaml", "content/en/parents/talk.md", 3, "error", "invalid type");
    let errors: Vec<&Value> = all.iter().filter(|f| f["severity"] == "error").collect();
    assert_eq!(
        errors.len(),
        1,
        "one typo, one error; no link or anchor errors for be-kind.md: {all:#?}"
    );
    assert_eq!(errors[0]["column"], 14, "the `[` that opens the list: {all:#?}");
    // The text report counts the same.
    let (stdout, _) = text(&site.run(&["check"]));
    assert!(stdout.contains("1 error(s)"), "{stdout}");
    assert!(!stdout.contains("be-kind.md"), "{stdout}");
    assert_eq!(snapshot(site.dir.path()), before, "check writes nothing");
    assert!(!site.out().exists());
}
