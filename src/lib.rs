//! safeguide turns Markdown guidance, YAML data and Fluent interface strings into a multilingual static site.
//!
//! The build is a pipeline of plain data, one module per stage:
//!
//! ```text
//! BuildOptions ─► SiteConfig ─┬─► SiteData ────┐
//!  (build)        (config)    ├─► Localizer ───┤
//!                             ├─► Theme ───────┼─► SiteSource ─► Vec<OutputFile> ─► written atomically
//!                             └─► ContentTree ─┘    (source)      (render, rayon)     (build::output)
//! ```

pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod data;
pub mod date;
pub mod error;
pub mod escape;
pub mod fs;
pub mod i18n;
pub mod init;
pub mod markdown;
pub mod names;
pub mod new_page;
pub mod paths;
mod properties;
pub mod readability;
pub mod render;
pub mod report;
pub mod serve;
pub mod source;
pub mod theme;
pub mod yaml;

pub use build::{BuildOptions, BuildReport, build};
pub use error::{Diagnostic, Error, Severity};
