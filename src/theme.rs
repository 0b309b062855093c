//! Themes: the Tera templates and static files that give the site its look. The default theme is embedded
//! in the binary; a site may select another from `themes/<name>/` and override single templates from its
//! own `templates/` folder.

use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::config::SiteConfig;
use crate::error::{Diagnostic, Error, Result};

/// The default theme, the repository's `themes/default/`.
static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The templates every theme provides.
pub const TEMPLATES: [&str; 11] = [
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
pub struct TemplateSource {
    /// Its text.
    pub text: String,
    /// Where it came from, relative to the site root, for messages.
    pub file: String,
}

/// A theme with the site's overrides applied.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Templates by name (`page.html`, or `partials/x.html` for included files).
    pub templates: BTreeMap<String, TemplateSource>,
    /// Static files by output path.
    pub static_files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    /// Where the static file published at `path` comes from, for messages.
    pub fn static_origin(&self, config: &SiteConfig, path: &str) -> String {
        format!("themes/{}/static/{path}", config.theme)
    }
}

/// Loads the theme named in site.yaml, then the site's own `templates/`.
pub fn load(config: &SiteConfig, root: &Path) -> Result<Theme> {
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
    if problems.is_empty() { Ok(theme) } else { Err(Error::Site(problems)) }
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
