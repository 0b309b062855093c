//! [`SiteSource`]: everything loaded and validated, the read-only input of rendering and checking.

use std::path::PathBuf;
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::content::ContentTree;
use crate::data::SiteData;
use crate::i18n::Localizer;
use crate::theme::Theme;

/// The whole site, loaded.
pub struct SiteSource {
    /// The site root.
    pub root: PathBuf,
    /// The configuration.
    pub config: SiteConfig,
    /// The YAML data.
    pub data: SiteData,
    /// Every page.
    pub content: ContentTree,
    /// Interface strings.
    pub localizer: Arc<Localizer>,
    /// Templates and static files.
    pub theme: Theme,
    /// Each language's offline zip, when `build --bundle` makes them: its output path and size in bytes.
    pub bundles: std::collections::BTreeMap<String, (String, u64)>,
}
