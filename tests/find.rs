//! Finding and carrying the guidance (issue 12): feeds, the A–Z index, search, images and the offline bundle.

use crate::support::{Site, text};

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
