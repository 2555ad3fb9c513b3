//! `casus kb export`: write the embedded knowledge base out for editing.

use crate::error::CliError;

pub fn run(dir: &std::path::Path) -> Result<(), CliError> {
    let total = casus_core::KnowledgeBase::embedded_files().len() as u64;
    let bar = crate::output::progress_bar(total, "exporting the knowledge base");
    let n = casus_core::kb::export_embedded(dir, |_| bar.inc(1))?;
    bar.finish_and_clear();
    println!(
        "wrote {n} file(s) to {}; edit them and use `casus --kb {} check`",
        dir.display(),
        dir.display()
    );
    Ok(())
}
