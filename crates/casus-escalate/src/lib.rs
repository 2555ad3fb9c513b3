//! casus-escalate: who is drawn in, round by round, and who is caught
//! between sides.
//!
//! Given an escalation scenario ([`scenario`]) and a policy ([`policy`]), the
//! [`graph`] judges every attack once with `casus_core::engine`; the
//! [`cascade`] follows obligations to a fixpoint; [`cross_pressure`] finds
//! states bound to both sides; [`montecarlo`] samples compliance;
//! [`counterfactual`] edits memberships and diffs outcomes; [`render`] draws
//! DOT, Mermaid and SVG. No terminal code lives here.

pub mod cascade;
pub mod counterfactual;
pub mod cross_pressure;
pub mod graph;
pub mod montecarlo;
pub mod policy;
pub mod render;
pub mod scenario;

pub use cascade::{run_cascade, Outcome, Side};
pub use policy::{Compliance, ContestedRule, CounterStrike, Policy, SupportRule};
pub use scenario::{
    parse_scenario, parse_scenario_on, parse_scenario_with, scenario_from_flags,
    scenario_from_flags_with, EscalationScenario, PlaceLookup, PlaceQuestion, ScenarioError,
    MAX_ATTACKS,
};
