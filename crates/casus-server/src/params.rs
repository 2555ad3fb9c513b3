//! Requests from the wire: a query string (GET, so links can be shared) or
//! a JSON body (POST) into a typed `casus-service` request. Both go through
//! the request's own `Deserialize` (unknown parameters refused), and every
//! error names the parameter at fault.
//!
//! Query strings: list fields repeat (`attacker=AZE&attacker=TUR`; the
//! singular or the plural name), `kinds` also takes commas
//! (`kinds=state,treaty`); numbers are whole numbers; booleans are
//! `true`/`false` (`1`/`0`); a scalar given twice is refused.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::ApiError;

/// How one request type's fields are typed in a query string.
pub struct QueryShape {
    /// List fields, by their (plural) name.
    pub lists: &'static [&'static str],
    /// Whole-number fields.
    pub numbers: &'static [&'static str],
    /// Boolean fields.
    pub bools: &'static [&'static str],
}

pub const WHY: QueryShape = QueryShape {
    lists: &["attackers", "defenders"],
    numbers: &[],
    bools: &["most_populous"],
};
pub const PLACE: QueryShape = QueryShape {
    lists: &[],
    numbers: &[],
    bools: &["most_populous"],
};
pub const PLAIN: QueryShape = QueryShape {
    lists: &[],
    numbers: &[],
    bools: &[],
};
pub const ESCALATE: QueryShape = QueryShape {
    lists: &["attackers", "defenders", "supports", "without", "with"],
    numbers: &["max_rounds", "runs", "seed"],
    bools: &["most_populous"],
};
pub const PANEL: QueryShape = QueryShape {
    lists: &[],
    numbers: &[],
    bools: &["undirected", "all_pairs"],
};
pub const SEARCH: QueryShape = QueryShape {
    lists: &["kinds"],
    numbers: &["limit"],
    bools: &[],
};

/// Most parameters in one query string.
const MAX_PARAMS: usize = 200;

/// Parse `raw` (the query string, without `?`) into a `T`.
pub fn from_query<T: DeserializeOwned>(
    raw: Option<&str>,
    shape: &QueryShape,
) -> Result<T, ApiError> {
    let mut map = Map::new();
    for (n, (key, value)) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()).enumerate() {
        if n >= MAX_PARAMS {
            return Err(ApiError::bad_request(
                None,
                format!("more than {MAX_PARAMS} query parameters"),
            ));
        }
        let key = key.into_owned();
        let plural = format!("{key}s");
        let list_key = if shape.lists.contains(&key.as_str()) {
            Some(key.clone())
        } else if shape.lists.contains(&plural.as_str()) {
            Some(plural)
        } else {
            None
        };
        if let Some(list_key) = list_key {
            let entry = map
                .entry(list_key.clone())
                .or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(items) = entry {
                if list_key == "kinds" {
                    items.extend(
                        value
                            .split(',')
                            .filter(|s| !s.is_empty())
                            .map(|s| Value::String(s.to_string())),
                    );
                } else {
                    items.push(Value::String(value.into_owned()));
                }
            }
            continue;
        }
        let typed = if shape.numbers.contains(&key.as_str()) {
            value.parse::<u64>().map(Value::from).map_err(|_| {
                ApiError::bad_request(
                    Some(&key),
                    format!("{key}: {value:?} is not a whole number"),
                )
            })?
        } else if shape.bools.contains(&key.as_str()) {
            match value.as_ref() {
                "true" | "1" | "" => Value::Bool(true),
                "false" | "0" => Value::Bool(false),
                other => {
                    return Err(ApiError::bad_request(
                        Some(&key),
                        format!("{key}: {other:?} is not true or false"),
                    ))
                }
            }
        } else {
            Value::String(value.into_owned())
        };
        if map.insert(key.clone(), typed).is_some() {
            return Err(ApiError::bad_request(
                Some(&key),
                format!("{key} is given more than once"),
            ));
        }
    }
    typed(Value::Object(map))
}

/// Parse a JSON body into a `T`.
pub fn from_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let field = field_of(&e.path().to_string(), &e.inner().to_string());
        ApiError::bad_request(
            field.as_deref(),
            format!("the body is not a valid request: {}", e.inner()),
        )
    })?;
    de.end()
        .map_err(|e| ApiError::bad_request(None, format!("the body is not valid JSON: {e}")))?;
    Ok(value)
}

fn typed<T: DeserializeOwned>(value: Value) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let message = e.inner().to_string();
        let field = field_of(&e.path().to_string(), &message);
        ApiError::bad_request(field.as_deref(), message)
    })
}

/// The field an error is about: the path serde reports, or the name in
/// "missing field `x`" / "unknown field `x`".
fn field_of(path: &str, message: &str) -> Option<String> {
    let top = path.split(['.', '[']).next().unwrap_or("");
    if !top.is_empty() && top != "?" {
        return Some(top.to_string());
    }
    for prefix in ["missing field `", "unknown field `"] {
        if let Some(rest) = message.strip_prefix(prefix) {
            return rest.split('`').next().map(str::to_string);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use casus_service::{EscalateRequest, SearchKind, SearchRequest, WhyRequest};

    #[test]
    fn repeated_singular_names_make_lists() {
        let r: WhyRequest = from_query(
            Some("attacker=AZE&attacker=Turkey&at=Stepanakert&on=2020-10-07&target=forces"),
            &WHY,
        )
        .expect("parses");
        assert_eq!(r.attackers, ["AZE", "Turkey"]);
        assert_eq!(r.target, casus_service::TargetKind::Forces);
    }

    #[test]
    fn kinds_take_commas_and_numbers_are_checked() {
        let r: SearchRequest =
            from_query(Some("q=ar&kinds=state,treaty&limit=3"), &SEARCH).expect("parses");
        assert_eq!(r.kinds, [SearchKind::State, SearchKind::Treaty]);
        assert_eq!(r.limit, Some(3));
        let e = from_query::<SearchRequest>(Some("q=ar&limit=lots"), &SEARCH).expect_err("refused");
        assert_eq!(e.detail.field.as_deref(), Some("limit"));
    }

    #[test]
    fn errors_name_the_parameter() {
        let e =
            from_query::<WhyRequest>(Some("attacker=AZE&on=2020-10-07"), &WHY).expect_err("no at");
        assert_eq!(e.detail.field.as_deref(), Some("at"));
        let e = from_query::<WhyRequest>(Some("attacker=AZE&at=x&on=y&colour=red"), &WHY)
            .expect_err("unknown parameter");
        assert_eq!(e.detail.field.as_deref(), Some("colour"));
        let e = from_query::<WhyRequest>(Some("attacker=AZE&at=x&on=y&target=sea"), &WHY)
            .expect_err("bad enum");
        assert_eq!(e.detail.field.as_deref(), Some("target"));
        let e =
            from_query::<WhyRequest>(Some("attacker=AZE&at=x&at=y&on=z"), &WHY).expect_err("twice");
        assert_eq!(e.detail.field.as_deref(), Some("at"));
    }

    #[test]
    fn bodies_are_json_requests() {
        let r: EscalateRequest =
            from_body(br#"{"attackers":["AZE"],"at":"Jermuk","on":"2022-09-13","runs":100}"#)
                .expect("parses");
        assert_eq!(r.runs, Some(100));
        let e = from_body::<EscalateRequest>(b"{not json").expect_err("malformed");
        assert_eq!(e.status, axum::http::StatusCode::BAD_REQUEST);
        let e = from_body::<EscalateRequest>(br#"{"runs":"many"}"#).expect_err("mistyped");
        assert_eq!(e.detail.field.as_deref(), Some("runs"));
    }
}
