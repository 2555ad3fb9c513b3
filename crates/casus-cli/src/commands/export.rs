//! `casus kb export`: write the embedded knowledge base out for editing.

use crate::error::CliError;

pub fn run(dir: &std::path::Path) -> Result<(), CliError> {
    let bar = crate::output::progress_bar(0, "exporting the knowledge base");
    let n = casus_core::kb::export_embedded(dir, |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    println!(
        "wrote {n} file(s) to {}; edit them and use `casus --kb {} check`",
        dir.display(),
        dir.display()
    );
    Ok(())
}
