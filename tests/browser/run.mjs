// Browser tests of the default theme (issue 3): every page type of one or more built sites, opened in headless
// Chromium (Debian's when installed, else the pinned npm package's: see chromium.mjs) through playwright-core,
// with axe-core for WCAG 2.2 A/AA.
//
//   node tests/browser/run.mjs [--screenshots DIR] [--only KIND,...] [--quick-exit URL] SITE [[--quick-exit URL] SITE ...]
//
// Each SITE is a built output folder. It is served on 127.0.0.1 by a small static server (folders serve their
// index.html; a missing file serves the language's 404.html, or the root's, with status 404) that sends the
// headers the site's own `_headers` file (Netlify's format, written by the build) gives each path, so every
// page is loaded under the site's real Content-Security-Policy. `--quick-exit` gives the site.yaml
// quick_exit_url of the SITE after it; without it, the chooser's exit link is taken. The first SITE's guidance
// pages are saved as screenshots (default DIR: target/browser/screenshots). `--only` limits the run to some
// page kinds (chooser, home, audience, guidance, image, topic, help, country, partners, 404, constructs, a-z,
// search). `--served-at URL` says the SITE after it is already served at URL (by nginx, in tests/host.rs) and
// is only read from disk to find its pages.
//
// Checked on the chooser and, in English and Arabic, on the home, audience, guidance, topic, help, a country's
// helplines, partners and 404 pages, the first children's page with an image and the fixture's every-construct
// page (whose image has a srcset); in French, Spanish, Chinese and Russian, where they are translated, on the
// help page and a country's helplines (structure, axe, target size, reflow, the country filter and the policy
// only: the keyboard, print, quick-exit and no-JavaScript scenarios run in English and Arabic): zero axe
// violations (light and dark, each at 1280 and 320 px wide), no request leaving 127.0.0.1, no
// Content-Security-Policy violation (every `securitypolicyviolation` event), no console or page errors, no
// horizontal scroll at 320 px, one h1 and no skipped heading level, alt on every image (and, on the image
// pages, every image loaded from the site), targets of at least 24 px (or the WCAG 2.2 spacing and inline
// exceptions), visible keyboard focus, a working skip link, the header (site title, Get help, quick exit,
// language switcher with lang and hreflang), quick exit by Shift three times and by the link
// (location.replace: Back does not return), and with JavaScript off: the quick-exit link, Get help, the
// language switcher and the audience nav; on the help page with JavaScript on, the country filter narrows the
// list as one types. Exit status: 0 all passed, 1 a check failed, 2 the tests could not run.

import { createServer } from "node:http";
import { readFile, readdir, stat, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { findChromium } from "./chromium.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
// Without the background-networking flags Chromium calls Google's services, which fail on a closed network.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const LANGS = ["en", "ar"];
// Languages whose help page and one country page are checked too, where the site translates the help page.
const MORE_LANGS = ["fr", "es", "zh", "ru"];
const BUDGET = { ".css": 20 * 1024, ".js": 5 * 1024 };
const MISSING = "no-such-page-xyz/";
const CONSTRUCTS = "parents/every-construct/";
// The word for bullying that finds each language's cyberbullying page first (the shipped site).
const SEARCH_WORDS = { en: "bullying", ar: "تنمر", zh: "欺凌" };
// Words that appear only in the body text of pages (in no title, description or `keywords:` of the shipped
// site's pages of that language): a result shows that the body is indexed, and for Chinese, which has no
// spaces between words, that Pagefind segmented it (拉黑, "to block someone", inside longer sentences).
const BODY_WORDS = { zh: "拉黑" };
// Pages tested at once: the CI machine has two cores.
const WORKERS = Number(process.env.SAFEGUIDE_BROWSER_WORKERS) || 2;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".pdf": "application/pdf",
};

// ---------------------------------------------------------------------------------------------------------
// Results

const failures = [];
let passed = 0;

/** Records one check: `problems` is a list of messages, empty when the check passed. */
function record(where, check, problems) {
  if (problems.length === 0) {
    passed += 1;
  } else {
    failures.push({ where, check, problems });
  }
}

/** Runs one check, turning an exception into its failure. */
async function check(where, name, body) {
  try {
    record(where, name, (await body()) ?? []);
  } catch (error) {
    record(where, name, [String(error?.message ?? error).split("\n").slice(0, 6).join("\n")]);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Static server

async function isFile(file) {
  return (await stat(file).catch(() => null))?.isFile() ?? false;
}

/** Maps a request path to { status, file } or { location } as a static host would. */
async function resolvePath(root, pathname) {
  const file = path.join(root, pathname);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 404, file: path.join(root, "404.html") };
  const info = await stat(file).catch(() => null);
  if (info?.isFile()) return { status: 200, file };
  if (info?.isDirectory()) {
    if (!pathname.endsWith("/")) return { location: `${pathname}/` };
    if (await isFile(path.join(file, "index.html"))) return { status: 200, file: path.join(file, "index.html") };
  }
  const lang = pathname.split("/")[1];
  const langNotFound = lang ? path.join(root, lang, "404.html") : null;
  return { status: 404, file: langNotFound && (await isFile(langNotFound)) ? langNotFound : path.join(root, "404.html") };
}

/**
 * The rules of a Netlify `_headers` file: [{ pattern, test, headers: [[name, value]] }]. A line that starts at
 * the margin is a path pattern (`*` matches any characters, `:name` one path segment); the indented
 * `Name: value` lines below it are its headers; `#` starts a comment line.
 */
function parseHeadersFile(text) {
  const rules = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const source = line
        .trim()
        .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
        .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
        .join("");
      rules.push({ pattern: line.trim(), test: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const colon = line.indexOf(":");
    if (rules.length === 0 || colon < 0) throw new Error(`_headers line ${i + 1}: "${line}" is neither a path nor a header`);
    rules.at(-1).headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers `rules` give `pathname`: every matching rule's, a header given twice joined with ", ". */
function headersFor(rules, pathname) {
  const out = {};
  for (const rule of rules) {
    if (!rule.test.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = Object.keys(out).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
      out[key] = out[key] === undefined || out[key] === value ? value : `${out[key]}, ${value}`;
    }
  }
  return out;
}

/**
 * Serves `root` on 127.0.0.1 at a free port, with the headers of the site's `_headers` file. `served` lists
 * every HTML response as { path, csp } (the Content-Security-Policy it was sent with, if any).
 */
async function serve(root) {
  const headersFile = await readFile(path.join(root, "_headers"), "utf8").catch(() => null);
  const rules = headersFile === null ? [] : parseHeadersFile(headersFile);
  const served = [];
  const server = createServer(async (request, response) => {
    try {
      const rawPath = new URL(request.url, "http://127.0.0.1").pathname;
      const pathname = decodeURIComponent(rawPath);
      const fromFile = headersFor(rules, rawPath);
      const found = await resolvePath(root, pathname);
      if (found.location) {
        response.writeHead(301, { ...fromFile, Location: found.location }).end();
        return;
      }
      const body = await readFile(found.file);
      const headers = {
        "Content-Type": TYPES[path.extname(found.file)] ?? "application/octet-stream",
        "Content-Length": body.length,
        "Cache-Control": "no-store",
        ...fromFile,
      };
      if (path.extname(found.file) === ".html") {
        const csp = Object.entries(headers).find(([name]) => name.toLowerCase() === "content-security-policy");
        served.push({ path: rawPath, csp: csp?.[1] ?? null });
      }
      response.writeHead(found.status, headers);
      response.end(request.method === "HEAD" ? undefined : body);
    } catch (error) {
      response.writeHead(400, { "Content-Type": "text/plain" }).end(String(error));
    }
  });
  await new Promise((ok, fail) => server.once("error", fail).listen(0, "127.0.0.1", ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}`, rules, served, hasHeadersFile: headersFile !== null };
}

/**
 * The server sent the `_headers` file's Content-Security-Policy with every page: the file exists, its block
 * for every path (`/*`) sets one, and no HTML response went out without it.
 */
function headersProblems(served, rules, hasHeadersFile) {
  if (!hasHeadersFile) return ["the site has no _headers file at its root"];
  const forRoot = headersFor(rules, "/");
  const csp = Object.entries(forRoot).find(([name]) => name.toLowerCase() === "content-security-policy")?.[1];
  const problems = [];
  if (!csp) problems.push(`the _headers file sets no Content-Security-Policy for / (rules: ${rules.map((r) => r.pattern).join(", ")})`);
  if (served.length === 0) problems.push("no page was served");
  const without = [...new Set(served.filter((s) => s.csp !== csp).map((s) => s.path))];
  if (without.length) problems.push(`pages served without the site's Content-Security-Policy: ${without.slice(0, 10).join(", ")}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// The pages of a site

async function dirs(folder) {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** The text of the first h1 of a built page, for comparing with where a link lands. */
async function h1Of(root, urlPath) {
  const html = await readFile(path.join(root, urlPath, "index.html"), "utf8").catch(() => "");
  const match = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/);
  return match ? decodeEntities(match[1].replace(/<[^>]+>/g, "")).trim() : null;
}

function decodeEntities(text) {
  const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (all, name) =>
    name[0] === "#"
      ? String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : +name.slice(1))
      : (named[name] ?? all),
  );
}

/** Whether a built page is a real translation in `lang` (a fallback's canonical is another language's URL). */
async function isTranslated(root, lang, urlPath) {
  const html = await readFile(path.join(root, urlPath, "index.html"), "utf8").catch(() => "");
  const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1] ?? "";
  return canonical.includes(`/${lang}/`);
}

/** The guidance page to test: the first children's page translated into every tested language, else the first. */
async function guidanceSlug(root) {
  const slugs = (await dirs(path.join(root, "en", "children"))).filter((s) => s !== "404.html");
  for (const slug of slugs) {
    const real = await Promise.all(LANGS.map((l) => isTranslated(root, l, `${l}/children/${slug}/`)));
    if (real.every(Boolean)) return slug;
  }
  return slugs[0];
}

/** Whether a built page shows an image in its <main> (`srcset`: a raster image with its published widths). */
async function hasImage(root, urlPath, srcset = false) {
  const html = await readFile(path.join(root, urlPath, "index.html"), "utf8").catch(() => "");
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  return [...main.matchAll(/<img\s[^>]*>/g)].some((m) => !srcset || /\ssrcset="/.test(m[0]));
}

/** The first children's page translated into `lang` that shows an image, other than `skip`. */
async function imageSlug(root, lang, skip) {
  for (const slug of await dirs(path.join(root, lang, "children"))) {
    const urlPath = `${lang}/children/${slug}/`;
    if (slug !== skip && (await isTranslated(root, lang, urlPath)) && (await hasImage(root, urlPath))) return slug;
  }
  return null;
}

/** Every page type to open: [{ kind, lang, path, status }]. */
async function pagesOf(root) {
  const pages = [
    { kind: "chooser", lang: null, path: "/", status: 200 },
    { kind: "404", lang: null, path: `/${MISSING}`, status: 404 },
  ];
  const slug = await guidanceSlug(root);
  for (const lang of LANGS) {
    const topic = (await dirs(path.join(root, lang, "topics")))[0];
    const country = (await dirs(path.join(root, lang, "help"))).find((d) => d !== "index.html");
    const image = await imageSlug(root, lang, slug);
    pages.push(
      { kind: "home", lang, path: `/${lang}/`, status: 200 },
      { kind: "audience", lang, path: `/${lang}/children/`, status: 200 },
      { kind: "guidance", lang, path: `/${lang}/children/${slug}/`, status: 200 },
      ...(image ? [{ kind: "image", lang, path: `/${lang}/children/${image}/`, status: 200 }] : []),
      { kind: "topic", lang, path: `/${lang}/topics/${topic}/`, status: 200 },
      { kind: "help", lang, path: `/${lang}/help/`, status: 200 },
      ...(country ? [{ kind: "country", lang, path: `/${lang}/help/${country}/`, status: 200 }] : []),
      { kind: "partners", lang, path: `/${lang}/partners/`, status: 200 },
      { kind: "404", lang, path: `/${lang}/${MISSING}`, status: 404 },
    );
    if (await isFile(path.join(root, lang, "a-z", "index.html"))) {
      pages.push({ kind: "a-z", lang, path: `/${lang}/a-z/`, status: 200 });
    }
    if (await isFile(path.join(root, lang, "search", "index.html"))) {
      const query = encodeURIComponent(SEARCH_WORDS[lang]);
      pages.push({ kind: "search", lang, path: `/${lang}/search/?q=${query}`, status: 200 });
    }
    // The fixture's page with every Markdown construct the engine enables (task list, table, footnote,
    // image, ...).
    if (await isFile(path.join(root, lang, CONSTRUCTS, "index.html"))) {
      pages.push({ kind: "constructs", lang, path: `/${lang}/${CONSTRUCTS}`, status: 200 });
    }
  }
  // The help page and one country's helplines in the site's other languages, where the help page is translated.
  for (const lang of MORE_LANGS) {
    if (!(await isTranslated(root, lang, `${lang}/help/`))) continue;
    const countries = (await dirs(path.join(root, lang, "help"))).filter((d) => d !== "index.html");
    // A different country in each language, so more countries' names and helplines are seen.
    const country = countries[(MORE_LANGS.indexOf(lang) * 7 + 3) % countries.length];
    pages.push(
      { kind: "help", lang, path: `/${lang}/help/`, status: 200, light: true },
      ...(country ? [{ kind: "country", lang, path: `/${lang}/help/${country}/`, status: 200, light: true }] : []),
    );
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------------------
// Browser contexts that keep every request on 127.0.0.1

const EXIT_STUB = "<!doctype html><html lang=en><title>Elsewhere</title><h1>Elsewhere</h1></html>";

function sameUrl(a, b) {
  const x = new URL(a);
  const y = new URL(b);
  x.hash = "";
  y.hash = "";
  return x.href === y.href;
}

/**
 * A browser context whose requests are all recorded: 127.0.0.1 is served, the quick-exit destination gets a
 * local stub (the expected exit, not a leak), anything else is blocked and reported.
 */
async function openContext(browser, site, options) {
  // Behind a host that picks the language on `/` by Accept-Language, ask for none of the site's languages, so
  // `/` is the chooser as on the test's own server.
  const headers = site.servedAt ? { extraHTTPHeaders: { "Accept-Language": "x-none" } } : {};
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "light", ...headers, ...options });
  context.setDefaultTimeout(15000);
  const log = { leaks: [], errors: [], exits: 0, fonts: [], csp: [] };
  if (options.javaScriptEnabled !== false) {
    // Every Content-Security-Policy violation of a page, reported from the page through a DevTools binding
    // (which the policy does not govern). With JavaScript off nothing can listen, but Chromium's console
    // error for the violation is still recorded (see watchPage).
    await context.exposeBinding("__safeguideCspViolation", ({ page }, v) => {
      // robots.txt, opened only as an earlier history entry, is shown by Chromium's own plain-text viewer, whose
      // inline style chrome-headless-shell 143 reports under the site's CSP; that page is the browser's.
      if (v.effectiveDirective === "style-src-attr" && new URL(v.documentURI).pathname.endsWith("/robots.txt")) return;
      log.csp.push(
        `Content-Security-Policy violation on ${new URL(v.documentURI).pathname}: ${v.effectiveDirective} blocked ` +
          `${v.blockedURI || "(inline)"}${v.sourceFile ? ` at ${v.sourceFile}:${v.lineNumber}` : ""}${v.sample ? ` ("${v.sample}")` : ""}`,
      );
    });
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        const { documentURI, effectiveDirective, blockedURI, sourceFile, lineNumber, sample } = e;
        window.__safeguideCspViolation?.({ documentURI, effectiveDirective, blockedURI, sourceFile, lineNumber, sample });
      });
    });
  }
  await context.route("**/*", (route) => {
    const url = route.request().url();
    const parsed = new URL(url);
    if (parsed.protocol === "data:" || parsed.protocol === "blob:") return route.continue();
    if (parsed.hostname === "127.0.0.1") return route.continue();
    if (sameUrl(url, site.exitUrl)) {
      log.exits += 1;
      return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: EXIT_STUB });
    }
    log.leaks.push(url);
    return route.abort("blockedbyclient");
  });
  context.on("request", (request) => {
    if (request.resourceType() === "font") log.fonts.push(request.url());
  });
  context.on("page", (page) => watchPage(page, log));
  return { context, log };
}

function watchPage(page, log) {
  page.on("pageerror", (error) => log.errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    // Chromium logs the 404 status of a not-found page's own document; that status is the point of the page.
    if (/status of 404/.test(text) && message.location().url.includes(MISSING)) return;
    // robots.txt is opened only as an earlier history entry (openAfterAnother). Chromium shows plain text in
    // its own viewer, which styles it inline; under the site's CSP, chrome-headless-shell 143 logs that
    // (Debian's Chromium 156 does not). It is the browser's page, not the site's.
    if (/inline style/.test(text) && message.location().url.endsWith("/robots.txt")) return;
    log.errors.push(`console error: ${text} (${message.location().url})`);
  });
}

function trafficProblems(log) {
  const all = [
    ...log.leaks.map((url) => `request left 127.0.0.1: ${url}`),
    ...log.csp,
    ...log.errors,
    ...log.fonts.map((url) => `web font loaded: ${url}`),
  ];
  const counts = new Map();
  for (const problem of all) counts.set(problem, (counts.get(problem) ?? 0) + 1);
  return [...counts].map(([problem, n]) => (n > 1 ? `${problem} (${n} times)` : problem));
}

async function open(context, url, expectedStatus) {
  const page = await context.newPage();
  const response = await page.goto(url, { waitUntil: "load" });
  if (response?.status() !== expectedStatus) {
    throw new Error(`${url}: status ${response?.status()}, expected ${expectedStatus}`);
  }
  return page;
}

// ---------------------------------------------------------------------------------------------------------
// Checks that run inside the page

let axeSource;

async function axeProblems(page, label) {
  axeSource ??= await readFile(path.join(HERE, "node_modules", "axe-core", "axe.min.js"), "utf8");
  // Evaluated through the DevTools protocol, which a Content-Security-Policy does not govern (a <script>
  // tag added to the page would be refused under the site's `default-src 'self'`).
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axeSource);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    AXE_TAGS,
  );
  return result.violations.map((v) => {
    const targets = v.nodes.slice(0, 5).map((node) => node.target.join(" "));
    const more = v.nodes.length > 5 ? ` and ${v.nodes.length - 5} more` : "";
    const summary = (v.nodes[0]?.failureSummary ?? "").replace(/\n/g, "\n      ");
    return `axe ${v.id} (${v.impact}, ${label}): ${v.help}\n      at ${targets.join(", ")}${more}\n      ${summary}`;
  });
}

/** Document structure: html lang/dir, headings, images, landmarks, skip link, header controls. */
function structureProblems({ lang, dir, exitUrl, isChooser }) {
  const problems = [];
  const describe = (el) => `<${el.tagName.toLowerCase()}> "${(el.textContent || "").trim().slice(0, 40)}"`;
  const html = document.documentElement;
  if (html.lang !== lang) problems.push(`<html lang="${html.lang}">, expected "${lang}"`);
  if (html.dir !== dir) problems.push(`<html dir="${html.dir}">, expected "${dir}"`);
  if (!document.title.trim()) problems.push("empty <title>");

  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")];
  const h1s = headings.filter((h) => h.tagName === "H1");
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements, expected exactly one`);
  let previous = 0;
  for (const h of headings) {
    const level = Number(h.tagName[1]);
    if (previous === 0 && level !== 1) problems.push(`the first heading is ${describe(h)}, expected an h1`);
    if (previous !== 0 && level > previous + 1) problems.push(`heading level skips from h${previous} to ${describe(h)}`);
    if (!h.textContent.trim()) problems.push(`empty ${h.tagName.toLowerCase()}`);
    previous = level;
  }
  for (const img of document.querySelectorAll("img, input[type=image]")) {
    if (!img.hasAttribute("alt")) problems.push(`image without alt: ${img.getAttribute("src")}`);
  }

  const count = (selector) => document.querySelectorAll(selector).length;
  if (count("main, [role=main]") !== 1) problems.push(`${count("main")} main landmarks, expected one`);
  if (count("body > header, [role=banner]") !== 1) problems.push("no single banner landmark (body > header)");
  if (count("body > footer, [role=contentinfo]") !== 1) problems.push("no single contentinfo landmark (body > footer)");
  const focusable = document.querySelector("a[href], button, input, select, textarea, [tabindex]");
  const main = document.querySelector("main");
  if (!focusable || focusable.getAttribute("href") !== `#${main?.id}` || !main?.id) {
    problems.push("the first focusable element is not a skip link to <main>");
  }

  // Mirroring: the site title and the h1's first line start at their start edge (the right one in RTL).
  const rtl = (el) => getComputedStyle(el).direction === "rtl";
  const startGap = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getClientRects()[0];
    const box = el.parentElement.getBoundingClientRect();
    const style = getComputedStyle(el.parentElement);
    return rtl(el)
      ? box.right - parseFloat(style.paddingRight) - text.right
      : text.left - box.left - parseFloat(style.paddingLeft);
  };
  for (const el of [document.querySelector("body > header a[href]"), h1s[0]]) {
    if (el && Math.abs(startGap(el)) > 2) {
      problems.push(`${describe(el)} starts ${startGap(el).toFixed(0)} px from the ${rtl(el) ? "right" : "left"} edge`);
    }
  }

  const header = document.querySelector("body > header");
  if (header) {
    const links = [...header.querySelectorAll("a[href]")];
    const home = `/${lang}/`;
    if (!links.some((a) => new URL(a.href).pathname.endsWith(home) && a.textContent.trim())) {
      problems.push(`the header has no site-title link to ${home}`);
    }
    if (!links.some((a) => new URL(a.href).pathname.endsWith(`/${lang}/help/`))) {
      problems.push(`the header has no Get help link to /${lang}/help/`);
    }
    const exits = links.filter((a) => a.href === exitUrl);
    if (exits.length !== 1) problems.push(`${exits.length} quick-exit links to ${exitUrl} in the header, expected one`);
    for (const a of exits) {
      const rel = (a.getAttribute("rel") || "").split(/\s+/);
      if (!rel.includes("nofollow") || !rel.includes("noreferrer")) problems.push(`quick-exit rel="${a.rel}"`);
      if (!a.textContent.trim()) problems.push("the quick-exit link has no text");
      if (a.target) problems.push(`the quick-exit link opens target="${a.target}"`);
    }
    const switcher = [...header.querySelectorAll("nav")].find((nav) => nav.querySelector("a[hreflang]"));
    if (!switcher) {
      problems.push("the header has no language switcher (a nav of links with hreflang)");
    } else {
      const options = [...switcher.querySelectorAll("a[href]")];
      for (const a of options) {
        if (!a.lang || a.lang !== a.hreflang) problems.push(`switcher link ${describe(a)}: lang="${a.lang}" hreflang="${a.hreflang}"`);
        if (!a.textContent.trim()) problems.push("a switcher link without text");
      }
      const current = options.filter((a) => a.getAttribute("aria-current"));
      if (!isChooser && (current.length !== 1 || current[0].hreflang !== lang)) {
        problems.push(`the switcher marks ${current.map((a) => a.hreflang).join(", ") || "no language"} as current, expected ${lang}`);
      }
      // The chooser belongs to no language, so it marks none as current.
      if (isChooser && current.length) problems.push(`the chooser marks ${current[0].hreflang} as current`);
    }
  } else {
    problems.push("no <header> directly in <body>");
  }
  return problems;
}

/**
 * WCAG 2.2 target size (minimum), 2.5.8: every target at least 24 by 24 CSS px, unless it is inline in a
 * sentence or a 24 px circle centred on it meets no other target and no other undersized target's circle.
 */
function targetProblems() {
  const blockish = (el) => {
    const display = getComputedStyle(el).display;
    return !display.startsWith("inline") && display !== "contents";
  };
  const blockOf = (node) => {
    let el = node.parentElement;
    while (el && !blockish(el)) el = el.parentElement;
    return el;
  };
  const inSentence = (el) => {
    if (getComputedStyle(el).display !== "inline") return false;
    const block = blockOf(el);
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!el.contains(node) && node.textContent.trim() && blockOf(node) === block) {
        const owner = node.parentElement.closest("a[href], button");
        if (!owner || owner === el) return true;
      }
    }
    return false;
  };
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex='-1'])";
  const targets = [...document.querySelectorAll(selector)]
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ el, r }) => r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden");
  const small = (t) => t.r.width < 23.95 || t.r.height < 23.95;
  const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  const problems = [];
  for (const t of targets) {
    if (!small(t) || inSentence(t.el)) continue;
    const [cx, cy] = centre(t.r);
    const clash = targets.find((o) => {
      if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return false;
      const dx = Math.max(o.r.left - cx, 0, cx - o.r.right);
      const dy = Math.max(o.r.top - cy, 0, cy - o.r.bottom);
      if (Math.hypot(dx, dy) < 12) return true;
      if (!small(o) || inSentence(o.el)) return false;
      const [ox, oy] = centre(o.r);
      return Math.hypot(ox - cx, oy - cy) < 24;
    });
    if (clash) {
      const name = (el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ""}> "${el.textContent.trim().slice(0, 30)}"`;
      problems.push(
        `target ${name(t.el)} is ${t.r.width.toFixed(1)}x${t.r.height.toFixed(1)} px and its 24 px circle meets ${name(clash.el)}`,
      );
    }
  }
  return problems;
}

function focusStyle(el) {
  const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color, s.textDecorationLine].join("|");
}

/** Tabs through the first tab stops: each must look different when focused, and lie inside the viewport. */
async function focusProblems(page, stops) {
  const problems = [];
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < stops; i += 1) {
    await page.keyboard.press("Tab");
    const state = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const focused = window.__focusStyle(el);
      const r = el.getBoundingClientRect();
      const inView = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && r.width > 0;
      const name = `<${el.tagName.toLowerCase()}> "${(el.textContent || "").trim().slice(0, 30)}"`;
      el.blur();
      const blurred = window.__focusStyle(el);
      el.focus({ focusVisible: true });
      return { name, visible: focused !== blurred, inView };
    });
    if (!state) break;
    if (!state.visible) problems.push(`no visible focus indicator on ${state.name}`);
    if (!state.inView) problems.push(`${state.name} is outside the viewport when focused`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Per-page scenarios

function expectations(site, page) {
  const lang = page.lang ?? site.defaultLang;
  return { lang, dir: lang === "ar" ? "rtl" : "ltr", exitUrl: site.exitUrl, isChooser: page.kind === "chooser" };
}

/** Full-page screenshots of a freshly loaded page: 1280 and 360 px wide, and 360 px in dark mode. */
async function screenshots(tab, folder, lang) {
  const shot = (name) => tab.screenshot({ path: path.join(folder, `${lang}-guidance-${name}.png`), fullPage: true });
  await shot("1280");
  await tab.setViewportSize({ width: 360, height: 800 });
  await shot("360");
  await tab.emulateMedia({ colorScheme: "dark" });
  await shot("360-dark");
  await tab.emulateMedia({ colorScheme: "light", media: "print" });
  await shot("360-print");
  await tab.emulateMedia({ media: "screen" });
  await tab.setViewportSize({ width: 1280, height: 900 });
}

/** JavaScript on: structure, images, axe (light and dark at 1280 and at 320), targets, focus, reflow, print, screenshots. */
async function withJavaScript(browser, site, page, where) {
  const { context, log } = await openContext(browser, site, {});
  try {
    const tab = await open(context, site.origin + page.path, page.status);
    if (page.kind === "search") await searchSettled(tab);
    if (page.kind === "guidance" && site.screenshots) await screenshots(tab, site.screenshots, page.lang);
    await tab.evaluate(`window.__focusStyle = ${focusStyle.toString()}`);
    await check(where, "structure", () => tab.evaluate(structureProblems, expectations(site, page)));
    if (page.kind === "image" || page.kind === "constructs") {
      await check(where, "images load under the site's policy", () => imageProblems(tab, page.kind === "constructs"));
    }
    await check(where, "axe 1280 light", () => axeProblems(tab, "1280 px, light"));
    await check(where, "target size 1280", () => tab.evaluate(targetProblems));
    // Pages checked only for what differs by language (a light page: the other languages' help and country
    // pages) skip the keyboard, print and quick-exit scenarios, which the same templates pass in en and ar.
    if (!page.light) await check(where, "visible focus", () => focusProblems(tab, 12));
    if (!page.light) await check(where, "skip link", async () => {
      await tab.reload();
      await tab.keyboard.press("Tab");
      const skip = await tab.evaluate(() => {
        const el = document.activeElement;
        const r = el.getBoundingClientRect();
        const shown = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && r.width > 1;
        return { href: el.getAttribute("href"), shown };
      });
      if (skip.href !== "#main") return [`the first Tab focuses ${skip.href}, not the skip link`];
      await tab.keyboard.press("Enter");
      await tab.keyboard.press("Tab");
      const inMain = await tab.evaluate(() => document.querySelector("main").contains(document.activeElement));
      return [
        ...(skip.shown ? [] : ["the focused skip link is not fully inside the viewport"]),
        ...(inMain ? [] : ["after the skip link, Tab does not reach a control inside <main>"]),
      ];
    });
    if (!page.light) await check(where, "print stylesheet", async () => {
      await tab.emulateMedia({ media: "print" });
      const problems = await tab.evaluate((exitUrl) => {
        const out = [];
        for (const nav of document.querySelectorAll("body > header nav")) {
          if (getComputedStyle(nav).display !== "none") out.push("a header nav is printed");
        }
        const exit = [...document.querySelectorAll("a[href]")].find((a) => a.href === exitUrl);
        if (exit && getComputedStyle(exit).display !== "none") out.push("the quick-exit link is printed");
        const body = getComputedStyle(document.body);
        if (body.color !== "rgb(0, 0, 0)") out.push(`printed text colour ${body.color}`);
        // Printed links in the text show their full address, links between pages in the page's language.
        for (const a of document.querySelectorAll('main a[data-path], main a[href^="http"]')) {
          const after = getComputedStyle(a, "::after").content;
          const expected = a.getAttribute("data-path") ?? a.getAttribute("href");
          if (!after.startsWith('" (http') || !after.endsWith(`${expected})"`)) {
            out.push(`the printed link to ${a.getAttribute("href")} shows ${after}, not its full address`);
          }
        }
        return out;
      }, site.exitUrl);
      await tab.emulateMedia({ media: "screen" });
      return problems;
    });
    await tab.emulateMedia({ colorScheme: "dark" });
    await check(where, "axe 1280 dark", () => axeProblems(tab, "1280 px, dark"));
    await tab.emulateMedia({ colorScheme: "light" });
    await tab.setViewportSize({ width: 320, height: 640 });
    await check(where, "reflow at 320 px", () =>
      tab.evaluate(() => {
        const { scrollWidth, clientWidth } = document.documentElement;
        if (scrollWidth <= clientWidth) return [];
        const wide = [...document.querySelectorAll("body *")]
          .filter((el) => el.getBoundingClientRect().right > clientWidth + 0.5 || el.getBoundingClientRect().left < -0.5)
          .slice(0, 3)
          .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`);
        return [`horizontal scroll at 320 px: scrollWidth ${scrollWidth} > clientWidth ${clientWidth} (${wide.join(", ")})`];
      }),
    );
    await check(where, "axe 320 light", () => axeProblems(tab, "320 px, light"));
    await tab.emulateMedia({ colorScheme: "dark" });
    await check(where, "axe 320 dark", () => axeProblems(tab, "320 px, dark"));
    await tab.emulateMedia({ colorScheme: "light" });
    await check(where, "target size 320", () => tab.evaluate(targetProblems));
    if (page.kind === "help") await check(where, "country filter", () => countryFilterProblems(tab));
    await tab.close();
    if (!page.light) {
      await check(where, "quick exit: Shift three times", () => quickExitByKeys(context, site, page));
      await check(where, "quick exit: link with JavaScript", () => quickExitByLink(context, site, page, true));
    }
  } finally {
    await context.close();
  }
  record(where, "no outside requests, CSP violations, console errors or web fonts (JavaScript on)", trafficProblems(log));
}

/**
 * The page's images in <main> (at least one; with `srcset` when asked, as the every-construct page's raster
 * image has): each has alt text, and each, scrolled into view, is decoded from this site.
 */
async function imageProblems(tab, srcset) {
  const images = tab.locator("main img");
  const count = await images.count();
  if (count === 0) return ["no image in <main>"];
  const problems = [];
  for (let i = 0; i < count; i += 1) {
    const img = images.nth(i);
    await img.scrollIntoViewIfNeeded();
    const state = await img.evaluate(async (el) => {
      const decoded = await el.decode().then(() => true, () => false);
      return {
        src: el.getAttribute("src"),
        alt: el.getAttribute("alt"),
        srcset: el.getAttribute("srcset"),
        current: el.currentSrc,
        decoded,
        width: el.naturalWidth,
      };
    });
    if (!state.alt?.trim()) problems.push(`image ${state.src} has no alt text`);
    if (!state.decoded || state.width === 0) problems.push(`image ${state.src} did not load (${state.current})`);
    if (state.current && new URL(state.current).hostname !== "127.0.0.1") problems.push(`image ${state.src} loaded from ${state.current}`);
  }
  if (srcset) {
    const withSrcset = await tab.locator("main img[srcset]").count();
    if (withSrcset === 0) problems.push("no image with a srcset in <main>");
  }
  return problems;
}

/** Opens `page` after another site page, so Back has somewhere on the site to return to. */
/**
 * The help page's country filter (JavaScript on): the box shows; typing a country's name in capitals, with
 * its accents dropped, keeps that country and hides countries that do not match; a name no country has
 * hides every region and shows the no-match message; clearing the box shows every country again.
 */
async function countryFilterProblems(tab) {
  const problems = [];
  const links = tab.locator("[data-region] li a");
  const count = await links.count();
  if (count === 0) return ["the finder lists no country"];
  const input = tab.locator("[data-filter] input");
  if (!(await input.isVisible())) return ["the filter box is not shown with JavaScript on"];
  const visible = () => tab.evaluate(() => [...document.querySelectorAll("[data-region] li")].filter((li) => !li.hidden && li.closest("[data-region]").hidden === false).map((li) => li.textContent));
  const names = await links.allTextContents();
  const target = names[names.length - 1];
  const typed = target.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toUpperCase();
  await input.fill(typed);
  const shown = await visible();
  if (!shown.includes(target)) problems.push(`typing "${typed}" hides ${target}`);
  const unrelated = names.filter((n) => !n.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toUpperCase().includes(typed));
  if (unrelated.some((n) => shown.includes(n))) problems.push(`typing "${typed}" still shows ${unrelated.filter((n) => shown.includes(n)).join(", ")}`);
  await input.fill("qqqxqqq");
  if ((await visible()).length !== 0) problems.push("a name no country has still shows countries");
  if (!(await tab.locator("[data-filter-none]").isVisible())) problems.push("no message says that no country matches");
  await input.fill("");
  if ((await visible()).length !== count) problems.push("clearing the box does not show every country again");
  return problems;
}

async function openAfterAnother(context, site, page) {
  const tab = await context.newPage();
  await tab.goto(`${site.origin}/robots.txt`);
  const response = await tab.goto(site.origin + page.path);
  if (response?.status() !== page.status) throw new Error(`status ${response?.status()}, expected ${page.status}`);
  return tab;
}

async function backDoesNotReturn(tab, site, page) {
  await tab.goBack({ waitUntil: "load" }).catch(() => null);
  const url = tab.url();
  return url === site.origin + page.path ? [`Back returned to ${url}: the exit must use location.replace`] : [];
}

async function quickExitByKeys(context, site, page) {
  const tab = await openAfterAnother(context, site, page);
  try {
    // Holding Shift down (the key repeats) is not the quick-exit gesture, nor is typing capitals (Shift+letter).
    for (let i = 0; i < 4; i += 1) await tab.keyboard.down("Shift");
    await tab.keyboard.up("Shift");
    await tab.waitForTimeout(200);
    if (sameUrl(tab.url(), site.exitUrl)) return ["holding Shift down triggered the quick exit"];
    for (const key of ["Shift+A", "Shift+B", "Shift+C"]) await tab.keyboard.press(key);
    await tab.waitForTimeout(200);
    if (sameUrl(tab.url(), site.exitUrl)) return ["typing three capital letters triggered the quick exit"];
    // The gesture is three presses within a second. On a loaded machine the three key events can take longer
    // than that to reach the page; only then is the gesture tried again (up to three times).
    for (let attempt = 1; ; attempt += 1) {
      const started = Date.now();
      await tab.keyboard.press("Shift");
      await tab.keyboard.press("Shift");
      await tab.keyboard.press("Shift");
      const slow = Date.now() - started > 800;
      try {
        await tab.waitForURL((url) => sameUrl(url.href, site.exitUrl), { timeout: 5000 });
        break;
      } catch (error) {
        if (!slow || attempt === 3) throw error;
        await tab.waitForTimeout(1100);
      }
    }
    return await backDoesNotReturn(tab, site, page);
  } finally {
    await tab.close();
  }
}

async function quickExitByLink(context, site, page, javaScript) {
  const tab = await openAfterAnother(context, site, page);
  try {
    await tab.locator("body > header a[href]").filter({ hasText: /\S/ }).and(tab.locator(`[href="${site.exitUrl}"]`)).click();
    await tab.waitForURL((url) => sameUrl(url.href, site.exitUrl), { timeout: 5000 });
    return javaScript ? await backDoesNotReturn(tab, site, page) : [];
  } finally {
    await tab.close();
  }
}

/** Clicks the first header link matching `test` and checks where it lands: status, URL, one h1, its text. */
async function follow(context, site, page, describe, test, expected) {
  const tab = await open(context, site.origin + page.path, page.status);
  try {
    const links = await tab.$$eval("body > header a[href]", (as) => as.map((a) => ({ href: a.href, hreflang: a.hreflang })));
    const index = links.findIndex(test);
    if (index < 0) return [`no ${describe} in the header`];
    const target = links[index].href;
    const [response] = await Promise.all([
      tab.waitForNavigation({ waitUntil: "load" }),
      tab.locator("body > header a[href]").nth(index).click(),
    ]);
    const problems = [];
    if (response?.status() !== 200) problems.push(`${describe} landed with status ${response?.status()}`);
    if (tab.url() !== target) problems.push(`${describe} landed on ${tab.url()}, expected ${target}`);
    const landed = await tab.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: [...document.querySelectorAll("h1")].map((h) => h.textContent.trim()),
    }));
    if (landed.h1.length !== 1) problems.push(`${describe} landed on a page with ${landed.h1.length} h1`);
    if (expected.h1 && landed.h1[0] !== expected.h1) problems.push(`${describe} landed on h1 "${landed.h1[0]}", expected "${expected.h1}"`);
    if (expected.lang && landed.lang !== expected.lang) problems.push(`${describe} landed on lang="${landed.lang}", expected ${expected.lang}`);
    return problems;
  } finally {
    await tab.close();
  }
}

/** JavaScript off: content shown, skip link, quick-exit link, Get help, language switcher, audience nav. */
async function withoutJavaScript(browser, site, page, where) {
  const { context, log } = await openContext(browser, site, { javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const { lang } = expectations(site, page);
  try {
    await check(where, "no JS: content visible", async () => {
      const tab = await open(context, site.origin + page.path, page.status);
      const box = await tab.locator("h1").boundingBox();
      await tab.close();
      return box && box.height > 0 ? [] : ["the h1 is not visible without JavaScript"];
    });
    await check(where, "no JS: quick-exit link", () => quickExitByLink(context, site, page, false));
    await check(where, "no JS: Get help", () =>
      follow(context, site, page, "Get help link", (l) => new URL(l.href).pathname === `/${lang}/help/`, {
        h1: site.h1[`/${lang}/help/`],
        lang,
      }),
    );
    const other = LANGS.find((l) => l !== lang);
    await check(where, "no JS: language switcher", () =>
      follow(context, site, page, `switcher link to ${other}`, (l) => l.hreflang === other, { lang: other }),
    );
    await check(where, "no JS: the search control reaches the A-Z page", async () => {
      const tab = await open(context, site.origin + page.path, page.status);
      try {
        await tab.fill("#find-query", "bullying");
        await Promise.all([tab.waitForNavigation({ waitUntil: "load" }), tab.press("#find-query", "Enter")]);
        const landed = new URL(tab.url());
        const h1 = await tab.evaluate(() => document.querySelector("h1")?.textContent.trim());
        const problems = [];
        if (landed.pathname !== `/${lang}/a-z/`) problems.push(`the search control led to ${landed.pathname}, expected /${lang}/a-z/`);
        if (h1 !== site.h1[`/${lang}/a-z/`]) problems.push(`the search control landed on h1 "${h1}"`);
        return problems;
      } finally {
        await tab.close();
      }
    });
    await check(where, "no JS: audience nav", () =>
      follow(context, site, page, "audience link to children", (l) => new URL(l.href).pathname === `/${lang}/children/`, {
        h1: site.h1[`/${lang}/children/`],
        lang,
      }),
    );
  } finally {
    await context.close();
  }
  record(where, "no outside requests or console errors (JavaScript off)", trafficProblems(log));
}

// ---------------------------------------------------------------------------------------------------------
// Search

/** Waits until the search page has answered its query (results or a message other than "Searching..."). */
async function searchSettled(tab) {
  await tab.waitForFunction(() => {
    const status = document.getElementById("search-status");
    return status && status.textContent && status.textContent !== status.dataset.loading;
  });
}

/** The result links of a settled search page, as paths. */
async function resultPaths(tab) {
  await searchSettled(tab);
  return tab.$$eval("#search-results li > a", (as) => as.map((a) => new URL(a.href).pathname));
}

/**
 * Search, where the site has it: the word for bullying finds the language's cyberbullying page first (when
 * that page is a real translation; a site without one only needs the search to answer), every result is a
 * page of the searched language (fallback copies are not indexed), a word found only in pages' body text
 * (Chinese, so the text must have been segmented into words) finds a page that has it in its text and not in
 * its title, the header box leads to the search page, and a guidance page loads nothing of the search until
 * the box is used.
 */
async function searchChecks(browser, site, name) {
  for (const [lang, word] of Object.entries(SEARCH_WORDS)) {
    if (!(await isFile(path.join(site.root, lang, "search", "index.html")))) continue;
    const target = `${lang}/children/cyberbullying/`;
    const expectFirst = (await isTranslated(site.root, lang, target)) ? `/${target}` : null;
    const { context, log } = await openContext(browser, site, {});
    try {
      await check(`${name} /${lang}/search/`, `searching "${word}"`, async () => {
        const tab = await open(context, `${site.origin}/${lang}/search/?q=${encodeURIComponent(word)}`, 200);
        const paths = await resultPaths(tab);
        await tab.close();
        const problems = [];
        if (expectFirst && paths.length === 0) problems.push(`no results for "${word}"`);
        const foreign = paths.filter((p) => !p.startsWith(`/${lang}/`) || p.includes("/pagefind/"));
        if (foreign.length) problems.push(`results outside /${lang}/: ${foreign.join(", ")}`);
        for (const p of paths) {
          if (!(await isTranslated(site.root, lang, p.slice(1)))) problems.push(`result ${p} is a fallback copy`);
        }
        if (expectFirst && paths[0] !== expectFirst) problems.push(`first result ${paths[0]}, expected ${expectFirst}`);
        return problems;
      });
    } finally {
      await context.close();
    }
    record(`${name} /${lang}/search/`, "no outside requests, CSP violations or console errors (search)", trafficProblems(log));
  }
  for (const [lang, word] of Object.entries(BODY_WORDS)) {
    if (!(await isFile(path.join(site.root, lang, "search", "index.html")))) continue;
    const { context, log } = await openContext(browser, site, {});
    try {
      await check(`${name} /${lang}/search/`, `searching "${word}", a word of the body text only`, async () => {
        const tab = await open(context, `${site.origin}/${lang}/search/?q=${encodeURIComponent(word)}`, 200);
        const paths = await resultPaths(tab);
        await tab.close();
        if (paths.length === 0) return [`no results for "${word}"`];
        const problems = [];
        const foreign = paths.filter((p) => !p.startsWith(`/${lang}/`));
        if (foreign.length) problems.push(`results outside /${lang}/: ${foreign.join(", ")}`);
        // The first result has the word in its text, not in its title, heading or description.
        const html = await readFile(path.join(site.root, paths[0], "index.html"), "utf8");
        const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
        const h1 = main.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? "";
        const head = [html.match(/<title>([\s\S]*?)<\/title>/)?.[1], html.match(/<meta name="description" content="([^"]*)"/)?.[1], h1];
        if (head.some((text) => text?.includes(word))) problems.push(`${paths[0]} has "${word}" in its title, heading or description`);
        if (!main.replace(h1, "").includes(word)) problems.push(`${paths[0]} does not have "${word}" in its text`);
        return problems;
      });
    } finally {
      await context.close();
    }
    record(`${name} /${lang}/search/`, "no outside requests, CSP violations or console errors (body search)", trafficProblems(log));
  }
  if (!(await isFile(path.join(site.root, "en", "search", "index.html")))) return;
  const slug = await guidanceSlug(site.root);
  const guidance = `${site.origin}/en/children/${slug}/`;
  const { context, log } = await openContext(browser, site, {});
  try {
    await check(`${name} /en/children/${slug}/`, "the page loads nothing of the search until it is used", async () => {
      const tab = await context.newPage();
      const requests = [];
      tab.on("request", (r) => requests.push(new URL(r.url()).pathname));
      await tab.goto(guidance, { waitUntil: "load" });
      await tab.waitForTimeout(300);
      await tab.close();
      return requests.filter((p) => p.includes("/pagefind/") || /\/theme\/search\.[0-9a-f]{10}\.js$/.test(p)).map((p) => `loaded ${p}`);
    });
    await check(`${name} /en/children/${slug}/`, "the header search box leads to results", async () => {
      const tab = await open(context, guidance, 200);
      await tab.fill("#find-query", SEARCH_WORDS.en);
      await Promise.all([tab.waitForNavigation({ waitUntil: "load" }), tab.press("#find-query", "Enter")]);
      const landed = new URL(tab.url());
      const paths = await resultPaths(tab);
      await tab.close();
      const problems = [];
      if (landed.pathname !== "/en/search/" || landed.searchParams.get("q") !== SEARCH_WORDS.en) {
        problems.push(`the header search led to ${landed.pathname}${landed.search}`);
      }
      const hasTarget = await isTranslated(site.root, "en", "en/children/cyberbullying/");
      if (hasTarget && paths.length === 0) problems.push("no results after searching from the header");
      return problems;
    });
  } finally {
    await context.close();
  }
  record(`${name} header search`, "no outside requests, CSP violations or console errors (header search)", trafficProblems(log));
}

// ---------------------------------------------------------------------------------------------------------
// Sites

async function budgetProblems(root) {
  const problems = [];
  const totals = {};
  const walk = async (folder) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        // Pagefind's bundle is fetched only by the search page, after the reader asks for a search.
        if (!(folder === root && entry.name === "pagefind")) await walk(file);
        continue;
      }
      const ext = path.extname(entry.name);
      if ([".woff", ".woff2", ".ttf", ".otf", ".eot"].includes(ext)) problems.push(`font file in the output: ${file}`);
      if (ext in BUDGET) totals[ext] = (totals[ext] ?? 0) + (await stat(file)).size;
      if (ext === ".css" && /@font-face/.test(await readFile(file, "utf8"))) problems.push(`@font-face in ${file}`);
    }
  };
  await walk(root);
  for (const [ext, limit] of Object.entries(BUDGET)) {
    if ((totals[ext] ?? 0) > limit) problems.push(`${ext} files total ${totals[ext]} bytes, over the ${limit}-byte budget`);
  }
  return problems;
}

/**
 * The policy bites and the watch on it works: on the chooser, a script element added to the page (inline
 * script, which `script-src 'self'` refuses) must not run, and its violation must reach the context's log.
 * Without this, a server that sent no policy, or a listener that heard nothing, would pass every page.
 */
async function cspCanary(browser, site) {
  const { context, log } = await openContext(browser, site, {});
  try {
    const tab = await open(context, `${site.origin}/`, 200);
    const ran = await tab.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__safeguideInlineRan = true;";
      document.head.append(script);
      await new Promise((ok) => setTimeout(ok, 200));
      return window.__safeguideInlineRan === true;
    });
    await tab.waitForTimeout(100);
    await tab.close();
    const problems = [];
    if (ran) problems.push("an inline script ran: the page was not served under a Content-Security-Policy that forbids it");
    if (!log.csp.some((v) => v.includes("script-src"))) problems.push(`no securitypolicyviolation was reported for the inline script (${log.csp.join("; ") || "none"})`);
    return problems;
  } finally {
    await context.close();
  }
}

/** Runs `task` on every item, at most `workers` at a time. */
async function inParallel(items, workers, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(workers, items.length) }, worker));
}

async function testSite(browser, root, exitUrl, screenshots, only, servedAt) {
  const local = servedAt ? null : await serve(root);
  const server = local?.server ?? null;
  const origin = local?.origin ?? servedAt.replace(/\/$/, "");
  try {
    const chooser = await readFile(path.join(root, "index.html"), "utf8");
    const site = {
      root,
      origin,
      screenshots,
      defaultLang: chooser.match(/<html lang="([^"]+)"/)?.[1] ?? "en",
      servedAt,
      exitUrl: exitUrl ?? decodeEntities(chooser.match(/<a [^>]*href="([^"]+)"[^>]*data-quick-exit/)?.[1] ?? ""),
      h1: {},
    };
    const name = path.basename(path.dirname(root)) + "/" + path.basename(root);
    if (!/^https?:\/\//.test(site.exitUrl)) {
      record(name, "quick_exit_url", [`no quick-exit URL for ${root}: pass --quick-exit URL`]);
      return;
    }
    await check(name, "CSS and JS budgets, no web fonts", () => budgetProblems(root));
    for (const lang of LANGS) {
      if (!(await isFile(path.join(root, lang, "index.html")))) record(name, `language ${lang}`, [`${root} has no /${lang}/`]);
    }
    for (const lang of [...LANGS, ...MORE_LANGS]) {
      for (const p of [`/${lang}/help/`, `/${lang}/children/`, `/${lang}/a-z/`]) site.h1[p] = await h1Of(root, p);
    }
    await check(name, "the site's Content-Security-Policy is enforced and its violations are seen", () => cspCanary(browser, site));
    if (!only || only.includes("search")) await searchChecks(browser, site, name);
    const pages = (await pagesOf(root)).filter((page) => !only || only.includes(page.kind));
    await inParallel(pages, WORKERS, async (page) => {
      const where = `${name} ${page.path} (${page.kind}${page.lang ? `, ${page.lang}` : ""})`;
      const failed = () => failures.filter((f) => f.where === where).length;
      const started = Date.now();
      await check(where, "page (JavaScript on)", () => withJavaScript(browser, site, page, where));
      const on = Date.now();
      if (!page.light) await check(where, "page (JavaScript off)", () => withoutJavaScript(browser, site, page, where));
      const seconds = (from, to = Date.now()) => ((to - from) / 1000).toFixed(1);
      const off = page.light ? "" : `, JavaScript off ${seconds(on)} s`;
      console.log(`${failed() === 0 ? "ok  " : "FAIL"} ${where} ${seconds(started)} s (JavaScript on ${seconds(started, on)} s${off})`);
    });
    if (local) {
      record(name, "every page served with the Content-Security-Policy of _headers", headersProblems(local.served, local.rules, local.hasHeadersFile));
    }
  } finally {
    server?.close();
  }
}

function parseArgs(argv) {
  const sites = [];
  let screenshots = path.resolve(HERE, "..", "..", "target", "browser", "screenshots");
  let exitUrl = null;
  let servedAt = null;
  let only = null;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === "--screenshots") screenshots = path.resolve(argv[++i]);
    else if (argv[i] === "--quick-exit") exitUrl = argv[++i];
    else if (argv[i] === "--served-at") servedAt = argv[++i];
    else if (argv[i] === "--only") only = argv[++i].split(",");
    else if (argv[i].startsWith("-")) throw new Error(`unknown option ${argv[i]}`);
    else {
      sites.push({ root: path.resolve(argv[i]), exitUrl, servedAt });
      exitUrl = null;
      servedAt = null;
    }
  }
  if (sites.length === 0) throw new Error("usage: node run.mjs [--screenshots DIR] [--quick-exit URL] SITE [...]");
  return { sites, screenshots, only };
}

async function main() {
  let options;
  let chromium;
  let browserToUse;
  try {
    options = parseArgs(process.argv.slice(2));
    for (const site of options.sites) {
      if (!(await isFile(path.join(site.root, "index.html")))) throw new Error(`${site.root}: no index.html (build the site first)`);
    }
    ({ chromium } = await import("playwright-core"));
    browserToUse = await findChromium();
  } catch (error) {
    console.error(`browser tests cannot run: ${error.message}`);
    console.error("needs: npm ci --prefix tests/browser (and Debian's chromium, or the pinned @sparticuz/chromium)");
    return 2;
  }
  console.log(`browser: ${browserToUse.description}`);
  await mkdir(options.screenshots, { recursive: true });
  const started = Date.now();
  const browser = await chromium.launch({
    executablePath: browserToUse.executablePath,
    env: browserToUse.env,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    for (const [i, site] of options.sites.entries()) {
      await testSite(browser, site.root, site.exitUrl, i === 0 ? options.screenshots : null, options.only, site.servedAt);
    }
  } finally {
    await browser.close();
  }
  for (const { where, check: name, problems } of failures) {
    console.log(`\nFAILED ${where}: ${name}`);
    for (const problem of problems) console.log(`  - ${problem}`);
  }
  console.log(`\nbrowser tests: ${passed} passed, ${failures.length} failed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (options.sites.length > 0) console.log(`screenshots: ${options.screenshots}`);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main().catch((error) => {
  console.error(`browser tests crashed: ${error.stack ?? error}`);
  return 2;
});
