//! Nothing a user owns is lost: `--out` refusals, `--force`, interrupted builds, symbolic links and two
//! outputs at one path. Each case checks the exit status, the message, and that every file that existed
//! before (the site's sources and a folder of unrelated files) is byte-identical afterwards.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::{Site, snapshot, text};

/// A site with a folder of the user's own files beside it.
fn site_with_user_files() -> Site {
    let site = Site::copy("good", &[]);
    add_user_files(&site);
    site
}

/// Puts a folder of the user's own files beside the site, and gives the site the source folders the
/// fixture lacks (templates/, static/, and a theme it does not select), each holding a file.
fn add_user_files(site: &Site) {
    let docs = site.dir.path().join("mydocs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("thesis.txt"), "three years of work").unwrap();
    site.write("templates/.keep", b"");
    site.write("static/files/leaflet.txt", b"A leaflet to print.\n");
    site.write("themes/plain/static/style.css", b"body { color: black }\n");
}

/// Everything below `dir` but its entries named `except` and the image cache: each file with its bytes,
/// each folder, and each symbolic link with its target, so a file changed, a folder created or a link
/// replaced all show.
fn tree(dir: &Path, except: &str) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| {
            !(e.depth() == 1 && e.file_name() == except) && e.file_name() != IMAGE_CACHE
        })
        .map(|e| {
            let e = e.unwrap();
            let name = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            let what = if e.path_is_symlink() {
                format!("-> {}", std::fs::read_link(e.path()).unwrap().display()).into_bytes()
            } else if e.file_type().is_dir() {
                b"(folder)".to_vec()
            } else {
                std::fs::read(e.path()).unwrap()
            };
            (name, what)
        })
        .collect();
    all.sort();
    all
}

/// What the user owns: the site's sources and the folder of their own files beside it, and anything else
/// there but the output folder `public/` that builds write.
fn owned(site: &Site) -> Vec<(String, Vec<u8>)> {
    let all = tree(site.dir.path(), "public");
    assert!(all.iter().any(|(name, _)| name == "mydocs/thesis.txt"), "the site has no user files");
    all
}

fn build_into(site: &Site, out: &str, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_safeguide"))
        .current_dir(site.dir.path())
        .args(["build", "--root", "site", "--out", out])
        .args(extra)
        .output()
        .unwrap()
}

/// The image cache a build keeps in the site folder between builds, by design (README). A build writes it
/// before it finds problems in the site, so comparisons of the site folder leave it out.
const IMAGE_CACHE: &str = ".safeguide-cache";

/// No staging folder of any build is left anywhere below `dir`.
fn assert_no_leftovers(dir: &Path) {
    for entry in
        walkdir::WalkDir::new(dir).into_iter().filter_entry(|e| e.file_name() != IMAGE_CACHE)
    {
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
        ("site/themes", "would overwrite the site's sources (themes)"),
        ("site/themes/plain/static", "would overwrite the site's sources (themes)"),
        ("site/themes/new", "would overwrite the site's sources (themes)"),
        ("site/static", "would overwrite the site's sources (static)"),
        ("site/static/files", "would overwrite the site's sources (static)"),
        ("site/static/new", "would overwrite the site's sources (static)"),
        ("site/site.yaml", "would overwrite the site's sources (site.yaml)"),
        ("mydocs/thesis.txt", "is an existing file"),
        ("mydocs", "already holds files that safeguide did not write"),
    ];
    std::fs::create_dir_all(site.dir.path().join("x")).unwrap();
    let before = snapshot(site.dir.path());
    let everything = tree(site.dir.path(), "");
    for (out, message) in cases {
        let output = build_into(&site, out, &[]);
        let (_, err) = text(&output);
        assert_eq!(output.status.code(), Some(2), "--out {out}: {err}");
        assert!(err.contains(message), "--out {out}: {err}");
        assert_eq!(snapshot(site.dir.path()), before, "--out {out} changed a file");
        assert_eq!(
            tree(site.dir.path(), ""),
            everything,
            "--out {out} created or changed something"
        );
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
    let sources = tree(&site.root(), "");
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
    assert_eq!(tree(&site.root(), ""), sources);
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
    let site = site_with_user_files();
    site.write("content/en/parents.md", b"---\ntitle: Parents\n---\nHello.\n");
    let before = tree(site.dir.path(), "");
    let output = site.build(&[]);
    let (_, err) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("content/en/parents.md"), "{err}");
    assert!(err.contains("landing page of the audience `parents`"), "{err}");
    assert_eq!(err.matches("duplicate-url").count(), 1, "one clash, reported once: {err}");
    assert_eq!(tree(site.dir.path(), ""), before, "nothing written, nothing changed");

    // A theme's static file at a page's path.
    let site = site_with_user_files();
    crate::support::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
        &site.root().join("themes/plain"),
    );
    let config = site.source("site.yaml").replace("theme: default", "") + "theme: plain\n";
    site.write("site.yaml", config.as_bytes());
    site.write("themes/plain/static/en/help/index.html", b"<p>stale copy</p>");
    let before = owned(&site);
    let output = site.build(&[]);
    let (_, err) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    // The message sits at the theme's file and names the page's source as the other one, distinctly.
    assert!(
        err.contains(
            "error[duplicate-url]: themes/plain/static/en/help/index.html: this and \
                      `content/en/help.md` would both be written to `en/help/index.html`"
        ),
        "{err}"
    );
    assert_eq!(err.matches("duplicate-url").count(), 1, "{err}");
    assert!(!site.out().exists(), "nothing was written");
    assert_eq!(owned(&site), before, "the sources and the user's files are as they were");
}

#[test]
fn files_written_after_the_pages_or_only_with_an_option_claim_their_paths_too() {
    // Each would be overwritten by the search index, a zip or a compressed copy.
    for (file, taken) in [
        ("static/pagefind/pagefind.js", "the search index"),
        ("static/en/example-org-en.zip", "offline copy"),
        ("static/sitemap.xml.gz", "the compressed copy of `sitemap.xml`"),
    ] {
        let site = site_with_user_files();
        site.write(file, b"the publisher's own file");
        let before = owned(&site);
        // Without --bundle or --precompress too: the next build with them must not overwrite the file.
        let output = site.build(&["--no-search"]);
        let (_, err) = text(&output);
        assert_eq!(output.status.code(), Some(1), "{file}: {err}");
        assert!(err.contains(&format!("error[duplicate-url]: {file}: `")), "{file}: {err}");
        assert!(err.contains(taken), "{file}: {err}");
        assert!(!site.out().exists(), "nothing was written");
        assert_eq!(owned(&site), before, "the sources and the user's files are as they were");
    }
}

#[cfg(unix)]
#[test]
fn symbolic_links_inside_the_site_are_followed_and_outside_ones_refused() {
    let site = site_with_user_files();
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
    let sources = owned(&site);
    let output = site.build(&[]);
    assert!(output.status.success(), "{}", text(&output).1);
    assert!(site.read("en/linked/index.html").contains("Shared by a link."));
    assert_eq!(owned(&site), sources, "building read the sources and wrote only the output");

    // Outside: the machine's files are never published.
    let secret = site.dir.path().join("secret.md");
    std::fs::write(&secret, "---\ntitle: Secret\n---\nThe CI machine's key.\n").unwrap();
    std::os::unix::fs::symlink(&secret, site.root().join("content/en/secret.md")).unwrap();
    let before = snapshot(&site.out());
    let sources = owned(&site);
    let output = site.build(&[]);
    let (_, err) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("error[link-outside]: content/en/secret.md: "), "{err}");
    assert!(err.contains("leads outside the site"), "{err}");
    assert_eq!(snapshot(&site.out()), before);
    assert_eq!(owned(&site), sources);
    std::fs::remove_file(site.root().join("content/en/secret.md")).unwrap();

    // A loop.
    std::os::unix::fs::symlink(site.root().join("content/en"), site.root().join("content/en/loop"))
        .unwrap();
    let sources = owned(&site);
    let output = site.build(&[]);
    let (_, err) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("error[link-loop]: content/en/loop: "), "{err}");
    assert!(err.contains("leads back into a folder"), "{err}");
    assert_eq!(snapshot(&site.out()), before);
    assert_eq!(owned(&site), sources);
}

/// Builds `site` with one link made by `link`, expects it refused as leading outside the site, naming
/// `shown`, and checks that nothing the user owns and nothing of the previous output changed.
#[cfg(unix)]
fn refused_link(site: &Site, shown: &str, target: &Path) {
    let link = site.root().join(shown);
    std::fs::create_dir_all(link.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, &link).unwrap();
    let previous = snapshot(&site.out());
    let before = owned(site);
    let output = site.build(&[]);
    let (_, err) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{shown}: {err}");
    assert!(err.contains(&format!("error[link-outside]: {shown}: ")), "{shown}: {err}");
    assert!(err.contains("leads outside the site"), "{shown}: {err}");
    assert!(!err.contains("The CI machine's key"), "{shown}: {err}");
    assert_eq!(snapshot(&site.out()), previous, "{shown}: the previous output changed");
    assert_eq!(owned(site), before, "{shown}: a source or a user's file changed");
    assert_no_leftovers(site.dir.path());
    std::fs::remove_file(&link).unwrap();
    assert!(site.build(&[]).status.success(), "{shown}: the site builds again without the link");
}

#[cfg(unix)]
#[test]
fn symbolic_links_leading_outside_are_refused_in_every_source_folder() {
    let site = site_with_user_files();
    // The selected theme on disk, so that its folders are read.
    crate::support::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default"),
        &site.root().join("themes/default"),
    );
    assert!(site.build(&[]).status.success());
    let file = site.dir.path().join("secret.txt");
    std::fs::write(&file, "The CI machine's key\n").unwrap();
    let folder = site.dir.path().join("secrets");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("key.ftl"), "key = The CI machine's key\n").unwrap();
    for (shown, target) in [
        ("locales/en/key.ftl", &file),
        ("locales/en/more", &folder),
        ("locales/de", &folder),
        ("templates/key.html", &file),
        ("themes/default/templates/key.html", &file),
        ("themes/default/static/key.txt", &file),
        ("themes/default/static/keys", &folder),
        ("static/key.txt", &file),
        ("static/files/keys", &folder),
        ("content/en/keys", &folder),
    ] {
        refused_link(&site, shown, target);
    }
}

#[cfg(unix)]
#[test]
fn a_dangling_link_in_the_content_is_an_error_naming_it() {
    let site = site_with_user_files();
    assert!(site.build(&[]).status.success());
    std::os::unix::fs::symlink(
        site.root().join("content/en/moved-away.md"),
        site.root().join("content/en/gone.md"),
    )
    .unwrap();
    let previous = snapshot(&site.out());
    let before = owned(&site);
    let output = site.build(&[]);
    let (_, err) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("]: content/en/gone.md: "), "the link is named: {err}");
    assert!(err.contains("build failed: 1 error(s)"), "{err}");
    assert_eq!(snapshot(&site.out()), previous);
    assert_eq!(owned(&site), before);
    // check agrees.
    let output = site.run(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output).0.contains("]: content/en/gone.md: "), "{}", text(&output).0);
}

#[cfg(unix)]
#[test]
fn a_dangling_link_is_named_as_one() {
    let site = Site::copy("good", &[]);
    std::os::unix::fs::symlink(
        site.root().join("content/en/moved-away.md"),
        site.root().join("content/en/gone.md"),
    )
    .unwrap();
    let output = site.build(&[]);
    let (_, err) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("content/en/gone.md: this symbolic link leads to nothing"), "{err}");
    assert!(!err.contains("permission"), "{err}");
}

/// A site large enough that a build takes a while, so a signal can arrive in the middle of it.
fn large_site() -> Site {
    let site = site_with_user_files();
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
    let sources = owned(&site);
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
        assert_eq!(
            status.code(),
            Some(130),
            "{signal}: the README's status for an interrupted build"
        );
        assert_no_leftovers(site.dir.path());
        assert_eq!(snapshot(&site.out()), before, "{signal}: the previous output is intact");
        assert_eq!(owned(&site), sources, "{signal}: the sources and the user's files are intact");
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
    assert_eq!(owned(&site), sources);
}

#[test]
fn html_comments_are_dropped_and_other_html_stays_text() {
    let site = site_with_user_files();
    site.write(
        "content/en/about.md",
        "---\ntitle: About\n---\n<!-- note to translators:\nkeep this short -->\n\nText <!-- inline note --> and <b>bold</b>.\n"
            .as_bytes(),
    );
    let before = owned(&site);
    let output = site.build(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output).1);
    assert_eq!(owned(&site), before, "the comment stays in the source");
    let html = site.read("en/about/index.html");
    assert!(!html.contains("note to translators"), "{html}");
    assert!(!html.contains("keep this short"), "{html}");
    assert!(!html.contains("inline note"), "{html}");
    assert!(html.contains("Text  and &lt;b&gt;bold&lt;/b&gt;."), "{html}");
}

#[test]
fn a_fluent_syntax_error_points_at_its_own_line() {
    let site = site_with_user_files();
    assert!(site.build(&[]).status.success());
    site.write("locales/en/broken.ftl", b"fine = ok\nbroken = Hello { $name\nnext = fine\n");
    let previous = snapshot(&site.out());
    let before = owned(&site);
    let output = site.build(&[]);
    let (_, err) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    // Line 2, column 23: just after `$name`, where the `}` is missing (`broken = Hello { $name` is 22 long).
    assert!(err.contains("error[fluent-syntax]: locales/en/broken.ftl:2:23: "), "{err}");
    assert!(err.contains("2 | broken = Hello { $name\n  |                       ^\n"), "{err}");
    assert!(!err.contains("locales/en/broken.ftl:3:"), "{err}");
    assert_eq!(snapshot(&site.out()), previous);
    assert_eq!(owned(&site), before);
}
