//! Presentation helpers shared by the commands: colour, tables, CSV and
//! JSON writers, and one-line diagnostics.

use std::io::Write;

use casus_core::{Diagnostic, Severity, Truth, VerdictKind};
use comfy_table::{ContentArrangement, Table};
use owo_colors::{OwoColorize, Stream};
use serde::Serialize;

use crate::args::ColourChoice;
use crate::error::CliError;

pub fn init_colour(choice: ColourChoice) {
    match choice {
        ColourChoice::Auto => owo_colors::unset_override(),
        ColourChoice::Always => owo_colors::set_override(true),
        ColourChoice::Never => owo_colors::set_override(false),
    }
}

/// comfy-table preset: every component blank except the header rule.
const HEADER_RULE_ONLY: &str = "     ──            ";

/// A table for people: aligned columns, no heavy borders.
pub fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    // Only a rule under the header: aligned columns without a grid.
    t.load_preset(HEADER_RULE_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.iter().map(|h| h.to_string()));
    t
}

pub fn bold(s: &str) -> String {
    s.if_supports_color(Stream::Stdout, |s| s.bold().to_string())
        .to_string()
}

pub fn dim(s: &str) -> String {
    s.if_supports_color(Stream::Stdout, |s| s.dimmed().to_string())
        .to_string()
}

pub fn verdict(v: VerdictKind) -> String {
    let label = v.label();
    match v {
        VerdictKind::Triggered => label
            .if_supports_color(Stream::Stdout, |s| s.red().bold().to_string())
            .to_string(),
        VerdictKind::NotTriggered => label
            .if_supports_color(Stream::Stdout, |s| s.green().to_string())
            .to_string(),
        VerdictKind::Contested => label
            .if_supports_color(Stream::Stdout, |s| s.yellow().bold().to_string())
            .to_string(),
    }
}

pub fn truth(t: Truth) -> &'static str {
    match t {
        Truth::Yes => "yes",
        Truth::No => "no",
        Truth::Unknown => "uncertain",
    }
}

pub fn diagnostic_line(d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => "error"
            .if_supports_color(Stream::Stderr, |s| s.red().bold().to_string())
            .to_string(),
        Severity::Warning => "warning"
            .if_supports_color(Stream::Stderr, |s| s.yellow().bold().to_string())
            .to_string(),
    };
    let mut line = format!("{}: {level}[{}]: {}", d.loc, d.code, d.message);
    if let Some(h) = &d.help {
        line.push_str(&format!("\n  help: {h}"));
    }
    line
}

pub fn print_json<T: Serialize>(value: &T) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

pub fn print_csv(header: &[&str], rows: &[Vec<String>]) -> Result<(), CliError> {
    let mut w = csv::Writer::from_writer(std::io::stdout().lock());
    let csv_err = |e: csv::Error| CliError::Data(format!("cannot write CSV: {e}"));
    w.write_record(header).map_err(csv_err)?;
    for r in rows {
        w.write_record(r).map_err(csv_err)?;
    }
    w.flush()?;
    Ok(())
}

/// A progress bar on stderr for bulk work (imports, exports); hidden when
/// stderr is not a terminal, so logs and pipes stay clean.
pub fn progress_bar(len: u64, message: &str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    let bar = indicatif::ProgressBar::new(len);
    if std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) = indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len}") {
            bar.set_style(style.progress_chars("=> "));
        }
    } else {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar.set_message(message.to_string());
    bar
}
