//! The window.
pub fn run(_f: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    Ok(())
}
