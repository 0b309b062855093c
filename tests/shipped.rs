//! The shipped site (the repository's own content/, locales/ and site.yaml): it builds, and it holds the
//! guidance the project promises, counted per audience and per language in the built output.

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
    let help = std::fs::read_to_string(public.join("en/help/index.html")).unwrap();
    assert!(help.contains("Checked on"), "helplines show when they were verified");
    let partners = std::fs::read_to_string(public.join("en/partners/index.html")).unwrap();
    assert!(
        partners.matches("<li><h3>").count() >= 25,
        "ITU and the 24 partners of the launch brochure"
    );
}
