//! The command line: what the user can ask for, parsed by clap. Every command takes `--root DIR`, the site
//! folder, defaulting to the current one.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
    /// Build the site in memory and serve it on this machine, rebuilding and reloading on every edit.
    Serve(ServeArgs),
    /// Check the site without writing anything: everything `build` checks, plus anchors, interface
    /// strings, headings, image text, page weight, reading level and helpline dates.
    Check(CheckArgs),
    /// Translation tracking.
    #[command(subcommand)]
    I18n(I18nCommand),
    /// Start a page as a draft: `<lang>/<audience>/<slug>` or `<lang>/<slug>`. In a language other than
    /// the default, this starts a translation of the source page.
    New(NewArgs),
    /// Create a new site in DIR (default: the current folder, which must be empty) that builds and passes
    /// `check --strict` at once.
    Init(InitArgs),
}

/// Options of `init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the site in; it must not exist or be empty.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The site's languages, comma-separated BCP 47 codes; the first is the default (source) language.
    #[arg(long, value_delimiter = ',', default_value = "en")]
    pub languages: Vec<String>,
    /// ISO 3166-1 alpha-2 code of the country whose child helplines the help page lists (from the built-in
    /// directory).
    #[arg(long)]
    pub country: Option<String>,
    /// The site's name, shown in every page's header.
    #[arg(long)]
    pub name: Option<String>,
}

/// The site folder, shared by every command.
#[derive(Debug, Args)]
pub struct RootArg {
    /// The site folder (holding site.yaml).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// Options of `build`.
#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools, reason = "independent switches of the command line")]
pub struct BuildArgs {
    /// The site folder.
    #[command(flatten)]
    pub root: RootArg,
    /// The output folder [default: ROOT/public].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Replace site.yaml's `base_url` (e.g. for a preview host).
    #[arg(long)]
    pub base_url: Option<String>,
    /// Build pages marked `draft: true` too.
    #[arg(long)]
    pub drafts: bool,
    /// Replace the output folder even if it holds files an earlier build did not write (never a source
    /// folder of the site).
    #[arg(long)]
    pub force: bool,
    /// Link pages as `…/index.html`, so the site also works opened from disk or a USB stick.
    #[arg(long)]
    pub portable: bool,
    /// Also write a `.br` and a `.gz` beside every HTML, CSS, JS, XML and JSON file, for hosts that serve
    /// precompressed files (identical bytes on every build).
    #[arg(long)]
    pub precompress: bool,
    /// Leave out the search index (the search box then leads to the A–Z index, as in portable builds).
    #[arg(long)]
    pub no_search: bool,
    /// Also write a zip of each language's portable site, linked from its home page, for sharing offline.
    #[arg(long)]
    pub bundle: bool,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Options of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site folder.
    #[command(flatten)]
    pub root: RootArg,
    /// The address to listen on. Loopback by default, so the preview is not shared with the network.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
    /// The port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Leave out pages marked `draft: true`, as `build` does. Without it, `serve` shows them, each with a
    /// "Draft" banner, so authors and translators preview the page they are writing.
    #[arg(long)]
    pub no_drafts: bool,
}

/// Output formats of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// For scripts.
    Json,
}

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The site folder.
    #[command(flatten)]
    pub root: RootArg,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub strict: bool,
}

/// The `i18n` commands.
#[derive(Debug, Subcommand)]
pub enum I18nCommand {
    /// Show, for each language, the pages and interface messages translated, missing, outdated,
    /// untracked and in draft.
    Status(StatusArgs),
    /// Record in translations that they are up to date with their source (`translated_from`).
    Stamp(StampArgs),
    /// Print the interface messages a language still lacks, as a Fluent file in the default language's
    /// text, for a translator to translate and save as `locales/<lang>/site.ftl`.
    Messages(MessagesArgs),
    /// Show what changed in a translation's source since the version it was stamped from (found in the
    /// site's git history by its content hash), as a unified diff of title, description and body.
    Diff(DiffArgs),
}

/// Options of `i18n diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The site folder.
    #[command(flatten)]
    pub root: RootArg,
    /// The translation (a path relative to the current folder).
    pub translation: PathBuf,
}

/// Options of `i18n messages`.
#[derive(Debug, Args)]
pub struct MessagesArgs {
    /// The site folder.
    #[command(flatten)]
    pub root: RootArg,
    /// The language to translate into (a code from site.yaml).
    pub lang: String,
}

/// Options of `i18n status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The site folder.
    #[command(flatten)]
    pub root: RootArg,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Options of `i18n stamp`.
#[derive(Debug, Args)]
pub struct StampArgs {
    /// The site folder.
    #[command(flatten)]
    pub root: RootArg,
    /// Translations to stamp (paths relative to the current folder).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Options of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The site folder.
    #[command(flatten)]
    pub root: RootArg,
    /// The page: `<lang>/<audience>/<slug>` or `<lang>/<slug>`.
    pub page: String,
}
