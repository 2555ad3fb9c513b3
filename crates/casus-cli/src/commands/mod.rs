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
mod show;
mod treaties;
mod why;

use casus_core::KnowledgeBase;

use crate::args::{Cli, Command, KbCommand};
use crate::error::CliError;

pub fn run(cli: Cli) -> Result<(), CliError> {
    // A --boundaries file is checked by every command, not only the ones
    // that resolve coordinates: a file the user named must be usable.
    if let Some(path) = &cli.boundaries {
        if !matches!(cli.command, Command::Why(_) | Command::Place(_)) {
            casus_geo::Overlay::from_path(path).map_err(|e| CliError::Data(e.to_string()))?;
        }
    }
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
        command => {
            let kb = load(cli.kb.as_deref())?;
            let places = geo::PlaceFlags {
                boundaries: cli.boundaries.as_deref(),
                most_populous: cli.most_populous,
            };
            match command {
                Command::Why(args) => why::run(&kb, &args, &places),
                Command::Place(args) => place::run(&kb, &args, &places),
                Command::Commitments(args) => commitments::run(&kb, &args),
                Command::Treaties(args) => treaties::run(&kb, &args),
                Command::Show(args) => show::run(&kb, &args),
                Command::Escalate(args) => escalate::run(&kb, &args, &places),
                Command::Check(_)
                | Command::Kb { .. }
                | Command::Import { .. }
                | Command::Panel(_) => {
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

/// Parse a query date, with a usage error on failure.
pub fn day(input: &str) -> Result<jiff::civil::Date, CliError> {
    Ok(casus_core::time::parse_day(input)?)
}

/// Refuse a state named twice among the attackers (or the defenders): the
/// second mention would be silently dropped.
pub fn refuse_duplicates(kb: &KnowledgeBase, ids: &[String], role: &str) -> Result<(), CliError> {
    for (i, id) in ids.iter().enumerate() {
        if ids[..i].contains(id) {
            return Err(CliError::Usage(format!(
                "{} is given twice as {role}",
                kb.polity_name(id)
            )));
        }
    }
    Ok(())
}
