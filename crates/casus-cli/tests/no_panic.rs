//! Property test: the CLI's argument handling never panics, whatever it is
//! given. Every run ends with exit code 0, 1 or 2 and no panic message.

use assert_cmd::Command;
use proptest::prelude::*;

fn run(args: &[String]) -> (i32, String) {
    let out = Command::cargo_bin("casus")
        .expect("binary builds")
        .args(["--color", "never"])
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn arb_arg() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        Just("--attacker".to_string()),
        Just("--defender".to_string()),
        Just("--at".to_string()),
        Just("--on".to_string()),
        Just("--format".to_string()),
        Just("json".to_string()),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        Just("Armenia".to_string()),
        Just("Stepanakert".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn why_never_panics(args in proptest::collection::vec(arb_arg(), 0..9)) {
        let mut full = vec!["why".to_string()];
        full.extend(args);
        let (code, err) = run(&full);
        prop_assert!(matches!(code, 0..=2), "exit {code}: {err}");
        prop_assert!(!err.contains("panicked"), "{err}");
    }

    #[test]
    fn place_and_commitments_never_panic(name in "\\PC{0,20}", date in "\\PC{0,12}") {
        for cmd in ["place", "commitments"] {
            let (code, err) = run(&[cmd.to_string(), name.clone(), "--on".to_string(), date.clone()]);
            prop_assert!(matches!(code, 0..=2), "exit {code}: {err}");
            prop_assert!(!err.contains("panicked"), "{err}");
        }
    }
}
