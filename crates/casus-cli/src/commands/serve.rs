//! `casus serve`: the JSON API over HTTP (casus-server; docs/server.md).

use casus_service::Service;

use crate::args::ServeArgs;
use crate::error::CliError;

pub fn run(service: Service, args: &ServeArgs) -> Result<(), CliError> {
    let limits = casus_server::ServerLimits::default();
    casus_server::run(service.with_limits(limits.service), &args.addr, limits).map_err(
        |e| match e {
            // A bad or busy address is the user's to fix.
            casus_server::ServeError::Bind { .. } => CliError::Usage(e.to_string()),
            other => CliError::Data(other.to_string()),
        },
    )
}
