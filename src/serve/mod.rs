//! `serve`: builds the site into memory, serves it over HTTP, and rebuilds and reloads open tabs on every
//! edit. The reload script and the error overlay are added to pages as they are served, so `build` output
//! never contains them.
//!
//! Threads: a few HTTP workers read the served files; one watcher thread applies edits. Server-Sent Events
//! streams are kept in a list and written to on every rebuild.

mod live;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock, mpsc};
use std::time::Duration;

use notify::Watcher;

use crate::error::{Diagnostic, Error, Result};
use live::{Change, LiveSite, Served};

/// The path below which `serve` answers its own requests. Pages live under `/<lang>/`, so only a theme's
/// static folder named `__safeguide` could collide, and `serve`'s own answers win there.
const OWN_PATH: &str = "/__safeguide/";

/// The script that reloads the page on each rebuild and shows the error overlay.
const LIVE_SCRIPT: &str = include_str!("live.js");

/// How long to wait after an edit for the editor's other writes (temporary file, rename) before
/// rebuilding.
const SETTLE: Duration = Duration::from_millis(15);

/// How often open event streams get a comment line: a tab that was closed shows up as a failed write and
/// its connection is released, instead of piling up until the next rebuild.
const HEARTBEAT: Duration = Duration::from_secs(10);

/// What `serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site root.
    pub root: PathBuf,
    /// The address to listen on.
    pub bind: String,
    /// The port (0: any free port).
    pub port: u16,
    /// Serve drafts too.
    pub drafts: bool,
}

/// Open event streams of browser tabs.
type Streams = Arc<Mutex<Vec<Box<dyn tiny_http::ReadWrite + Send>>>>;

/// Serves the site until the process is stopped. `report` prints the diagnostics of failed rebuilds.
pub fn serve(options: &ServeOptions, report: &(dyn Fn(&[Diagnostic]) + Sync)) -> Result<()> {
    let root = crate::fs::absolute(&options.root)?;
    let address = format!("{}:{}", options.bind, options.port);
    let server = tiny_http::Server::http(&address)
        .map_err(|e| Error::Usage(format!("cannot listen on {address}: {e}")))?;
    let port = server.server_addr().to_ip().map_or(options.port, |a| a.port());
    let host = if options.bind.contains(':') {
        format!("[{}]", options.bind)
    } else {
        options.bind.clone()
    };
    let base_url = format!("http://{host}:{port}/");
    let mut site = LiveSite::new(root.clone(), base_url.clone(), options.drafts);
    match site.apply(&BTreeSet::from([Change::Everything])) {
        Ok(built) => println!("built {} files in {} ms", built.files, built.millis),
        Err(e) => match live::diagnostics(&e) {
            // The first build failed: serve the error until the site is fixed.
            Some(d) => report(d),
            None => return Err(e),
        },
    }
    let (events_tx, events_rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(events_tx)
        .map_err(|e| Error::Usage(format!("cannot watch {}: {e}", root.display())))?;
    let mut folders = BTreeSet::new();
    watch(&mut watcher, &root, &mut folders)?;
    println!("serving {} at {base_url} (Ctrl+C to stop)", root.display());
    let server = Arc::new(server);
    let streams: Streams = Arc::default();
    for _ in 0..4 {
        let server = Arc::clone(&server);
        let files = Arc::clone(&site.served);
        let streams = Arc::clone(&streams);
        std::thread::spawn(move || {
            loop {
                match server.recv() {
                    Ok(request) => respond(request, &files, &streams),
                    // A failed accept (e.g. out of file descriptors) is retried after a pause.
                    Err(_) => std::thread::sleep(Duration::from_millis(50)),
                }
            }
        });
    }
    let heartbeat = Arc::clone(&streams);
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(HEARTBEAT);
            send(&heartbeat, ": ping\n\n");
        }
    });
    loop {
        watch_loop(&root, &mut site, &events_rx, &streams, report);
        // A source folder created since (e.g. templates/) is watched from now on.
        watch(&mut watcher, &root, &mut folders)?;
    }
}

/// Watches the parts of the site that exist and are not watched yet: its root (for site.yaml, not
/// recursively, so the output and build folders are never watched) and its source folders.
fn watch(
    watcher: &mut notify::RecommendedWatcher,
    root: &Path,
    folders: &mut BTreeSet<&'static str>,
) -> Result<()> {
    let failed = |e: notify::Error| Error::Usage(format!("cannot watch {}: {e}", root.display()));
    if folders.insert("") {
        watcher.watch(root, notify::RecursiveMode::NonRecursive).map_err(failed)?;
    }
    for dir in ["content", "locales", "templates", "themes"] {
        let path = root.join(dir);
        if path.is_dir() && !folders.contains(dir) {
            watcher.watch(&path, notify::RecursiveMode::Recursive).map_err(failed)?;
            folders.insert(dir);
        }
    }
    Ok(())
}

/// Applies one batch of edits, then tells the open tabs to reload. Returns when the batch is done, so
/// the caller can watch folders that appeared.
fn watch_loop(
    root: &Path,
    site: &mut LiveSite,
    events: &mpsc::Receiver<notify::Result<notify::Event>>,
    streams: &Streams,
    report: &(dyn Fn(&[Diagnostic]) + Sync),
) {
    static GENERATION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    if let Ok(first) = events.recv() {
        let mut changes = BTreeSet::new();
        collect(root, first, &mut changes);
        while let Ok(next) = events.recv_timeout(SETTLE) {
            collect(root, next, &mut changes);
        }
        if changes.is_empty() {
            return;
        }
        match site.apply(&changes) {
            Ok(built) => println!(
                "rebuilt {} file(s) in {} ms{}",
                built.files,
                built.millis,
                if built.full { " (everything)" } else { "" }
            ),
            Err(e) => match live::diagnostics(&e) {
                Some(d) => {
                    report(d);
                    println!("the last good build is still served; fix the problem and save again");
                }
                None => eprintln!("error: {e}"),
            },
        }
        let generation = GENERATION.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        send(streams, &format!("event: reload\ndata: {generation}\n\n"));
    } else {
        // The watcher is gone: nothing more will change.
        std::thread::park();
    }
}

fn collect(root: &Path, event: notify::Result<notify::Event>, changes: &mut BTreeSet<Change>) {
    let Ok(event) = event else {
        // The watcher lost track (e.g. too many events): rebuild everything to be safe.
        changes.insert(Change::Everything);
        return;
    };
    if matches!(event.kind, notify::EventKind::Access(_)) {
        return;
    }
    for path in &event.paths {
        if let Some(change) = live::classify(root, path) {
            changes.insert(change);
        }
    }
}

/// Sends an event (or a comment) to every open tab, forgetting the ones that closed.
fn send(streams: &Streams, message: &str) {
    let mut list = streams.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    list.retain_mut(|s| s.write_all(message.as_bytes()).and_then(|()| s.flush()).is_ok());
}

/// Answers one request from the served files.
fn respond(request: tiny_http::Request, served: &RwLock<Served>, streams: &Streams) {
    let url = request.url().split(['?', '#']).next().unwrap_or("/").to_owned();
    if let Some(own) = url.strip_prefix(OWN_PATH) {
        own_request(request, own, served, streams);
        return;
    }
    let Some(path) = percent_decode(url.trim_start_matches('/')) else {
        let _ = request.respond(tiny_http::Response::empty(400));
        return;
    };
    let (file, error) = {
        let Ok(served) = served.read() else { return };
        let lookup = |p: &str| served.files.get(p).cloned();
        let mut found = None;
        if path.is_empty() || path.ends_with('/') {
            found = lookup(&format!("{path}index.html")).map(|b| (200, "index.html".to_owned(), b));
        } else if let Some(b) = lookup(&path) {
            found = Some((200, path.clone(), b));
        } else if served.files.contains_key(&format!("{path}/index.html")) {
            drop(served);
            let location = format!("/{}/", url.trim_start_matches('/'));
            let header = header("Location", &location);
            let _ = request.respond(tiny_http::Response::empty(301).with_header(header));
            return;
        }
        if found.is_none() {
            let lang = path.split('/').next().unwrap_or("");
            let not_found = lookup(&format!("{lang}/404.html")).or_else(|| lookup("404.html"));
            found = not_found.map(|b| (404, "404.html".to_owned(), b));
        }
        (found, served.error.clone())
    };
    let Some((status, name, bytes)) = file else {
        // Nothing built yet (the first build failed): a blank page that shows the error and reloads.
        let (status, body) = match &error {
            Some(error) => (500, inject("<!doctype html><html><body></body></html>", Some(error))),
            None => (404, "not found".to_owned()),
        };
        let response = tiny_http::Response::from_string(body)
            .with_status_code(status)
            .with_header(header("Content-Type", "text/html; charset=utf-8"));
        let _ = request.respond(response);
        return;
    };
    let content_type = content_type(&name);
    let Ok(bytes) = bytes.bytes() else {
        let _ = request.respond(tiny_http::Response::empty(500));
        return;
    };
    let body: Vec<u8> = if content_type.starts_with("text/html") {
        inject(&String::from_utf8_lossy(&bytes), error.as_deref()).into_bytes()
    } else {
        bytes.into_owned()
    };
    let response = tiny_http::Response::from_data(body)
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"));
    let _ = request.respond(response);
}

/// `serve`'s own paths: the event stream, the live script and the current error.
fn own_request(request: tiny_http::Request, own: &str, served: &RwLock<Served>, streams: &Streams) {
    match own {
        "events" => {
            let response = tiny_http::Response::empty(200)
                .with_header(header("Content-Type", "text/event-stream"))
                .with_header(header("Cache-Control", "no-store"));
            let mut stream = request.upgrade("sse", response);
            if stream.write_all(b"retry: 500\n\n").and_then(|()| stream.flush()).is_ok() {
                streams.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(stream);
            }
        }
        "live.js" => {
            let response = tiny_http::Response::from_string(LIVE_SCRIPT)
                .with_header(header("Content-Type", "text/javascript; charset=utf-8"));
            let _ = request.respond(response);
        }
        "error" => {
            let error = served.read().ok().and_then(|s| s.error.clone()).unwrap_or_default();
            let response = tiny_http::Response::from_string(error)
                .with_header(header("Content-Type", "text/plain; charset=utf-8"))
                .with_header(header("Cache-Control", "no-store"));
            let _ = request.respond(response);
        }
        _ => {
            let _ = request.respond(tiny_http::Response::empty(404));
        }
    }
}

/// Adds the live script, and the error when the last rebuild failed, to a served page.
fn inject(html: &str, error: Option<&str>) -> String {
    let script = format!("<script src=\"{OWN_PATH}live.js\" defer></script>");
    let mut out = String::with_capacity(html.len() + script.len() + 256);
    let body_open = html.find("<body").and_then(|at| html[at..].find('>').map(|end| at + end + 1));
    let (head, rest) = html.split_at(body_open.unwrap_or(0));
    out.push_str(head);
    if let Some(error) = error {
        out.push_str("<div id=\"safeguide-error\" role=\"alert\"><p><strong>The site has an error; this is the last good build.</strong></p><pre>");
        out.push_str(&escape(error));
        out.push_str("</pre></div>");
    }
    let at = rest.rfind("</body>").unwrap_or(rest.len());
    out.push_str(&rest[..at]);
    out.push_str(&script);
    out.push_str(&rest[at..]);
    out
}

fn escape(text: &str) -> String {
    crate::escape::html(text)
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    // Every caller passes a fixed ASCII name and an ASCII value without line breaks (a content type or one
    // of our own URLs), which is all `from_bytes` can reject.
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid ASCII header")
}

/// The content type of an output file, by extension.
fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "json" => "application/json",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Decodes a URL path; `None` when it is not UTF-8 or tries to leave the site with `..`.
fn percent_decode(path: &str) -> Option<String> {
    let decoded = crate::paths::percent_decode(path)?;
    (!decoded.split('/').any(|s| s == "..")).then_some(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_decoded_and_kept_inside() {
        assert_eq!(percent_decode("ar/%D8%A3/").as_deref(), Some("ar/أ/"));
        assert_eq!(percent_decode("en/../../etc/passwd"), None);
        assert_eq!(percent_decode("en/%2e%2e/x"), None);
        assert_eq!(percent_decode("a%2"), Some("a%2".into()));
    }

    #[test]
    fn the_script_and_the_error_are_added_to_pages() {
        let html = inject("<html><body class=\"x\"><p>Hi</p></body></html>", Some("a <b>"));
        assert!(html.contains("<body class=\"x\"><div id=\"safeguide-error\" role=\"alert\">"));
        assert!(html.contains("a &lt;b&gt;"));
        assert!(
            html.ends_with("<script src=\"/__safeguide/live.js\" defer></script></body></html>")
        );
    }
}
