//! `safeguide serve`: serves the site from memory on a free port, rebuilds on edits and tells open tabs to
//! reload over Server-Sent Events, and keeps serving the last good site (with the error shown) when an edit
//! breaks it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::support::{Site, png};

/// A running `serve`, killed when dropped so a failing test leaves no server behind.
struct Server {
    child: Child,
    address: String,
    stderr: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(site: &Site) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_safeguide"))
            .args(["serve", "--port", "0", "--root"])
            .arg(site.root())
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let (etx, erx) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = etx.send(line);
            }
        });
        let line = rx.recv_timeout(Duration::from_secs(30)).unwrap();
        let line = if line.starts_with("built") {
            rx.recv_timeout(Duration::from_secs(30)).unwrap()
        } else {
            line
        };
        assert!(line.starts_with("serving "), "{line}");
        let url = line.split(" at ").nth(1).unwrap().split(' ').next().unwrap();
        let address = url.trim_start_matches("http://").trim_end_matches('/').to_owned();
        Server { child, address, stderr: erx }
    }

    /// GETs `path` over HTTP/1.0 (so the body is never chunked); returns the status and the body.
    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        write!(stream, "GET {path} HTTP/1.0\r\nHost: {}\r\n\r\n", self.address).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let response = String::from_utf8_lossy(&response).into_owned();
        let (head, body) = response.split_once("\r\n\r\n").unwrap();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        (status, body.to_owned())
    }

    /// Opens the reload event stream, as the injected script does.
    fn events(&self) -> Events {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        write!(
            stream,
            "GET /__safeguide/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
            self.address
        )
        .unwrap();
        stream.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
        let mut events = Events { stream, seen: String::new() };
        events.wait_for("text/event-stream", "the event stream's headers");
        events
    }
}

struct Events {
    stream: TcpStream,
    seen: String,
}

impl Events {
    /// Reads the stream until `needle` has arrived, then forgets everything up to its end, so that each
    /// wait sees only what came after the previous one.
    fn wait_for(&mut self, needle: &str, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut buf = [0u8; 4096];
        while !self.seen.contains(needle) {
            assert!(Instant::now() < deadline, "timed out waiting for {what}; got {:?}", self.seen);
            match self.stream.read(&mut buf) {
                Ok(0) => panic!("the event stream closed while waiting for {what}"),
                Ok(n) => self.seen.push_str(&String::from_utf8_lossy(&buf[..n])),
                Err(_) => {}
            }
        }
        let end = self.seen.find(needle).unwrap() + needle.len();
        self.seen.drain(..end);
    }

    fn reload(&mut self, what: &str) {
        self.wait_for("event: reload\ndata: ", what);
        self.wait_for("\n\n", what);
    }
}

#[test]
fn serves_rebuilds_reloads_and_keeps_the_last_good_site_on_errors() {
    let site = Site::copy("good", &[]);
    let server = Server::start(&site);

    let (status, home) = server.get("/en/");
    assert_eq!(status, 200);
    assert!(home.contains("/__safeguide/live.js"), "the reload script is injected while serving");
    assert!(
        home.contains("href=\"http://127.0.0.1:") && !home.contains("https://example.org/"),
        "base_url's host is replaced by the server's"
    );
    assert_eq!(server.get("/en").0, 301, "folders without a slash redirect");
    let (status, missing) = server.get("/fr/no-such-page/");
    assert_eq!(status, 404);
    assert!(missing.contains("lang=\"fr\""), "the language's 404 page");
    let (status, script) = server.get("/__safeguide/live.js");
    assert_eq!(status, 200);
    assert!(script.contains("EventSource"));

    let mut events = server.events();

    let talk = "content/en/parents/talk.md";
    let original = site.source(talk);
    site.write(talk, original.replace("Talking helps.", "Talking helps every day.").as_bytes());
    events.reload("the reload after a text edit");
    assert!(server.get("/en/parents/talk/").1.contains("Talking helps every day."));
    assert!(
        server.get("/fr/parents/talk/").1.contains("Talking helps every day."),
        "its fallback in fr too"
    );

    site.write(talk, original.replace("weight: 10", "weight: 10\ncolour: red").as_bytes());
    events.reload("the reload after a breaking edit");
    let (status, page) = server.get("/en/parents/talk/");
    assert_eq!(status, 200);
    assert!(page.contains("Talking helps every day."), "the last good page is still served");
    assert!(page.contains("id=\"safeguide-error\""), "with the error over it");
    assert!(page.contains("content/en/parents/talk.md:"), "{page}");
    assert!(page.contains("colour"), "{page}");
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut printed = String::new();
    while !printed.contains("colour: red") && Instant::now() < deadline {
        if let Ok(line) = server.stderr.recv_timeout(Duration::from_millis(200)) {
            printed.push_str(&line);
            printed.push('\n');
        }
    }
    assert!(
        printed.contains("content/en/parents/talk.md:5:1: unknown field `colour`"),
        "{printed}"
    );
    assert!(printed.contains("5 | colour: red"), "the offending line is shown: {printed}");

    site.write(talk, original.as_bytes());
    events.reload("the reload after the fix");
    let page = server.get("/en/parents/talk/").1;
    assert!(page.contains("Talking helps.") && !page.contains("safeguide-error"), "{page}");

    site.write("locales/fr/site.ftl", "site-title = Un site <b>renommé</b>\n".as_bytes());
    events.reload("the reload after an .ftl edit");
    let fr_home = server.get("/fr/").1;
    assert!(
        fr_home.contains("Un site &lt;b&gt;renommé&lt;/b&gt;"),
        "translators' text is escaped: {fr_home}"
    );

    assert!(site.build(&[]).status.success());
    assert!(
        !site.read("en/index.html").contains("__safeguide"),
        "build output never has the script"
    );
}

#[test]
fn a_site_broken_from_the_start_shows_its_error_until_fixed() {
    let site = Site::copy("good", &["bad/unknown-field"]);
    let server = Server::start(&site);
    let (status, page) = server.get("/en/");
    assert_eq!(status, 500);
    assert!(page.contains("id=\"safeguide-error\"") && page.contains("colour"), "{page}");
    assert!(page.contains("/__safeguide/live.js"), "the page reloads when the site is fixed");
    let mut events = server.events();
    let fixed = site.source("content/en/parents/talk.md").replace("colour: red\n", "");
    site.write("content/en/parents/talk.md", fixed.as_bytes());
    events.reload("the reload after the fix");
    let (status, page) = server.get("/en/");
    assert_eq!(status, 200);
    assert!(!page.contains("safeguide-error"), "{page}");
}

#[test]
fn serve_shows_drafts_with_a_banner_and_build_never_publishes_them() {
    let site = Site::copy("good", &[]);
    site.write(
        "content/fr/parents/talk.md",
        "---\ntitle: Parler tôt\ndescription: Brouillon de traduction.\ndraft: true\n---\nTexte à traduire.\n"
            .as_bytes(),
    );
    let server = Server::start(&site);
    let (status, body) = server.get("/fr/parents/talk/");
    assert_eq!(status, 200);
    assert!(body.contains("Texte à traduire."), "the draft is served: {body}");
    assert!(body.contains(r#"<div class="notice draft" role="note">"#), "{body}");
    assert!(
        body.contains("Brouillon : non publié."),
        "the banner is in the page's language: {body}"
    );
    let (_, published) = server.get("/fr/children/be-kind/");
    assert!(!published.contains("notice draft"), "no banner on a published page");
    drop(server);

    let output = site.build(&[]);
    assert!(output.status.success());
    let built = site.read("fr/parents/talk/index.html");
    assert!(!built.contains("Texte à traduire.") && !built.contains("notice draft"), "{built}");
}

#[test]
fn an_edit_that_shows_a_new_image_publishes_it() {
    let site = Site::copy("good", &[]);
    let server = Server::start(&site);
    let mut events = server.events();
    assert_eq!(server.get("/en/parents/block.png").0, 404, "no image before the edit");
    site.write("content/en/parents/block.png", &png(400, 250, 30));
    let talk = "content/en/parents/talk.md";
    let page = site
        .source(talk)
        .replace("Talking helps.", "Talking helps.\n\n![A block button](block.png)");
    site.write(talk, page.as_bytes());
    events.reload("the reload after an edit that shows an image");
    let html = server.get("/en/parents/talk/").1;
    assert!(html.contains(r#"<img src="../block.png""#), "{html}");
    let (status, _) = server.get("/en/parents/block.png");
    assert_eq!(status, 200, "the image the page now shows is served");
}
