//! Themes: the Tera templates and static files that give the site its look. The default theme is embedded
//! in the binary; a site may select another from `themes/<name>/` and override single templates from its
//! own `templates/` folder.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use include_dir::{Dir, include_dir};
use sha2::{Digest, Sha256};

use crate::config::SiteConfig;
use crate::error::{Diagnostic, Error, Result};

/// The default theme, the repository's `themes/default/`.
static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The templates every theme provides.
pub(crate) const TEMPLATES: [&str; 11] = [
    "base.html",
    "home.html",
    "section.html",
    "page.html",
    "partners.html",
    "help.html",
    "topic.html",
    "chooser.html",
    "404.html",
    "a-z.html",
    "search.html",
];

/// One template's source.
#[derive(Debug, Clone)]
pub(crate) struct TemplateSource {
    /// Its text.
    pub(crate) text: String,
    /// Where it came from, relative to the site root, for messages.
    pub(crate) file: String,
}

/// A theme with the site's overrides applied.
#[derive(Debug, Clone, Default)]
pub(crate) struct Theme {
    /// Templates by name (`page.html`, or `partials/x.html` for included files).
    pub(crate) templates: BTreeMap<String, TemplateSource>,
    /// Static files by name below the theme's `static/` folder, as published (the stylesheet with the
    /// site's print addresses added).
    pub(crate) static_files: BTreeMap<String, Vec<u8>>,
    /// Where each static file is published, by name: style sheets and scripts under
    /// [`FINGERPRINTED`] with a hash of their content in the name (`theme/style.0a1b2c3d4e.css`), so hosts
    /// may cache them for a year and a changed file is a new address; anything else at its own name.
    /// Templates reach them as `{{ site.root }}{{ site.assets["style.css"] }}`.
    pub(crate) published: BTreeMap<String, String>,
}

/// The folder of fingerprinted theme files, which host configuration caches for a year.
pub(crate) const FINGERPRINTED: &str = "theme";

/// The theme stylesheet that gets the print addresses of links.
const PRINT_STYLESHEET: &str = "style.css";

/// Where the theme's static file published at `path` comes from, for messages.
pub(crate) fn static_origin(config: &SiteConfig, path: &str) -> String {
    format!("themes/{}/static/{path}", config.theme)
}

/// Loads the theme named in site.yaml, then the site's own `templates/`.
pub(crate) fn load(config: &SiteConfig, root: &Path) -> Result<Theme> {
    let mut theme = Theme::default();
    let mut problems = Vec::new();
    let on_disk = root.join("themes").join(&config.theme);
    if on_disk.is_dir() {
        read_dir_into(root, &on_disk.join("templates"), &mut theme, true, &mut problems)?;
        read_dir_into(root, &on_disk.join("static"), &mut theme, false, &mut problems)?;
    } else if config.theme == "default" {
        embedded_into(&mut theme);
    } else {
        return Err(Error::Site(vec![
            Diagnostic::error(
                "site.yaml",
                "theme",
                format!("the theme `{}` was not found", config.theme),
            )
            .hint(format!("put it in themes/{}/ or use `theme: default`", config.theme)),
        ]));
    }
    read_dir_into(root, &root.join("templates"), &mut theme, true, &mut problems)?;
    for name in TEMPLATES {
        if !theme.templates.contains_key(name) {
            problems.push(Diagnostic::error(
                format!("themes/{}/templates/{name}", config.theme),
                "template",
                format!("the theme has no `{name}`"),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(Error::Site(problems));
    }
    if let Some(css) = theme.static_files.get_mut(PRINT_STYLESHEET) {
        css.extend_from_slice(print_bases(config).as_bytes());
    }
    theme.published = theme
        .static_files
        .iter()
        .map(|(name, bytes)| (name.clone(), published_path(name, bytes)))
        .collect();
    Ok(theme)
}

/// CSS giving each language's pages the address printed before a link's path (`--print-base`), so printed
/// links show their full address in the reader's language without a `style` attribute, which a strict
/// Content-Security-Policy would block. Base URLs are parsed URLs, so they hold no quote or line break.
fn print_bases(config: &SiteConfig) -> String {
    let mut css = String::from("\n");
    for lang in &config.languages {
        let _ = writeln!(
            css,
            "html[lang=\"{}\"]{{--print-base:\"{}{}/\"}}",
            lang.code, config.base_url, lang.code
        );
    }
    css
}

/// The output path of static file `name`: CSS and JavaScript under [`FINGERPRINTED`] with the first ten hex
/// digits of the SHA-256 of their bytes before the extension; other files as they are named.
fn published_path(name: &str, bytes: &[u8]) -> String {
    let Some((stem, ext @ ("css" | "js"))) = name.rsplit_once('.') else {
        return name.to_owned();
    };
    let hash = Sha256::digest(bytes).iter().take(5).fold(String::new(), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    });
    format!("{FINGERPRINTED}/{stem}.{hash}.{ext}")
}

fn embedded_into(theme: &mut Theme) {
    let mut stack = vec![&DEFAULT_THEME];
    while let Some(dir) = stack.pop() {
        stack.extend(dir.dirs());
        for file in dir.files() {
            let path = file.path().to_string_lossy().replace('\\', "/");
            if let Some(name) = path.strip_prefix("templates/") {
                let text = crate::fs::normalize_text(&String::from_utf8_lossy(file.contents()));
                theme.templates.insert(
                    name.to_owned(),
                    TemplateSource { text, file: format!("themes/default/{path} (built in)") },
                );
            } else if let Some(name) = path.strip_prefix("static/") {
                theme.static_files.insert(name.to_owned(), file.contents().to_vec());
            }
        }
    }
}

fn read_dir_into(
    root: &Path,
    dir: &Path,
    theme: &mut Theme,
    templates: bool,
    problems: &mut Vec<Diagnostic>,
) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in crate::fs::walk(root, dir, usize::MAX, problems) {
        if entry.is_dir {
            continue;
        }
        let name = crate::fs::shown(dir, &entry.path);
        let shown = crate::fs::shown(root, &entry.path);
        if templates {
            match crate::fs::read_source(&entry.path, &shown)? {
                Ok(text) => {
                    theme.templates.insert(name, TemplateSource { text, file: shown });
                }
                Err(d) => problems.push(d),
            }
        } else {
            theme.static_files.insert(name, crate::fs::read(&entry.path)?);
        }
    }
    Ok(())
}
