//! The `safeguide` binary: parses the command line, runs the library, reports, and picks the exit status
//! (0 success, 1 a problem in the site's input, 2 a usage error or a failure of the machine).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use safeguide::cli::{Cli, Command};
use safeguide::{BuildOptions, Error, Severity};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => {
            let options = BuildOptions {
                root: args.root,
                out: args.out,
                base_url: args.base_url,
                drafts: args.drafts,
            };
            match safeguide::build(&options) {
                Ok(report) => {
                    if !args.quiet {
                        println!("{}", report.summary());
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => report_error(&e),
            }
        }
    }
}

fn report_error(error: &Error) -> ExitCode {
    let stderr = std::io::stderr();
    let colour = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut out = stderr.lock();
    match error {
        Error::Site(diagnostics) => {
            for d in diagnostics {
                let (label, paint) = match d.severity {
                    Severity::Error => ("error", "\x1b[1;31m"),
                    Severity::Warning => ("warning", "\x1b[1;33m"),
                };
                if colour {
                    let _ = writeln!(out, "{paint}{label}\x1b[0m: {d}");
                } else {
                    let _ = writeln!(out, "{label}: {d}");
                }
                if let Some(hint) = &d.hint {
                    let _ = writeln!(out, "  hint: {hint}");
                }
            }
            let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            let _ = writeln!(
                out,
                "build failed: {errors} error(s); the previous output was left as it was"
            );
        }
        other => {
            let _ = writeln!(out, "error: {other}");
        }
    }
    ExitCode::from(error.exit_code())
}
