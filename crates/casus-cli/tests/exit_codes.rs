//! The exit-code rule, enforced over every command: 0 success; 1 a data
//! problem (a file the user named is unreadable, malformed or inconsistent);
//! 2 a usage problem (unknown name, bad date, bad flag, an output path that
//! exists). One table row per case: the command line, the code, and a piece
//! of the message it must print.

use std::path::PathBuf;
use std::time::Duration;

mod common;

/// Fixtures every row may refer to, in one temporary directory.
struct Fixtures {
    dir: tempfile::TempDir,
}

impl Fixtures {
    fn new() -> Fixtures {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path();
        std::fs::create_dir(p.join("full")).expect("mkdir");
        std::fs::write(p.join("full/mine.toml"), "# mine\n").expect("write");
        std::fs::write(p.join("a-file"), "text\n").expect("write");
        std::fs::create_dir(p.join("broken-kb")).expect("mkdir");
        std::fs::write(p.join("broken-kb/x.toml"), "[[polity]]\nid = \"X\n").expect("write");
        std::fs::write(p.join("bad.toml"), "date = \"2020-10-07\"\n[[attack]]\n").expect("write");
        std::fs::write(
            p.join("unknown-name.toml"),
            "date = \"2020-10-07\"\n[[attack]]\nby = \"Azerbaijn\"\nat = \"Jermuk\"\n",
        )
        .expect("write");
        std::fs::write(p.join("not.geojson"), "not json").expect("write");
        std::fs::create_dir(p.join("empty-atop")).expect("mkdir");
        Fixtures { dir }
    }

    /// `@name` in a row stands for the fixture path `name`; `@examples/x`
    /// for the repository's example files.
    fn expand(&self, arg: &str) -> String {
        match arg.strip_prefix('@') {
            Some(rest) if rest.starts_with("examples/") => {
                repo_root().join(rest).display().to_string()
            }
            Some(rest) => self.dir.path().join(rest).display().to_string(),
            None => arg.to_string(),
        }
    }
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// (command line, expected exit code, a piece of stderr or stdout).
const TABLE: &[(&str, i32, &str)] = &[
    // 0: success, one per command.
    ("--help", 0, "Usage"),
    ("--version", 0, "casus"),
    (
        "why --attacker AZE --defender ARM --at Jermuk --on 2022-09-13",
        0,
        "CSTO",
    ),
    ("place Stepanakert --on 2020-10-07", 0, "Nagorno-Karabakh"),
    (
        "place 39.8153,46.7519 --on 2020-10-07",
        0,
        "Nagorno-Karabakh",
    ),
    (
        "commitments Armenia --on 2022-09-13",
        0,
        "Collective Security",
    ),
    ("treaties --on 2022-01-01", 0, "NATO"),
    ("show nato", 0, "North Atlantic"),
    ("check", 0, "0 error(s)"),
    ("escalate @examples/yerevan.toml", 0, "Escalation"),
    // `casus read`
    ("read @a-file", 0, "Article"),
    ("read @no-such-article", 1, "does not exist"),
    ("read @full", 1, "is a directory"),
    ("read @a-file --published 2020-13-01", 2, "month"),
    ("read @a-file --add-claims @full", 1, "no claim"),
    (
        "escalate --attacker AZE --at 39.8153,46.7519 --on 2020-10-07",
        0,
        "Escalation",
    ),
    (
        "escalate --attacker AZE --at Jermuk --on 2022-09-13 --runs 100",
        0,
        "Monte Carlo",
    ),
    ("kb export @new-export", 0, ""),
    // 2: usage problems.
    ("--no-such-flag", 2, "unexpected argument"),
    (
        "why --attacker Azerbaijn --at Jermuk --on 2022-09-13",
        2,
        "did you mean",
    ),
    ("why --attacker AZE --at Jermuk --on 2022-13-01", 2, "month"),
    (
        "why --attacker AZE --at Jermuk --on 2022-09",
        2,
        "YYYY-MM-DD",
    ),
    (
        "why --attacker AZE --defender AZE --at Jermuk --on 2022-09-13",
        2,
        "both",
    ),
    (
        "why --attacker AZE --attacker Azerbaijan --at Jermuk --on 2022-09-13",
        2,
        "twice",
    ),
    (
        "why --attacker SUN --at Jermuk --on 2022-09-13",
        2,
        "did not exist",
    ),
    (
        "why --attacker CSTO --at Jermuk --on 2022-09-13",
        2,
        "is a treaty",
    ),
    (
        "why --attacker AZE --at 91,0 --on 2022-09-13",
        2,
        "latitude",
    ),
    ("place Qwertzuiopville --on 2020-10-07", 2, "unknown place"),
    ("commitments Armenia --on 1816-01-01", 2, "did not exist"),
    (
        "commitments Nowhereland --on 2022-01-01",
        2,
        "unknown state",
    ),
    ("treaties --on yesterday", 2, "invalid date"),
    ("show no-such-treaty", 2, "unknown treaty"),
    ("escalate", 2, "scenario file"),
    (
        "escalate --attacker AZE --at Jermuk --on 2022-09-13 --runs 0",
        2,
        "--runs",
    ),
    (
        "escalate --attacker AZE --at Jermuk --on 2022-09-13 --runs 10000001",
        2,
        "--runs",
    ),
    (
        "escalate --attacker AZE --at Jermuk --on 2022-09-13 --support TUR:TUR",
        2,
        "itself",
    ),
    (
        "escalate --attacker AZE --at Jermuk --on 2022-09-13 --with ARM:csto",
        2,
        "changes nothing",
    ),
    (
        "escalate --attacker AZE --at Jermuk --on 2022-09-13 --with FIN:nato --without FIN:nato",
        2,
        "contradict",
    ),
    (
        "escalate --attacker AZE --at Jermuk --on 2022-09-13 --with FIN:nato@1800-01-01",
        2,
        "before",
    ),
    (
        "escalate --attacker AZE --at Jermuk --on 2022-09-13 -o @full",
        2,
        "directory",
    ),
    (
        "escalate --attacker AZE --at -91,0 --on 2022-09-13",
        2,
        "latitude",
    ),
    ("escalate @examples/yerevan.toml -o @a-file", 2, "--force"),
    (
        "escalate @examples/yerevan.toml --format dot -o @replaced --force",
        0,
        "",
    ),
    ("kb export @full", 2, "not empty"),
    ("kb export @a-file", 2, "not a directory"),
    ("--kb @full kb export @new-export-2", 2, "--kb"),
    ("import atop @empty-atop --out @full", 2, "not empty"),
    // 1: data problems: a file the user named is unusable.
    ("--kb @no-such-dir check", 1, "does not exist"),
    ("--kb @a-file check", 1, "not a directory"),
    ("--kb @broken-kb check", 1, "x.toml"),
    (
        "--kb @broken-kb why --attacker AZE --at Jermuk --on 2022-09-13",
        1,
        "x.toml",
    ),
    ("escalate @no-such.toml", 1, "does not exist"),
    ("escalate @bad.toml", 1, "bad.toml:"),
    ("escalate @unknown-name.toml", 1, "did you mean"),
    ("escalate /dev/null", 1, "character device"),
    ("escalate @full", 1, "directory"),
    (
        "import atop @empty-atop --out @import-out",
        1,
        "atop5_1m.csv",
    ),
    (
        "import cow-states @no-such.csv --out @import-out",
        1,
        "no-such.csv",
    ),
    (
        "import compare-ddyr @empty-atop --table @no-such.csv",
        1,
        "atop5_1m.csv",
    ),
    // casus panel
    (
        "panel --from 2000 --to 1990 --out -",
        2,
        "ends before it starts",
    ),
    ("panel --from 1990 --to 1990 --out @a-file", 2, "--force"),
    (
        "panel --source atop @empty-atop --from 1990 --to 1990 --columns atop --out -",
        1,
        "atop5_1m.csv",
    ),
    (
        "--boundaries @not.geojson place 39.8,46.7 --on 2024-01-01",
        1,
        "not GeoJSON",
    ),
    (
        "--boundaries @not.geojson why --attacker AZE --at Jermuk --on 2022-09-13",
        1,
        "not GeoJSON",
    ),
    ("--boundaries @not.geojson treaties", 1, "not GeoJSON"),
    (
        "--boundaries @not.geojson escalate @examples/yerevan.toml",
        1,
        "not GeoJSON",
    ),
    ("--boundaries @no-such.geojson check", 1, "boundary file"),
    // serve (the running server is tested in tests/serve.rs)
    ("serve --addr not-an-address", 2, "cannot listen"),
    ("--kb @broken-kb serve --addr 127.0.0.1:0", 1, "error"),
];

fn run(fx: &Fixtures, line: &str) -> (i32, String) {
    let args: Vec<String> = line.split_whitespace().map(|a| fx.expand(a)).collect();
    let out = common::casus()
        .args(&args)
        .timeout(Duration::from_secs(60))
        .output()
        .expect("runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn every_command_follows_the_exit_code_rule() {
    let fx = Fixtures::new();
    let mut failures = Vec::new();
    for (line, code, needle) in TABLE {
        let (got, text) = run(&fx, line);
        if got != *code || !text.contains(needle) {
            failures.push(format!(
                "casus {line}\n  expected exit {code} and {needle:?}; got exit {got}:\n  {}",
                text.lines().take(6).collect::<Vec<_>>().join("\n  ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows break the rule:\n\n{}",
        failures.len(),
        TABLE.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_subcommand_is_in_the_table() {
    let help = common::run_ok(&["--help"]);
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 9, "{commands:?}");
    for c in commands {
        assert!(
            TABLE
                .iter()
                .any(|(line, _, _)| line.split_whitespace().any(|w| w == c)),
            "command {c} has no row in the exit-code table"
        );
    }
}
