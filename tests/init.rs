//! `safeguide init`: a new site that builds and passes `check --strict` at once, names its languages from
//! CLDR, copies its country's helplines, and never silently shows a new language's interface in English.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use crate::support::{snapshot, text};

fn safeguide(args: &[&str], dir: &Path) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_safeguide"));
    cmd.args(args).current_dir(dir).env("SOURCE_DATE_EPOCH", "1795780800").env("NO_COLOR", "1");
    cmd.output().unwrap()
}

fn ok(output: &Output) -> (String, String) {
    let (stdout, stderr) = text(output);
    assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}");
    (stdout, stderr)
}

fn sw_messages(dir: &Path) -> Value {
    let (stdout, _) =
        ok(&safeguide(&["i18n", "status", "--root", "my-site", "--format", "json"], dir));
    let status: Value = serde_json::from_str(&stdout).unwrap();
    status["languages"].as_array().unwrap().iter().find(|l| l["code"] == "sw").unwrap()["messages"]
        .clone()
}

#[test]
fn init_writes_a_site_that_builds_and_passes_check_strict_and_swahili_warns_until_translated() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let args = [
        "init",
        "my-site",
        "--languages",
        "en,sw",
        "--country",
        "KE",
        "--name",
        "Salama Mtandaoni",
    ];
    let (stdout, _) = ok(&safeguide(&args, dir));
    assert!(stdout.contains("locales/sw/site.ftl"), "{stdout}");
    let site = dir.join("my-site");
    let read = |p: &str| std::fs::read_to_string(site.join(p)).unwrap();
    assert!(
        read("site.yaml").contains(r#"{ code: sw, name: "Kiswahili", dir: ltr }"#),
        "{}",
        read("site.yaml")
    );
    assert!(read("content/data/helplines.yaml").contains("country: KE"));
    assert!(
        !read("content/data/helplines.yaml").contains("country: GB"),
        "only the chosen country"
    );
    assert!(
        read("content/sw/help.md").contains("draft: true\ntranslated_from: "),
        "a draft translation"
    );
    assert!(
        read("content/en/about.md").contains("draft: true"),
        "about needs the publisher's words"
    );
    let ftl = read("locales/sw/site.ftl");
    assert!(ftl.contains("# TRANSLATE from en\nnav-help = Get help\n"), "{ftl}");

    let (_, stderr) = ok(&safeguide(&["build", "--root", "my-site"], dir));
    let used = sw_messages(dir)["total"].as_u64().unwrap();
    let warning = format!(
        "sw: {used} of {used} interface messages fall back to en; run `safeguide i18n status`"
    );
    assert_eq!(stderr.matches("warning: ").count(), 1, "one line per language: {stderr}");
    assert!(stderr.contains(&warning), "{stderr}");
    let help = std::fs::read_to_string(site.join("public/en/help/index.html")).unwrap();
    assert!(help.contains("href=\"ke/\""), "the help page leads to Kenya's helplines");
    assert!(help.contains("Salama Mtandaoni"), "the site's name is its title");
    let kenya = std::fs::read_to_string(site.join("public/en/help/ke/index.html")).unwrap();
    assert!(kenya.contains("href=\"tel:116\""), "the Kenyan helpline is on its country page");
    assert!(!site.join("public/en/about/index.html").exists(), "drafts are not published");
    let (stdout, _) = ok(&safeguide(&["check", "--root", "my-site", "--strict"], dir));
    assert!(stdout.contains(&format!("note: {warning}")), "{stdout}");

    // Translating a message takes it off the count; a marked copy left as it is stays counted.
    std::fs::write(
        site.join("locales/sw/site.ftl"),
        ftl.replace("nav-help = Get help", "nav-help = Pata msaada"),
    )
    .unwrap();
    let messages = sw_messages(dir);
    assert_eq!(messages["translated"], 1);
    assert_eq!(messages["untranslated"].as_array().unwrap().len() as u64, used - 1);
    let (_, stderr) = ok(&safeguide(&["build", "--root", "my-site"], dir));
    assert!(stderr.contains(&format!("sw: {} of {used} interface messages", used - 1)), "{stderr}");
    let home = std::fs::read_to_string(site.join("public/sw/index.html")).unwrap();
    assert!(home.contains("Pata msaada"), "the translation is shown");
    // `i18n messages` gives what is left, marked, and only what the site shows.
    let (stdout, _) = ok(&safeguide(&["i18n", "messages", "sw", "--root", "my-site"], dir));
    assert!(stdout.contains(&format!(": {} message(s)", used - 1)), "{stdout}");
    assert!(!stdout.contains("nav-help"), "{stdout}");
    assert!(!stdout.contains("partner-kind-"), "no partners, so no partner kinds are asked for");
}

#[test]
fn only_the_topics_a_site_has_are_asked_of_translators() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(&safeguide(&["init", "my-site", "--languages", "en,fr,sw"], dir));
    // French is built in: no file to translate, nothing falls back, check --strict passes.
    assert!(!dir.join("my-site/locales/fr").exists());
    let (stdout, _) = ok(&safeguide(&["check", "--root", "my-site", "--strict"], dir));
    assert!(!stdout.contains("note: fr:"), "{stdout}");
    assert!(stdout.contains("note: sw:"), "{stdout}");
    std::fs::write(dir.join("my-site/content/data/topics.yaml"), "- id: privacy\n").unwrap();
    let (stdout, _) = ok(&safeguide(&["i18n", "messages", "sw", "--root", "my-site"], dir));
    assert!(stdout.contains("topic-privacy = "), "{stdout}");
    assert!(!stdout.contains("topic-bullying"), "{stdout}");
}

#[test]
fn init_takes_direction_from_cldr_and_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    ok(&safeguide(&["init", "rtl", "--languages", "en,ar,fa"], dir));
    let yaml = std::fs::read_to_string(dir.join("rtl/site.yaml")).unwrap();
    assert!(yaml.contains(r#"{ code: ar, name: "العربية", dir: rtl }"#), "{yaml}");
    assert!(yaml.contains(r#"{ code: fa, name: "فارسی", dir: rtl }"#), "{yaml}");

    std::fs::create_dir(dir.join("taken")).unwrap();
    std::fs::write(dir.join("taken/notes.txt"), "mine").unwrap();
    let before = snapshot(&dir.join("taken"));
    let output = safeguide(&["init", "taken"], dir);
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("taken is not an empty folder; nothing was written"), "{stderr}");
    assert_eq!(snapshot(&dir.join("taken")), before);

    let output = safeguide(&["init", "elsewhere", "--country", "ZZ"], dir);
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no helpline for `ZZ`"), "{stderr}");
    assert!(!dir.join("elsewhere").exists(), "nothing written");
}
