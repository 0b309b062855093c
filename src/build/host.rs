//! Host configuration written beside the pages: `_headers` (read by Netlify and Cloudflare Pages) and
//! `_nginx.conf`, a snippet to include in an nginx `server` block. Both give every response a strict
//! Content-Security-Policy (`default-src 'self'`: the theme has no inline script or style), no referrer and
//! no MIME sniffing; nginx also sends a reader who opens the site's root to their language by
//! `Accept-Language` (everyone else, and a browser that asks for none of the site's languages, gets the
//! chooser), serves the theme's not-found page, precompressed `.br`/`.gz` files where they exist and refuses to
//! serve the two host files themselves. Pages, static files and host files claim their paths together, so a
//! page or static file named like a host file is an error, never a silent overwrite.

use std::fmt::Write as _;

use crate::config::SiteConfig;

/// The Netlify / Cloudflare Pages headers file.
pub(crate) const HEADERS_FILE: &str = "_headers";
/// The nginx snippet.
pub(crate) const NGINX_FILE: &str = "_nginx.conf";

/// The Content-Security-Policy of every page: only this site's own files, no plugins, no framing, forms and
/// `<base>` only to this site.
/// `'wasm-unsafe-eval'` lets the search page compile Pagefind's WebAssembly from this site's own file; it
/// allows no `eval` of text and no inline script.
pub(crate) const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; \
                       base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Headers every response gets, as (name, value).
fn headers() -> [(&'static str, &'static str); 4] {
    [
        ("Content-Security-Policy", CSP),
        ("Referrer-Policy", "no-referrer"),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
    ]
}

/// How long fingerprinted theme files are cached: their names change with their content, so a year, and the
/// browser need not ask again.
const FINGERPRINTED_CACHE: &str = "public, max-age=31536000, immutable";

/// The `_headers` file. The theme's style sheets and scripts carry a hash of their content in their names
/// (under `theme/`), so they are cached for a year; pages and other files keep the host's default
/// (revalidated), since their addresses stay the same when they change.
pub(crate) fn headers_file(config: &SiteConfig) -> String {
    let base = &config.base_path;
    let mut out =
        String::from("# Written by `safeguide build` for Netlify and Cloudflare Pages.\n");
    let _ = writeln!(out, "{base}*");
    for (name, value) in headers() {
        let _ = writeln!(out, "  {name}: {value}");
    }
    let _ = writeln!(out, "{base}{}/*", crate::theme::FINGERPRINTED);
    let _ = writeln!(out, "  Cache-Control: {FINGERPRINTED_CACHE}");
    out
}

/// The nginx snippet, for a `server` block whose `root` is the output folder (at `base_url`'s path).
pub(crate) fn nginx_file(config: &SiteConfig) -> String {
    let base = &config.base_path;
    let mut out = String::from(
        "# Written by `safeguide build`: include it in the nginx `server` block whose `root` is this folder,\n\
         # e.g. `include /srv/site/public/_nginx.conf;`. It needs no module beyond nginx's own (gzip_static\n\
         # uses the .gz files of `build --precompress`; brotli_static is left to hosts with ngx_brotli).\n",
    );
    for (name, value) in headers() {
        let _ = writeln!(out, "add_header {name} \"{value}\" always;");
    }
    out.push_str(
        "charset utf-8;\ncharset_types text/css application/javascript application/xml;\n",
    );
    out.push_str("gzip_static on;\n");
    let _ = writeln!(out, "error_page 404 {base}404.html;");
    out.push_str("# A missing page in a language's folder gets that language's not-found page.\n");
    for lang in &config.languages {
        let _ = writeln!(
            out,
            "location {base}{}/ {{ error_page 404 {base}{}/404.html; }}",
            lang.code, lang.code
        );
    }
    let _ = writeln!(
        out,
        "location ~ ^{}(_headers|_nginx\\.conf|\\.built-by-safeguide)$ {{ return 404; }}",
        regex_path(base)
    );
    let _ = writeln!(out, "location ^~ {base}{}/ {{", crate::theme::FINGERPRINTED);
    let _ = writeln!(out, "    add_header Cache-Control \"{FINGERPRINTED_CACHE}\" always;");
    for (name, value) in headers() {
        let _ = writeln!(out, "    add_header {name} \"{value}\" always;");
    }
    out.push_str("}\n");
    let _ = writeln!(out, "location = {base} {{");
    out.push_str(
        "    # The browser's first language when the site has it; else a language of the site that the browser\n\
         \x20   # lists further on (in the site's order); otherwise the chooser.\n",
    );
    for start in ["^", "(?:^|,)"] {
        for lang in &config.languages {
            let _ = writeln!(
                out,
                "    if ($http_accept_language ~* \"{start}\\s*{}(?:[-_][a-z0-9-]*)?\\s*(?:[;,]|$)\") {{ return 302 {base}{}/; }}",
                regex_path(&lang.code),
                lang.code
            );
        }
    }
    out.push_str("    add_header Vary \"Accept-Language\" always;\n");
    for (name, value) in headers() {
        let _ = writeln!(out, "    add_header {name} \"{value}\" always;");
    }
    let _ = writeln!(out, "    try_files {base}index.html =404;\n}}");
    out
}

/// `text` with the regular-expression characters that can occur in a URL path or language tag escaped.
fn regex_path(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '.' | '+' | '*' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '^' | '$' | '\\'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
