//! Browser tests of the default theme (issue 3): the shipped site and the `good` fixture are built, then
//! tests/browser/run.mjs opens every page type of both in headless Chromium (playwright-core, axe-core) and
//! checks accessibility, outside requests, reflow, the quick exit and use without JavaScript. It needs
//! Debian's `chromium` and `npm ci --prefix tests/browser`; without them it fails and says what to install.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{fixtures, text};

/// The Chromium that run.mjs drives; `SAFEGUIDE_CHROMIUM` may name another.
fn chromium() -> PathBuf {
    std::env::var_os("SAFEGUIDE_CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// What the browser tests need and this machine lacks, each with how to install it.
fn missing_tools(browser: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    if Command::new("node").arg("--version").output().is_err() {
        missing.push("Node.js 20 or later (`node` on PATH)".to_owned());
    }
    if !chromium().is_file() {
        missing.push(format!(
            "Chromium at {}: `apt-get install chromium` (Debian's package)",
            chromium().display()
        ));
    }
    for package in ["playwright-core", "axe-core"] {
        if !browser.join("node_modules").join(package).join("package.json").is_file() {
            missing.push(format!("the npm package {package}: `npm ci --prefix tests/browser`"));
        }
    }
    missing
}

/// `quick_exit_url` from a site's site.yaml (one plain `key: value` line in every site the tests build).
fn quick_exit_url(root: &Path) -> String {
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    let url = yaml.lines().find_map(|line| line.strip_prefix("quick_exit_url:"));
    let url = url.unwrap_or_else(|| panic!("{}: no quick_exit_url", root.display()));
    url.trim().trim_matches(['"', '\'']).to_owned()
}

fn build(root: &Path, out: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_safeguide"))
        .arg("build")
        .arg("--quiet")
        .arg("--root")
        .arg(root)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "building {} failed:\n{stdout}\n{stderr}", root.display());
}

#[test]
fn the_default_theme_passes_the_browser_tests() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser = repo.join("tests/browser");
    let missing = missing_tools(&browser);
    assert!(
        missing.is_empty(),
        "the browser tests cannot run; install:\n  - {}\n(see the README's \"Browser tests\")",
        missing.join("\n  - ")
    );

    let out = tempfile::tempdir().unwrap();
    let (shipped, good) = (out.path().join("shipped"), out.path().join("good"));
    let good_root = fixtures().join("good");
    build(repo, &shipped);
    build(&good_root, &good);

    // Screenshots of the shipped site's guidance pages are kept as test artifacts under target/.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).parent().unwrap();
    let output = Command::new("node")
        .arg(browser.join("run.mjs"))
        .arg("--screenshots")
        .arg(target.join("browser/screenshots"))
        .arg("--quick-exit")
        .arg(quick_exit_url(repo))
        .arg(&shipped)
        .arg("--quick-exit")
        .arg(quick_exit_url(&good_root))
        .arg(&good)
        .env("SAFEGUIDE_CHROMIUM", chromium())
        .output()
        .unwrap();
    let (stdout, stderr) = text(&output);
    println!("{stdout}");
    assert!(
        output.status.success(),
        "browser tests failed ({}):\n{stdout}\n{stderr}",
        output.status
    );
}
