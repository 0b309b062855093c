//! The README's guide for translators, run as written: every `safeguide …` command it gives, in order, on a
//! copy of the shipped site in a git repository. The French page of step 2 is removed first, so that there is
//! one to start; `serve` gets `--port 0` so that parallel tests never compete for its default port.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{copy_tree, git, text};

const PAGE: &str = "content/fr/parents/talking-about-life-online.md";
const SOURCE: &str = "content/en/parents/talking-about-life-online.md";

/// The `safeguide …` code spans of the README's translators' guide, in order.
fn guide_commands() -> Vec<String> {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("## Guide for translators").unwrap();
    let end = start + readme[start..].find("\n## ").unwrap();
    let guide = readme[start..end].replace('\n', " ");
    guide
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| s.starts_with("safeguide "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_command_of_the_translators_guide_works_as_written_on_the_shipped_site() {
    let commands = guide_commands();
    let subcommands: Vec<String> = commands
        .iter()
        .map(|c| c.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .collect();
    assert!(subcommands.len() >= 6, "the guide's commands: {commands:?}");

    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("site");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for entry in ["content", "locales", "themes"] {
        copy_tree(&repo.join(entry), &site.join(entry));
    }
    std::fs::copy(repo.join("site.yaml"), site.join("site.yaml")).unwrap();
    std::fs::remove_file(site.join(PAGE)).unwrap();
    git(&site, &["init", "-q"]);
    git(&site, &["add", "."]);
    git(&site, &["commit", "-q", "-m", "the shipped site"]);

    for command in &commands {
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        match args.as_slice() {
            ["serve", ..] => {
                let mut child = Command::new(env!("CARGO_BIN_EXE_safeguide"))
                    .args(&args)
                    .args(["--port", "0"])
                    .current_dir(&site)
                    .env("NO_COLOR", "1")
                    .stdout(Stdio::piped())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap();
                let stdout = child.stdout.take().unwrap();
                let serving = BufReader::new(stdout)
                    .lines()
                    .map_while(Result::ok)
                    .find(|l| l.starts_with("serving "));
                let _ = child.kill();
                let _ = child.wait();
                assert!(serving.is_some(), "`{command}` did not start serving");
                continue;
            }
            ["check", ..] => {
                // Step 4: the translator publishes the page.
                let page =
                    std::fs::read_to_string(site.join(PAGE)).unwrap().replace("draft: true\n", "");
                std::fs::write(site.join(PAGE), page).unwrap();
            }
            ["i18n", "diff", ..] => {
                // Step 5: the English page changed since the translation was stamped.
                git(&site, &["add", "."]);
                git(&site, &["commit", "-q", "-m", "French translation started"]);
                let source = std::fs::read_to_string(site.join(SOURCE)).unwrap();
                std::fs::write(
                    site.join(SOURCE),
                    source + "\nA sentence added to the English page.\n",
                )
                .unwrap();
            }
            _ => {}
        }
        let output = Command::new(env!("CARGO_BIN_EXE_safeguide"))
            .args(&args)
            .current_dir(&site)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let (stdout, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(0), "`{command}`:\n{stdout}\n{stderr}");
        match args.as_slice() {
            ["new", ..] => {
                let page = std::fs::read_to_string(site.join(PAGE)).unwrap();
                assert!(
                    page.contains(
                        "## Start early and keep it ordinary {#start-early-and-keep-it-ordinary}"
                    ),
                    "{page}"
                );
            }
            ["i18n", "diff", ..] => {
                assert!(stdout.contains("+A sentence added to the English page."), "{stdout}");
            }
            ["i18n", "stamp", ..] => assert!(stdout.contains("translated_from: "), "{stdout}"),
            ["i18n", "messages", ..] => {
                assert!(stdout.starts_with("# Interface text of the site in `fr`"), "{stdout}");
            }
            _ => {}
        }
    }
    let ran: Vec<&str> = subcommands.iter().map(String::as_str).collect();
    for expected in [
        "safeguide i18n status",
        "safeguide new fr/parents/talking-about-life-online",
        "safeguide serve",
        "safeguide check",
        "safeguide i18n diff",
        "safeguide i18n stamp",
        "safeguide i18n messages",
    ] {
        assert!(
            ran.iter().any(|r| expected.starts_with(r) || r.starts_with(expected)),
            "{expected} not in the guide: {ran:?}"
        );
    }
}
