//! One module per command; `run` loads the knowledge base and dispatches.

mod check;
mod commitments;
mod escalate;
mod export;
mod geo;
mod import;
mod import_coverage;
mod panel;
mod place;
mod serve;
mod show;
mod treaties;
mod why;

use casus_core::KnowledgeBase;
use casus_service::{Limits, Service};

use crate::args::{Cli, Command, KbCommand};
use crate::error::CliError;

pub fn run(cli: Cli) -> Result<(), CliError> {
    // A --boundaries file is checked by every command, not only the ones
    // that resolve coordinates: a file the user named must be usable.
    let overlay = cli
        .boundaries
        .as_deref()
        .map(casus_geo::Overlay::from_path)
        .transpose()
        .map_err(|e| CliError::Data(e.to_string()))?;
    if cli.kb.is_some() && matches!(cli.command, Command::Kb { .. }) {
        return Err(CliError::Usage(
            "kb export writes the embedded knowledge base; --kb does not apply (copy the directory instead)"
                .into(),
        ));
    }
    match cli.command {
        Command::Check(args) => check::run(cli.kb.as_deref(), &args),
        Command::Kb {
            command: KbCommand::Export { dir },
        } => export::run(&dir),
        Command::Import { command } => import::run(cli.kb.as_deref(), command),
        Command::Panel(args) => panel::run(cli.kb.as_deref(), &args),
        Command::Serve(args) => {
            let kb = load(cli.kb.as_deref())?;
            serve::run(
                Service::with_overlay(std::sync::Arc::new(kb), overlay),
                &args,
            )
        }
        command => {
            let kb = load(cli.kb.as_deref())?;
            // The command line's answers come from the same service as the
            // server's (one definition of the JSON), with its own caps.
            let service =
                Service::with_overlay(std::sync::Arc::new(kb), overlay).with_limits(Limits::cli());
            let places = geo::PlaceFlags {
                most_populous: cli.most_populous,
            };
            match command {
                Command::Why(args) => why::run(&service, &args, &places),
                Command::Place(args) => place::run(&service, &args, &places),
                Command::Commitments(args) => commitments::run(&service, &args),
                Command::Treaties(args) => treaties::run(&service, &args),
                Command::Show(args) => show::run(&service, &args),
                Command::Escalate(args) => escalate::run(&service, &args, &places),
                Command::Check(_)
                | Command::Kb { .. }
                | Command::Import { .. }
                | Command::Panel(_)
                | Command::Serve(_) => {
                    unreachable!("handled above")
                }
            }
        }
    }
}

/// The embedded knowledge base, or the one in `dir`.
pub fn load(dir: Option<&std::path::Path>) -> Result<KnowledgeBase, CliError> {
    match dir {
        Some(dir) => Ok(KnowledgeBase::load_dir(dir)?),
        None => KnowledgeBase::embedded().map_err(|d| CliError::Invalid(d.0)),
    }
}
