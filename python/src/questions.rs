//! The questions the package answers, each a `casus-service` request: the
//! Python shim sends the keyword arguments as a JSON object, this module
//! reads it into the service's typed request and returns the service's
//! answer as JSON text, which is the CLI's `--format json` output (one
//! definition for the CLI, the server and Python).

use casus_service::escalate::NoProgress;
use casus_service::Service;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::errors::InputError;

/// The questions `ask` knows, as the CLI's subcommands.
pub const QUESTIONS: &[&str] = &[
    "why",
    "place",
    "commitments",
    "treaties",
    "show",
    "search",
    "escalate",
];

/// Answer `question` with the request in `request` (a JSON object).
pub fn ask(service: &Service, question: &str, request: &str) -> Result<String, InputError> {
    match question {
        "why" => json(service.why(&read(request)?)),
        "place" => json(service.place(&read(request)?)),
        "commitments" => json(service.commitments(&read(request)?)),
        "treaties" => json(service.treaties(&read(request)?)),
        "show" => json(service.show(&read(request)?)),
        "search" => json(service.search(&read(request)?)),
        // No progress bar: the call returns when the cascade (and any Monte
        // Carlo runs, capped as on the command line) is done.
        "escalate" => json(service.escalate(&read(request)?, &NoProgress)),
        other => Err(InputError::new(
            "question",
            "unknown",
            format!(
                "unknown question {other:?}: expected one of {}",
                QUESTIONS.join(", ")
            ),
        )),
    }
}

/// The typed request, or an error naming the field that does not fit.
fn read<T: DeserializeOwned>(request: &str) -> Result<T, InputError> {
    let mut de = serde_json::Deserializer::from_str(request);
    serde_path_to_error::deserialize(&mut de).map_err(InputError::request)
}

fn json<T: Serialize>(
    answer: Result<T, casus_service::ServiceError>,
) -> Result<String, InputError> {
    let answer = answer?;
    serde_json::to_string(&answer)
        .map_err(|e| InputError::new("internal", "internal", format!("cannot write JSON: {e}")))
}
