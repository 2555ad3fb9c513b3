//! The policy knobs of a cascade: who honours which obligation
//! (compliance), whether joining states strike back (counter-strike rule),
//! how contested verdicts and support relations count, the round limit, and
//! the honouring probabilities used by Monte Carlo runs.
//!
//! The default probabilities and their basis are documented in
//! `docs/escalation.md`.

use std::collections::BTreeMap;

use casus_core::model::{ObligationKind, Response};
use casus_core::VerdictKind;
use serde::{Deserialize, Serialize};

/// Which triggered obligations are honoured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    /// Every triggered defense obligation is honoured, whatever its strength.
    #[default]
    All,
    /// Only obligations whose response is automatic military assistance.
    Automatic,
    /// Each obligation is honoured with a probability (Monte Carlo).
    Probabilistic,
}

/// What a state that joins a side does to the attackers it joined against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CounterStrike {
    /// It strikes each attacker's homeland (its mainland territory); those
    /// strikes are attacks judged in the next round.
    #[default]
    Homeland,
    /// It joins the side but strikes nobody: no further rounds follow from it.
    None,
}

/// How a `contested` verdict counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContestedRule {
    /// A contested obligation is not acted on (the obligor can point to the doubt).
    #[default]
    StayOut,
    /// A contested obligation is acted on like a triggered one.
    Join,
}

/// How support short of belligerence (arms, drones, intelligence) counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportRule {
    /// The supporter stays outside the war; the support is recorded.
    #[default]
    Bystander,
    /// The supporter counts as a co-attacker in the attacks its recipient makes.
    Belligerent,
}

/// Honouring probability per response strength, with per-treaty overrides.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Probabilities {
    pub by_response: BTreeMap<Response, f64>,
    /// Treaty id → probability, overriding `by_response` for that treaty.
    pub by_treaty: BTreeMap<String, f64>,
    /// Multiplier applied to contested obligations when `contested = join`.
    pub contested_factor: f64,
}

/// The default probabilities (see docs/escalation.md for the basis).
///
/// - automatic: 0.745, the share of alliance commitments honoured in war
///   found by Leeds, Long & Mitchell (2000);
/// - necessary assistance: 0.50, the overall rate (1816-2003) found by
///   Berkemeier & Fuhrmann (2018);
/// - as deemed necessary / meet the common danger: 0.41, Berkemeier &
///   Fuhrmann's rate for defense pacts;
/// - agreed case by case: 0.22, their rate for 1945-2003;
/// - discretionary ("may consider"): 0.10, the project's judgement (no source).
///
/// Mapping response strength to these figures is the project's judgement.
pub const DEFAULT_PROBABILITIES: [(Response, f64); 6] = [
    (Response::Automatic, 0.745),
    (Response::NecessaryAssistance, 0.5),
    (Response::AsDeemedNecessary, 0.41),
    (Response::MeetCommonDanger, 0.41),
    (Response::AgreedCaseByCase, 0.22),
    (Response::Discretionary, 0.1),
];

impl Default for Probabilities {
    fn default() -> Self {
        Probabilities {
            by_response: DEFAULT_PROBABILITIES.into_iter().collect(),
            by_treaty: BTreeMap::new(),
            contested_factor: 0.5,
        }
    }
}

impl Probabilities {
    /// The probability that an obligation of this treaty and response is honoured.
    pub fn of(&self, treaty: &str, response: Response, verdict: VerdictKind) -> f64 {
        let base = self
            .by_treaty
            .get(treaty)
            .copied()
            .or_else(|| self.by_response.get(&response).copied())
            .unwrap_or(0.0);
        match verdict {
            VerdictKind::Triggered => base,
            VerdictKind::Contested => base * self.contested_factor,
            VerdictKind::NotTriggered => 0.0,
        }
    }
}

/// All the knobs of one cascade.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Policy {
    pub compliance: Compliance,
    pub counter_strike: CounterStrike,
    pub contested: ContestedRule,
    pub support: SupportRule,
    /// The last round judged (round 0 is the given attacks).
    pub max_rounds: u32,
    pub probabilities: Probabilities,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            compliance: Compliance::All,
            counter_strike: CounterStrike::Homeland,
            contested: ContestedRule::StayOut,
            support: SupportRule::Bystander,
            max_rounds: 10,
            probabilities: Probabilities::default(),
        }
    }
}

/// Does a provision of this kind and response make its obligor join a war?
/// Defense and offense obligations do, unless they only oblige to consult,
/// to refrain, or are a bare political statement.
pub fn is_joining(kind: ObligationKind, response: Response) -> bool {
    matches!(kind, ObligationKind::Defense | ObligationKind::Offense)
        && !matches!(
            response,
            Response::Consult | Response::Refrain | Response::Political
        )
}

impl Policy {
    /// Is an obligation with this verdict acted on under a deterministic
    /// policy? (`Probabilistic` is treated as `All` here: it is the largest
    /// cascade the Monte Carlo runs sample from.)
    pub fn honours(&self, response: Response, verdict: VerdictKind) -> bool {
        let verdict_ok = match verdict {
            VerdictKind::Triggered => true,
            VerdictKind::Contested => self.contested == ContestedRule::Join,
            VerdictKind::NotTriggered => false,
        };
        let strength_ok = match self.compliance {
            Compliance::All | Compliance::Probabilistic => true,
            Compliance::Automatic => response == Response::Automatic,
        };
        verdict_ok && strength_ok
    }

    /// The Monte Carlo probability of honouring (0 when never acted on).
    pub fn probability(&self, treaty: &str, response: Response, verdict: VerdictKind) -> f64 {
        match self.compliance {
            Compliance::Probabilistic => {
                if verdict == VerdictKind::Contested && self.contested == ContestedRule::StayOut {
                    0.0
                } else {
                    self.probabilities.of(treaty, response, verdict)
                }
            }
            _ => {
                if self.honours(response, verdict) {
                    1.0
                } else {
                    0.0
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automatic_policy_only_honours_automatic_responses() {
        let p = Policy {
            compliance: Compliance::Automatic,
            ..Policy::default()
        };
        assert!(p.honours(Response::Automatic, VerdictKind::Triggered));
        assert!(!p.honours(Response::AsDeemedNecessary, VerdictKind::Triggered));
    }

    #[test]
    fn contested_stays_out_by_default() {
        let p = Policy::default();
        assert!(!p.honours(Response::Automatic, VerdictKind::Contested));
        let join = Policy {
            contested: ContestedRule::Join,
            ..Policy::default()
        };
        assert!(join.honours(Response::Automatic, VerdictKind::Contested));
    }

    #[test]
    fn treaty_override_beats_response_default() {
        let mut pr = Probabilities::default();
        pr.by_treaty.insert("csto".into(), 0.1);
        assert_eq!(
            pr.of("csto", Response::Automatic, VerdictKind::Triggered),
            0.1
        );
        assert_eq!(
            pr.of("nato", Response::Automatic, VerdictKind::Triggered),
            0.745
        );
    }

    #[test]
    fn consultation_does_not_join() {
        assert!(!is_joining(ObligationKind::Consultation, Response::Consult));
        assert!(is_joining(
            ObligationKind::Defense,
            Response::NecessaryAssistance
        ));
        assert!(!is_joining(ObligationKind::Defense, Response::Consult));
    }
}
