//! `casus kb export`: write the embedded knowledge base out for editing.

use crate::error::CliError;

pub fn run(dir: &std::path::Path) -> Result<(), CliError> {
    let n = casus_core::kb::export_embedded(dir, |_| {}).map_err(|e| match e {
        casus_core::kb::ExportError::NotEmpty { .. } => CliError::Usage(e.to_string()),
        other => CliError::Data(other.to_string()),
    })?;
    println!(
        "wrote {n} file(s) to {}; edit them and use `casus --kb {} check`",
        dir.display(),
        dir.display()
    );
    Ok(())
}
