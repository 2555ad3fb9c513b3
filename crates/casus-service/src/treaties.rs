//! `treaties`: the treaties of the knowledge base, or those in force on a
//! date. The JSON of [`TreatiesResponse`] is `casus treaties --format json`:
//! the list alone.

use casus_core::commitments::{treaties, TreatySummary};
use jiff::civil::Date;
use serde::{Serialize, Serializer};

use crate::{parse_date, Field, Service, ServiceError, TreatiesRequest};

/// The answer to a [`TreatiesRequest`].
#[derive(Debug, Clone)]
pub struct TreatiesResponse {
    /// The date asked about, if any.
    pub date: Option<Date>,
    pub treaties: Vec<TreatySummary>,
}

impl Serialize for TreatiesResponse {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.treaties.serialize(serializer)
    }
}

impl Service {
    /// Every treaty, or those in force on `req.on`.
    pub fn treaties(&self, req: &TreatiesRequest) -> Result<TreatiesResponse, ServiceError> {
        let date = match &req.on {
            Some(on) => {
                self.limits().check_text(Field::On, on)?;
                Some(parse_date(Field::On, on)?)
            }
            None => None,
        };
        Ok(TreatiesResponse {
            date,
            treaties: treaties(self.kb(), date),
        })
    }
}
