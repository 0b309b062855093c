//! The `safeguide` binary: parses the command line, runs the library, reports, and picks the exit status
//! (0 success, 1 a problem in the site's input, 2 a usage error or a failure of the machine).

/// mimalloc instead of the system allocator: rendering allocates many small strings on every thread, and
/// glibc's allocator spent a tenth of a build consolidating and freeing them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use safeguide::cli::{
    BuildArgs, CheckArgs, Cli, Command, DiffArgs, Format, I18nCommand, InitArgs, MessagesArgs,
    NewArgs, StampArgs, StatusArgs,
};
use safeguide::{BuildOptions, Diagnostic, Error, Severity};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => build(args),
        Command::Serve(args) => {
            let options = safeguide::serve::ServeOptions {
                root: args.root.root,
                bind: args.bind,
                port: args.port,
                drafts: !args.no_drafts,
            };
            match safeguide::serve::serve(&options, &|d| print_diagnostics(d, &options.root)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => report_error(&e, &options.root, "serve"),
            }
        }
        Command::Check(args) => check(&args),
        Command::I18n(I18nCommand::Status(args)) => status(&args),
        Command::I18n(I18nCommand::Stamp(args)) => stamp(&args),
        Command::I18n(I18nCommand::Messages(args)) => messages(&args),
        Command::I18n(I18nCommand::Diff(args)) => diff(&args),
        Command::Init(args) => init(&args),
        Command::New(args) => new(&args),
    }
}

fn build(args: BuildArgs) -> ExitCode {
    let root = args.root.root;
    let progress = !args.quiet && std::io::stderr().is_terminal();
    let options = BuildOptions {
        root: root.clone(),
        out: args.out,
        base_url: args.base_url,
        drafts: args.drafts,
        portable: args.portable,
        force: args.force,
        precompress: args.precompress,
        search: !args.no_search,
        bundle: args.bundle,
        progress,
    };
    // SIGINT and SIGTERM remove the unfinished output before exiting, so nothing half-written stays behind.
    // If the handler cannot be installed, a later build still clears what an interrupted one left.
    let _ = ctrlc::set_handler(|| {
        safeguide::build::output::remove_unfinished();
        std::process::exit(130);
    });
    match safeguide::build(&options) {
        Ok(report) => {
            if !args.quiet {
                for warning in &report.warnings {
                    eprintln!("warning: {warning}");
                }
                println!("{}", report.summary());
            }
            ExitCode::SUCCESS
        }
        Err(e) => report_error(&e, &root, "build"),
    }
}

fn check(args: &CheckArgs) -> ExitCode {
    let root = &args.root.root;
    let checked = match safeguide::check::check(root, &safeguide::new_page::today()) {
        Ok(checked) => checked,
        Err(e) => return report_error(&e, root, "check"),
    };
    let findings = &checked.findings;
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = findings.len() - errors;
    match args.format {
        Format::Json => {
            let json: Vec<safeguide::check::Finding> =
                findings.iter().map(safeguide::check::Finding::from).collect();
            println!("{}", serde_json::to_string_pretty(&json).unwrap_or_else(|_| "[]".into()));
        }
        Format::Text => {
            let colour = colour(&std::io::stdout());
            let mut out = std::io::stdout().lock();
            for f in findings {
                let _ = writeln!(out, "{}\n", safeguide::report::render(f, root, colour));
            }
            for note in &checked.notes {
                let _ = writeln!(out, "note: {note}");
            }
            let _ = writeln!(out, "{errors} error(s), {warnings} warning(s)");
        }
    }
    if errors > 0 || (args.strict && warnings > 0) { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

fn status(args: &StatusArgs) -> ExitCode {
    let root = &args.root.root;
    let source = match safeguide::source::load(root, None, true) {
        Ok(source) => source,
        Err(e) => return report_error(&e, root, "i18n status"),
    };
    let status = safeguide::i18n::status::status(&source);
    match args.format {
        Format::Json => {
            println!("{}", serde_json::to_string_pretty(&status).unwrap_or_else(|_| "{}".into()));
        }
        Format::Text => print!("{}", status.to_text()),
    }
    ExitCode::SUCCESS
}

fn messages(args: &MessagesArgs) -> ExitCode {
    let root = &args.root.root;
    let source = match safeguide::source::load(root, None, true) {
        Ok(source) => source,
        Err(e) => return report_error(&e, root, "i18n messages"),
    };
    if let Some(text) = safeguide::i18n::messages::to_translate(&source, &args.lang) {
        print!("{text}");
        ExitCode::SUCCESS
    } else {
        let codes = source.language_codes();
        eprintln!("error: `{}` is not a language of the site ({})", args.lang, codes.join(", "));
        ExitCode::from(2)
    }
}

fn diff(args: &DiffArgs) -> ExitCode {
    let root = &args.root.root;
    let result = safeguide::fs::absolute(root).and_then(|abs| {
        let config = safeguide::config::load(&abs, None)?;
        safeguide::i18n::diff::diff(&config, &abs, &args.translation)
    });
    match result {
        Ok(safeguide::i18n::diff::SourceDiff::UpToDate) => {
            println!("{}: up to date with its source", args.translation.display());
            ExitCode::SUCCESS
        }
        Ok(safeguide::i18n::diff::SourceDiff::Changed { diff, .. }) => {
            print!("{diff}");
            ExitCode::SUCCESS
        }
        Err(e) => report_error(&e, root, "i18n diff"),
    }
}

fn init(args: &InitArgs) -> ExitCode {
    let options = safeguide::init::InitOptions {
        dir: args.dir.clone(),
        languages: args.languages.clone(),
        country: args.country.clone(),
        name: args.name.clone(),
    };
    match safeguide::init::init(&options) {
        Ok(created) => {
            print!("{}", created.summary());
            ExitCode::SUCCESS
        }
        Err(e) => report_error(&e, &args.dir, "init"),
    }
}

fn stamp(args: &StampArgs) -> ExitCode {
    let root = &args.root.root;
    let result = safeguide::fs::absolute(root).and_then(|abs| {
        let config = safeguide::config::load(&abs, None)?;
        safeguide::i18n::stamp::stamp(&config, &abs, &args.files)
    });
    match result {
        Ok(stamped) => {
            for s in stamped {
                if s.unchanged {
                    println!("{}: already stamped {}", s.file, s.hash);
                } else {
                    println!("{}: translated_from: {}", s.file, s.hash);
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => report_error(&e, root, "stamp"),
    }
}

fn new(args: &NewArgs) -> ExitCode {
    let root = &args.root.root;
    let result = safeguide::fs::absolute(root).and_then(|abs| {
        let config = safeguide::config::load(&abs, None)?;
        safeguide::new_page::create(&config, &abs, &args.page, &safeguide::new_page::today())
    });
    match result {
        Ok(created) => {
            match created.source {
                Some(source) => println!(
                    "created {} (a draft translation of {source}): translate it, then remove `draft: true`",
                    created.file
                ),
                None => println!("created {}: write it, then remove `draft: true`", created.file),
            }
            ExitCode::SUCCESS
        }
        Err(e) => report_error(&e, root, "new"),
    }
}

/// Whether to colour what goes to `stream`: only on a terminal, and never when `NO_COLOR` is set.
fn colour(stream: &impl IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Prints diagnostics to stderr, each with its source line and hint.
fn print_diagnostics(diagnostics: &[Diagnostic], root: &Path) {
    let colour = colour(&std::io::stderr());
    let mut out = std::io::stderr().lock();
    for d in diagnostics {
        let _ = writeln!(out, "{}", safeguide::report::render(d, root, colour));
    }
}

fn report_error(error: &Error, root: &Path, command: &str) -> ExitCode {
    match error {
        Error::Site(diagnostics) => {
            print_diagnostics(diagnostics, root);
            let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            let tail =
                if command == "build" { "; the previous output was left as it was" } else { "" };
            eprintln!("{command} failed: {errors} error(s){tail}");
        }
        other => eprintln!("error: {other}"),
    }
    ExitCode::from(error.exit_code())
}
