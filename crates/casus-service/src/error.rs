//! Why a request could not be answered: [`ServiceError`] names the input
//! [`Field`] at fault, the [`ErrorKind`] (which a front end maps to an exit
//! code or an HTTP status) and the reason, in the same words the CLI prints,
//! with "did you mean" suggestions for unknown names.

use casus_core::query::QueryError;
use casus_core::time::DateError;
use casus_escalate::scenario::Flag;
use casus_escalate::ScenarioError;
use serde::Serialize;

/// The input a problem is about. Its [`Field::name`] is the request's own
/// field (and query parameter) name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Field {
    Attacker,
    Defender,
    At,
    On,
    Target,
    Intent,
    Scale,
    Means,
    Polity,
    Place,
    Treaty,
    Scenario,
    Support,
    Policy,
    CounterStrike,
    Contested,
    SupportCounts,
    MaxRounds,
    Runs,
    Seed,
    Without,
    With,
    Q,
    Kinds,
    Limit,
    /// The request as a whole (a malformed body, an unknown parameter).
    Request,
    /// No input of the user's: the knowledge base or embedded data.
    Internal,
}

impl Field {
    /// The field's name in requests (`attacker`, `on`, `max_rounds`, …).
    pub fn name(self) -> &'static str {
        match self {
            Field::Attacker => "attacker",
            Field::Defender => "defender",
            Field::At => "at",
            Field::On => "on",
            Field::Target => "target",
            Field::Intent => "intent",
            Field::Scale => "scale",
            Field::Means => "means",
            Field::Polity => "polity",
            Field::Place => "place",
            Field::Treaty => "treaty",
            Field::Scenario => "scenario",
            Field::Support => "support",
            Field::Policy => "policy",
            Field::CounterStrike => "counter_strike",
            Field::Contested => "contested",
            Field::SupportCounts => "support_counts",
            Field::MaxRounds => "max_rounds",
            Field::Runs => "runs",
            Field::Seed => "seed",
            Field::Without => "without",
            Field::With => "with",
            Field::Q => "q",
            Field::Kinds => "kinds",
            Field::Limit => "limit",
            Field::Request => "request",
            Field::Internal => "internal",
        }
    }
}

/// What kind of problem it is; front ends map it to an exit code (the CLI:
/// [`ErrorKind::is_usage`] → 2, else 1) or an HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ErrorKind {
    /// Not of the expected form: a bad date, coordinates or enumeration value.
    Malformed,
    /// A name that names nothing of the kind asked for.
    Unknown,
    /// A name that names several things.
    Ambiguous,
    /// Inputs that contradict each other or the knowledge base (a defender
    /// that is also an attacker; a state that did not exist on the date).
    Conflict,
    /// Above a per-request cap (Monte Carlo runs, list lengths, input size).
    TooLarge,
    /// Well-formed input with nothing to judge (coordinates in no territory).
    NoAnswer,
    /// A scenario document that is malformed or names unknown things (the
    /// reason gives `file:line:col`).
    Document,
    /// The knowledge base or embedded data failed; not the user's input.
    Internal,
}

impl ErrorKind {
    /// Whether the CLI reports this as a usage error (exit 2) rather than a
    /// data error (exit 1).
    pub fn is_usage(self) -> bool {
        !matches!(
            self,
            ErrorKind::NoAnswer | ErrorKind::Document | ErrorKind::Internal
        )
    }
}

/// A request that could not be answered, with the field and the reason.
#[derive(Debug, Clone, PartialEq, Serialize, thiserror::Error)]
#[error("{reason}")]
pub struct ServiceError {
    pub field: Field,
    pub kind: ErrorKind,
    /// The reason, worded as the CLI prints it.
    pub reason: String,
    /// Near names for an unknown name, or the candidates for an ambiguous one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub did_you_mean: Vec<String>,
}

impl ServiceError {
    pub fn new(field: Field, kind: ErrorKind, reason: impl Into<String>) -> ServiceError {
        ServiceError {
            field,
            kind,
            reason: reason.into(),
            did_you_mean: Vec::new(),
        }
    }

    pub fn malformed(field: Field, reason: impl Into<String>) -> ServiceError {
        ServiceError::new(field, ErrorKind::Malformed, reason)
    }

    pub fn conflict(field: Field, reason: impl Into<String>) -> ServiceError {
        ServiceError::new(field, ErrorKind::Conflict, reason)
    }

    pub fn too_large(field: Field, reason: impl Into<String>) -> ServiceError {
        ServiceError::new(field, ErrorKind::TooLarge, reason)
    }

    pub fn internal(reason: impl Into<String>) -> ServiceError {
        ServiceError::new(Field::Internal, ErrorKind::Internal, reason)
    }

    /// A name lookup that failed, about `field`.
    pub fn query(field: Field, e: QueryError) -> ServiceError {
        let reason = e.to_string();
        match e {
            QueryError::Unknown { suggestions, .. } => ServiceError {
                field,
                kind: ErrorKind::Unknown,
                reason,
                did_you_mean: suggestions,
            },
            QueryError::Ambiguous { candidates, .. } => ServiceError {
                field,
                kind: ErrorKind::Ambiguous,
                reason,
                did_you_mean: candidates,
            },
            QueryError::OtherKind { .. } => ServiceError::new(field, ErrorKind::Unknown, reason),
            QueryError::Place(_) => ServiceError::new(field, ErrorKind::Malformed, reason),
            QueryError::NotExisting { .. } => ServiceError::conflict(field, reason),
        }
    }

    /// A date that does not parse.
    pub fn date(field: Field, e: DateError) -> ServiceError {
        ServiceError::malformed(field, e.to_string())
    }

    /// A problem reading a scenario document: malformed or naming unknown
    /// things (`file:line:col`) is [`ErrorKind::Document`]; the rest as
    /// [`ServiceError::scenario`].
    pub fn scenario_document(e: ScenarioError) -> ServiceError {
        let did_you_mean = match &e {
            ScenarioError::UnknownName { error, .. } => match error {
                QueryError::Unknown { suggestions, .. } => suggestions.clone(),
                QueryError::Ambiguous { candidates, .. } => candidates.clone(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        match e {
            ScenarioError::Malformed { .. } | ScenarioError::UnknownName { .. } => ServiceError {
                field: Field::Scenario,
                kind: ErrorKind::Document,
                reason: e.to_string(),
                did_you_mean,
            },
            other => ServiceError::scenario(Field::Scenario, other),
        }
    }

    /// A scenario problem from casus-escalate about `field` (a flag-form
    /// input, or the scenario as a whole): always a usage problem.
    /// A refusal of the escalation flags, under the input it names (the
    /// place when it names none: the attack as a whole).
    pub fn from_flags(e: ScenarioError) -> ServiceError {
        match e {
            ScenarioError::Flag { flag, error } => {
                let field = match flag {
                    Flag::Attacker => Field::Attacker,
                    Flag::Defender => Field::Defender,
                    Flag::At => Field::At,
                    Flag::Support => Field::Support,
                };
                ServiceError::scenario(field, *error)
            }
            other => ServiceError::scenario(Field::At, other),
        }
    }

    pub fn scenario(field: Field, e: ScenarioError) -> ServiceError {
        match e {
            ScenarioError::Query(q) => ServiceError::query(field, q),
            ScenarioError::Invalid(m) => ServiceError::conflict(field, m),
            other => ServiceError::conflict(field, other.to_string()),
        }
    }
}
