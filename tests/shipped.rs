//! The shipped site (the repository's own content/, locales/ and site.yaml): it builds, and it holds the
//! guidance the project promises, counted per audience and per language in the built output.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::support::text;

fn build_shipped() -> (tempfile::TempDir, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_safeguide"))
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--out")
        .arg(&public)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    (out, public)
}

/// Guidance pages of an audience in a language that are real translations, not fallbacks.
fn translated(public: &Path, lang: &str, audience: &str) -> Vec<String> {
    let dir = public.join(lang).join(audience);
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path().join("index.html");
        if path.is_file() {
            let html = std::fs::read_to_string(&path).unwrap();
            if !html.contains(r#"class="notice""#) {
                pages.push(
                    path.parent().unwrap().file_name().unwrap().to_string_lossy().into_owned(),
                );
            }
        }
    }
    pages.sort();
    pages
}

fn is_real(public: &Path, page: &str) -> bool {
    let html = std::fs::read_to_string(public.join(page)).unwrap_or_default();
    !html.is_empty() && !html.contains(r#"class="notice""#)
}

#[test]
fn the_shipped_site_meets_its_page_counts() {
    let (_keep, public) = build_shipped();
    let minimum =
        [("children", 10), ("parents", 8), ("educators", 6), ("industry", 6), ("policy-makers", 4)];
    for (audience, count) in minimum {
        let en = translated(&public, "en", audience);
        assert!(en.len() >= count, "en/{audience}: {} pages, at least {count} expected", en.len());
        // French and Spanish are complete: every English page is translated.
        for lang in ["fr", "es"] {
            assert_eq!(translated(&public, lang, audience), en, "{lang}/{audience} has fallbacks");
        }
    }
    let reporting = [
        "children/report-and-get-help",
        "parents/report-and-get-help",
        "educators/report-and-get-help",
        "industry/reporting-and-moderation",
        "policy-makers/legal-frameworks-and-reporting",
    ];
    for lang in ["en", "fr", "es", "ar", "zh", "ru"] {
        for page in ["index.html", "help/index.html", "about/index.html", "partners/index.html"] {
            assert!(is_real(&public, &format!("{lang}/{page}")), "{lang}/{page} is not translated");
        }
        for (audience, _) in minimum {
            assert!(
                is_real(&public, &format!("{lang}/{audience}/index.html")),
                "{lang}/{audience}/ is not translated"
            );
        }
        for page in reporting {
            assert!(
                is_real(&public, &format!("{lang}/{page}/index.html")),
                "{lang}/{page} is not translated"
            );
        }
    }
}

#[test]
fn every_shipped_helpline_and_partner_has_a_source_and_date() {
    let (_keep, public) = build_shipped();
    let data = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("content/data/helplines.yaml"),
    )
    .unwrap();
    // Distinct countries, not entries: a country with two services counts once.
    let codes = helpline_countries();
    assert!(codes.len() >= 60, "only {} distinct countries: {codes:?}", codes.len());
    let verified = data.lines().any(|l| l.trim_start().starts_with("verified:"));
    for lang in LANGUAGES {
        for cc in &codes {
            let page = std::fs::read_to_string(public.join(format!("{lang}/help/{cc}/index.html")))
                .unwrap_or_else(|e| panic!("{lang}/help/{cc}/: {e}"));
            assert!(
                page.contains(r#"<p class="meta">"#) && page.contains("<time datetime="),
                "{lang}/help/{cc}/ shows where its entries come from and when"
            );
        }
    }
    // "Checked" appeared on every helpline although nobody checked them: only `verified` may say so.
    for lang in LANGUAGES {
        let help = std::fs::read_to_string(public.join(format!("{lang}/help/index.html"))).unwrap();
        assert!(!help.contains("Checked on") && !help.contains("Vérifié le"), "{lang}/help/");
    }
    if !verified {
        let en = std::fs::read_to_string(public.join("en/help/gb/index.html")).unwrap();
        assert!(en.contains("From ") && !en.contains("confirmed"), "{en}");
    }
    let partners = std::fs::read_to_string(public.join("en/partners/index.html")).unwrap();
    assert!(
        partners.matches("<li><h3>").count() >= 25,
        "ITU and the 24 partners of the launch brochure"
    );
    assert!(
        !partners.contains("could not be verified"),
        "partners' notes say what the sources show"
    );
}

const LANGUAGES: [&str; 6] = ["en", "fr", "es", "ar", "zh", "ru"];

#[test]
fn the_help_page_lists_every_country_by_its_localised_name() {
    let (_keep, public) = build_shipped();
    for (lang, kenya, uk) in [
        ("en", "Kenya", "United Kingdom"),
        ("fr", "Kenya", "Royaume-Uni"),
        ("es", "Kenia", "Reino Unido"),
        ("ar", "كينيا", "المملكة المتحدة"),
        ("zh", "肯尼亚", "英国"),
        ("ru", "Кения", "Великобритания"),
    ] {
        let help = std::fs::read_to_string(public.join(format!("{lang}/help/index.html"))).unwrap();
        let finder = &help[help.find(r#"id="find-help""#).unwrap()..];
        assert!(finder.contains(r#"<a href="ke/">"#), "{lang}");
        assert!(finder.contains(&format!(">{kenya}</a>")), "{lang}: {kenya}");
        assert!(finder.contains(&format!(">{uk}</a>")), "{lang}: {uk}");
        for code in ["GB", "KE", "TZ", "UG"] {
            assert!(!help.contains(&format!(">{code}<")), "{lang}: a bare {code} is shown");
            assert!(!help.contains(&format!("({code})")), "{lang}: a bare {code} is shown");
        }
        // The urgent advice comes first, then the finder, then the rest of the prose.
        let danger = help.find(r#"id="if-you-are-in-danger-right-now""#).unwrap();
        let trust = help.find(r#"id="talk-to-someone-you-trust""#).unwrap();
        let finder_at = help.find(r#"id="find-help""#).unwrap();
        assert!(danger < trust && trust < finder_at, "{lang}: urgent advice before the finder");
        assert!(help.find(r#"id="what-116-111-is""#).unwrap() > finder_at, "{lang}");
        assert!(help.contains("theme/help-filter."), "{lang}");
        assert!(!help.contains("<script>"), "{lang}: no inline script");
    }
}

#[test]
fn numbers_in_partner_descriptions_keep_their_order_in_arabic() {
    let (_keep, public) = build_shipped();
    let ar = std::fs::read_to_string(public.join("ar/partners/index.html")).unwrap();
    assert!(
        ar.contains("\u{2066}116 111\u{2069}"),
        "Child Helpline International's description isolates 116 111 so that it reads left to right"
    );
    let en = std::fs::read_to_string(public.join("en/partners/index.html")).unwrap();
    assert!(
        en.contains("the 116 111 number") && !en.contains('\u{2066}'),
        "only right-to-left pages"
    );
}

#[test]
fn the_help_page_and_the_country_pages_stay_within_their_budgets() {
    let (_keep, public) = build_shipped();
    let mut largest = (0, PathBuf::new());
    for lang in LANGUAGES {
        let help = PathBuf::from(format!("{lang}/help/index.html"));
        let weight = page_weight(&public, &help);
        assert!(weight <= HELP_BUDGET, "{}: {weight} bytes, over {HELP_BUDGET}", help.display());
        for entry in std::fs::read_dir(public.join(lang).join("help")).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                let page =
                    PathBuf::from(lang).join("help").join(entry.file_name()).join("index.html");
                let weight = page_weight(&public, &page);
                assert!(
                    weight <= COUNTRY_BUDGET,
                    "{}: {weight} bytes, over {COUNTRY_BUDGET}",
                    page.display()
                );
                largest = largest.max((weight, page));
            }
        }
    }
    println!("largest country page: {} at {} bytes", largest.1.display(), largest.0);
}

#[test]
fn the_help_page_stays_within_its_budget_with_ninety_countries() {
    // The directory grows towards every country a source documents: the finder must still fit.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    for part in ["content", "locales"] {
        crate::support::copy_tree(&root.join(part), &site.join(part));
    }
    std::fs::copy(root.join("site.yaml"), site.join("site.yaml")).unwrap();
    let codes = "AE AR AT AU BD BE BF BG BH BI BJ BO BR BW BY CA CD CF CG CH CI CL CM CN CO CR CY CZ DE DK \
                 DZ EC EE EG ES ET FI FR GB GH GR GT HK HN HR HU ID IE IL IN IQ IS IT JO JP KE KG KH KR KW \
                 KZ LB LK LT LU LV MA MD MG MK ML MN MT MW MX MY MZ NE NG NI NL NO NP NZ OM PE PH PK PL PT";
    let regions = ["africa", "americas", "arab-states", "asia-pacific", "cis", "europe"];
    let mut data = String::new();
    for (i, code) in codes.split_whitespace().enumerate() {
        let region = regions[i % regions.len()];
        writeln!(
            data,
            "- country: {code}\n  region: {region}\n  name: National child helpline {i}\n  phone: \"116 111\"\n  \
             source: https://example.org/{code}\n  retrieved: 2026-11-27\n"
        )
        .unwrap();
    }
    assert_eq!(codes.split_whitespace().count(), 90);
    std::fs::write(site.join("content/data/helplines.yaml"), data).unwrap();
    let public = dir.path().join("public");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_safeguide"))
        .args(["build", "--root"])
        .arg(&site)
        .arg("--out")
        .arg(&public)
        .output()
        .unwrap();
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    let mut largest = (0, String::new());
    for lang in LANGUAGES {
        let page = PathBuf::from(format!("{lang}/help/index.html"));
        let weight = page_weight(&public, &page);
        assert!(weight <= HELP_BUDGET, "{}: {weight} bytes, over {HELP_BUDGET}", page.display());
        let html = std::fs::read_to_string(public.join(&page)).unwrap();
        let finder = &html[html.find(r#"id="find-help""#).unwrap()..];
        let finder = &finder[..finder.find("</section>").unwrap()];
        assert_eq!(finder.matches("<li><a href=\"").count(), 90, "{lang}: every country is listed");
        largest = largest.max((weight, lang.to_owned()));
    }
    println!("largest help page with 90 countries: {} at {} bytes", largest.1, largest.0);
}

/// The help page's budget (issue 10): the finder lists every country.
const HELP_BUDGET: u64 = 30 * 1024;
/// A country page's budget (issue 10): a child on a slow phone connection gets it at once.
const COUNTRY_BUDGET: u64 = 14 * 1024;

/// A built page's HTML plus the stylesheets and scripts it loads, in bytes.
fn page_weight(public: &Path, page: &Path) -> u64 {
    let html = std::fs::read_to_string(public.join(page))
        .unwrap_or_else(|e| panic!("{}: {e}", page.display()));
    let assets: u64 = linked_assets(&html)
        .iter()
        .map(|href| std::fs::metadata(resolve(public, page, href)).unwrap().len())
        .sum();
    html.len() as u64 + assets
}

/// The default theme's weight budgets (issue 3): readers on slow, costly connections pay for every byte.
const CSS_BUDGET: u64 = 20 * 1024;
const JS_BUDGET: u64 = 5 * 1024;
const PAGE_BUDGET: u64 = 60 * 1024;

/// Every file below `dir` whose name ends in `.{ext}`, with its size.
fn files_with_extension(dir: &Path, ext: &str) -> Vec<(PathBuf, u64)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == ext))
        .map(|e| (e.path().to_path_buf(), e.metadata().unwrap().len()))
        .collect()
}

/// The value of attribute `name` in one tag's text (the templates quote attributes with `"`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[start..].find('"').map(|end| &tag[start..start + end])
}

/// The stylesheets and scripts a page loads: `<link rel="stylesheet" href>` and `<script src>`.
fn linked_assets(html: &str) -> Vec<String> {
    let mut assets = Vec::new();
    for (open, wanted) in [("<link ", "href"), ("<script ", "src")] {
        for (at, _) in html.match_indices(open) {
            let tag = &html[at..at + html[at..].find('>').unwrap()];
            let is_stylesheet = attribute(tag, "rel").is_some_and(|r| r.contains("stylesheet"));
            if open == "<script " || is_stylesheet {
                assets.extend(attribute(tag, wanted).map(str::to_owned));
            }
        }
    }
    assets.sort();
    assets.dedup();
    assets
}

/// `href` resolved against the folder of the page at `page` (both relative to the output root).
fn resolve(public: &Path, page: &Path, href: &str) -> PathBuf {
    assert!(!href.contains("://"), "{}: loads {href} from another site", page.display());
    let mut parts: Vec<String> = match href.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => page
            .parent()
            .unwrap()
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect(),
    };
    for segment in href.trim_start_matches('/').split('/') {
        match segment {
            "" | "." => {}
            ".." => assert!(parts.pop().is_some(), "{}: {href} leaves the site", page.display()),
            s => parts.push(s.to_owned()),
        }
    }
    parts.iter().fold(public.to_path_buf(), |p, s| p.join(s))
}

#[test]
fn the_default_theme_and_every_guidance_page_stay_within_their_weight_budgets() {
    let static_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static");
    for (ext, budget) in [("css", CSS_BUDGET), ("js", JS_BUDGET)] {
        let files = files_with_extension(&static_dir, ext);
        let total: u64 = files.iter().map(|(_, size)| size).sum();
        assert!(!files.is_empty(), "the theme ships no .{ext} file");
        assert!(
            total <= budget,
            "the theme's .{ext} files weigh {total} bytes, over {budget}: {files:?}"
        );
    }

    let (_keep, public) = build_shipped();
    let mut weights = Vec::new();
    for (path, html_size) in files_with_extension(&public, "html") {
        let page = path.strip_prefix(&public).unwrap().to_path_buf();
        // Guidance pages are <lang>/<audience>/<slug>/index.html; topics/ and help/ (country pages) are
        // the other folders at that depth.
        let parts: Vec<_> = page.iter().collect();
        if parts.len() != 4 || parts[1] == "topics" || parts[1] == "help" {
            continue;
        }
        let html = std::fs::read_to_string(&path).unwrap();
        let assets: u64 = linked_assets(&html)
            .iter()
            .map(|href| {
                let file = resolve(&public, &page, href);
                std::fs::metadata(&file)
                    .unwrap_or_else(|e| {
                        panic!("{}: {href} ({}): {e}", page.display(), file.display())
                    })
                    .len()
            })
            .sum();
        weights.push((html_size + assets, page));
    }
    weights.sort();
    assert!(weights.len() >= 6 * 34, "only {} guidance pages found", weights.len());
    let over: Vec<String> = weights
        .iter()
        .filter(|(total, _)| *total > PAGE_BUDGET)
        .map(|(total, page)| format!("{}: {total} bytes", page.display()))
        .collect();
    assert!(over.is_empty(), "over the {PAGE_BUDGET}-byte page budget:\n{}", over.join("\n"));
    let (largest, page) = weights.last().unwrap();
    println!("largest guidance page: {} at {largest} bytes (HTML, CSS and JS)", page.display());
}

#[test]
fn the_shipped_site_passes_check_strictly() {
    // Every link and anchor resolves in every language, every interface message is translated and used,
    // children's pages read at their age band, and no helpline is stale (as of the date the data was checked).
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_safeguide"))
        .args(["check", "--strict", "--root"])
        .arg(root)
        .env("SOURCE_DATE_EPOCH", "1795780800")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("0 error(s), 0 warning(s)"), "{stdout}");
}

#[test]
fn every_shipped_translation_is_tracked_and_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_safeguide"))
        .args(["i18n", "status", "--format", "json", "--root"])
        .arg(root)
        .output()
        .unwrap();
    assert!(output.status.success());
    let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for lang in status["languages"].as_array().unwrap() {
        for list in ["outdated", "untracked", "draft"] {
            assert_eq!(lang["pages"][list], serde_json::json!([]), "{} {list}", lang["code"]);
        }
        assert_eq!(lang["messages"]["missing"], serde_json::json!([]), "{}", lang["code"]);
        assert_eq!(lang["messages"]["obsolete"], serde_json::json!([]), "{}", lang["code"]);
    }
    let missing = |code: &str| {
        status["languages"].as_array().unwrap().iter().find(|l| l["code"] == code).unwrap()["pages"]
            ["missing"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!((missing("fr"), missing("es")), (0, 0), "French and Spanish are complete");
}

#[test]
fn the_shipped_site_shows_a_drawing_with_alt_text_in_every_language() {
    let (_dir, public) = build_shipped();
    let mut alts = std::collections::HashSet::new();
    for lang in ["en", "fr", "es", "ar", "zh", "ru"] {
        let page = public.join(lang).join("children/report-and-get-help/index.html");
        let html = std::fs::read_to_string(&page).unwrap();
        let tag = html.split("<img ").nth(1).and_then(|t| t.split('>').next()).map_or_else(
            || panic!("{lang}: no image on the children's report page"),
            |t| format!(" {t}"),
        );
        let tag = tag.as_str();
        assert_eq!(attribute(tag, "src"), Some("../report-and-block-buttons.svg"), "{lang}: {tag}");
        assert!(attribute(tag, "width").is_some() && attribute(tag, "height").is_some(), "{tag}");
        let alt = attribute(tag, "alt").unwrap_or_default();
        assert!(alt.chars().count() > 40, "{lang}: the alt text describes the drawing: {alt}");
        alts.insert(alt.to_owned());
        let svg = public.join(lang).join("children/report-and-block-buttons.svg");
        assert!(svg.is_file(), "{lang}: the drawing is published beside the page");
    }
    assert_eq!(alts.len(), 6, "the alt text is translated into every language");
}

/// The distinct countries of the shipped helplines.yaml, as lower-case ISO 3166-1 codes (the folder names
/// of the country pages).
fn helpline_countries() -> std::collections::BTreeSet<String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/data/helplines.yaml");
    let entries: Vec<serde_yaml::Value> =
        serde_yaml::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    entries
        .iter()
        .map(|entry| {
            let code = entry["country"].as_str();
            code.unwrap_or_else(|| panic!("an entry without a country: {entry:?}"))
                .to_ascii_lowercase()
        })
        .collect()
}

/// The text of an element's content with tags removed and the five predefined entities decoded.
fn plain(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .trim()
        .to_owned()
}

/// The content of the first `<tag ...>...</tag>` of `html`, as plain text.
fn element_text(html: &str, tag: &str) -> Option<String> {
    let open = html.find(&format!("<{tag}>")).or_else(|| html.find(&format!("<{tag} ")))?;
    let start = open + html[open..].find('>')? + 1;
    let end = start + html[start..].find(&format!("</{tag}>"))?;
    Some(plain(&html[start..end]))
}

/// The country's name inside a heading such as "Get help in \u{2068}Kenya\u{2069}": the text between the first isolate
/// marks (U+2068 ... U+2069), else the whole text.
fn isolated_name(text: &str) -> &str {
    match (text.find('\u{2068}'), text.find('\u{2069}')) {
        (Some(start), Some(end)) if start < end => &text[start + '\u{2068}'.len_utf8()..end],
        _ => text,
    }
}

/// Whether `text` shows the bare country code instead of a name: the name (between isolate marks, when
/// there are any) is empty or the code in either case, or the text holds the upper-case code as a word
/// ("Get help in KE", "(KE)").
fn shows_bare_code(text: &str, code: &str) -> bool {
    let name = isolated_name(text).trim();
    let upper = code.to_ascii_uppercase();
    let as_word = text.split(|c: char| !c.is_alphanumeric()).any(|word| word == upper);
    name.is_empty() || name.eq_ignore_ascii_case(code) || as_word
}

#[test]
fn every_helpline_country_is_named_not_coded_in_every_language() {
    // The finder once showed "TZ" where CLDR had no name at hand: for every country in the data and every
    // language, the help page's link and the country page's heading and title carry a name.
    let (_keep, public) = build_shipped();
    let codes = helpline_countries();
    let mut bare = Vec::new();
    for lang in LANGUAGES {
        let help = std::fs::read_to_string(public.join(format!("{lang}/help/index.html"))).unwrap();
        let finder =
            &help[help.find(r#"id="find-help""#).unwrap_or_else(|| panic!("{lang}: no finder"))..];
        for cc in &codes {
            // `<a href="ke/">` or, for a name in the default language, `<a href="ke/" lang="en">`.
            let link = format!(r#"<a href="{cc}/""#);
            let Some(at) = finder.find(&link) else {
                bare.push(format!("{lang}/help/: no link to {cc}/"));
                continue;
            };
            let rest = &finder[at + link.len()..];
            let rest = &rest[rest.find('>').unwrap() + 1..];
            let name = plain(&rest[..rest.find("</a>").unwrap()]);
            if shows_bare_code(&name, cc) {
                bare.push(format!("{lang}/help/: the link to {cc}/ reads {name:?}"));
            }
            let page = std::fs::read_to_string(public.join(format!("{lang}/help/{cc}/index.html")))
                .unwrap_or_else(|e| panic!("{lang}/help/{cc}/: {e}"));
            for tag in ["h1", "title"] {
                let text = element_text(&page, tag).unwrap_or_default();
                if shows_bare_code(&text, cc) {
                    bare.push(format!("{lang}/help/{cc}/: <{tag}> {text:?}"));
                }
            }
        }
    }
    assert!(bare.is_empty(), "countries shown by their code:\n{}", bare.join("\n"));
}

#[test]
fn chinese_pages_do_not_call_sexual_images_of_children_pornography() {
    // 色情 ("pornography") is not the word for sexual images of children (性图片, 裸照, 性图像): not on the
    // help page a child reads first, and not in the label of the topic about sharing pictures.
    let (_keep, public) = build_shipped();
    let help = std::fs::read_to_string(public.join("zh/help/index.html")).unwrap();
    assert!(!help.contains("色情"), "zh/help/ says 色情");
    let source =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/zh/help.md"))
            .unwrap();
    assert!(!source.contains("色情"), "content/zh/help.md says 色情");
    let ftl =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/zh/site.ftl"))
            .unwrap();
    let label = ftl_message(&ftl, "topic-images").expect("locales/zh/site.ftl has no topic-images");
    assert!(!label.is_empty() && !label.contains("色情"), "topic-images = {label}");
    // The label as the built site shows it.
    let topic = std::fs::read_to_string(public.join("zh/topics/images/index.html")).unwrap();
    assert_eq!(
        element_text(&topic, "h1"),
        Some(label),
        "zh/topics/images/ is headed by topic-images"
    );
}

/// The value of Fluent message `id` in `ftl` (its first line and any indented continuation lines).
fn ftl_message(ftl: &str, id: &str) -> Option<String> {
    let mut lines = ftl.lines().skip_while(|l| l.split('=').next().map(str::trim) != Some(id));
    let first = lines.next()?.split_once('=')?.1.trim().to_owned();
    let more: Vec<&str> = lines.take_while(|l| l.starts_with(' ')).map(str::trim).collect();
    Some(
        std::iter::once(first.as_str()).chain(more).collect::<Vec<_>>().join(" ").trim().to_owned(),
    )
}

#[test]
fn french_audience_labels_say_parents_et_proches_and_enseignants_et_educateurs() {
    let ftl =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/fr/site.ftl"))
            .unwrap();
    assert_eq!(ftl_message(&ftl, "audience-parents").as_deref(), Some("Parents et proches"));
    assert_eq!(
        ftl_message(&ftl, "audience-educators").as_deref(),
        Some("Enseignants et éducateurs")
    );
    let (_keep, public) = build_shipped();
    for page in ["fr/index.html", "fr/children/cyberbullying/index.html", "fr/help/index.html"] {
        let html = std::fs::read_to_string(public.join(page)).unwrap();
        for label in ["Parents et proches", "Enseignants et éducateurs"] {
            assert!(
                html.contains(&format!(">{label}</a>")),
                "{page}: no audience link «\u{a0}{label}\u{a0}»"
            );
        }
        for old in [">Parents et tuteurs<", ">Éducateurs<"] {
            assert!(!html.contains(old), "{page}: the old label {old}");
        }
    }
}

/// How each language words "screenshot" (every form the children's pages use) and "under 18", and the
/// words that say the picture is sexual or nude.
type Wording =
    (&'static str, &'static [&'static str], &'static [&'static str], &'static [&'static str]);

/// See [`Wording`]: language, screenshot words, under-18 words, sexual or nude words.
const SCREENSHOT_RULE: [Wording; 6] = [
    ("en", &["screenshot"], &["under 18", "under-18"], &["nude", "sexual"]),
    (
        "fr",
        &["capture d'écran", "captures d'écran", "capture"],
        &["moins de 18"],
        &["nue", "sexuel"],
    ),
    (
        "es",
        &["captura", "captures"],
        &["menor de 18", "menores de 18", "menos de 18"],
        &["desnud", "sexual"],
    ),
    (
        "ar",
        &[
            "صورة شاشة",
            "صور شاشة",
            "صور الشاشة",
            "صورة الشاشة",
            "صوراً للشاشة",
            "صورا للشاشة",
            "لقطة شاشة",
            "لقطات شاشة",
            "لقطة الشاشة",
            "لقطات الشاشة",
        ],
        &["دون 18", "أقل من 18", "دون الثامنة عشرة"],
        &["عارية", "جنسية"],
    ),
    (
        "zh",
        &["截图", "截屏", "截了图", "截下"],
        &["未满18岁", "18岁以下", "不满18岁"],
        &["裸照", "性图片", "性图像", "性内容"],
    ),
    (
        "ru",
        &["скриншот"],
        &["нет 18", "младше 18", "моложе 18"],
        &["обнажённ", "обнаженн", "сексуальн"],
    ),
];

/// Children's pages whose only screenshot is not evidence to keep (a screenshot of a "news story" proves
/// nothing; someone may already have screenshotted a post): they give no advice to take one.
const SCREENSHOT_NOT_ADVICE: [&str; 2] = ["true-or-false", "your-digital-footprint"];

#[test]
fn every_childrens_page_that_mentions_screenshots_carries_the_under_18_exception() {
    // "Keep screenshots as evidence" must never reach a child without "but never a nude or sexual picture of
    // anyone under 18": such a screenshot is itself an image of child sexual abuse.
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut missing = Vec::new();
    for (lang, shots, under_18, sexual) in SCREENSHOT_RULE {
        let mut mentioning = 0;
        let dir = content.join(lang).join("children");
        let mut files: Vec<PathBuf> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for file in files.iter().filter(|f| f.extension().is_some_and(|x| x == "md")) {
            let text = std::fs::read_to_string(file)
                .unwrap()
                .to_lowercase()
                .replace("**", "")
                .replace('\u{2019}', "'");
            if !shots.iter().any(|w| text.contains(w)) {
                continue;
            }
            mentioning += 1;
            let slug = file.file_stem().unwrap().to_string_lossy();
            if SCREENSHOT_NOT_ADVICE.contains(&slug.as_ref()) {
                continue;
            }
            // One sentence says not to screenshot the nude or sexual picture, and the page says under 18.
            let sentences = text.split(['.', '。', '!', '?', '！', '？', ';', '؛', '\n']);
            let forbids = sentences
                .filter(|s| shots.iter().any(|w| s.contains(w)))
                .any(|s| sexual.iter().any(|w| s.contains(w)));
            let minors = under_18.iter().any(|w| text.contains(w));
            if !(forbids && minors) {
                missing.push(format!(
                    "content/{lang}/children/{slug}.md mentions screenshots but {}",
                    if forbids {
                        "never says under 18"
                    } else {
                        "never says not to screenshot a nude or sexual picture"
                    }
                ));
            }
        }
        // The words above are the ones the pages use: most children's pages talk about screenshots.
        assert!(mentioning >= 8, "{lang}: only {mentioning} children's pages mention {shots:?}");
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn the_help_page_is_in_the_sitemap_with_its_translations() {
    let (_keep, public) = build_shipped();
    let xml = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let base = "https://cop.example.org";
    for lang in LANGUAGES {
        let loc = format!("{base}/{lang}/help/");
        let url = doc
            .descendants()
            .filter(|n| n.has_tag_name("url"))
            .find(|u| u.children().any(|c| c.has_tag_name("loc") && c.text() == Some(loc.as_str())))
            .unwrap_or_else(|| panic!("sitemap.xml has no <url> for {loc}"));
        let alternates: Vec<(&str, &str)> = url
            .children()
            .filter(|c| c.has_tag_name("link") && c.attribute("rel") == Some("alternate"))
            .map(|c| {
                (
                    c.attribute("hreflang").unwrap_or_default(),
                    c.attribute("href").unwrap_or_default(),
                )
            })
            .collect();
        for other in LANGUAGES {
            let href = format!("{base}/{other}/help/");
            assert!(
                alternates.contains(&(other, href.as_str())),
                "{loc}: no hreflang=\"{other}\" alternate {href} in {alternates:?}"
            );
        }
        assert!(
            alternates.contains(&("x-default", &*format!("{base}/en/help/"))),
            "{loc}: {alternates:?}"
        );
        // The page itself links the same alternates.
        let page = std::fs::read_to_string(public.join(format!("{lang}/help/index.html"))).unwrap();
        assert!(
            page.contains(&format!(
                r#"<link rel="alternate" hreflang="zh" href="{base}/zh/help/">"#
            )),
            "{lang}/help/ links its Chinese translation"
        );
    }
}
