//! Properties of whole builds on generated content trees (pages with links, anchors, images and French
//! translations, over the good fixture): two builds of the same tree are byte-identical, and every
//! internal link and asset of the output (`href`, `src`, `srcset`) resolves to a file of the output.
//! `PROPTEST_CASES` raises the number of trees (README).

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use proptest::prelude::*;

use crate::support::{Site, snapshot};

/// One generated page: its audience (or none), slug, the indexes of the pages it links to, each with
/// an anchor or not, whether it shows an image beside it, and whether it has a French translation.
#[derive(Debug, Clone)]
struct PageSpec {
    audience: Option<&'static str>,
    slug: String,
    links: Vec<(usize, bool)>,
    heading: String,
    image: bool,
    translated: bool,
}

fn page_spec() -> impl Strategy<Value = PageSpec> {
    (
        prop_oneof![Just(None), Just(Some("children")), Just(Some("parents"))],
        "[a-z]{1,8}",
        proptest::collection::vec((0usize..16, any::<bool>()), 0..5),
        "[A-Za-zé ١尽]{1,16}",
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(audience, slug, links, heading, image, translated)| PageSpec {
            audience,
            slug,
            links,
            heading,
            image,
            translated,
        })
}

fn key(p: &PageSpec) -> String {
    match p.audience {
        Some(a) => format!("{a}/gen-{}.md", p.slug),
        None => format!("gen-{}.md", p.slug),
    }
}

fn write_tree(site: &Site, pages: &[PageSpec]) {
    let keys: Vec<String> = pages.iter().map(key).collect();
    let png = std::fs::read(site.root().join("content/en/parents/phone-lock.png")).unwrap();
    for (i, page) in pages.iter().enumerate() {
        let depth = usize::from(page.audience.is_some());
        let mut body = format!("Intro.\n\n## {} {{#part-{i}}}\n\nText.\n\n", page.heading);
        for (target, anchored) in &page.links {
            let Some(to) = keys.get(target % keys.len().max(1)) else { continue };
            let anchor =
                if *anchored { format!("#part-{}", target % keys.len()) } else { String::new() };
            let up = "../".repeat(depth);
            let _ = write!(body, "See [page]({up}{to}{anchor}).\n\n");
        }
        if page.image {
            let folder = page.audience.map_or(String::new(), |a| format!("{a}/"));
            site.write(&format!("content/en/{folder}gen-{}.png", page.slug), &png);
            let _ = write!(body, "![A phone with a lock](gen-{}.png)\n\n", page.slug);
        }
        let ages = if page.audience == Some("children") { "ages: 9-12\n" } else { "" };
        let front = format!("---\ntitle: Page {i}\ndescription: Generated.\n{ages}---\n");
        site.write(&format!("content/en/{}", keys[i]), (front.clone() + &body).as_bytes());
        if page.translated {
            let front = front.replace("title: Page", "title: Page traduite");
            site.write(&format!("content/fr/{}", keys[i]), (front + &body).as_bytes());
        }
    }
}

/// Every `href`, `src` and `srcset` candidate of every HTML file below `out` that points inside the site
/// resolves to a file.
fn assert_links_resolve(out: &Path) {
    for entry in walkdir::WalkDir::new(out) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = std::fs::read_to_string(entry.path()).unwrap();
        let dir = entry.path().parent().unwrap();
        let mut urls = Vec::new();
        for attr in ["href=\"", "src=\"", "srcset=\""] {
            for part in html.split(attr).skip(1) {
                let value = &part[..part.find('"').unwrap()];
                if attr == "srcset=\"" {
                    // `a.png 360w, b.png 720w`
                    urls.extend(value.split(',').filter_map(|c| c.split_whitespace().next()));
                } else {
                    urls.push(value);
                }
            }
        }
        for url in urls {
            let is_external = url.contains(':') || url.starts_with('#') || url.is_empty();
            // 404 pages link by absolute path, as they are served at any depth.
            let is_rooted = url.starts_with('/');
            if is_external || (is_rooted && entry.file_name() == "404.html") {
                continue;
            }
            assert!(!is_rooted, "{}: `{url}` depends on the host root", entry.path().display());
            let path = url.split(['#', '?']).next().unwrap().replace("&amp;", "&");
            let mut target = dir.join(&path);
            if path.ends_with('/') || path.is_empty() {
                target = target.join("index.html");
            }
            assert!(target.is_file(), "{}: `{url}` leads nowhere", entry.path().display());
        }
    }
}

proptest! {
    // Each case runs two builds: 12 by default, PROPTEST_CASES when set.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(12),
        ..ProptestConfig::default()
    })]

    #[test]
    fn generated_sites_build_identically_and_every_link_resolves(
        pages in proptest::collection::vec(page_spec(), 1..10)
    ) {
        let mut seen = std::collections::HashSet::new();
        let pages: Vec<PageSpec> = pages.into_iter().filter(|p| seen.insert(p.slug.clone())).collect();
        let site = Site::copy("good", &[]);
        write_tree(&site, &pages);
        let mut outputs = Vec::new();
        for name in ["one", "two"] {
            let out = site.dir.path().join(name);
            let output = Command::new(env!("CARGO_BIN_EXE_safeguide"))
                .args(["build", "--quiet", "--root"])
                .arg(site.root())
                .arg("--out")
                .arg(&out)
                .output()
                .unwrap();
            prop_assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            outputs.push(snapshot(&out));
            assert_links_resolve(&out);
        }
        prop_assert!(outputs[0] == outputs[1], "two builds differ");
    }
}
