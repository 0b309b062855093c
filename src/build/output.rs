//! Output files and writing them atomically: everything goes into a fresh folder beside the output, which
//! replaces the output only when every file is written. A failed build leaves the previous output as it was.

use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::error::{Error, Result};

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Its path below the output folder, with `/` separators.
    pub path: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// Whether an output path stays inside the output folder (no `..`, no absolute paths).
pub fn is_contained(path: &str) -> bool {
    !path.is_empty() && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)))
}

/// Writes `files` as the new contents of `out`, atomically.
pub fn write_atomic(out: &Path, files: &[OutputFile]) -> Result<()> {
    if let Some(bad) = files.iter().find(|f| !is_contained(&f.path)) {
        return Err(Error::Usage(format!(
            "refusing to write `{}` outside the output folder",
            bad.path
        )));
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    crate::fs::create_dir_all(&parent)?;
    let name =
        out.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let staging = parent.join(format!(".{name}.safeguide-new-{}", std::process::id()));
    let retired = parent.join(format!(".{name}.safeguide-old-{}", std::process::id()));
    crate::fs::remove_dir_all(&staging)?;
    let written = write_all(&staging, files).and_then(|()| swap(out, &staging, &retired));
    if written.is_err() {
        // The build failed: remove what was staged and keep the previous output.
        let _ = crate::fs::remove_dir_all(&staging);
    }
    written
}

fn write_all(dir: &Path, files: &[OutputFile]) -> Result<()> {
    crate::fs::create_dir_all(dir)?;
    let mut dirs: Vec<PathBuf> =
        files.iter().filter_map(|f| Path::new(&f.path).parent().map(|p| dir.join(p))).collect();
    dirs.sort();
    dirs.dedup();
    for d in &dirs {
        crate::fs::create_dir_all(d)?;
    }
    files.par_iter().try_for_each(|f| {
        let path = dir.join(&f.path);
        std::fs::write(&path, &f.bytes).map_err(|source| Error::Io { path, source })
    })
}

fn swap(out: &Path, staging: &Path, retired: &Path) -> Result<()> {
    if out.exists() {
        crate::fs::remove_dir_all(retired)?;
        crate::fs::rename(out, retired)?;
        if let Err(e) = crate::fs::rename(staging, out) {
            // Put the previous output back before reporting.
            let _ = crate::fs::rename(retired, out);
            return Err(e);
        }
        crate::fs::remove_dir_all(retired)
    } else {
        crate::fs::rename(staging, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_must_stay_inside() {
        assert!(is_contained("en/index.html"));
        assert!(!is_contained("../x"));
        assert!(!is_contained("/etc/passwd"));
        assert!(!is_contained("en/../../x"));
    }
}
