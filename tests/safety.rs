//! Nothing a user owns is lost: `--out` refusals, `--force`, interrupted builds, symbolic links and two
//! outputs at one path. Each case checks the exit status, the message, and that every file that existed
//! before (the site's sources and a folder of unrelated files) is byte-identical afterwards.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::{Site, snapshot, text};

/// A site with a folder of the user's own files beside it.
fn site_with_user_files() -> Site {
    let site = Site::copy("good", &[]);
    let docs = site.dir.path().join("mydocs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("thesis.txt"), "three years of work").unwrap();
    std::fs::create_dir_all(site.root().join("templates")).unwrap();
    std::fs::write(site.root().join("templates/.keep"), "").unwrap();
    site
}

fn build_into(site: &Site, out: &str, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_safeguide"))
        .current_dir(site.dir.path())
        .args(["build", "--root", "site", "--out", out])
        .args(extra)
        .output()
        .unwrap()
}

/// No staging folder of any build is left anywhere below `dir`.
fn assert_no_leftovers(dir: &Path) {
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy();
        assert!(!name.contains(".safeguide-"), "left behind: {}", entry.path().display());
    }
}

#[test]
fn out_never_replaces_sources_files_or_foreign_folders() {
    let site = site_with_user_files();
    let cases = [
        ("site", "is the site folder or contains it"),
        (".", "is the site folder or contains it"),
        ("x/../site", "is the site folder or contains it"),
        ("site/content", "would overwrite the site's sources (content)"),
        ("site/content/en/new", "would overwrite the site's sources (content)"),
        ("site/locales", "would overwrite the site's sources (locales)"),
        ("site/templates", "would overwrite the site's sources (templates)"),
        ("site/site.yaml", "would overwrite the site's sources (site.yaml)"),
        ("mydocs/thesis.txt", "is an existing file"),
        ("mydocs", "already holds files that safeguide did not write"),
    ];
    std::fs::create_dir_all(site.dir.path().join("x")).unwrap();
    let before = snapshot(site.dir.path());
    for (out, message) in cases {
        let output = build_into(&site, out, &[]);
        let (_, err) = text(&output);
        assert_eq!(output.status.code(), Some(2), "--out {out}: {err}");
        assert!(err.contains(message), "--out {out}: {err}");
        assert_eq!(snapshot(site.dir.path()), before, "--out {out} changed a file");
        assert_no_leftovers(site.dir.path());
    }
    let (_, err) = text(&build_into(&site, "mydocs", &[]));
    assert!(err.contains("--force"), "the refusal says how to go on: {err}");
    // A symbolic link to a source folder is the source folder.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(site.root().join("content"), site.dir.path().join("alias"))
            .unwrap();
        let output = build_into(&site, "alias", &[]);
        assert_eq!(output.status.code(), Some(2), "{}", text(&output).1);
        assert!(site.root().join("content/en/_index.md").is_file());
    }
}

#[test]
fn force_replaces_a_foreign_folder_and_a_built_folder_needs_no_force() {
    let site = site_with_user_files();
    let sources = snapshot(&site.root());
    let output = build_into(&site, "mydocs", &["--force"]);
    assert!(output.status.success(), "{}", text(&output).1);
    assert!(site.dir.path().join("mydocs/en/index.html").is_file());
    assert!(!site.dir.path().join("mydocs/thesis.txt").exists());
    // Its own output is recognised and replaced without --force, and an empty folder is fine.
    let output = build_into(&site, "mydocs", &[]);
    assert!(output.status.success(), "{}", text(&output).1);
    std::fs::create_dir_all(site.dir.path().join("empty")).unwrap();
    assert!(build_into(&site, "empty", &[]).status.success());
    // --force never reaches into the sources.
    let output = build_into(&site, "site/content", &["--force"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(snapshot(&site.root()), sources);
    assert_no_leftovers(site.dir.path());
}

#[test]
fn a_bad_base_url_flag_is_a_usage_error_naming_the_flag() {
    let site = site_with_user_files();
    let before = snapshot(site.dir.path());
    for bad in ["https://x.org/\n<script>", "ftp://x.org/", "example.org", "https://x.org/?a=1"] {
        let output = build_into(&site, "public", &["--base-url", bad]);
        let (_, err) = text(&output);
        assert_eq!(output.status.code(), Some(2), "{bad:?}: {err}");
        assert!(err.contains("--base-url"), "{bad:?}: {err}");
        assert!(!err.contains("site.yaml"), "the flag is at fault, not the file: {err}");
        assert_eq!(snapshot(site.dir.path()), before);
    }
    let output = build_into(&site, "public", &["--base-url", "https://x.org/a<b>/"]);
    assert!(output.status.success(), "{}", text(&output).1);
    let robots = std::fs::read_to_string(site.dir.path().join("public/robots.txt")).unwrap();
    assert!(robots.contains("https://x.org/a%3Cb%3E/sitemap.xml"), "{robots}");
}

#[test]
fn two_outputs_at_one_path_name_both_sources() {
    let site = Site::copy("good", &[]);
    site.write("content/en/parents.md", b"---\ntitle: Parents\n---\nHello.\n");
    let before = snapshot(site.dir.path());
    let output = site.build(&[]);
    let (_, err) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("content/en/parents.md"), "{err}");
    assert!(err.contains("landing page of the audience `parents`"), "{err}");
    assert_eq!(err.matches("duplicate-url").count(), 1, "one clash, reported once: {err}");
    assert_eq!(snapshot(site.dir.path()), before);

    // A theme's static file at a page's path.
    let site = Site::copy("good", &[]);
    crate::support::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
        &site.root().join("themes/plain"),
    );
    let config = site.source("site.yaml").replace("theme: default", "") + "theme: plain\n";
    site.write("site.yaml", config.as_bytes());
    site.write("themes/plain/static/en/help/index.html", b"<p>stale copy</p>");
    let output = site.build(&[]);
    let (_, err) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("themes/plain/static/en/help/index.html"), "{err}");
    assert!(err.contains("en/help/index.html"), "{err}");
    assert!(!site.out().exists(), "nothing was written");
}

#[cfg(unix)]
#[test]
fn symbolic_links_inside_the_site_are_followed_and_outside_ones_refused() {
    let site = Site::copy("good", &[]);
    // Inside: a page shared by a link is built.
    std::fs::create_dir_all(site.root().join("shared")).unwrap();
    std::fs::write(
        site.root().join("shared/linked.md"),
        "---\ntitle: Linked\n---\nShared by a link.\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(
        site.root().join("shared/linked.md"),
        site.root().join("content/en/linked.md"),
    )
    .unwrap();
    let output = site.build(&[]);
    assert!(output.status.success(), "{}", text(&output).1);
    assert!(site.read("en/linked/index.html").contains("Shared by a link."));

    // Outside: the machine's files are never published.
    let secret = site.dir.path().join("secret.md");
    std::fs::write(&secret, "---\ntitle: Secret\n---\nThe CI machine's key.\n").unwrap();
    std::os::unix::fs::symlink(&secret, site.root().join("content/en/secret.md")).unwrap();
    let before = snapshot(&site.out());
    let output = site.build(&[]);
    let (_, err) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("content/en/secret.md"), "{err}");
    assert!(err.contains("leads outside the site"), "{err}");
    assert_eq!(snapshot(&site.out()), before);
    std::fs::remove_file(site.root().join("content/en/secret.md")).unwrap();

    // A loop.
    std::os::unix::fs::symlink(site.root().join("content/en"), site.root().join("content/en/loop"))
        .unwrap();
    let output = site.build(&[]);
    let (_, err) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("content/en/loop"), "{err}");
    assert!(err.contains("leads back into a folder"), "{err}");
}

/// A site large enough that a build takes a while, so a signal can arrive in the middle of it.
fn large_site() -> Site {
    let site = Site::copy("good", &[]);
    let body =
        "Some guidance text for the reader, repeated to give the page weight.\n\n".repeat(40);
    for i in 0..3000 {
        site.write(
            &format!("content/en/children/generated-{i}.md"),
            format!(
                "---\ntitle: Page {i}\ndescription: Generated page {i}.\nages: 9-12\n---\n{body}"
            )
            .as_bytes(),
        );
    }
    site
}

#[cfg(unix)]
#[test]
fn interrupted_builds_leave_nothing_behind() {
    let site = large_site();
    assert!(site.build(&["--quiet"]).status.success());
    let before = snapshot(&site.out());
    for signal in ["-TERM", "-INT"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_safeguide"))
            .args(["build", "--quiet", "--root"])
            .arg(site.root())
            .arg("--out")
            .arg(site.out())
            .spawn()
            .unwrap();
        let staging = format!(".public.safeguide-new-{}", child.id());
        let staged = site.dir.path().join(&staging);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !staged.join("en").exists() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert!(staged.exists(), "the build never started writing");
        let killed = Command::new("kill").arg(signal).arg(child.id().to_string()).status().unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert!(!status.success(), "{signal}: the build was stopped");
        assert_no_leftovers(site.dir.path());
        assert_eq!(snapshot(&site.out()), before, "{signal}: the previous output is intact");
    }

    // SIGKILL leaves the staging folder; the next build of the same output removes it.
    let mut child = Command::new(env!("CARGO_BIN_EXE_safeguide"))
        .args(["build", "--quiet", "--root"])
        .arg(site.root())
        .arg("--out")
        .arg(site.out())
        .spawn()
        .unwrap();
    let staged = site.dir.path().join(format!(".public.safeguide-new-{}", child.id()));
    while !staged.join("en").exists() {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(staged.exists(), "SIGKILL gives no chance to clean up");
    assert!(site.build(&["--quiet"]).status.success());
    assert_no_leftovers(site.dir.path());
}

#[test]
fn html_comments_are_dropped_and_other_html_stays_text() {
    let site = Site::copy("good", &[]);
    site.write(
        "content/en/about.md",
        "---\ntitle: About\n---\n<!-- note to translators:\nkeep this short -->\n\nText <!-- inline note --> and <b>bold</b>.\n"
            .as_bytes(),
    );
    let output = site.build(&[]);
    assert!(output.status.success(), "{}", text(&output).1);
    let html = site.read("en/about/index.html");
    assert!(!html.contains("note to translators"), "{html}");
    assert!(!html.contains("keep this short"), "{html}");
    assert!(!html.contains("inline note"), "{html}");
    assert!(html.contains("Text  and &lt;b&gt;bold&lt;/b&gt;."), "{html}");
}

#[test]
fn a_fluent_syntax_error_points_at_its_own_line() {
    let site = Site::copy("good", &[]);
    site.write("locales/en/broken.ftl", b"fine = ok\nbroken = Hello { $name\nnext = fine\n");
    let output = site.build(&[]);
    let (_, err) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("locales/en/broken.ftl:2:"), "the line of the open brace: {err}");
    assert!(!err.contains("locales/en/broken.ftl:3:"), "{err}");
}
