//! Rebuild the crate when the embedded knowledge base changes: `include_dir!`
//! alone does not tell cargo to watch the files it embeds.

fn main() {
    println!("cargo:rerun-if-changed=../../kb");
}
