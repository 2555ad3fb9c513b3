//! `casus panel`: a dyad panel (year, day or spell) of commitments from the
//! knowledge base or ATOP's member file, as CSV or Parquet, to a file, a
//! Hive-partitioned directory or stdout. The panel itself is built by
//! `casus_panel`; this resolves the options, stages the output (temporary
//! name, renamed when complete) and shows progress on a TTY.

use std::io::Write;
use std::path::{Path, PathBuf};

use casus_core::KnowledgeBase;
use casus_panel::output::Staged;
use casus_panel::{Columns, Direction, Panel, PanelError, PanelSpec, Source, Unit};

use crate::args::{PanelArgs, PanelColumns, PanelFormat, PanelUnit};
use crate::error::CliError;

impl From<PanelError> for CliError {
    fn from(e: PanelError) -> Self {
        if e.is_usage() {
            CliError::Usage(e.to_string())
        } else {
            CliError::Data(e.to_string())
        }
    }
}

/// Where the rows go.
enum Target {
    Stdout,
    File(PathBuf),
    Partitioned(PathBuf),
}

fn spec(args: &PanelArgs) -> Result<PanelSpec, CliError> {
    let spec = PanelSpec {
        from: args.from.parse()?,
        to: args.to.parse()?,
        unit: match args.unit {
            PanelUnit::Year => Unit::Year,
            PanelUnit::Day => Unit::Day,
            PanelUnit::Spell => Unit::Spell,
        },
        direction: if args.undirected {
            Direction::Undirected
        } else {
            Direction::Directed
        },
        all_pairs: args.all_pairs,
        columns: match args.columns {
            PanelColumns::Full => Columns::Full,
            PanelColumns::Atop => Columns::Atop,
        },
    };
    spec.days()?;
    Ok(spec)
}

fn target(args: &PanelArgs) -> Result<(Target, bool), CliError> {
    let out = &args.out;
    let parquet_ext = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"));
    let parquet = match args.format {
        Some(PanelFormat::Parquet) => true,
        Some(PanelFormat::Csv) => false,
        None => parquet_ext,
    };
    if args.partition_by.is_some() {
        if out.as_os_str() == "-" {
            return Err(CliError::Usage(
                "--partition-by year writes a directory; --out - (stdout) cannot hold one".into(),
            ));
        }
        if args.format == Some(PanelFormat::Csv) {
            return Err(CliError::Usage(
                "--partition-by year writes Parquet; drop --format csv".into(),
            ));
        }
        return Ok((Target::Partitioned(out.clone()), true));
    }
    if out.as_os_str() == "-" {
        if parquet {
            return Err(CliError::Usage(
                "--out - writes CSV to stdout; Parquet needs a file".into(),
            ));
        }
        return Ok((Target::Stdout, false));
    }
    Ok((Target::File(out.clone()), parquet))
}

fn source(args: &PanelArgs) -> Result<Option<PathBuf>, CliError> {
    match args.source.as_slice() {
        [] => Ok(None),
        [k] if k == "kb" => Ok(None),
        [k, dir] if k == "atop" => Ok(Some(PathBuf::from(dir))),
        [k] if k == "atop" => Err(CliError::Usage(
            "--source atop needs the ATOP 5.1 directory: --source atop DIR".into(),
        )),
        [k, _] if k == "kb" => Err(CliError::Usage(
            "--source kb takes no directory (use --kb DIR for another knowledge base)".into(),
        )),
        _ => Err(CliError::Usage(format!(
            "unknown source {:?}: expected kb or atop DIR",
            args.source.join(" ")
        ))),
    }
}

pub fn run(base_dir: Option<&Path>, args: &PanelArgs) -> Result<(), CliError> {
    let spec = spec(args)?;
    let atop = source(args)?;
    let (target, parquet) = target(args)?;
    if spec.unit == Unit::Spell && matches!(target, Target::Partitioned(_)) {
        return Err(CliError::Usage(
            "--partition-by year needs --unit year or day (a spell may span years)".into(),
        ));
    }
    // Refuse an existing output before any work.
    match &target {
        Target::File(p) | Target::Partitioned(p) if p.exists() && !args.force => {
            return Err(PanelError::OutputExists(p.clone()).into());
        }
        _ => {}
    }
    // The ATOP source needs the knowledge base only for ISO codes and for
    // the state system when no --cow file is given.
    let needs_kb =
        atop.is_none() || spec.columns == Columns::Full || (spec.all_pairs && args.cow.is_none());
    let kb: Option<KnowledgeBase> = if needs_kb {
        Some(super::load(base_dir)?)
    } else {
        None
    };
    let src = match (&atop, &kb) {
        (Some(dir), kb) => Source::Atop {
            path: dir,
            kb: kb.as_ref(),
        },
        (None, Some(kb)) => Source::Kb(kb),
        (None, None) => unreachable!("the knowledge base is loaded for --source kb"),
    };
    let loaded = casus_panel::load(src, spec.all_pairs, args.cow.as_deref())?;
    for p in &loaded.problems {
        eprintln!("warning: {p}");
    }
    let panel = Panel::new(&loaded.dataset, spec)?;
    let bar = crate::output::progress_bar(0, "panel");
    let mut progress = |done: u64, total: u64| {
        if done == 1 {
            bar.set_length(total);
        }
        if done % 16 == 0 || done == total {
            bar.set_position(done);
        }
    };
    let rows = match target {
        Target::Stdout => {
            let stdout = std::io::stdout();
            let lock = stdout.lock();
            casus_panel::write_csv(&loaded.dataset, spec, lock, &mut progress)?
        }
        Target::File(path) => {
            let (staged, file) = Staged::file(&path, args.force)?;
            let rows = if parquet {
                casus_panel::parquet_out::write_parquet(&panel, file, &mut progress)?
            } else {
                let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
                let rows = casus_panel::write_csv(&loaded.dataset, spec, &mut w, &mut progress)?;
                w.flush()
                    .map_err(|e| CliError::Data(format!("cannot write {}: {e}", path.display())))?;
                rows
            };
            staged.commit()?;
            rows
        }
        Target::Partitioned(dir) => {
            let staged = Staged::dir(&dir, args.force)?;
            let rows = casus_panel::parquet_out::write_partitioned(
                &panel,
                staged.temp_path(),
                &mut progress,
            )?;
            staged.commit()?;
            rows
        }
    };
    bar.finish_and_clear();
    let _ = parquet;
    if args.out.as_os_str() != "-" {
        eprintln!("{rows} rows written to {}", args.out.display());
    }
    Ok(())
}
