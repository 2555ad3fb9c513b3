//! Acceptance tests for `casus escalate`: the real binary on the
//! embedded knowledge base and the scenario files in `examples/`.

use std::path::PathBuf;

mod common;

use common::{casus, json, run_ok};
use serde_json::Value;

fn example(name: &str) -> String {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    root.join(name).display().to_string()
}

/// (round, state, treaty, provision, beneficiary) of every join.
fn joins(v: &Value) -> Vec<(u64, String, String, String, String)> {
    v["rounds"]
        .as_array()
        .expect("rounds")
        .iter()
        .flat_map(|r| r["joins"].as_array().expect("joins").iter())
        .map(|j| {
            (
                j["round"].as_u64().unwrap(),
                j["state"].as_str().unwrap().to_string(),
                j["treaty"].as_str().unwrap().to_string(),
                j["provision"].as_str().unwrap().to_string(),
                j["beneficiary"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const CSTO_OTHERS: [&str; 5] = ["BLR", "KAZ", "KGZ", "RUS", "TJK"];

#[test]
fn seed_stepanakert_nobody_joins_and_the_ladder_says_why() {
    let seed = example("seed.toml");
    let v = json(&["escalate", &seed]);
    assert!(joins(&v).is_empty(), "{:?}", joins(&v));
    assert_eq!(v["belligerents"], 2);
    assert_eq!(v["supports"][0]["supporter"], "TUR");
    let declined = v["rounds"][1]["declined"].to_string();
    assert!(declined.contains("csto"), "{declined}");
    assert!(
        declined.contains("outside the scope of Art. 4"),
        "{declined}"
    );
    let text = run_ok(&["escalate", &seed]);
    assert!(text.contains("Nobody joins."), "{text}");
    assert!(text.contains("CSTO Art. 4 owed by Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan to Armenia: not triggered"), "{text}");
    assert!(text.contains("de jure territory of Azerbaijan"), "{text}");
    assert!(
        text.contains("Türkiye supports Azerbaijan (armed drones)"),
        "{text}"
    );
}

#[test]
fn yerevan_csto_joins_in_round_1_and_nato_in_round_2() {
    let v = json(&[
        "escalate",
        "--attacker",
        "Turkey",
        "--at",
        "Yerevan",
        "--on",
        "2020-10-07",
        "--policy",
        "all",
    ]);
    let j = joins(&v);
    for s in CSTO_OTHERS {
        assert!(
            j.iter().any(|x| x.0 == 1
                && x.1 == s
                && x.2 == "csto"
                && x.3 == "art4"
                && x.4 == "ARM"),
            "{s} joins Armenia in round 1 via CSTO Art. 4: {j:?}"
        );
    }
    for s in ["USA", "DEU", "FRA", "GBR"] {
        assert!(
            j.iter().any(|x| x.0 == 2
                && x.1 == s
                && x.2 == "nato"
                && x.3 == "art5"
                && x.4 == "TUR"),
            "{s} joins Turkey in round 2 via NATO Art. 5: {j:?}"
        );
    }
    // The round-2 NATO joins come from the CSTO members' strikes on Turkey.
    let strikes = v["rounds"][1]["strikes"].as_array().unwrap();
    assert!(strikes
        .iter()
        .any(|s| s["striker"] == "RUS" && s["target"] == "TUR" && s["because"] == "CSTO Art. 4"));
    assert_eq!(v["fixpoint"], true);
    let text = run_ok(&["escalate", &example("yerevan.toml")]);
    let r1 = text.find("Round 1").unwrap();
    let r2 = text.find("Round 2").unwrap();
    assert!(
        text[r1..r2].contains("Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan — CSTO Art. 4"),
        "{text}"
    );
    assert!(
        text[r2..].contains(
            "NATO Art. 5 (defense, such action as each deems necessary) owed to Türkiye: triggered"
        ),
        "{text}"
    );
}

#[test]
fn yerevan_graphs_show_each_step_and_provision() {
    let y = example("yerevan.toml");
    let dot = run_ok(&["escalate", &y, "--format", "dot"]);
    assert!(dot.starts_with("digraph escalation {"));
    assert!(
        dot.contains(
            "\"RUS\" -> \"ARM\" [style=dashed, color=\"#4c78a8\", label=\"R1 joins: CSTO Art. 4\"]"
        ),
        "{dot}"
    );
    assert!(dot.contains("\"USA\" -> \"TUR\""), "{dot}");
    assert!(dot.contains("R2 joins: NATO Art. 5"), "{dot}");
    assert!(dot.contains("subgraph cluster_round2"));
    let mermaid = run_ok(&["escalate", &y, "--format", "mermaid"]);
    assert!(mermaid.starts_with("flowchart LR"));
    assert!(
        mermaid.contains("s_RUS -. \"R1 joins: CSTO Art. 4\" .-> s_ARM"),
        "{mermaid}"
    );
    assert!(mermaid.contains("R2 joins: NATO Art. 5"));
    let svg = run_ok(&["escalate", &y, "--format", "svg"]);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(
        svg.contains("CSTO Art. 4 → Armenia"),
        "svg names the provision"
    );
    assert!(svg.contains("NATO Art. 5 → Türkiye"));
    assert!(svg.contains("Round 2"));
}

#[test]
fn svg_can_be_written_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.svg");
    run_ok(&[
        "escalate",
        &example("yerevan.toml"),
        "--format",
        "svg",
        "-o",
        path.to_str().unwrap(),
    ]);
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.contains("</svg>"));
}

#[test]
fn jermuk_russia_is_cross_pressured_with_provisions_on_both_sides() {
    let v = json(&["escalate", &example("jermuk.toml")]);
    let cp = v["cross_pressure"].as_array().unwrap();
    let rus = cp
        .iter()
        .find(|c| c["state"] == "RUS")
        .expect("Russia is cross-pressured");
    let toward = |side: &str| -> Vec<String> {
        rus["ties"][side]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                format!(
                    "{}/{}",
                    t["treaty"].as_str().unwrap(),
                    t["provision"].as_str().unwrap()
                )
            })
            .collect()
    };
    let armenia = toward("defenders");
    assert!(armenia.contains(&"csto/art4".to_string()), "{armenia:?}");
    assert!(
        armenia.contains(&"russia-armenia-1997/art3".to_string()),
        "{armenia:?}"
    );
    let azerbaijan = toward("attackers");
    assert!(
        azerbaijan.contains(&"russia-azerbaijan-2022/military-assistance".to_string()),
        "{azerbaijan:?}"
    );
    assert!(
        azerbaijan.contains(&"russia-azerbaijan-2022/non-hostility".to_string()),
        "{azerbaijan:?}"
    );
    let text = run_ok(&["escalate", &example("jermuk.toml")]);
    assert!(text.contains("Cross-pressure"), "{text}");
    assert!(
        text.contains("  Russia (fights on Armenia's side)"),
        "{text}"
    );
}

#[test]
fn jermuk_russia_is_cross_pressured_even_when_nobody_fights() {
    let v = json(&["escalate", &example("jermuk.toml"), "--policy", "automatic"]);
    assert!(joins(&v).is_empty());
    let rus = v["cross_pressure"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["state"] == "RUS")
        .expect("Russia is cross-pressured");
    assert_eq!(rus["side"], Value::Null);
    let not_acted = v["rounds"][1]["not_acted"].to_string();
    assert!(
        not_acted.contains("not automatic military assistance"),
        "{not_acted}"
    );
}

#[test]
fn jermuk_without_armenia_in_the_csto_is_a_smaller_war() {
    // Without counter-strikes the cascade is the direct response only.
    let v = json(&[
        "escalate",
        &example("jermuk.toml"),
        "--counter-strike",
        "none",
        "--without",
        "ARM:csto",
    ]);
    let d = &v["diff"];
    let (actual, cf) = (
        d["belligerents"][0].as_u64().unwrap(),
        d["belligerents"][1].as_u64().unwrap(),
    );
    assert!(cf < actual, "{actual} -> {cf}");
    let gone: Vec<&str> = d["disappeared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["state"].as_str().unwrap())
        .collect();
    assert_eq!(gone, vec!["BLR", "KAZ", "KGZ", "TJK"]);
    let changed = &d["changed"][0];
    assert_eq!(changed["state"], "RUS");
    assert_eq!(changed["actual"]["provision"], "CSTO Art. 4");
    assert_eq!(
        changed["counterfactual"]["provision"],
        "Russia-Armenia 1997 Art. 3"
    );
    let text = run_ok(&[
        "escalate",
        &example("jermuk.toml"),
        "--counter-strike",
        "none",
        "--without",
        "ARM:csto",
    ]);
    assert!(text.contains("Joins that disappear"), "{text}");
}

#[test]
fn jermuk_without_armenia_in_the_csto_under_the_homeland_rule_delays_the_csto() {
    let v = json(&["escalate", &example("jermuk.toml"), "--without", "ARM:csto"]);
    let changed = v["diff"]["changed"].as_array().unwrap();
    let blr = changed
        .iter()
        .find(|c| c["state"] == "BLR")
        .expect("Belarus changes");
    assert_eq!(blr["actual"]["round"], 1);
    assert_eq!(blr["counterfactual"]["round"], 3);
    assert_eq!(blr["counterfactual"]["beneficiary"], "RUS");
}

#[test]
fn with_adds_a_membership() {
    let v = json(&[
        "escalate",
        "--attacker",
        "Russia",
        "--at",
        "Finland",
        "--on",
        "2020-10-07",
        "--with",
        "FIN:nato@2020-01-01",
        // Without counter-strikes the base case stops at the EU's Art. 42(7),
        // so the United States can only come in through the added membership.
        "--counter-strike",
        "none",
    ]);
    let appeared: Vec<&str> = v["diff"]["appeared"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["state"].as_str().unwrap())
        .collect();
    assert!(appeared.contains(&"USA"), "{appeared:?}");
}

#[test]
fn malformed_scenario_names_file_line_and_expectation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "date = \"2020-10-07\"\n[[attack]]\nby = \"Turkey\"\nat = \"Yerevan\"\n\n[policy]\ncompliance = \"sometimes\"\n",
    )
    .unwrap();
    let out = casus().arg("escalate").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:7:14"), "{err}");
    assert!(err.contains("`all`, `automatic`"), "{err}");

    std::fs::write(
        &path,
        "date = \"2020-10-07\"\n[[attack]]\nat = \"Yerevan\"\n",
    )
    .unwrap();
    let out = casus().arg("escalate").arg(&path).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:2:1"), "{err}");
    assert!(err.contains("missing field `by`"), "{err}");

    std::fs::write(
        &path,
        "date = \"7 Oct 2020\"\n[[attack]]\nby = \"Turkey\"\nat = \"Yerevan\"\n",
    )
    .unwrap();
    let out = casus().arg("escalate").arg(&path).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:1:8"), "{err}");
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn unknown_names_get_did_you_mean() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.toml");
    std::fs::write(
        &path,
        "date = \"2020-10-07\"\n[[attack]]\nby = \"Turkey\"\nat = \"Yerevn\"\n",
    )
    .unwrap();
    let out = casus().arg("escalate").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("typo.toml:4:6"), "{err}");
    assert!(
        err.contains("did you mean") && err.contains("\"Yerevan\""),
        "{err}"
    );

    let out = casus()
        .args([
            "escalate",
            "--attacker",
            "Turky",
            "--at",
            "Yerevan",
            "--on",
            "2020-10-07",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean"));

    let out = casus()
        .args([
            "escalate",
            &example("jermuk.toml"),
            "--without",
            "Armenai:csto",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("did you mean") && err.contains("\"Armenia\""),
        "{err}"
    );
}

#[test]
fn monte_carlo_is_reproducible_for_a_seed() {
    let args = [
        "escalate",
        &example("yerevan.toml"),
        "--runs",
        "5000",
        "--seed",
        "7",
    ];
    let a = json(&args);
    let b = json(&args);
    assert_eq!(a["monte_carlo"], b["monte_carlo"]);
    let mc = &a["monte_carlo"];
    assert_eq!(mc["runs"], 5000);
    let rus = mc["states"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["state"] == "RUS")
        .expect("Russia drawn in some runs");
    let p = rus["drawn_in"].as_f64().unwrap();
    assert!(p > 0.5 && p < 1.0, "{p}");
    let total: f64 = mc["belligerents"]
        .as_object()
        .unwrap()
        .values()
        .map(|x| x.as_f64().unwrap())
        .sum();
    assert!((total - 1.0).abs() < 1e-9);
    assert!(!mc["paths"].as_array().unwrap().is_empty());
    let text = run_ok(&args);
    assert!(text.contains("Most frequent paths"), "{text}");
}

#[test]
fn scenario_file_and_flags_conflict_is_a_usage_error() {
    let out = casus()
        .args(["escalate", &example("yerevan.toml"), "--attacker", "Turkey"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn ladders_read_as_explanations() {
    insta::assert_snapshot!("seed_ladder", run_ok(&["escalate", &example("seed.toml")]));
    insta::assert_snapshot!(
        "yerevan_ladder",
        run_ok(&["escalate", &example("yerevan.toml")])
    );
    insta::assert_snapshot!(
        "jermuk_automatic_ladder",
        run_ok(&["escalate", &example("jermuk.toml"), "--policy", "automatic"])
    );
    insta::assert_snapshot!(
        "jermuk_without_csto_diff",
        run_ok(&[
            "escalate",
            &example("jermuk.toml"),
            "--counter-strike",
            "none",
            "--without",
            "ARM:csto"
        ])
    );
}

/// A place name in an escalation is read in its attack's question, as in
/// `why`: with Lebanon attacked, "Tripoli" is Lebanon's, not Libya's.
#[test]
fn the_attacked_state_chooses_among_namesakes_in_an_escalation() {
    let v = json(&[
        "escalate",
        "--attacker",
        "ISR",
        "--defender",
        "LBN",
        "--at",
        "Tripoli",
        "--on",
        "2024-10-01",
    ]);
    let place = &v["scenario"]["attacks"][0]["place"];
    assert_eq!(place["territory_id"], "lebanon", "{place}");
    assert!(
        place["notes"].to_string().contains("named as defender"),
        "{place}"
    );
    // Without a defender the knowledge base's Tripoli (Libya) stands.
    let v = json(&[
        "escalate",
        "--attacker",
        "ISR",
        "--at",
        "Tripoli",
        "--on",
        "2024-10-01",
    ]);
    assert_eq!(
        v["scenario"]["attacks"][0]["place"]["territory_id"],
        "libya"
    );
}
