//! The `casus` command line: parses arguments, loads the knowledge base
//! (embedded or `--kb DIR`), runs one command and maps failures to exit codes
//! (0 success, 1 knowledge-base or data error, 2 usage error).

mod args;
mod commands;
mod error;
mod output;

use std::process::ExitCode;

use clap::Parser;

use crate::args::Cli;

// mimalloc: start-up decodes tens of thousands of small strings and a full
// proof writes hundreds; it is markedly faster at both than the system
// allocator (docs/performance.md).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    restore_default_sigpipe();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with exit 0, and usage
            // errors to stderr with exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    output::init_colour(cli.color);
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            e.report();
            ExitCode::from(e.exit_code())
        }
    }
}

/// Let a closed pipe (`casus … | head`) end the process quietly, as for any
/// Unix filter, instead of making `println!` panic. Rust ignores SIGPIPE by
/// default; this restores the default action.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any thread is spawned; setting
    // a signal's disposition to SIG_DFL has no other preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
