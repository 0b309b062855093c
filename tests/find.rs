//! Finding and carrying the guidance (issue 12): feeds, the A–Z index, search, images and the offline bundle.

use crate::support::{Site, png, text};

fn built(args: &[&str]) -> Site {
    let site = Site::copy("good", &[]);
    let output = site.build(args);
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "build failed:\n{stdout}\n{stderr}");
    site
}

#[test]
fn every_language_has_an_atom_feed_that_parses() {
    let site = built(&[]);
    for lang in ["en", "fr", "ar", "ru"] {
        let xml = site.read(&format!("{lang}/feed.xml"));
        // Well-formed XML, with the language on the root element.
        let doc =
            roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{lang}/feed.xml: {e}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2005/Atom"));
        let xml_lang = root.attribute(("http://www.w3.org/XML/1998/namespace", "lang"));
        assert_eq!(xml_lang, Some(lang));
        // A valid Atom feed for a feed parser, newest first, guidance pages only.
        let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{lang}: {e}"));
        assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
        assert_eq!(feed.id, format!("https://example.org/{lang}/"));
        let links: Vec<&str> = feed.entries.iter().map(|e| e.links[0].href.as_str()).collect();
        assert_eq!(
            links,
            [
                format!("https://example.org/{lang}/parents/every-construct/"),
                format!("https://example.org/{lang}/children/be-kind/"),
                format!("https://example.org/{lang}/parents/talk/"),
                format!("https://example.org/{lang}/children/little-ones/"),
                format!("https://example.org/{lang}/children/teens/"),
            ],
            "{lang}: newest first, only guidance pages with a date"
        );
        let dates: Vec<_> = feed.entries.iter().map(|e| e.updated.unwrap()).collect();
        assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
        // Linked from every page's head and from the home page.
        for page in [format!("{lang}/index.html"), format!("{lang}/children/be-kind/index.html")] {
            let html = site.read(&page);
            assert!(
                html.contains(r#"<link rel="alternate" type="application/atom+xml" href="../"#)
                    && html.contains(&format!("{lang}/feed.xml\" title=")),
                "{page} has no feed link in its head"
            );
        }
        let home = site.read(&format!("{lang}/index.html"));
        assert!(
            home.contains(&format!(r#"<a href="../{lang}/feed.xml" type="application/atom+xml">"#)),
            "{home}"
        );
    }
    // Titles are the reader's language where translated; an untranslated page carries its own xml:lang.
    let ar = feed_rs::parser::parse(site.read("ar/feed.xml").as_bytes()).unwrap();
    assert_eq!(ar.entries[0].title.as_ref().unwrap().content, "قائمة تحقق لهاتف جديد");
    assert!(
        site.read("ar/feed.xml")
            .contains("<entry xml:lang=\"en\">\n    <title>Be kind online</title>")
    );
}

#[test]
fn feed_text_is_escaped() {
    let site = Site::copy("good", &[]);
    let page = site.source("content/en/children/be-kind.md");
    site.write(
        "content/en/children/be-kind.md",
        page.replace("title: Be kind online", "title: \"Kind <b>&</b> safe\"").as_bytes(),
    );
    let output = site.build(&[]);
    assert!(output.status.success(), "{:?}", text(&output));
    let xml = site.read("en/feed.xml");
    assert!(xml.contains("<title>Kind &lt;b&gt;&amp;&lt;/b&gt; safe</title>"), "{xml}");
    let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap();
    assert!(feed.entries.iter().any(|e| e.title.as_ref().unwrap().content == "Kind <b>&</b> safe"));
}

#[test]
fn a_feed_carries_the_newest_fifty_pages() {
    let site = Site::copy("good", &[]);
    for day in 1..=60 {
        let page = format!(
            "---\ntitle: Page {day}\ndescription: Day {day}.\nupdated: 2027-01-{:02}\n---\nText.\n",
            (day - 1) % 28 + 1
        );
        site.write(&format!("content/en/parents/p{day:02}.md"), page.as_bytes());
    }
    let output = site.build(&[]);
    assert!(output.status.success(), "{:?}", text(&output));
    let feed = feed_rs::parser::parse(site.read("en/feed.xml").as_bytes()).unwrap();
    assert_eq!(feed.entries.len(), 50);
    assert!(feed.entries.iter().all(|e| e.updated.unwrap().format("%Y").to_string() == "2027"));
    assert_eq!(feed.entries[0].updated.unwrap().format("%F").to_string(), "2027-01-28");
}

/// The URLs of the pages in the search index of `lang`, from the bundle's fragments (gzip, then a
/// `pagefind_dcd` signature before the JSON).
fn indexed_urls(site: &Site, lang: &str) -> Vec<String> {
    use std::io::Read as _;
    let mut urls = Vec::new();
    for entry in std::fs::read_dir(site.out().join("pagefind/fragment")).unwrap() {
        let path = entry.unwrap().path();
        if !path.file_name().unwrap().to_string_lossy().starts_with(&format!("{lang}_")) {
            continue;
        }
        let mut json = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&path).unwrap())
            .read_to_end(&mut json)
            .unwrap();
        let fragment: serde_json::Value =
            serde_json::from_slice(json.strip_prefix(b"pagefind_dcd").unwrap()).unwrap();
        urls.push(fragment["url"].as_str().unwrap().to_owned());
    }
    urls.sort();
    urls
}

#[test]
fn the_search_index_has_every_language_and_no_fallback_copies() {
    let site = built(&[]);
    let entry: serde_json::Value =
        serde_json::from_str(&site.read("pagefind/pagefind-entry.json")).unwrap();
    let count = |lang: &str| entry["languages"][lang]["page_count"].as_u64();
    // en has ten Markdown pages; ar two real ones (home, every-construct); fr and ru one each.
    assert_eq!(
        (count("en"), count("ar"), count("fr"), count("ru")),
        (Some(10), Some(2), Some(1), Some(1))
    );
    assert_eq!(indexed_urls(&site, "ar"), ["/ar/", "/ar/parents/every-construct/"]);
    assert_eq!(indexed_urls(&site, "fr"), ["/fr/children/be-kind/"]);
    assert!(indexed_urls(&site, "en").contains(&"/en/children/be-kind/".to_owned()));
    let script = site.asset("search.js");
    for file in
        ["pagefind/pagefind.js", "pagefind/wasm.ar.pagefind", &script, "en/search/index.html"]
    {
        assert!(site.out().join(file).is_file(), "{file} missing");
    }
    // Pagefind's ready-made interfaces are not published: the theme has its own search page.
    assert!(!site.out().join("pagefind/pagefind-ui.js").exists());
    // Pages load nothing of the search: the header box is a plain form to the A-Z page.
    let page = site.read("en/children/be-kind/index.html");
    assert!(!page.contains("pagefind") && !page.contains("theme/search."), "{page}");
    assert!(page.contains(r#"<form class="find" role="search" action="../../../en/a-z/" method="get" data-search="../../../en/search/">"#), "{page}");
    let search = site.read("ar/search/index.html");
    assert!(search.contains(&format!(r#"<script src="../../{script}" defer></script>"#)));
    assert!(search.contains(r#"data-bundle="../../pagefind/""#));
    assert!(search.contains("ابحث في هذا الموقع"), "the search page's strings come from Fluent");
}

#[test]
fn search_keywords_are_indexed_but_not_shown() {
    let site = Site::copy("good", &[]);
    let page = site.source("content/en/children/be-kind.md");
    site.write(
        "content/en/children/be-kind.md",
        page.replace("ages: 9-12", "ages: 9-12\nkeywords: [kindness, <nice>]").as_bytes(),
    );
    let output = site.build(&[]);
    assert!(output.status.success(), "{:?}", text(&output));
    assert!(!site.read("en/children/be-kind/index.html").contains("kindness"));
    let mut found = false;
    for entry in std::fs::read_dir(site.out().join("pagefind/fragment")).unwrap() {
        use std::io::Read as _;
        let mut json = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(entry.unwrap().path()).unwrap())
            .read_to_string(&mut json)
            .unwrap();
        found |= json.contains(r#""keywords":"kindness, <nice>""#);
    }
    assert!(found, "the keywords are the page's search metadata");
}

#[test]
fn portable_and_no_search_builds_have_no_index() {
    for args in [&["--portable"][..], &["--no-search"][..]] {
        let site = built(args);
        assert!(!site.out().join("pagefind").exists(), "{args:?}");
        // The search box still leads to the A-Z page, which lists every page.
        assert!(site.out().join("en/a-z/index.html").is_file());
    }
    let site = built(&["--portable"]);
    let page = site.read("en/children/be-kind/index.html");
    assert!(page.contains(r#"action="../../../en/a-z/index.html""#), "{page}");
}

/// The link texts of an A-Z page, in order.
fn a_to_z(site: &Site, lang: &str) -> Vec<(String, String)> {
    let html = site.read(&format!("{lang}/a-z/index.html"));
    let list = html.split(r#"<ul class="a-z">"#).nth(1).unwrap().split("</ul>").next().unwrap();
    list.split("<li><a href=\"")
        .skip(1)
        .map(|item| {
            let (href, rest) = item.split_once('"').unwrap();
            let text = rest.split_once('>').unwrap().1.split("</a>").next().unwrap();
            (href.to_owned(), text.to_owned())
        })
        .collect()
}

#[test]
fn the_a_to_z_page_lists_every_page_and_topic_in_collation_order() {
    let site = built(&[]);
    let en = a_to_z(&site, "en");
    let hrefs: Vec<&str> = en.iter().map(|(h, _)| h.as_str()).collect();
    for expected in [
        "../../en/about/",
        "../../en/children/",
        "../../en/children/be-kind/",
        "../../en/children/little-ones/",
        "../../en/children/teens/",
        "../../en/parents/",
        "../../en/parents/every-construct/",
        "../../en/parents/settings/",
        "../../en/parents/talk/",
        "../../en/help/",
        "../../en/partners/",
        "../../en/topics/bullying/",
        "../../en/topics/privacy/",
        "../../en/topics/reporting/",
    ] {
        assert!(hrefs.contains(&expected), "{expected} missing from {hrefs:?}");
    }
    assert!(!hrefs.contains(&"../../en/"), "the home page is linked from every page already");
    let titles: Vec<String> = en.iter().map(|(_, t)| t.to_lowercase()).collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted, "English titles in alphabetical order, ignoring case");
    // Arabic collation puts Arabic script before Latin (the root order would put Latin first); untranslated
    // pages keep their language.
    let ar = a_to_z(&site, "ar");
    let first_latin = ar.iter().position(|(_, t)| t.is_ascii()).unwrap();
    assert!(ar[..first_latin].iter().all(|(_, t)| !t.is_ascii()), "{ar:?}");
    assert!(ar[first_latin..].iter().all(|(_, t)| t.is_ascii()), "{ar:?}");
    assert!(
        site.read("ar/a-z/index.html")
            .contains(r#"<a href="../../ar/about/" lang="en" dir="auto">About this site</a>"#)
    );
    assert!(site.read("ar/a-z/index.html").contains("<h1>كل الصفحات مرتبة أبجديًا</h1>"));
}

fn size(bytes: &[u8]) -> (u32, u32) {
    let image = image::load_from_memory(bytes).unwrap();
    (image.width(), image.height())
}

#[test]
fn images_are_published_resized_per_language_and_cached() {
    let site = Site::copy("good", &[]);
    let page = site.source("content/en/children/be-kind.md");
    site.write(
        "content/en/children/be-kind.md",
        page.replace(
            "Think before you send.",
            "Think before you send.\n\n![A phone showing a block button](block.png)\n\n![A map](/maps/map.svg)",
        )
        .as_bytes(),
    );
    site.write("content/en/children/block.png", &png(1600, 1000, 10));
    // The Arabic screenshot is its own file; French readers get the English one.
    site.write("content/ar/children/block.png", &png(800, 500, 200));
    site.write(
        "static/maps/map.svg",
        br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150"><rect width="300" height="150"/></svg>"#,
    );
    site.write("static/notes.txt", b"kept as it is");
    let output = site.build(&[]);
    assert!(output.status.success(), "{:?}", text(&output));

    let html = site.read("en/children/be-kind/index.html");
    assert!(html.contains(r#"<img src="../block.png" srcset="../block-360w.png 360w, ../block-720w.png 720w, ../block.png 1200w" sizes="(min-width: 48rem) 44rem, calc(100vw - 2rem)" width="1200" height="750" alt="A phone showing a block button" decoding="async">"#), "{html}");
    assert!(html.contains(r#"<img src="../../../maps/map.svg" width="300" height="150" alt="A map" loading="lazy" decoding="async">"#), "{html}");
    let bytes =
        |path: &str| std::fs::read(site.out().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(size(&bytes("en/children/block.png")), (1200, 750));
    assert_eq!(size(&bytes("en/children/block-720w.png")), (720, 450));
    assert_eq!(size(&bytes("en/children/block-360w.png")), (360, 225));
    assert_eq!(bytes("fr/children/block.png"), bytes("en/children/block.png"));
    assert_eq!(
        size(&bytes("ar/children/block.png")),
        (800, 500),
        "the translation's own screenshot"
    );
    assert!(bytes("maps/map.svg").starts_with(b"<svg"));
    assert_eq!(bytes("static/notes.txt".trim_start_matches("static/")), b"kept as it is");

    // A rebuild takes the resized images from the cache instead of encoding them again.
    let cache = site.root().join(".safeguide-cache/images");
    let cached: Vec<_> = std::fs::read_dir(&cache).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(
        cached.len(),
        8,
        "three widths of each of the two originals, two of the fixture's 720 px phone-lock.png: {cached:?}"
    );
    let marker = png(360, 225, 99);
    for file in &cached {
        if file.to_string_lossy().ends_with("-360.png") {
            std::fs::write(file, &marker).unwrap();
        }
    }
    let output = site.build(&[]);
    assert!(output.status.success(), "{:?}", text(&output));
    assert_eq!(bytes("en/children/block-360w.png"), marker, "the cached file was used");
}

#[test]
fn images_count_toward_the_page_budget_in_check() {
    let site = Site::copy("good", &[]);
    let page = site.source("content/en/children/be-kind.md");
    site.write(
        "content/en/children/be-kind.md",
        page.replace("Think before you send.", "Think before you send.\n\n![Noise](noise.png)")
            .as_bytes(),
    );
    // Noise does not compress: the 360 px variant alone is well over the 60 KB default budget.
    let mut seed: u32 = 7;
    let noise = image::RgbImage::from_fn(800, 500, |_, _| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let [a, b, c, _] = seed.to_le_bytes();
        image::Rgb([a, b, c])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    noise.write_to(&mut bytes, image::ImageFormat::Png).unwrap();
    site.write("content/en/children/noise.png", &bytes.into_inner());
    let output = site.run(&["check", "--format", "json"]);
    let (stdout, stderr) = text(&output);
    let json: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}{stderr}"));
    let findings = json.as_array().unwrap();
    let heavy: Vec<&serde_json::Value> =
        findings.iter().filter(|f| f["code"] == "page-weight").collect();
    assert!(
        heavy.iter().any(|f| f["file"] == "content/en/children/be-kind.md"
            && f["message"].as_str().unwrap().contains("CSS, JS and images")),
        "{findings:?}"
    );
}

/// Every relative link (`href`, `src`, `action`, each `srcset` candidate) in the HTML files under `dir`.
fn relative_links(dir: &std::path::Path) -> Vec<(std::path::PathBuf, String)> {
    let mut links = Vec::new();
    for entry in walk(dir) {
        if entry.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(&entry).unwrap();
        for attribute in [" href=\"", " src=\"", " action=\"", " srcset=\""] {
            for (at, _) in html.match_indices(attribute) {
                let value = &html[at + attribute.len()..];
                let value = &value[..value.find('"').unwrap()];
                let urls: Vec<&str> = if attribute == " srcset=\"" {
                    value.split(", ").map(|c| c.split(' ').next().unwrap()).collect()
                } else {
                    vec![value]
                };
                for url in urls {
                    let path = url.split(['#', '?']).next().unwrap();
                    if path.is_empty() || path.contains(':') || path.starts_with('/') {
                        continue;
                    }
                    links.push((entry.clone(), path.to_owned()));
                }
            }
        }
    }
    links
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn bundles_are_deterministic_zips_whose_links_all_resolve() {
    let site = Site::copy("good", &[]);
    let page = site.source("content/en/children/be-kind.md");
    site.write(
        "content/en/children/be-kind.md",
        page.replace("Think before you send.", "Think before you send.\n\n![A phone](phone.png)")
            .as_bytes(),
    );
    site.write("content/en/children/phone.png", &png(900, 600, 40));
    let output = site.build(&["--bundle"]);
    assert!(output.status.success(), "{:?}", text(&output));
    let first: Vec<Vec<u8>> = ["en", "ar"]
        .iter()
        .map(|l| std::fs::read(site.out().join(format!("{l}/example-org-{l}.zip"))).unwrap())
        .collect();
    // The home page links its language's zip with its size.
    let home = site.read("ar/index.html");
    assert!(
        home.contains(r#"<a href="../ar/example-org-ar.zip" download type="application/zip">"#),
        "{home}"
    );
    assert!(home.contains("ميغابايت"), "{home}");

    std::thread::sleep(std::time::Duration::from_millis(1100));
    let output = site.build(&["--bundle"]);
    assert!(output.status.success(), "{:?}", text(&output));
    for (lang, bytes) in ["en", "ar"].iter().zip(&first) {
        let again =
            std::fs::read(site.out().join(format!("{lang}/example-org-{lang}.zip"))).unwrap();
        assert!(&again == bytes, "{lang}: two builds give byte-identical zips");
    }

    let unpacked = tempfile::tempdir().unwrap();
    zip::ZipArchive::new(std::io::Cursor::new(&first[1]))
        .unwrap()
        .extract(unpacked.path())
        .unwrap();
    let top = unpacked.path().join("example-org-ar");
    for file in [
        "ar/index.html",
        "ar/children/be-kind/index.html",
        "ar/children/phone.png",
        "ar/children/phone-360w.png",
    ] {
        assert!(top.join(file).is_file(), "{file} missing from the zip");
    }
    assert!(!top.join("pagefind").exists(), "the offline copy has no search index");
    let links = relative_links(&top);
    assert!(links.len() > 100, "{}", links.len());
    let broken: Vec<String> = links
        .iter()
        .filter(|(file, path)| !file.parent().unwrap().join(path).is_file())
        .map(|(file, path)| format!("{} -> {path}", file.strip_prefix(&top).unwrap().display()))
        .collect();
    assert!(broken.is_empty(), "links that do not resolve to a file: {broken:#?}");
    // Links to what the zip does not hold (other languages) go to the site online.
    let ar_home = std::fs::read_to_string(top.join("ar/index.html")).unwrap();
    assert!(ar_home.contains(r#"href="https://example.org/fr/""#), "{ar_home}");
}
