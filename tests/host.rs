//! Host configuration (`_headers`, `_nginx.conf`), `build --precompress`, and Debian's nginx serving a built
//! site with the generated snippet: headers, language choice on `/`, precompressed files, and the browser
//! tests (zero console errors, so zero Content-Security-Policy violations) through nginx.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Site, snapshot, text};

const NGINX: &str = "/usr/sbin/nginx";

#[test]
fn build_writes_host_files_and_precompressed_copies_identical_across_builds() {
    let site = Site::copy("good", &[]);
    let output = site.build(&["--precompress"]);
    assert!(output.status.success(), "{:?}", text(&output));
    let headers = site.read("_headers");
    assert!(headers.starts_with("# Written by `safeguide build`"), "{headers}");
    assert!(headers.contains("/*\n  Content-Security-Policy: default-src 'self'; "), "{headers}");
    assert!(
        headers.contains("  Referrer-Policy: no-referrer\n  X-Content-Type-Options: nosniff\n")
    );
    let nginx = site.read("_nginx.conf");
    assert!(nginx.contains("return 302 /fr/;") && nginx.contains("gzip_static on;"), "{nginx}");
    // No inline style or script is left for the policy to block.
    for (path, bytes) in snapshot(&site.out()) {
        if path.ends_with(".html") {
            let html = String::from_utf8(bytes).unwrap();
            assert!(!html.contains(" style=") && !html.contains("<style"), "{path}");
            assert!(
                !html.contains("<script>") && !has_event_handler(&html),
                "{path}: inline script"
            );
        }
    }
    // Every HTML, CSS, JS and XML file has its .br and .gz; images do not.
    let files: Vec<String> = snapshot(&site.out()).into_iter().map(|(p, _)| p).collect();
    for path in &files {
        let compressible =
            [".html", ".css", ".js", ".xml", ".json"].iter().any(|e| path.ends_with(e));
        assert_eq!(files.contains(&format!("{path}.br")), compressible, "{path}");
        assert_eq!(files.contains(&format!("{path}.gz")), compressible, "{path}");
    }
    let first = snapshot(&site.out());
    assert!(site.build(&["--precompress"]).status.success());
    assert!(
        first == snapshot(&site.out()),
        "two builds are byte-identical, compressed copies included"
    );

    // Opting out in site.yaml.
    let yaml = site.source("site.yaml") + "host_files: false\n";
    site.write("site.yaml", yaml.as_bytes());
    assert!(site.build(&[]).status.success());
    assert!(!site.out().join("_headers").exists() && !site.out().join("_nginx.conf").exists());
}

#[test]
fn a_static_file_named_like_a_host_file_is_an_error() {
    let site = Site::copy("good", &[]);
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
    crate::support::copy_tree(&theme, &site.root().join("themes/mine"));
    site.write("themes/mine/static/_headers", b"/*\n  X-Mine: 1\n");
    let yaml = site.source("site.yaml") + "theme: mine\n";
    site.write("site.yaml", yaml.as_bytes());
    let output = site.build(&[]);
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("_headers"), "{stderr}");
}

/// Whether a tag has an attribute like ` onclick=` (inline event handlers need `unsafe-inline`).
fn has_event_handler(html: &str) -> bool {
    html.split('<').skip(1).filter_map(|t| t.split_once('>').map(|(tag, _)| tag)).any(|tag| {
        tag.match_indices(" on").any(|(at, _)| {
            let rest = &tag[at + 3..];
            let name = rest.chars().take_while(char::is_ascii_lowercase).count();
            name > 0 && rest[name..].starts_with('=')
        })
    })
}

/// nginx running in the foreground on 127.0.0.1 with a temporary prefix, stopped when dropped.
struct Nginx {
    child: Child,
    port: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Nginx {
    fn start(prefix: &Path, root: &Path) -> Nginx {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let p = prefix.display();
        let conf = format!(
            "daemon off;\nmaster_process off;\nworker_processes 1;\npid {p}/nginx.pid;\nerror_log {p}/error.log;\n\
             events {{ worker_connections 64; }}\n\
             http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n\
             client_body_temp_path {p}/body;\n  proxy_temp_path {p}/proxy;\n  fastcgi_temp_path {p}/fastcgi;\n\
             uwsgi_temp_path {p}/uwsgi;\n  scgi_temp_path {p}/scgi;\n\
             server {{\n    listen 127.0.0.1:{port};\n    root {root};\n    include {root}/_nginx.conf;\n  }}\n}}\n",
            root = root.display()
        );
        std::fs::write(prefix.join("nginx.conf"), conf).unwrap();
        let child = Command::new(NGINX)
            .arg("-p")
            .arg(prefix)
            .arg("-c")
            .arg(prefix.join("nginx.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let nginx = Nginx { child, port };
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            let log = std::fs::read_to_string(prefix.join("error.log")).unwrap_or_default();
            assert!(Instant::now() < deadline, "nginx did not start:\n{log}");
            std::thread::sleep(Duration::from_millis(50));
        }
        nginx
    }

    /// GETs `path` with extra request headers; returns the status line's code, the headers and the body.
    fn get(&self, path: &str, headers: &str) -> (u16, String, Vec<u8>) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        // HTTP/1.1, as browsers send it: nginx serves .gz files only to 1.1 clients (gzip_http_version).
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{headers}\r\n"
        )
        .unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let end = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&response[..end]).into_owned();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        (status, head, response[end + 4..].to_vec())
    }
}

#[test]
fn nginx_serves_the_site_with_the_generated_snippet() {
    if !Path::new(NGINX).is_file() {
        // .ci/run installs Debian's nginx and sets SAFEGUIDE_REQUIRE_NGINX, so CI never skips this test.
        assert!(
            std::env::var_os("SAFEGUIDE_REQUIRE_NGINX").is_none(),
            "{NGINX} is missing: `apt-get install nginx-light`"
        );
        println!("skipped: {NGINX} is not installed (`apt-get install nginx-light`)");
        return;
    }
    let site = Site::copy("good", &[]);
    let output = site.build(&["--precompress"]);
    assert!(output.status.success(), "{:?}", text(&output));
    let prefix = tempfile::tempdir().unwrap();
    let nginx = Nginx::start(prefix.path(), &site.out());

    let (status, head, _) = nginx.get("/", "Accept-Language: fr-CH, fr;q=0.9, en;q=0.8\r\n");
    assert_eq!(status, 302, "{head}");
    assert!(head.contains(&format!("Location: http://127.0.0.1:{}/fr/", nginx.port)), "{head}");
    let (status, head, body) = nginx.get("/", "Accept-Language: de\r\n");
    assert_eq!(status, 200, "a language the site lacks gets the chooser: {head}");
    assert!(String::from_utf8_lossy(&body).contains("hreflang=\"ar\""));
    for needle in [
        "Content-Security-Policy: default-src 'self'; ",
        "Referrer-Policy: no-referrer",
        "X-Content-Type-Options: nosniff",
    ] {
        assert!(head.contains(needle), "{needle}: {head}");
    }
    let (status, head, body) = nginx.get("/en/", "Accept-Encoding: gzip\r\n");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Encoding: gzip"), "{head}");
    assert_eq!(body, std::fs::read(site.out().join("en/index.html.gz")).unwrap());
    assert!(head.contains("Content-Security-Policy"), "headers on every page: {head}");
    let (status, _, body) = nginx.get("/fr/nothing-here/", "");
    assert_eq!(status, 404);
    assert!(String::from_utf8_lossy(&body).contains("lang=\"fr\""), "the French not-found page");
    for host_file in ["/_headers", "/_nginx.conf"] {
        assert_eq!(nginx.get(host_file, "").0, 404, "{host_file} is not served");
    }

    // Every page type in Chromium through nginx: the browser tests fail on any console error, which is
    // where Chromium reports a Content-Security-Policy violation.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser = repo.join("tests/browser");
    crate::browser::install_packages(&browser);
    let output = Command::new("node")
        .arg(browser.join("run.mjs"))
        .arg("--screenshots")
        .arg(prefix.path().join("screenshots"))
        .arg("--quick-exit")
        .arg(crate::browser::quick_exit_url(&site.root()))
        .arg("--served-at")
        .arg(format!("http://127.0.0.1:{}", nginx.port))
        .arg(site.out())
        .output()
        .unwrap();
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "browser tests through nginx failed:\n{stdout}\n{stderr}");
    drop(nginx);
}
