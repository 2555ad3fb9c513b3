//! Hostile input: one regression test per finding, named after
//! it, and a bounded random-argument run of the real binary over every
//! command with random flags, values, knowledge-base and scenario files.
//!
//! Every run of the binary here is bounded by the harness, not by timed
//! assertions: a wall-clock timeout (the child is killed past it) and, on
//! Unix, an address-space rlimit. A run that hits either bound fails the
//! test as a hang or as exhaustion. `CASUS_SOAK_CASES` and `CASUS_SOAK_SEED`
//! turn the random run into a longer soak (bench/soak.sh).

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

mod common;

/// The longest one run may take before it counts as a hang.
const RUN_TIMEOUT: Duration = Duration::from_secs(60);
/// The address space one run may use before it counts as exhaustion.
const RUN_MEMORY_BYTES: u64 = 4 * 1024 * 1024 * 1024;

fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_casus"))
}

/// Run `casus ARGS` within the time and memory bounds; panics on a hang.
/// The child runs in a scratch directory, so a random relative output path
/// (`kb export json`, `-o 2022-09-13`) never lands in the source tree.
fn bounded(args: &[String], envs: &[(&str, &str)]) -> Output {
    let scratch = tempfile::tempdir().expect("scratch dir");
    let mut cmd = std::process::Command::new(binary());
    cmd.current_dir(scratch.path());
    cmd.arg("--color").arg("never").args(args);
    for (k, v) in envs {
        cmd.env(k, v);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: setrlimit is async-signal-safe and touches only the child.
        unsafe {
            cmd.pre_exec(|| {
                let lim = libc::rlimit {
                    rlim_cur: RUN_MEMORY_BYTES as libc::rlim_t,
                    rlim_max: RUN_MEMORY_BYTES as libc::rlim_t,
                };
                if libc::setrlimit(libc::RLIMIT_AS, &lim) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
    let out = assert_cmd::Command::from_std(cmd)
        .timeout(RUN_TIMEOUT)
        .output()
        .unwrap_or_else(|e| panic!("casus {args:?} did not finish: {e}"));
    out
}

fn args(line: &[&str]) -> Vec<String> {
    line.iter().map(|s| s.to_string()).collect()
}

fn path_arg(p: &Path) -> String {
    p.display().to_string()
}

/// Exit code, stdout and stderr; fails on a signal or a panic message.
fn run(args: &[String]) -> (i32, String, String) {
    run_env(args, &[])
}

fn run_env(args: &[String], envs: &[(&str, &str)]) -> (i32, String, String) {
    let out = bounded(args, envs);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let code = out
        .status
        .code()
        .unwrap_or_else(|| panic!("casus {args:?} ended by a signal: {stderr}"));
    assert!(!stderr.contains("panicked"), "casus {args:?}: {stderr}");
    (
        code,
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    )
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// An exported copy of the embedded knowledge base in `dir/kb`.
fn exported(dir: &Path) -> PathBuf {
    let kb = dir.join("kb");
    let (code, _, err) = run(&["kb".to_string(), "export".to_string(), path_arg(&kb)]);
    assert_eq!(code, 0, "{err}");
    kb
}

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

// ---------------------------------------------------------------- item 1

#[cfg(unix)]
#[test]
fn item_01_fifo_in_kb_dir_or_as_a_file_is_refused_without_blocking() {
    let tmp = tempfile::tempdir().unwrap();
    let kb = exported(tmp.path());
    mkfifo(&kb.join("pipe.toml"));
    for cmd in [&["check"][..], &["treaties"][..]] {
        let mut a = vec!["--kb".to_string(), path_arg(&kb)];
        a.extend(args(cmd));
        let (code, _, err) = run(&a);
        assert_eq!(code, 1, "{err}");
        assert!(err.contains("pipe.toml") && err.contains("FIFO"), "{err}");
    }
    let fifo = tmp.path().join("scenario.toml");
    mkfifo(&fifo);
    let (code, _, err) = run(&["escalate".to_string(), path_arg(&fifo)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("FIFO"), "{err}");
    let csv = tmp.path().join("states.csv");
    mkfifo(&csv);
    let (code, _, err) = run(&args(&["import", "cow-states"])
        .into_iter()
        .chain([
            path_arg(&csv),
            "--out".into(),
            path_arg(&tmp.path().join("o")),
        ])
        .collect::<Vec<_>>());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("FIFO"), "{err}");
    let (code, _, err) = run(&args(&["--boundaries"])
        .into_iter()
        .chain([path_arg(&csv)])
        .chain(args(&["place", "39.8,46.7", "--on", "2024-01-01"]))
        .collect::<Vec<_>>());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("FIFO"), "{err}");
}

// ---------------------------------------------------------------- item 2

#[test]
fn item_02_oversized_files_and_too_many_attacks_name_the_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let big = tmp.path().join("big.toml");
    let limit = casus_limits::MAX_SCENARIO_FILE_BYTES;
    let mut text = String::from("date = \"2020-10-07\"\n");
    let attack = "[[attack]]\nby = \"AZE\"\nat = \"Jermuk\"\n";
    while (text.len() as u64) <= limit {
        text.push_str(attack);
    }
    std::fs::write(&big, &text).unwrap();
    let (code, _, err) = run(&["escalate".to_string(), path_arg(&big)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(&limit.to_string()), "{err}");

    // A knowledge-base file over its limit (sparse: nothing is written).
    let kb = tmp.path().join("kb");
    std::fs::create_dir(&kb).unwrap();
    let huge = std::fs::File::create(kb.join("huge.toml")).unwrap();
    huge.set_len(casus_core::limits::MAX_KB_FILE_BYTES + 1)
        .unwrap();
    let (code, _, err) = run(&["--kb".into(), path_arg(&kb), "check".into()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&casus_core::limits::MAX_KB_FILE_BYTES.to_string())
            && err.contains("huge.toml"),
        "{err}"
    );

    let many = tmp.path().join("many.toml");
    let mut text = String::from("date = \"2020-10-07\"\n");
    for _ in 0..=casus_limits::MAX_ATTACKS {
        text.push_str(attack);
    }
    std::fs::write(&many, &text).unwrap();
    let (code, _, err) = run(&["escalate".to_string(), path_arg(&many)]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!("at most {}", casus_limits::MAX_ATTACKS)),
        "{err}"
    );
}

/// The limits as the libraries export them (the test does not restate them).
mod casus_limits {
    pub const MAX_SCENARIO_FILE_BYTES: u64 = casus_core::limits::MAX_SCENARIO_FILE_BYTES;
    pub const MAX_ATTACKS: usize = casus_escalate::MAX_ATTACKS;
}

// ---------------------------------------------------------------- item 3

#[cfg(unix)]
#[test]
fn item_03_a_directory_symlink_loop_gives_one_message() {
    let tmp = tempfile::tempdir().unwrap();
    let kb = exported(tmp.path());
    std::os::unix::fs::symlink(&kb, kb.join("territories/loop")).unwrap();
    let (code, _, err) = run(&["--kb".to_string(), path_arg(&kb), "check".to_string()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("loop"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

// ---------------------------------------------------------------- item 4

#[test]
fn item_04_runs_are_capped_and_long_runs_show_a_heartbeat() {
    let cap = casus_escalate::montecarlo::MAX_RUNS;
    let base = args(&["escalate", "examples/yerevan.toml", "--runs"]);
    let mut over = base.clone();
    over[1] = path_arg(&repo_root().join("examples/yerevan.toml"));
    let mut ok = over.clone();
    over.push((cap + 1).to_string());
    let (code, _, err) = run(&over);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(&cap.to_string()), "{err}");
    // stderr is a pipe here, so the bar is hidden and the heartbeat speaks.
    ok.push("5000".to_string());
    let (code, _, err) = run_env(&ok, &[("CASUS_HEARTBEAT_MS", "0")]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("/5000 runs"), "{err}");
}

// ---------------------------------------------------------------- item 5

const MEMBER_HEADER: &str = "atopid,member,phase,yrent,moent,dayent,yrexit,moexit,dayexit,defense,offense,neutral,nonagg,consul,asymm,obvary";
const ALLIANCE_HEADER: &str = "atopid,begyr,begmo,begday,endyr,endmo,endday,bilat,asymm,maxphase";

fn atop_dir(dir: &Path, members: &[&str], alliances: &[&str]) -> PathBuf {
    let atop = dir.join("atop");
    std::fs::create_dir_all(&atop).unwrap();
    let join = |h: &str, rows: &[&str]| format!("{h}\n{}\n", rows.join("\n"));
    std::fs::write(atop.join("atop5_1m.csv"), join(MEMBER_HEADER, members)).unwrap();
    std::fs::write(atop.join("atop5_1a.csv"), join(ALLIANCE_HEADER, alliances)).unwrap();
    atop
}

fn import_atop(atop: &Path, out: &Path, cow: Option<&Path>) -> (i32, String, String) {
    let mut a = args(&["import", "atop"]);
    a.extend([path_arg(atop), "--out".into(), path_arg(out)]);
    if let Some(c) = cow {
        a.extend(["--cow".into(), path_arg(c)]);
    }
    run(&a)
}

#[test]
fn item_05_atop_import_sanity_checks_refuse_swapped_columns() {
    let tmp = tempfile::tempdir().unwrap();
    // A correct pair first: it imports.
    let good = atop_dir(
        tmp.path(),
        &[
            "3180,2,0,1949,4,4,0,,,1,0,0,0,1,0,0",
            "3180,20,0,1949,4,4,0,,,1,0,0,0,1,0,0",
        ],
        &["3180,1949,4,4,0,,,0,0,0"],
    );
    let (code, _, err) = import_atop(&good, &tmp.path().join("ok"), None);
    assert_eq!(code, 0, "{err}");

    // atopid and member swapped under the intact header.
    let tmp = tempfile::tempdir().unwrap();
    let swapped = atop_dir(
        tmp.path(),
        &[
            "2,3180,0,1949,4,4,0,,,1,0,0,0,1,0,0",
            "20,3180,0,1949,4,4,0,,,1,0,0,0,1,0,0",
        ],
        &["3180,1949,4,4,0,,,0,0,0"],
    );
    let out = tmp.path().join("out");
    let (code, _, err) = import_atop(&swapped, &out, None);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("atop5_1m.csv:2"), "{err}");
    assert!(err.contains("outside ATOP's range"), "{err}");
    assert!(!out.exists(), "nothing may be written");

    // A member entering before the alliance began, and a code COW lacks.
    let tmp = tempfile::tempdir().unwrap();
    let early = atop_dir(
        tmp.path(),
        &[
            "3180,2,0,1930,1,1,0,,,1,0,0,0,1,0,0",
            "3180,777,0,1949,4,4,0,,,1,0,0,0,1,0,0",
        ],
        &["3180,1949,4,4,0,,,0,0,0"],
    );
    let cow = tmp.path().join("states2016.csv");
    std::fs::write(
        &cow,
        "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\nUSA,2,United States of America,1816,1,1,2016,12,31,2016\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    let (code, _, err) = import_atop(&early, &out, Some(&cow));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("atop5_1m.csv:2") && err.contains("before the alliance began"),
        "{err}"
    );
    assert!(
        err.contains("atop5_1m.csv:3") && err.contains("777"),
        "{err}"
    );
    assert!(!out.exists());
}

// ---------------------------------------------------------------- items 6, 7, 12

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn check(kb: &Path) -> (i32, String) {
    let (code, out, err) = run(&["--kb".to_string(), path_arg(kb), "check".to_string()]);
    (code, format!("{out}{err}"))
}

#[test]
fn item_06_check_refuses_a_membership_wholly_outside_the_treaty() {
    let tmp = tempfile::tempdir().unwrap();
    let kb = exported(tmp.path());
    edit(
        &kb.join("treaties/csto.toml"),
        "polity = \"ARM\"\nsigned = \"1992-05-15\"\nfrom = \"1994-04-20\"",
        "polity = \"ARM\"\nsigned = \"1992-05-15\"\nfrom = \"1992-01-01\"\nto = \"1993-01-01\"",
    );
    let (code, text) = check(&kb);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("wholly outside the treaty's time in force"),
        "{text}"
    );
    assert!(text.contains("csto.toml:"), "{text}");
}

#[test]
fn item_07_check_refuses_shared_names_and_colliding_aliases() {
    let tmp = tempfile::tempdir().unwrap();
    let kb = exported(tmp.path());
    let extra = "\n[[polity]]\nid = \"XAR\"\nname = \"Armenia\"\nkind = \"state\"\nsource = \"test\"\n\n[[polity]]\nid = \"XAZ\"\nname = \"Xland\"\naliases = [\"Azerbaijan\"]\nkind = \"state\"\nsource = \"test\"\n";
    std::fs::write(kb.join("zz-extra.toml"), extra).unwrap();
    let (code, text) = check(&kb);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("duplicate-name") || text.contains("like polity \"ARM\""),
        "{text}"
    );
    assert!(text.contains("alias \"Azerbaijan\""), "{text}");
}

#[test]
fn item_12_a_truncated_file_prints_its_syntax_error_first() {
    let tmp = tempfile::tempdir().unwrap();
    let kb = exported(tmp.path());
    let path = kb.join("polities.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    let (code, text) = check(&kb);
    assert_eq!(code, 1, "{text}");
    let first = text
        .lines()
        .find(|l| l.contains("error["))
        .unwrap_or_default();
    assert!(
        first.contains("polities.toml") && first.contains("syntax"),
        "{text}"
    );
}

// ---------------------------------------------------------------- item 8

#[test]
fn item_08_a_state_on_a_date_it_did_not_exist_is_a_usage_error() {
    for a in [
        args(&["commitments", "USSR", "--on", "2022-01-01"]),
        args(&["commitments", "Armenia", "--on", "1816-01-01"]),
        args(&[
            "why",
            "--attacker",
            "Soviet Union",
            "--at",
            "Jermuk",
            "--on",
            "2022-09-13",
        ]),
        args(&[
            "why",
            "--attacker",
            "AZE",
            "--defender",
            "Armenia",
            "--at",
            "Jermuk",
            "--on",
            "1816-01-01",
        ]),
        args(&[
            "escalate",
            "--attacker",
            "SUN",
            "--at",
            "Jermuk",
            "--on",
            "2022-09-13",
        ]),
    ] {
        let (code, _, err) = run(&a);
        assert_eq!(code, 2, "{a:?}: {err}");
        assert!(err.contains("did not exist on"), "{a:?}: {err}");
    }
}

// ---------------------------------------------------------------- item 9

#[test]
fn item_09_data_tests_are_ignored_exactly_when_shared_data_is_absent() {
    // build.rs sets `casus_shared_absent` when ../shared/data/external (or
    // $CASUS_SHARED_DIR/data/external) is missing; the data tests carry
    // `#[cfg_attr(casus_shared_absent, ignore)]`, so the runner counts them
    // as skipped. The cfg must agree with what the tests themselves find.
    let found = common::shared("data/external").is_some();
    let pretend = option_env!("CASUS_SHARED_ABSENT") == Some("1");
    assert_eq!(cfg!(casus_shared_absent), !found || pretend);
}

// ---------------------------------------------------------------- item 10

#[test]
fn item_10_escalate_takes_coordinates_like_why() {
    for at in ["39.8153,46.7519", "39°48'55\"N 46°45'7\"E"] {
        let (code, out, err) = run(&args(&[
            "escalate",
            "--attacker",
            "AZE",
            "--at",
            at,
            "--on",
            "2020-10-07",
        ]));
        assert_eq!(code, 0, "{at}: {err}");
        assert!(out.contains("Escalation"), "{out}");
    }
    // Negative coordinates are a value, not a flag (Ceuta is Spanish).
    let (code, _, err) = run(&args(&[
        "escalate",
        "--attacker",
        "MAR",
        "--at",
        "35.889,-5.317",
        "--on",
        "2020-10-07",
    ]));
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&args(&[
        "escalate",
        "--attacker",
        "AZE",
        "--at",
        "-91,0",
        "--on",
        "2020-10-07",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("latitude"), "{err}");
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("coords.toml");
    std::fs::write(
        &file,
        "date = \"2020-10-07\"\n[[attack]]\nby = \"Azerbaijan\"\nat = \"39.8153,46.7519\"\nagainst = \"Armenia\"\n",
    )
    .unwrap();
    let (code, _, err) = run(&["escalate".to_string(), path_arg(&file)]);
    assert_eq!(code, 0, "{err}");
}

// ---------------------------------------------------------------- item 11

#[test]
fn item_11_the_same_mistake_gets_the_same_exit_code() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let full = tmp.path().join("full");
    std::fs::create_dir(&full).unwrap();
    std::fs::write(full.join("x"), "x").unwrap();
    // Export to an existing file or to a non-empty directory: both usage.
    for target in [&file, &full] {
        let (code, _, err) = run(&["kb".into(), "export".into(), path_arg(target)]);
        assert_eq!(code, 2, "{err}");
    }
    // A missing scenario file and a missing import file: both data.
    let missing = tmp.path().join("missing");
    let (code, _, err) = run(&["escalate".into(), path_arg(&missing.join("s.toml"))]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = run(&[
        "import".into(),
        "atop".into(),
        path_arg(&missing),
        "--out".into(),
        path_arg(&tmp.path().join("o")),
    ]);
    assert_eq!(code, 1, "{err}");
    // A bad --boundaries file is fatal for every command.
    let bad = tmp.path().join("bad.geojson");
    std::fs::write(&bad, "{").unwrap();
    for cmd in [
        args(&["treaties"]),
        args(&["show", "nato"]),
        args(&["commitments", "ARM", "--on", "2022-01-01"]),
        args(&["place", "Jermuk", "--on", "2022-01-01"]),
        args(&[
            "why",
            "--attacker",
            "AZE",
            "--at",
            "Jermuk",
            "--on",
            "2022-09-13",
        ]),
        args(&[
            "escalate",
            "--attacker",
            "AZE",
            "--at",
            "Jermuk",
            "--on",
            "2022-09-13",
        ]),
    ] {
        let mut a = vec!["--boundaries".to_string(), path_arg(&bad)];
        a.extend(cmd.clone());
        let (code, _, err) = run(&a);
        assert_eq!(code, 1, "{cmd:?}: {err}");
    }
    // An attack where nobody is attacked (the open Atlantic): usage in both.
    for cmd in ["why", "escalate"] {
        let (code, _, err) = run(&args(&[
            cmd,
            "--attacker",
            "RUS",
            "--at",
            "40,-40",
            "--on",
            "2022-09-13",
        ]));
        assert_eq!(code, 2, "{cmd}: {err}");
        assert!(err.contains("--defender"), "{cmd}: {err}");
    }
}

// ---------------------------------------------------------------- item 13

#[test]
fn item_13_messages_say_what_is_wrong() {
    let tmp = tempfile::tempdir().unwrap();
    // A file given as --kb.
    let file = tmp.path().join("x.toml");
    std::fs::write(&file, "").unwrap();
    let (_, _, err) = run(&["--kb".into(), path_arg(&file), "check".into()]);
    assert!(
        err.contains("is not a directory") && !err.contains("cannot read knowledge-base directory"),
        "{err}"
    );
    // Query dates: a day is required and said so; the year range is stated.
    let (_, _, err) = run(&args(&["treaties", "--on", "2022"]));
    assert!(err.contains("expected YYYY-MM-DD"), "{err}");
    assert!(!err.contains("YYYY, YYYY-MM"), "{err}");
    let (_, _, err) = run(&args(&["treaties", "--on", "0999-01-01"]));
    assert!(err.contains("1000 to 9999"), "{err}");
    // An unquoted TOML date in a scenario.
    let s = tmp.path().join("s.toml");
    std::fs::write(
        &s,
        "date = 2020-10-07\n[[attack]]\nby = \"AZE\"\nat = \"Jermuk\"\n",
    )
    .unwrap();
    let (_, _, err) = run(&["escalate".into(), path_arg(&s)]);
    assert!(
        err.contains("in quotes") && !err.contains("invalid type: map"),
        "{err}"
    );
    // /dev/null is a device, not "not found".
    #[cfg(unix)]
    {
        let (code, _, err) = run(&args(&["escalate", "/dev/null"]));
        assert_eq!(code, 1);
        assert!(
            err.contains("character device") && !err.contains("not found"),
            "{err}"
        );
    }
    // A UTF-16 CSV is named as such.
    let utf16 = tmp.path().join("states.csv");
    let mut bytes = vec![0xFF, 0xFE];
    for u in "stateabb,ccode\n".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    let (code, _, err) = run(&[
        "import".into(),
        "cow-states".into(),
        path_arg(&utf16),
        "--out".into(),
        path_arg(&tmp.path().join("o")),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("UTF-16"), "{err}");
    // GeoJSON errors once.
    let gj = tmp.path().join("b.geojson");
    std::fs::write(&gj, "{\"type\": 5}").unwrap();
    let (_, _, err) = run(&["--boundaries".into(), path_arg(&gj), "treaties".into()]);
    assert!(err.matches("deserializing GeoJSON").count() <= 1, "{err}");
    // Flag users are told about flags.
    let (_, _, err) = run(&args(&[
        "escalate",
        "--attacker",
        "RUS",
        "--at",
        "40,-40",
        "--on",
        "2022-09-13",
    ]));
    assert!(
        err.contains("--defender") && !err.contains("`against`"),
        "{err}"
    );
    // Suggestions: once per folded form, never across kinds.
    let (_, _, err) = run(&args(&[
        "why",
        "--attacker",
        "Armenai",
        "--at",
        "Jermuk",
        "--on",
        "2022-09-13",
    ]));
    assert_eq!(err.matches("rmenia").count(), 1, "{err}");
    let (_, _, err) = run(&args(&[
        "why",
        "--attacker",
        "CSTO",
        "--at",
        "Jermuk",
        "--on",
        "2022-09-13",
    ]));
    assert!(
        err.contains("is a treaty") && !err.contains("Česko"),
        "{err}"
    );
    // A 10 kB name is not echoed in full.
    let long = "Q".repeat(10_000);
    let (_, _, err) = run(&args(&["place", &long, "--on", "2022-09-13"]));
    assert!(err.len() < 500, "{} bytes", err.len());
    assert!(err.contains("10000 characters"), "{err}");
}

#[test]
fn issue_14_item_4_an_unknown_name_never_suggests_itself() {
    // "Aden" in 1960 once answered `did you mean "Aden"?`; it now resolves
    // to the colony (docs/history.md).
    let (code, out, err) = run(&args(&["place", "Aden", "--on", "1960-01-01"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("United Kingdom"), "{out}");
    // A name that names something of another kind is not suggested back:
    // the message says what the name does name, with its dates.
    let (code, _, err) = run(&args(&["place", "Hezbollah", "--on", "2020-01-01"]));
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains("did you mean \"Hezbollah\""), "{err}");
    assert!(!err.contains("\"Hezbollah\", "), "{err}");
    assert!(err.contains("existed"), "{err}");
}

// ---------------------------------------------------------------- item 14

#[test]
fn item_14_silently_accepted_inputs_are_refused_with_a_reason() {
    let base = |extra: &[&str]| {
        let mut a = args(&[
            "escalate",
            "--attacker",
            "AZE",
            "--at",
            "Jermuk",
            "--on",
            "2022-09-13",
        ]);
        a.extend(args(extra));
        a
    };
    for (extra, needle) in [
        (&["--support", "TUR:TUR"][..], "itself"),
        (&["--with", "ARM:csto"][..], "already a party"),
        (
            &["--with", "FIN:nato", "--without", "FIN:nato"][..],
            "contradict",
        ),
        (&["--with", "FIN:nato@1800-01-01"][..], "before"),
        (&["--with", "GEO:nato@2030-01-01"][..], "after the attack"),
        (&["--with", "GEO:nato", "--with", "GEO:nato"][..], "twice"),
        (&["--attacker", "Azerbaijan"][..], "twice"),
    ] {
        let (code, _, err) = run(&base(extra));
        assert_eq!(code, 2, "{extra:?}: {err}");
        assert!(err.contains(needle), "{extra:?}: {err}");
    }
    let tmp = tempfile::tempdir().unwrap();
    let s = tmp.path().join("s.toml");
    std::fs::write(
        &s,
        "date = \"2022-09-13\"\n[[attack]]\nby = \"AZE\"\nat = \"Jermuk\"\nagainst = []\n",
    )
    .unwrap();
    let (code, _, err) = run(&["escalate".into(), path_arg(&s)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("`against` is empty"), "{err}");
    std::fs::write(&s, "date = \"2022-09-13\"\n[[attack]]\nby = \"AZE\"\nat = \"Jermuk\"\n[[support]]\nby = \"TUR\"\nto = \"Türkiye\"\n").unwrap();
    let (code, _, err) = run(&["escalate".into(), path_arg(&s)]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("itself"), "{err}");
    let (code, _, err) = run(&[
        "--kb".into(),
        path_arg(tmp.path()),
        "kb".into(),
        "export".into(),
        path_arg(&tmp.path().join("e")),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--kb"), "{err}");
}

// ---------------------------------------------------------------- item 15

#[test]
fn item_15_dot_and_mermaid_labels_keep_no_raw_newlines() {
    let tmp = tempfile::tempdir().unwrap();
    let s = tmp.path().join("s.toml");
    std::fs::write(
        &s,
        "date = \"2020-10-07\"\n[[attack]]\nby = \"AZE\"\nat = \"Stepanakert\"\nagainst = \"ARM\"\n[[support]]\nby = \"TUR\"\nto = \"AZE\"\nwhat = \"\"\"drones\nand \"advisers\\\"\"\"\"\n",
    )
    .unwrap();
    for format in ["dot", "mermaid"] {
        let (code, out, err) = run(&[
            "escalate".into(),
            path_arg(&s),
            "--format".into(),
            format.into(),
        ]);
        assert_eq!(code, 0, "{err}");
        let line = out
            .lines()
            .find(|l| l.contains("supports"))
            .unwrap_or_else(|| panic!("{format}: no support edge in {out}"));
        assert!(
            line.contains("advisers"),
            "{format}: the label was cut at the newline: {line}"
        );
    }
}

// ---------------------------------------------------------------- random run

/// A small deterministic generator (xorshift64*): a fixed seed gives the
/// same cases on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const COMMANDS: &[&[&str]] = &[
    &["why"],
    &["place"],
    &["commitments"],
    &["treaties"],
    &["show"],
    &["check"],
    &["escalate"],
    &["kb", "export"],
    &["import", "atop"],
    &["import", "cow-states"],
    &["import", "compare-ddyr"],
];

const FLAGS: &[&str] = &[
    "--attacker",
    "--defender",
    "--at",
    "--on",
    "--format",
    "--target",
    "--proof",
    "--kb",
    "--boundaries",
    "--policy",
    "--counter-strike",
    "--runs",
    "--seed",
    "--with",
    "--without",
    "--support",
    "--max-rounds",
    "--contested",
    "--support-counts",
    "-o",
    "--out",
    "--cow",
    "--table",
    "--color",
];

const VALUES: &[&str] = &[
    "Armenia",
    "AZE",
    "Azerbaijan",
    "Türkiye",
    "CSTO",
    "csto",
    "nato",
    "NATO",
    "Jermuk",
    "Stepanakert",
    "Aden",
    "Yerevan",
    "USSR",
    "SUN",
    "39.8153,46.7519",
    "-33.9,18.4",
    "40,-40",
    "91,0",
    "0,-181",
    "NaN,1",
    "2020-10-07",
    "2022-09-13",
    "1816-01-01",
    "0999-01-01",
    "2022-02-30",
    "2022",
    "9999-12-31",
    "json",
    "csv",
    "text",
    "dot",
    "mermaid",
    "svg",
    "all",
    "probabilistic",
    "automatic",
    "homeland",
    "none",
    "forces",
    "territory",
    "0",
    "1",
    "100",
    "-1",
    "18446744073709551616",
    "ARM:csto",
    "FIN:nato@2020-01-01",
    "TUR:AZE",
    "TUR:TUR",
    "ARM:",
    ":",
    "@",
    "",
    " ",
    "--",
    "-",
    "é",
    "\u{202e}",
    "Q̸̛̲",
    "/dev/null",
];

/// Hostile files the random run passes as paths: a FIFO, a symlink loop, a
/// knowledge base with a mangled file, random scenarios, a directory.
struct HostileFiles {
    _dir: tempfile::TempDir,
    paths: Vec<String>,
}

fn hostile_files(rng: &mut Rng) -> HostileFiles {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let mut paths = Vec::new();
    // A mangled knowledge base: a shipped file cut and with bytes replaced.
    let kb = p.join("mangled-kb");
    std::fs::create_dir(&kb).unwrap();
    let source = std::fs::read_to_string(repo_root().join("kb/treaties/csto.toml")).unwrap();
    let mut bytes = source.into_bytes();
    for _ in 0..8 {
        let i = rng.below(bytes.len());
        bytes[i] = b"[]=\"\n#x0"[rng.below(8)];
    }
    bytes.truncate(rng.below(bytes.len()) + 1);
    std::fs::write(kb.join("csto.toml"), &bytes).unwrap();
    paths.push(path_arg(&kb));
    // Scenarios: the examples with random lines dropped or duplicated.
    for name in ["yerevan", "jermuk", "seed"] {
        let text =
            std::fs::read_to_string(repo_root().join(format!("examples/{name}.toml"))).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        for _ in 0..3 {
            let i = rng.below(lines.len().max(1));
            if rng.below(2) == 0 && !lines.is_empty() {
                lines.remove(i);
            } else if !lines.is_empty() {
                let l = lines[i];
                lines.insert(i, l);
            }
        }
        let f = p.join(format!("{name}-mangled.toml"));
        std::fs::write(&f, lines.join("\n")).unwrap();
        paths.push(path_arg(&f));
        paths.push(path_arg(&repo_root().join(format!("examples/{name}.toml"))));
    }
    #[cfg(unix)]
    {
        let fifo = p.join("fifo.toml");
        mkfifo(&fifo);
        paths.push(path_arg(&fifo));
        let looped = p.join("loop-kb");
        std::fs::create_dir(&looped).unwrap();
        std::fs::write(looped.join("a.toml"), "").unwrap();
        std::os::unix::fs::symlink(&looped, looped.join("again")).unwrap();
        paths.push(path_arg(&looped));
    }
    paths.push(path_arg(p));
    paths.push(path_arg(&p.join("new-out")));
    HostileFiles { _dir: dir, paths }
}

/// The required arguments of `command`, filled with random values.
fn template(command: &[&str], rng: &mut Rng, files: &HostileFiles) -> Vec<String> {
    const STATES: &[&str] = &["AZE", "Armenia", "Türkiye", "RUS", "USA", "SUN", "Armenai"];
    const PLACES: &[&str] = &[
        "Jermuk",
        "Stepanakert",
        "Yerevan",
        "39.8153,46.7519",
        "-33.9,18.4",
        "40,-40",
        "Aden",
    ];
    const DATES: &[&str] = &[
        "2020-10-07",
        "2022-09-13",
        "2024-06-01",
        "1961-08-13",
        "1816-01-01",
    ];
    let file = |rng: &mut Rng| files.paths[rng.below(files.paths.len())].clone();
    let owned = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match command {
        ["why"] => {
            let (x, y, d) = (rng.pick(STATES), rng.pick(PLACES), rng.pick(DATES));
            owned(&["--attacker", x, "--at", y, "--on", d])
        }
        ["place"] => {
            let (y, d) = (rng.pick(PLACES), rng.pick(DATES));
            owned(&[y, "--on", d])
        }
        ["commitments"] => {
            let (x, d) = (rng.pick(STATES), rng.pick(DATES));
            owned(&[x, "--on", d])
        }
        ["treaties"] => owned(&["--on", rng.pick(DATES)]),
        ["show"] => owned(&[rng.pick(&["nato", "CSTO", "rio", "seato", "Warsaw"])]),
        ["escalate"] if rng.below(2) == 0 => vec![file(rng)],
        ["escalate"] => {
            let (x, y, d) = (rng.pick(STATES), rng.pick(PLACES), rng.pick(DATES));
            owned(&["--attacker", x, "--at", y, "--on", d])
        }
        ["kb", "export"] => vec![file(rng)],
        ["import", "compare-ddyr"] => vec![file(rng), "--table".into(), file(rng)],
        ["import", _] => vec![file(rng), "--out".into(), file(rng)],
        _ => Vec::new(),
    }
}

#[test]
fn random_arguments_never_panic_hang_or_exhaust() {
    let cases: usize = std::env::var("CASUS_SOAK_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(120);
    let seed: u64 = std::env::var("CASUS_SOAK_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5EED_CA5E);
    let mut rng = Rng(seed | 1);
    for case in 0..cases {
        let files = hostile_files(&mut rng);
        let command = COMMANDS[case % COMMANDS.len()];
        let mut a: Vec<String> = command.iter().map(|s| s.to_string()).collect();
        // Half the cases start from a well-formed command line, so the
        // random part reaches past argument parsing.
        if case % 2 == 0 {
            a.extend(template(command, &mut rng, &files));
        }
        let pieces = rng.below(9);
        for _ in 0..pieces {
            match rng.below(4) {
                0 => a.push(rng.pick(FLAGS).to_string()),
                1 => a.push(rng.pick(VALUES).to_string()),
                2 => a.push(files.paths[rng.below(files.paths.len())].clone()),
                _ => {
                    a.push(rng.pick(FLAGS).to_string());
                    a.push(rng.pick(VALUES).to_string());
                }
            }
        }
        // Keep big Monte Carlo requests small: the bound is on hangs, and
        // a legitimate 10-million-run request is slow by design.
        if let Some(i) = a.iter().position(|x| x == "--runs") {
            if let Some(v) = a.get_mut(i + 1) {
                if v.parse::<u64>().is_ok_and(|n| n > 1000) {
                    *v = "1000".into();
                }
            }
        }
        let out = bounded(&a, &[]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let code = out.status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "case {case} (seed {seed}): casus {a:?} ended with {:?}: {stderr}",
            out.status
        );
        assert!(
            !stderr.contains("panicked"),
            "case {case} (seed {seed}): casus {a:?}: {stderr}"
        );
    }
}

// ---------------------------------------------------------------- properties

/// Property tests on the library functions the CLI's messages rest on, with
/// a fixed seed and a fixed number of cases.
mod properties {
    use std::sync::OnceLock;

    use casus_core::names::fold;
    use casus_core::KnowledgeBase;
    use proptest::prelude::*;
    use proptest::test_runner::RngSeed;

    fn kb() -> &'static KnowledgeBase {
        static KB: OnceLock<KnowledgeBase> = OnceLock::new();
        KB.get_or_init(|| KnowledgeBase::embedded().expect("embedded base loads"))
    }

    fn config() -> ProptestConfig {
        ProptestConfig {
            cases: 256,
            rng_seed: RngSeed::Fixed(0x5EED),
            ..ProptestConfig::default()
        }
    }

    /// Near misses of real names: a known name with one character changed,
    /// dropped or doubled, or in another case.
    fn near_name() -> impl Strategy<Value = String> {
        let names: Vec<String> = kb()
            .polities
            .iter()
            .map(|p| p.name.clone())
            .chain(kb().places.iter().map(|p| p.name.clone()))
            .collect();
        (
            proptest::sample::select(names),
            any::<usize>(),
            0..4u8,
            "[a-zA-Z]",
        )
            .prop_map(|(name, at, op, c)| {
                let mut chars: Vec<char> = name.chars().collect();
                let i = at % chars.len().max(1);
                match op {
                    0 if !chars.is_empty() => {
                        chars.remove(i);
                    }
                    1 => chars.insert(i, c.chars().next().unwrap_or('x')),
                    2 => return name.to_uppercase(),
                    _ => {}
                }
                chars.into_iter().collect()
            })
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn suggestions_never_echo_the_input_nor_repeat(input in prop_oneof![near_name(), "\\PC{0,24}"]) {
            for what in ["place", "polity"] {
                let err = match what {
                    "place" => casus_core::query::resolve_place(kb(), &input).err(),
                    _ => casus_core::query::resolve_polity(kb(), &input).err(),
                };
                if let Some(casus_core::query::QueryError::Unknown { suggestions, .. }) = err {
                    let key = fold(&input);
                    let folded: Vec<String> = suggestions.iter().map(|s| fold(s)).collect();
                    prop_assert!(!folded.contains(&key), "{input:?} suggests itself: {suggestions:?}");
                    let mut unique = folded.clone();
                    unique.sort();
                    unique.dedup();
                    prop_assert_eq!(unique.len(), folded.len(), "{:?}", suggestions);
                }
            }
        }

        #[test]
        fn messages_echo_names_within_bounds(input in "\\PC{0,400}") {
            let e = casus_core::query::resolve_polity(kb(), &input);
            if let Err(e) = e {
                // The name, cut, plus a bounded frame and three suggestions.
                prop_assert!(e.to_string().chars().count() < 600, "{e}");
            }
        }

        #[test]
        fn scenario_text_never_panics(text in "(date = \"2020-10-07\"\n)?(\\[\\[attack\\]\\]\nby = \"(AZE|ARM|x)\"\nat = \"(Jermuk|39.8,46.7|Atlantis)\"\n){0,3}\\PC{0,40}") {
            let _ = casus_escalate::parse_scenario(kb(), "p.toml", &text);
        }

        #[test]
        fn dates_never_panic_and_say_what_they_expect(input in "\\PC{0,16}") {
            if let Err(e) = casus_core::time::parse_day(&input) {
                prop_assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
            }
        }
    }
}
