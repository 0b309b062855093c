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

/// A site folder with a minimal site.yaml (languages `en` and `fr`) and `files` written into it.
fn site_with(files: &[(&str, &String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let config = "base_url: https://example.org/\ndefault_language: en\nlanguages:\n  \
                  - { code: en, name: English }\n  - { code: fr, name: Français }\n";
    std::fs::write(dir.path().join("site.yaml"), config).unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text.as_bytes()).unwrap();
    }
    dir
}

/// Every diagnostic about `file` that has a line points inside the text as the loader read it, or at most
/// one line past its end (the YAML parser places an error at the end of the text on the line after it).
fn located_within(
    problems: &[crate::error::Diagnostic],
    file: &str,
    text: &str,
) -> Result<(), TestCaseError> {
    let lines = crate::fs::normalize_text(text).split('\n').count() + 1;
    for d in problems.iter().filter(|d| d.file == file) {
        if let Some(line) = d.line {
            prop_assert!((1..=lines).contains(&line), "{d:?} is past the end of {file}: {text:?}");
        }
        prop_assert!(d.column.is_none_or(|c| c >= 1), "{d:?}");
    }
    Ok(())
}

/// Fluent messages and terms from a few ids and variables, so that two files share ids, define one twice,
/// and use other variables than each other.
fn fluent() -> impl Strategy<Value = String> {
    let entry = (
        prop_oneof![Just("a"), Just("b"), Just("-t")],
        prop_oneof![
            Just("Text"),
            Just("{ $x }"),
            Just("{ $y } and { $x }"),
            Just("{ -t }"),
            Just("{ $x ->\n    [one] one\n   *[other] { $x }\n}"),
            Just("{ $x"),
        ],
    )
        .prop_map(|(id, value)| format!("{id} = {value}\n"));
    proptest::collection::vec(prop_oneof![6 => entry, 1 => structured()], 0..8)
        .prop_map(|v| v.concat())
}

/// Helpline lists from valid and invalid values, so that generated files pass parsing and reach the
/// checks after it (one region per country) as often as they fail in it.
fn helplines() -> impl Strategy<Value = String> {
    let entry = (
        prop_oneof![4 => Just("GB"), 4 => Just("KE"), 1 => Just("XX"), 1 => Just("gb")],
        prop_oneof![4 => Just("europe"), 4 => Just("africa"), 1 => Just("atlantis")],
        prop_oneof![
            4 => Just("Childline"),
            4 => Just("{en: Childline, fr: Ligne}"),
            1 => Just("")
        ],
        prop_oneof![
            4 => Just(""),
            4 => Just("  phone: +44 800 1111\n"),
            1 => Just("  phone: call us\n")
        ],
        prop_oneof![8 => Just("https://x.org/"), 1 => Just("javascript:alert(1)")],
        prop_oneof![8 => Just("2026-01-01"), 1 => Just("2026-13-01")],
    )
        .prop_map(|(country, region, name, phone, source, retrieved)| {
            format!(
                "- country: {country}\n  region: {region}\n  name: {name}\n{phone}  source: {source}\n  \
                 retrieved: {retrieved}\n"
            )
        });
    proptest::collection::vec(prop_oneof![8 => entry, 1 => structured()], 0..6)
        .prop_map(|v| v.concat())
}

/// Partner lists from valid and invalid values (an id used twice, a description only in another language).
fn partners() -> impl Strategy<Value = String> {
    let entry = (
        prop_oneof![4 => Just("itu"), 4 => Just("unicef"), 1 => Just("Bad Id")],
        prop_oneof![4 => Just("ngo"), 4 => Just("un-agency"), 1 => Just("club")],
        prop_oneof![
            8 => Just("{en: One line.}"),
            1 => Just("{fr: Une ligne.}"),
            1 => Just("{}")
        ],
    )
        .prop_map(|(id, kind, description)| {
            format!("- id: {id}\n  name: N\n  kind: {kind}\n  description: {description}\n")
        });
    proptest::collection::vec(prop_oneof![4 => entry, 1 => structured()], 0..6)
        .prop_map(|v| v.concat())
}

/// Topic lists with ids used twice and ids that are not URL-safe.
fn topics() -> impl Strategy<Value = String> {
    let entry = prop_oneof![
        4 => Just("privacy"),
        4 => Just("gaming"),
        1 => Just("Not An Id"),
        1 => Just("-x")
    ]
    .prop_map(|id| format!("- id: {id}\n"));
    proptest::collection::vec(prop_oneof![4 => entry, 1 => structured()], 0..6)
        .prop_map(|v| v.concat())
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
    fn fluent_files_never_panic(
        default in prop_oneof![fluent(), any_text()],
        translation in prop_oneof![fluent(), any_text()],
    ) {
        // Through the loader itself, as `build` reads `locales/<lang>/*.ftl`: parsing, the position of a
        // syntax error, ids defined twice and a translation's variables against the default language's.
        let files = [("locales/en/x.ftl", &default), ("locales/fr/x.ftl", &translation)];
        let site = site_with(&files);
        let config = crate::config::load(site.path(), None).unwrap();
        if let Err(crate::error::Error::Site(problems)) =
            crate::i18n::load::load(&config, site.path(), &[])
        {
            for (file, text) in files {
                located_within(&problems, file, text)?;
            }
        }
    }

    #[test]
    fn data_files_never_panic(
        helplines in prop_oneof![helplines(), any_text()],
        partners in prop_oneof![partners(), any_text()],
        topics in prop_oneof![topics(), any_text()],
    ) {
        // Through the data loader with its checks after parsing (ids used twice, one region per country, a
        // description in the default language), as `build` reads `content/data/*.yaml`.
        let files = [
            ("content/data/helplines.yaml", &helplines),
            ("content/data/partners.yaml", &partners),
            ("content/data/topics.yaml", &topics),
        ];
        let site = site_with(&files);
        let config = crate::config::load(site.path(), None).unwrap();
        if let Err(crate::error::Error::Site(problems)) = crate::data::load(&config, site.path()) {
            for (file, text) in files {
                located_within(&problems, file, text)?;
            }
        }
    }

    #[test]
    fn source_decoding_never_panics(bytes in any::<Vec<u8>>()) {
        let _ = crate::fs::decode_source(bytes, "content/en/x.md");
    }
}
