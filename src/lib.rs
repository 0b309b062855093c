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
//!
//! The public surface is what the command line (`main.rs`) calls; every other module and item is
//! `pub(crate)`, so the compiler reports code that nothing uses.

pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub(crate) mod content;
pub(crate) mod data;
pub(crate) mod date;
pub(crate) mod error;
pub(crate) mod escape;
pub mod fs;
pub mod i18n;
pub mod init;
pub(crate) mod markdown;
pub(crate) mod names;
pub mod new_page;
pub(crate) mod paths;
mod properties;
pub(crate) mod readability;
pub(crate) mod render;
pub mod report;
pub mod serve;
pub mod source;
pub(crate) mod theme;
pub(crate) mod yaml;

pub use build::{BuildOptions, BuildReport, build};
pub use error::{Diagnostic, Error, Severity};
