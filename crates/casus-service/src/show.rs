//! `show`: one treaty in full. The JSON of [`ShowResponse`] is `casus show
//! --format json`: the treaty as the knowledge base holds it.

use casus_core::model::Treaty;
use casus_core::query::resolve_treaty;
use serde::{Serialize, Serializer};

use crate::{Field, Service, ServiceError, ShowRequest};

/// The answer to a [`ShowRequest`]: a treaty of the service's knowledge base.
#[derive(Debug, Clone, Copy)]
pub struct ShowResponse<'a> {
    pub treaty: &'a Treaty,
}

impl Serialize for ShowResponse<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.treaty.serialize(serializer)
    }
}

impl Service {
    /// The treaty named in `req`.
    pub fn show(&self, req: &ShowRequest) -> Result<ShowResponse<'_>, ServiceError> {
        self.limits().check_text(Field::Treaty, &req.treaty)?;
        let kb = self.kb();
        let i =
            resolve_treaty(kb, &req.treaty).map_err(|e| ServiceError::query(Field::Treaty, e))?;
        Ok(ShowResponse {
            treaty: &kb.treaties[i],
        })
    }
}

/// Serialize a value by its `Display` form (dates as `YYYY-MM-DD`).
pub(crate) fn display<T: std::fmt::Display, S: Serializer>(
    value: &T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}
