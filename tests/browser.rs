//! Browser tests of the default theme (issue 3): the shipped site and the `good` fixture are built, then
//! tests/browser/run.mjs opens every page type of both in headless Chromium (playwright-core, axe-core) and
//! checks accessibility, outside requests, Content-Security-Policy violations under the headers of each site's
//! `_headers` file, reflow, the quick exit and use without JavaScript. It needs only
//! Node.js and npm: the pinned npm packages are installed into tests/browser by `npm ci` when they are missing,
//! and run.mjs uses Debian's Chromium when installed, else the headless Chromium of the pinned npm package
//! @sparticuz/chromium (tests/browser/chromium.mjs).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

use crate::support::{fixtures, text};

/// The npm packages run.mjs imports, each checked by its package.json.
const PACKAGES: [&str; 3] = ["playwright-core", "axe-core", "@sparticuz/chromium"];

fn packages_installed(browser: &Path) -> bool {
    PACKAGES.iter().all(|p| browser.join("node_modules").join(p).join("package.json").is_file())
}

/// Runs `npm ci` in tests/browser when a pinned package is missing. A lock folder keeps concurrent test
/// processes from installing at once (a lock left by a killed process is taken over after ten minutes).
pub(crate) fn install_packages(browser: &Path) {
    if packages_installed(browser) {
        return;
    }
    let lock = browser.join(".npm-ci.lock");
    loop {
        match std::fs::create_dir(&lock) {
            Ok(()) => break,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let age = std::fs::metadata(&lock)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| SystemTime::now().duration_since(t).ok());
                if age.is_some_and(|a| a > Duration::from_secs(600)) {
                    let _ = std::fs::remove_dir(&lock);
                }
                std::thread::sleep(Duration::from_millis(500));
            }
            Err(e) => panic!("cannot create {}: {e}", lock.display()),
        }
    }
    let output = if packages_installed(browser) {
        None
    } else {
        let npm = if cfg!(windows) { "npm.cmd" } else { "npm" };
        Some(
            Command::new(npm)
                .args(["ci", "--no-audit", "--no-fund", "--prefix"])
                .arg(browser)
                .output(),
        )
    };
    let _ = std::fs::remove_dir(&lock);
    match output {
        None | Some(Ok(_)) if packages_installed(browser) => {}
        Some(Ok(output)) => {
            let (stdout, stderr) = text(&output);
            panic!(
                "`npm ci --prefix tests/browser` failed ({}):\n{stdout}\n{stderr}",
                output.status
            );
        }
        Some(Err(e)) => panic!(
            "the browser tests need npm (it comes with Node.js) to install their packages: {e}"
        ),
        None => {
            panic!("tests/browser/node_modules is incomplete after another process installed it")
        }
    }
}

/// `quick_exit_url` from a site's site.yaml (one plain `key: value` line in every site the tests build).
pub(crate) fn quick_exit_url(root: &Path) -> String {
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
    assert!(
        Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success()),
        "the browser tests need Node.js 20 or later (`node` on PATH) and npm; nothing else is needed \
         (see the README's \"Browser tests\")"
    );
    install_packages(&browser);

    let out = tempfile::tempdir().unwrap();
    let (shipped, good) = (out.path().join("shipped"), out.path().join("good"));
    // The fixture is built from a copy: the build caches resized images under its root, and the fixture's
    // every-construct page shows a PNG.
    let good_root = out.path().join("good-site");
    crate::support::copy_tree(&fixtures().join("good"), &good_root);
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
