//! The service on the embedded knowledge base: the founding case, errors
//! that name the field and the reason, the per-request caps, and the name
//! search (prefix, case- and accent-insensitive, ranked, bounded).

use std::sync::{Arc, OnceLock};

use casus_core::KnowledgeBase;
use casus_service::escalate::NoProgress;
use casus_service::search::SearchHit;
use casus_service::*;
use serde_json::Value;

fn service() -> &'static Service {
    static SERVICE: OnceLock<Service> = OnceLock::new();
    SERVICE.get_or_init(|| {
        let kb = KnowledgeBase::embedded().expect("the embedded knowledge base loads");
        Service::new(Arc::new(kb))
    })
}

fn why(attacker: &str, at: &str, on: &str) -> WhyRequest {
    WhyRequest {
        attackers: vec![attacker.into()],
        at: at.into(),
        on: on.into(),
        ..Default::default()
    }
}

#[test]
fn founding_case_csto_not_triggered_with_peskovs_claim() {
    let mut req = why("Azerbaijan", "Stepanakert", "2020-10-07");
    req.defenders = vec!["Armenia".into()];
    let answer = service().why(&req).expect("the founding case is answered");
    let json = serde_json::to_value(&answer).expect("serializes");
    let csto: Vec<&Value> = json["verdicts"]
        .as_array()
        .expect("verdicts")
        .iter()
        .filter(|v| v["treaty"] == "csto" && v["kind"] == "defense" && v["beneficiary"] == "ARM")
        .collect();
    assert!(!csto.is_empty(), "CSTO defence verdicts toward Armenia");
    for v in &csto {
        assert_eq!(v["verdict"], "not_triggered");
        assert!(v["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .any(|c| c["speaker"].as_str().unwrap_or("").contains("Peskov")));
    }
}

#[test]
fn unknown_attacker_names_the_field_with_suggestions() {
    let e = service()
        .why(&why("Azerbaijn", "Stepanakert", "2020-10-07"))
        .expect_err("a misspelt state is refused");
    assert_eq!(e.field, Field::Attacker);
    assert_eq!(e.kind, ErrorKind::Unknown);
    assert!(
        e.did_you_mean.iter().any(|s| s.contains("Azerbaijan")),
        "{e:?}"
    );
}

#[test]
fn bad_date_is_malformed_on() {
    let e = service()
        .why(&why("AZE", "Stepanakert", "2020-13-40"))
        .expect_err("an impossible date is refused");
    assert_eq!((e.field, e.kind), (Field::On, ErrorKind::Malformed));
}

#[test]
fn no_attacker_is_malformed() {
    let mut req = why("AZE", "Jermuk", "2022-09-13");
    req.attackers.clear();
    let e = service()
        .why(&req)
        .expect_err("an attack needs an attacker");
    assert_eq!(e.field, Field::Attacker);
}

#[test]
fn attacker_as_defender_is_a_conflict() {
    let mut req = why("AZE", "Jermuk", "2022-09-13");
    req.defenders = vec!["Azerbaijan".into()];
    let e = service().why(&req).expect_err("refused");
    assert_eq!((e.field, e.kind), (Field::Defender, ErrorKind::Conflict));
}

#[test]
fn long_inputs_and_long_lists_are_too_large() {
    let e = service()
        .why(&why(&"x".repeat(1000), "Jermuk", "2022-09-13"))
        .expect_err("refused");
    assert_eq!((e.field, e.kind), (Field::Attacker, ErrorKind::TooLarge));
    let mut req = why("AZE", "Jermuk", "2022-09-13");
    req.defenders = vec!["ARM".into(); 1000];
    let e = service().why(&req).expect_err("refused");
    assert_eq!((e.field, e.kind), (Field::Defender, ErrorKind::TooLarge));
}

#[test]
fn monte_carlo_runs_are_capped_per_request() {
    let req = EscalateRequest {
        attackers: vec!["AZE".into()],
        at: Some("Jermuk".into()),
        on: Some("2022-09-13".into()),
        runs: Some(service().limits().max_runs + 1),
        seed: 1,
        ..Default::default()
    };
    let e = service().escalate(&req, &NoProgress).expect_err("refused");
    assert_eq!((e.field, e.kind), (Field::Runs, ErrorKind::TooLarge));
    let ok = EscalateRequest {
        runs: Some(200),
        ..req
    };
    let answer = service()
        .escalate(&ok, &NoProgress)
        .expect("200 runs are fine");
    assert_eq!(
        answer.actual.monte_carlo.as_ref().map(|m| m.runs),
        Some(200)
    );
}

#[test]
fn escalation_flags_name_the_field_at_fault() {
    let base = EscalateRequest {
        attackers: vec!["AZE".into()],
        at: Some("Jermuk".into()),
        on: Some("2022-09-13".into()),
        seed: 1,
        ..Default::default()
    };
    let cases = [
        (
            EscalateRequest {
                attackers: vec!["Azerbaijn".into()],
                ..base.clone()
            },
            Field::Attacker,
        ),
        (
            EscalateRequest {
                defenders: vec!["Armenja".into()],
                ..base.clone()
            },
            Field::Defender,
        ),
        (
            EscalateRequest {
                supports: vec!["Rusia:ARM".into()],
                ..base.clone()
            },
            Field::Support,
        ),
        (
            EscalateRequest {
                at: Some("Nowhereville-sur-Mer".into()),
                ..base.clone()
            },
            Field::At,
        ),
    ];
    for (req, field) in cases {
        let e = service().escalate(&req, &NoProgress).expect_err("refused");
        assert_eq!(e.field, field, "{e:?}");
    }
    service()
        .escalate(&base, &NoProgress)
        .expect("the base request is fine");
}

#[test]
fn scenario_document_errors_give_file_line_col() {
    let req = EscalateRequest {
        scenario: Some(ScenarioDocument {
            name: "mine.toml".into(),
            toml:
                "date = \"2022-09-13\"\n[[attack]]\nattackers = [\"Azerbaijn\"]\nat = \"Jermuk\"\n"
                    .into(),
        }),
        seed: 1,
        ..Default::default()
    };
    let e = service().escalate(&req, &NoProgress).expect_err("refused");
    assert_eq!((e.field, e.kind), (Field::Scenario, ErrorKind::Document));
    assert!(e.reason.starts_with("mine.toml:"), "{}", e.reason);
}

#[test]
fn commitments_treaties_show_and_place_answer() {
    let s = service();
    let c = s
        .commitments(&CommitmentsRequest {
            polity: "Armenia".into(),
            on: "2020-10-07".into(),
        })
        .expect("answered");
    assert_eq!(c.polity, "ARM");
    assert!(c.memberships.iter().any(|m| m.treaty == "csto"));
    let t = s
        .treaties(&TreatiesRequest {
            on: Some("2020-10-07".into()),
        })
        .expect("answered");
    assert!(t.treaties.iter().any(|t| t.id == "nato"));
    let show = s
        .show(&ShowRequest {
            treaty: "Washington Treaty".into(),
        })
        .expect("answered");
    assert_eq!(show.treaty.id, "nato");
    let e = s
        .show(&ShowRequest {
            treaty: "NATTO".into(),
        })
        .expect_err("unknown treaty");
    assert_eq!(e.field, Field::Treaty);
    assert!(e.did_you_mean.iter().any(|d| d.contains("NATO")), "{e:?}");
    let p = s
        .place(&PlaceRequest {
            place: "39.8153,46.7519".into(),
            on: "2020-10-07".into(),
            most_populous: false,
        })
        .expect("coordinates resolve");
    let json = serde_json::to_value(&p).expect("serializes");
    assert_eq!(json["territory"], "nagorno-karabakh");
    assert!(json["geo"].is_object());
}

fn search(q: &str, kinds: &[SearchKind], limit: Option<usize>) -> Vec<SearchHit> {
    service()
        .search(&SearchRequest {
            q: q.into(),
            kinds: kinds.to_vec(),
            limit,
        })
        .expect("searched")
        .results
}

#[test]
fn search_is_prefix_case_and_accent_insensitive() {
    for q in ["arm", "ARM", "Arm", "armen"] {
        let hits = search(q, &[SearchKind::State], None);
        assert!(hits.iter().any(|h| h.id == "ARM"), "{q}: {hits:?}");
    }
    let hits = search("xankə", &[SearchKind::Place], None);
    assert!(hits.iter().any(|h| h.name == "Stepanakert"), "{hits:?}");
    let hits = search("XANKE", &[SearchKind::Place], None);
    assert!(hits.iter().any(|h| h.name == "Stepanakert"), "{hits:?}");
}

#[test]
fn search_ranks_exact_names_first() {
    let hits = search("nato", &[], None);
    assert_eq!(
        hits.first().map(|h| h.id.as_str()),
        Some("nato"),
        "{hits:?}"
    );
    let hits = search("Armenia", &[], None);
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("ARM"), "{hits:?}");
}

#[test]
fn search_finds_gazetteer_places_by_population() {
    let hits = search("Gyumr", &[SearchKind::Gazetteer], None);
    let first = hits.first().expect("a gazetteer place");
    assert_eq!(first.kind, SearchKind::Gazetteer);
    assert!(first.value.contains("AM"), "{first:?}");
    assert!(first.coords.is_some());
}

#[test]
fn search_is_bounded() {
    let hits = search("a", &[], Some(5));
    assert_eq!(hits.len(), 5);
    let e = service()
        .search(&SearchRequest {
            q: "a".into(),
            kinds: vec![],
            limit: Some(10_000),
        })
        .expect_err("limit above the cap");
    assert_eq!(e.field, Field::Limit);
    assert!(search("", &[], None).is_empty());
    assert!(search("zzzzqqq", &[], None).is_empty());
}
