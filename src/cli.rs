//! The command line: what the user can ask for, parsed by clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// safeguide builds multilingual child online protection guidance into a fast, accessible static site.
#[derive(Debug, Parser)]
#[command(name = "safeguide", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (public/ by default).
    Build(BuildArgs),
}

/// Options of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The output folder [default: ROOT/public].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replace site.yaml's `base_url` (e.g. for a preview host).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Build pages marked `draft: true` too.
    #[arg(long)]
    pub drafts: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}
