//! casus-core: treaty law as code for collective defense.
//!
//! The library knows nothing of terminals or HTTP. It owns the domain model
//! ([`model`]), dates with precision ([`time`]), the knowledge base and its
//! validation ([`kb`]), name resolution and territorial status ([`query`]),
//! the trigger engine ([`engine`]) and standing commitments
//! ([`commitments`]). Front ends (the `casus` CLI) sit on top.

pub mod claim_fit;
pub mod commitments;
pub mod describe;
pub mod diagnostic;
pub mod engine;
pub mod kb;
pub mod limits;
pub mod model;
pub mod name_variants;
pub mod names;
pub mod query;
pub mod reservations;
pub mod scope_rules;
pub mod state_system;
pub mod time;

pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use engine::{
    analyse, verdicts, Analysis, Scenario, Target, Verdict, VerdictKind, VerdictSummary,
};
pub use kb::KnowledgeBase;
pub use time::{FuzzyDate, Interval, Truth};
