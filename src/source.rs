//! [`SiteSource`]: everything loaded and validated, the read-only input of rendering and checking.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::content::ContentTree;
use crate::data::SiteData;
use crate::error::{Error, Result};
use crate::i18n::Localizer;
use crate::theme::Theme;

/// The whole site, loaded.
pub struct SiteSource {
    /// The site root.
    pub(crate) root: PathBuf,
    /// The configuration.
    pub(crate) config: SiteConfig,
    /// The YAML data.
    pub(crate) data: SiteData,
    /// Every page.
    pub(crate) content: ContentTree,
    /// Interface strings.
    pub(crate) localizer: Arc<Localizer>,
    /// Templates and static files.
    pub(crate) theme: Theme,
    /// Each language's offline zip, when `build --bundle` makes them: its output path and size in bytes.
    pub(crate) bundles: std::collections::BTreeMap<String, (String, u64)>,
}

impl SiteSource {
    /// The codes of the site's languages, in site order.
    pub fn language_codes(&self) -> Vec<&str> {
        self.config.languages.iter().map(|l| l.code.as_str()).collect()
    }
}

/// Loads everything the site is made of and validates it, reporting every problem found.
pub fn load(root: &Path, base_url: Option<&str>, drafts: bool) -> Result<SiteSource> {
    load_with(root, base_url, drafts, true)
}

/// [`load`], keeping pages' Markdown text only when `keep_bodies` (see [`crate::content::LoadOptions`]).
pub(crate) fn load_with(
    root: &Path,
    base_url: Option<&str>,
    drafts: bool,
    keep_bodies: bool,
) -> Result<SiteSource> {
    let config = crate::config::load(root, base_url)?;
    let mut problems = Vec::new();
    let mut keep = |r: Result<()>| -> Result<()> {
        match r {
            Err(Error::Site(mut d)) => {
                problems.append(&mut d);
                Ok(())
            }
            other => other,
        }
    };
    let mut data = None;
    keep(crate::data::load(&config, root).map(|d| data = Some(d)))?;
    let data_ok = data.is_some();
    let data = data.unwrap_or_default();
    let topic_ids = data.topic_ids();
    let topics: Vec<String> = data.topics.iter().map(|t| t.id.clone()).collect();
    let mut localizer = None;
    keep(crate::i18n::load::load(&config, root, &topics).map(|l| localizer = Some(l)))?;
    let mut theme = None;
    keep(crate::theme::load(&config, root).map(|t| theme = Some(t)))?;
    let mut content = None;
    let options = crate::content::LoadOptions {
        root,
        drafts,
        topics: data_ok.then_some(&topic_ids),
        keep_bodies,
    };
    keep(crate::content::load(&config, &options).map(|c| content = Some(c)))?;
    match (localizer, theme, content) {
        (Some(localizer), Some(theme), Some(content)) if problems.is_empty() => Ok(SiteSource {
            root: root.to_path_buf(),
            config,
            data,
            content,
            localizer: Arc::new(localizer),
            bundles: std::collections::BTreeMap::new(),
            theme,
        }),
        _ => {
            crate::error::sort_diagnostics(&mut problems);
            Err(Error::Site(problems))
        }
    }
}
