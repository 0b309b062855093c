//! Output files and writing them atomically: everything goes into a fresh folder beside the output, which
//! replaces the output only when every file is written. A failed build leaves the previous output as it was.

use std::path::{Component, Path, PathBuf};

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

/// A fresh folder beside the output that becomes the output only when the build succeeds.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    retired: PathBuf,
}

impl Staging {
    /// Creates the staging folder beside `out`.
    pub fn create(out: &Path) -> Result<Staging> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        crate::fs::create_dir_all(&parent)?;
        let name =
            out.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let dir = parent.join(format!(".{name}.safeguide-new-{}", std::process::id()));
        let retired = parent.join(format!(".{name}.safeguide-old-{}", std::process::id()));
        crate::fs::remove_dir_all(&dir)?;
        crate::fs::create_dir_all(&dir)?;
        Ok(Staging { out: out.to_path_buf(), dir, retired })
    }

    /// Writes one file into the staging folder; safe to call from many threads.
    pub fn write(&self, file: &OutputFile) -> Result<()> {
        if !is_contained(&file.path) {
            return Err(Error::Usage(format!(
                "refusing to write `{}` outside the output folder",
                file.path
            )));
        }
        let path = self.dir.join(&file.path);
        if let Some(parent) = path.parent() {
            crate::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &file.bytes).map_err(|source| Error::Io { path, source })
    }

    /// Swaps the staging folder in as the output.
    pub fn commit(self) -> Result<()> {
        let result = swap(&self.out, &self.dir, &self.retired);
        if result.is_err() {
            let _ = crate::fs::remove_dir_all(&self.dir);
        }
        result
    }

    /// Removes the staging folder, leaving the previous output as it was.
    pub fn abandon(self) {
        // Best effort: the build has already failed and reports that failure.
        let _ = crate::fs::remove_dir_all(&self.dir);
    }
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
