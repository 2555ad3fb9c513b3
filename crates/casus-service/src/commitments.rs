//! `commitments`: what a state owes and is owed on a date. The JSON of
//! [`CommitmentsResponse`] is `casus commitments --format json`.

use casus_core::commitments::{commitments, Membership};
use casus_core::query::resolve_polity;
use jiff::civil::Date;
use serde::Serialize;

use crate::{parse_date, CommitmentsRequest, Field, Service, ServiceError};

/// The answer to a [`CommitmentsRequest`].
#[derive(Debug, Clone, Serialize)]
pub struct CommitmentsResponse {
    /// The polity's id.
    pub polity: String,
    #[serde(serialize_with = "crate::show::display")]
    pub date: Date,
    pub memberships: Vec<Membership>,
}

impl Service {
    /// The commitments of the polity in `req` on its date.
    pub fn commitments(
        &self,
        req: &CommitmentsRequest,
    ) -> Result<CommitmentsResponse, ServiceError> {
        let kb = self.kb();
        self.limits().check_text(Field::Polity, &req.polity)?;
        self.limits().check_text(Field::On, &req.on)?;
        let date = parse_date(Field::On, &req.on)?;
        let polity =
            resolve_polity(kb, &req.polity).map_err(|e| ServiceError::query(Field::Polity, e))?;
        casus_core::query::check_exists(kb, &polity, date)
            .map_err(|e| ServiceError::query(Field::Polity, e))?;
        Ok(CommitmentsResponse {
            memberships: commitments(kb, &polity, date),
            polity,
            date,
        })
    }
}
