//! Command-line arguments (clap derive). Every command and option is
//! documented here; `casus --help` is generated from it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// casus: which security commitments does an armed attack trigger, for
/// whom, and why?
#[derive(Debug, Parser)]
#[command(name = "casus", version, about, long_about = None)]
pub struct Cli {
    /// Use the knowledge base in DIR instead of the embedded one.
    #[arg(long, global = true, value_name = "DIR")]
    pub kb: Option<PathBuf>,

    /// A GeoJSON file of breakaway and disputed areas (Natural Earth's
    /// "Admin 0 — Breakaway, Disputed Areas") consulted when a place is given
    /// as coordinates.
    #[arg(long, global = true, value_name = "FILE")]
    pub boundaries: Option<PathBuf>,

    /// When a place name is not in the knowledge base and several places
    /// of the GeoNames gazetteer bear it, take the most populous instead of
    /// listing them (exit 2). A country code after a comma picks one
    /// instead: `--at "Tripoli, LB"`.
    #[arg(long, global = true)]
    pub most_populous: bool,

    /// When to colour the output.
    #[arg(long, global = true, value_enum, default_value_t = ColourChoice::Auto)]
    pub color: ColourChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColourChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Tables and sentences for people.
    #[default]
    Text,
    /// The stable schema documented in docs/json.md.
    Json,
    /// One row per verdict or obligation.
    Csv,
}

#[derive(Debug, Args)]
pub struct FormatArg {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Judge an armed attack: which commitments it triggers, for whom, and why.
    Why(WhyArgs),
    /// How a place resolves on a date: territory, sovereign, controller, claimants.
    Place(PlaceArgs),
    /// The obligations owed by and to a state on a date.
    Commitments(CommitmentsArgs),
    /// The treaties in the knowledge base, or those in force on a date.
    Treaties(TreatiesArgs),
    /// One treaty in full: parties, provisions, scope rules, sources.
    Show(ShowArgs),
    /// Validate a knowledge base and report every problem with file and line.
    Check(CheckArgs),
    /// Follow an attack round by round: who is drawn in by which provision,
    /// who is caught between sides, with probabilities and counterfactuals.
    Escalate(EscalateArgs),
    /// Work with knowledge-base files.
    Kb {
        #[command(subcommand)]
        command: KbCommand,
    },
    /// A dyad panel (dyad-year, dyad-day or spells) of obligations, as CSV
    /// or Parquet, from the knowledge base or ATOP's member file.
    Panel(PanelArgs),
    /// Import datasets (ATOP 5.1, COW states) into a new knowledge base, and
    /// check ATOP's dyad-year table against the import.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Serve the JSON API over HTTP (docs/server.md) until SIGTERM or Ctrl-C.
    Serve(ServeArgs),
    /// Read a news article: quotes and speakers, dates, states, treaties and
    /// places, commitment claims checked against the engine.
    Read(ReadArgs),
}

/// `casus serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The address to listen on (port 0: any free port; the bound address
    /// is printed as `listening on http://…`).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,
}

// ---- `casus read` ----

/// Output formats of `casus read`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReadFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ReadArgs {
    /// The article: a plain-text or HTML file, or `-` for standard input.
    pub file: String,
    /// The publication date (YYYY-MM-DD), when the article does not give it.
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReadFormat::Text)]
    pub format: ReadFormat,
    /// Write the extracted claims as knowledge-base claim entries, for
    /// review, into a new file in DIR (never over an existing file).
    #[arg(long, value_name = "DIR")]
    pub add_claims: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import ATOP 5.1 (atop5_1m.csv, atop5_1a.csv, optionally atop5_1aph.csv
    /// in DIR) into OUT: the base (embedded, or --kb) plus atop/*.toml.
    Atop {
        /// The directory holding the ATOP 5.1 CSV files you downloaded.
        dir: PathBuf,
        /// The knowledge base to create (a new or empty directory).
        #[arg(long, value_name = "OUT")]
        out: PathBuf,
        /// COW states2016.csv, to name and date states the base lacks.
        #[arg(long, value_name = "FILE")]
        cow: Option<PathBuf>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Import COW State System Membership (states2016.csv) into OUT: the base
    /// (embedded, or --kb) plus cow/polities.toml for the states it lacks.
    CowStates {
        /// COW states2016.csv.
        file: PathBuf,
        /// The knowledge base to create (a new or empty directory).
        #[arg(long, value_name = "OUT")]
        out: PathBuf,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Regenerate ATOP's directed dyad-year obligations from the member file
    /// and compare them with the published table (rows matched, missing,
    /// extra; disagreeing cells by cause).
    CompareDdyr {
        /// The ATOP 5.1 directory (or the member file atop5_1m.csv itself).
        atop: PathBuf,
        /// The published directed dyad-year table (e.g. peacesciencer's
        /// atop_alliance_ddyr.csv, or ATOP's atop5_1ddyr.csv).
        #[arg(long, value_name = "FILE")]
        table: PathBuf,
        /// COW states2016.csv, to explain rows for states outside the system.
        #[arg(long, value_name = "FILE")]
        cow: Option<PathBuf>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Measure the knowledge base (embedded, or --kb) against ATOP's directed
    /// defence dyads: per year, both, ATOP only, casus only, recall and
    /// precision, and every difference with its cause and source.
    Coverage {
        /// The ATOP 5.1 directory (or the member file atop5_1m.csv itself),
        /// to name the alliance behind each ATOP dyad.
        atop: PathBuf,
        /// The published directed dyad-year table (e.g. peacesciencer's
        /// atop_alliance_ddyr.csv).
        #[arg(long, value_name = "FILE")]
        table: PathBuf,
        /// COW states2016.csv, to explain dyads of states outside the system.
        #[arg(long, value_name = "FILE")]
        cow: Option<PathBuf>,
        /// Years to measure: a comma-separated list or ranges (1990-1995).
        #[arg(long, value_name = "YEARS", default_value = "1950,1970,1990,2010,2018")]
        years: String,
        #[command(flatten)]
        format: FormatArg,
    },
}

#[derive(Debug, Args)]
pub struct WhyArgs {
    /// An attacking state or armed group (name, alias or id; `unknown` for
    /// an attack not yet attributed). Repeat for several.
    #[arg(long = "attacker", required = true, value_name = "STATE")]
    pub attackers: Vec<String>,
    /// An attacked state. Repeat for several. Defaults to the sovereign and
    /// the controller of the place on the date.
    #[arg(long = "defender", value_name = "STATE")]
    pub defenders: Vec<String>,
    /// Where the attack happens: a place or territory name, or coordinates
    /// (`39.8153,46.7519`, `39°48'N 46°45'E`, `39.8 N, 46.75 E`).
    #[arg(long, value_name = "PLACE", allow_hyphen_values = true)]
    pub at: String,
    /// The date of the attack (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub on: String,
    /// What was hit: the territory at the place, or the defenders' forces there.
    #[arg(long, value_enum, default_value_t = TargetArg::Territory)]
    pub target: TargetArg,
    #[command(flatten)]
    pub character: CharacterArgs,
    /// Show the full proof tree of every verdict (text format).
    #[arg(long)]
    pub proof: bool,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TargetArg {
    Territory,
    Forces,
}

#[derive(Debug, Args)]
pub struct PlaceArgs {
    /// A place or territory name, or coordinates (`39.8153,46.7519`,
    /// `39°48'N 46°45'E`, `39.8 N, 46.75 E`).
    #[arg(allow_hyphen_values = true)]
    pub place: String,
    /// The date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub on: String,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, Args)]
pub struct CommitmentsArgs {
    /// A state (name, alias or id).
    pub polity: String,
    /// The date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub on: String,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, Args)]
pub struct TreatiesArgs {
    /// Only treaties in force on this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A treaty id, name or alias (e.g. csto, NATO, "Washington Treaty").
    pub treaty: String,
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub format: FormatArg,
}

#[derive(Debug, Subcommand)]
pub enum KbCommand {
    /// Write the embedded knowledge base into DIR (new or empty) as a starting point for edits.
    Export {
        /// The directory to create.
        dir: PathBuf,
    },
}

/// `casus escalate`: a scenario file, or one attack given with flags.
#[derive(Debug, Args)]
#[command(after_long_help = ESCALATE_HELP)]
pub struct EscalateArgs {
    /// A scenario file (TOML: date, [[attack]], [[support]], [policy]); see
    /// examples/*.toml and docs/escalation.md. Or describe one attack with
    /// --attacker/--at/--on.
    #[arg(value_name = "SCENARIO.toml")]
    pub scenario: Option<PathBuf>,
    /// An attacking state or armed group (flags form). Repeat for several.
    #[arg(long = "attacker", value_name = "STATE")]
    pub attackers: Vec<String>,
    /// An attacked state (defaults to the sovereign and controller of the place).
    #[arg(long = "defender", value_name = "STATE")]
    pub defenders: Vec<String>,
    /// Where the attack happens (flags form): a place or territory name, or
    /// coordinates, as for `why`.
    #[arg(long, value_name = "PLACE", allow_hyphen_values = true)]
    pub at: Option<String>,
    /// The date (YYYY-MM-DD); with a scenario file, overrides its date.
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// What was hit (flags form).
    #[arg(long, value_enum, default_value_t = TargetArg::Territory)]
    pub target: TargetArg,
    #[command(flatten)]
    pub character: CharacterArgs,
    /// Support short of belligerence, SUPPORTER:RECIPIENT (e.g. Turkey:Azerbaijan). Repeatable.
    #[arg(long = "support", value_name = "SUPPORTER:RECIPIENT")]
    pub supports: Vec<String>,
    /// Which triggered obligations are honoured (overrides the file).
    #[arg(long, value_enum)]
    pub policy: Option<ComplianceArg>,
    /// Whether joining states strike the attackers' homeland (overrides the file).
    #[arg(long, value_enum)]
    pub counter_strike: Option<CounterStrikeArg>,
    /// Whether contested obligations are acted on (overrides the file).
    #[arg(long, value_enum)]
    pub contested: Option<ContestedArg>,
    /// Whether support counts as belligerence (overrides the file).
    #[arg(long = "support-counts", value_enum)]
    pub support_counts: Option<SupportArg>,
    /// The last round judged (1 to 100; default 10).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=100))]
    pub max_rounds: Option<u32>,
    /// Monte Carlo: sample compliance N times, 1 to 10,000,000 (implies
    /// --policy probabilistic).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=casus_escalate::montecarlo::MAX_RUNS))]
    pub runs: Option<u64>,
    /// Seed for Monte Carlo runs (same seed, same result, whatever the core count).
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Counterfactual: remove a membership, STATE:TREATY (e.g. ARM:csto). Repeatable.
    #[arg(long = "without", value_name = "STATE:TREATY")]
    pub without: Vec<String>,
    /// Counterfactual: add a membership, STATE:TREATY[@YYYY-MM-DD] (e.g. FIN:nato@2020-01-01). Repeatable.
    #[arg(long = "with", value_name = "STATE:TREATY[@DATE]")]
    pub with: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EscalateFormat::Text)]
    pub format: EscalateFormat,
    /// Write the output to FILE instead of standard output (a new file;
    /// see --force).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With -o: replace FILE if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

const ESCALATE_HELP: &str = "Examples:
  casus escalate examples/yerevan.toml
  casus escalate --attacker Turkey --at Yerevan --on 2020-10-07 --format svg -o yerevan.svg
  casus escalate examples/jermuk.toml --without ARM:csto
  casus escalate examples/yerevan.toml --runs 100000 --seed 7

Counterfactual memberships: --without STATE:TREATY removes every membership
spell of STATE in TREATY; --with STATE:TREATY[@YYYY-MM-DD] adds one from that
day (default: the treaty's entry into force). The outcome with the edits is
shown beside the actual one, with the joins that disappear or appear.
Pictures (dot, mermaid, svg) show the counterfactual outcome when edits are given.";

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ComplianceArg {
    /// Every triggered defense obligation is honoured.
    All,
    /// Only automatic military assistance is honoured.
    Automatic,
    /// Each obligation is honoured with a probability (see --runs).
    Probabilistic,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CounterStrikeArg {
    /// Joining states strike each attacker's homeland.
    Homeland,
    /// Joining states strike nobody.
    None,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ContestedArg {
    /// Contested obligations are not acted on.
    StayOut,
    /// Contested obligations are acted on like triggered ones.
    Join,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SupportArg {
    /// Supporters stay outside the war.
    Bystander,
    /// Supporters are co-attackers in their recipient's attacks.
    Belligerent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EscalateFormat {
    /// The round-by-round ladder for people.
    Text,
    /// The schema documented in docs/json.md.
    Json,
    /// Graphviz DOT.
    Dot,
    /// Mermaid flowchart.
    Mermaid,
    /// A standalone SVG picture.
    Svg,
}

// ---- The character of the attack (docs/events.md) ----

/// Intent, scale and means of the attack.
#[derive(Debug, Clone, Copy, Args)]
pub struct CharacterArgs {
    /// Was the use of force deliberate? An accident triggers no defence
    /// obligation; consultation clauses still apply.
    #[arg(long, value_enum, default_value_t = IntentArg::Deliberate)]
    pub intent: IntentArg,
    /// An armed attack, or an incident that may fall below its gravity.
    #[arg(long, value_enum, default_value_t = ScaleArg::ArmedAttack)]
    pub scale: ScaleArg,
    /// Kinetic force or a cyber operation.
    #[arg(long, value_enum, default_value_t = MeansArg::Kinetic)]
    pub means: MeansArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum IntentArg {
    Deliberate,
    Accidental,
    Unknown,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ScaleArg {
    ArmedAttack,
    Incident,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MeansArg {
    Kinetic,
    Cyber,
}

// ---- Requests to casus-service (one definition of the answers) ----

impl From<TargetArg> for casus_service::TargetKind {
    fn from(t: TargetArg) -> Self {
        match t {
            TargetArg::Territory => casus_service::TargetKind::Territory,
            TargetArg::Forces => casus_service::TargetKind::Forces,
        }
    }
}

impl CharacterArgs {
    /// The character as a service request gives it.
    pub fn to_request(self) -> casus_service::Character {
        use casus_service::{Character, IntentKind, MeansKind, ScaleKind};
        Character {
            intent: match self.intent {
                IntentArg::Deliberate => IntentKind::Deliberate,
                IntentArg::Accidental => IntentKind::Accidental,
                IntentArg::Unknown => IntentKind::Unknown,
            },
            scale: match self.scale {
                ScaleArg::ArmedAttack => ScaleKind::ArmedAttack,
                ScaleArg::Incident => ScaleKind::Incident,
            },
            means: match self.means {
                MeansArg::Kinetic => MeansKind::Kinetic,
                MeansArg::Cyber => MeansKind::Cyber,
            },
        }
    }
}

// ---- `casus panel` (docs/panel.md) ----

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum PanelUnit {
    /// One row per dyad and year (a flag holds if it holds on any day).
    #[default]
    Year,
    /// One row per dyad and day.
    Day,
    /// One row per dyad per run of identical values (start, end).
    Spell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PanelFormat {
    Csv,
    Parquet,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PanelPartition {
    Year,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum PanelColumns {
    /// Flags, ISO codes, instruments, ids, three-valued truths and reasons.
    #[default]
    Full,
    /// ATOP's dyad-year columns only: ccode1, ccode2, year, the five flags.
    Atop,
}

#[derive(Debug, Args)]
pub struct PanelArgs {
    /// First year (1990) or day (1990-06-01) of the panel.
    #[arg(long, value_name = "Y|DATE", allow_hyphen_values = true)]
    pub from: String,
    /// Last year or day of the panel.
    #[arg(long, value_name = "Y|DATE", allow_hyphen_values = true)]
    pub to: String,
    /// The unit of time of a row.
    #[arg(long, value_enum, default_value_t = PanelUnit::Year)]
    pub unit: PanelUnit,
    /// (A, B) says what A owes B (the default).
    #[arg(long, conflicts_with = "undirected")]
    pub directed: bool,
    /// One row per unordered pair; a flag holds if either owes it (ATOP's rule).
    #[arg(long)]
    pub undirected: bool,
    /// Every pair of states in the COW state system, not only pairs with an
    /// obligation.
    #[arg(long)]
    pub all_pairs: bool,
    /// `kb` (the knowledge base in use, the default) or `atop DIR` (ATOP's
    /// member file in DIR).
    #[arg(long, num_args = 1..=2, value_names = ["kb|atop", "DIR"])]
    pub source: Vec<String>,
    /// COW states2016.csv or system2016.csv: the state system for
    /// --all-pairs instead of the knowledge base's.
    #[arg(long, value_name = "FILE")]
    pub cow: Option<PathBuf>,
    /// Output format (default: Parquet for a .parquet file, else CSV).
    #[arg(long, value_enum)]
    pub format: Option<PanelFormat>,
    /// Write a Hive-partitioned Parquet dataset (DIR/year=1990/part-0.parquet).
    #[arg(long, value_enum)]
    pub partition_by: Option<PanelPartition>,
    /// Which columns to write.
    #[arg(long, value_enum, default_value_t = PanelColumns::Full)]
    pub columns: PanelColumns,
    /// Replace an existing output.
    #[arg(long)]
    pub force: bool,
    /// The output file, directory (--partition-by) or - for CSV on stdout.
    #[arg(long, value_name = "FILE|DIR|-", allow_hyphen_values = true)]
    pub out: PathBuf,
}
