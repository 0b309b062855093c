//! Property tests: arbitrary bytes and arbitrary structured input to every parser of the site's sources
//! (front matter, Markdown with its link rewriting and heading ids, Fluent files, YAML data) return a
//! result or a diagnostic, never a panic. `PROPTEST_CASES` raises the number of cases (README).
#![cfg(test)]

use std::collections::HashMap;

use proptest::prelude::*;

use crate::markdown::LinkContext;

/// Text built from the pieces the parsers care about, so generated input reaches deep into them.
fn structured() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("---\n".to_owned()),
        Just("title: x\n".to_owned()),
        Just("## Heading {#id}\n".to_owned()),
        Just("[a](../b.md#c)".to_owned()),
        Just("[a](/root)".to_owned()),
        Just("![i](x.png)".to_owned()),
        Just("<!-- c".to_owned()),
        Just("-->".to_owned()),
        Just("<b>".to_owned()),
        Just("- [ ] task\n".to_owned()),
        Just("| a | b |\n|---|---|\n".to_owned()),
        Just("[^1]: note\n".to_owned()),
        Just("id = { $var }\n".to_owned()),
        Just("-term = T\n".to_owned()),
        Just("  *[one] x\n".to_owned()),
        Just("- country: GB\n".to_owned()),
        Just("\t".to_owned()),
        Just("\r\n".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("١١٦ 111 ".to_owned()),
        Just("尽早".to_owned()),
        "[^\\x00]{0,12}",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        structured(),
        any::<Vec<u8>>().prop_map(|b| String::from_utf8_lossy(&b).into_owned())
    ]
}

proptest! {
    // proptest's default: 256 cases, or PROPTEST_CASES when set.
    #[test]
    fn front_matter_never_panics(text in any_text()) {
        let _ = crate::content::front_matter::split(&text, "content/en/x.md");
    }

    #[test]
    fn markdown_links_and_heading_ids_never_panic(text in any_text(), rtl in any::<bool>()) {
        let pages: HashMap<String, String> = [("b.md".to_owned(), "b/".to_owned())].into();
        let cx = LinkContext {
            file: "content/en/a.md",
            key: "children/a.md",
            url_path: "children/a/",
            body_line: 3,
            pages: &pages,
            rtl,
            image: &|key: &str| {
                Ok(crate::content::assets::ImageMeta { width: u32::try_from(key.len() * 100).unwrap_or(u32::MAX), height: 50, svg: key.ends_with(".svg") })
            },
        };
        if let Ok(r) = crate::markdown::render(&text, &cx) {
            let mut ids = std::collections::HashSet::new();
            for h in &r.headings {
                prop_assert!(ids.insert(h.id.clone()), "heading ids are unique: {:?}", r.headings);
            }
            prop_assert!(!r.html.contains("<b>"), "raw HTML never passes: {}", r.html);
        }
        let _ = crate::markdown::slugify(&text);
    }

    #[test]
    fn fluent_files_never_panic(text in any_text()) {
        let _ = crate::i18n::definitions::definitions(&text);
        let _ = fluent_bundle::FluentResource::try_new(text);
    }

    #[test]
    fn data_files_never_panic(text in any_text()) {
        let _ = crate::yaml::parse::<Vec<crate::data::Helpline>>(&text, "content/data/helplines.yaml", 0);
        let _ = crate::yaml::parse::<Vec<crate::data::Partner>>(&text, "content/data/partners.yaml", 0);
        let _ = crate::yaml::parse::<Vec<crate::data::Topic>>(&text, "content/data/topics.yaml", 0);
    }

    #[test]
    fn source_decoding_never_panics(bytes in any::<Vec<u8>>()) {
        let _ = crate::fs::decode_source(bytes, "content/en/x.md");
    }
}
