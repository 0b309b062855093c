//! Output files and writing them atomically: everything goes into a fresh folder beside the output, which
//! replaces the output only when every file is written. A failed build leaves the previous output as it was.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock};

use crate::error::{Error, Result};
use crate::paths::{OutputFile, is_contained};

/// The file every build leaves in its output folder, so that the next build knows the folder is its own to
/// replace. A dot file: static hosts do not list it and no page links it.
pub(crate) const MARKER: &str = ".built-by-safeguide";

const MARKER_TEXT: &[u8] =
    b"This folder was written by `safeguide build`. The next build replaces it whole:\n\
keep nothing else in it.\n";

/// Where `build` may write, decided before anything is created, renamed or deleted. `out` is resolved
/// (`..` and symbolic links) and refused when it is the site folder, one of its ancestors, inside one of its
/// sources, or an existing file; an existing folder is replaced only when an earlier build wrote it, when
/// it is empty, or with `force`. Every refusal is a usage error (exit 2).
pub(crate) fn resolve_out(root: &Path, out: &Path, force: bool) -> Result<PathBuf> {
    let site = crate::fs::resolved(root)?;
    let target = crate::fs::resolved(out)?;
    let named = out.display();
    if target == site || site.starts_with(&target) {
        return Err(Error::Usage(format!(
            "--out {named} is the site folder or contains it; building there would replace the site's own \
             files. Choose a folder of its own, e.g. --out {}",
            site.join("public").display()
        )));
    }
    for entry in crate::config::SOURCE_ENTRIES {
        let plain = site.join(entry);
        let real = crate::fs::resolved(&plain)?;
        if target.starts_with(&plain) || target.starts_with(&real) || real.starts_with(&target) {
            return Err(Error::Usage(format!(
                "--out {named} would overwrite the site's sources ({entry}); choose a folder outside them, \
                 e.g. --out {}",
                site.join("public").display()
            )));
        }
    }
    match std::fs::symlink_metadata(&target) {
        Err(_) => Ok(target),
        Ok(meta) if !meta.is_dir() => Err(Error::Usage(format!(
            "--out {named} is an existing file; the output is a folder. Choose a new or empty folder"
        ))),
        Ok(_) => {
            let mut entries = std::fs::read_dir(&target)
                .map_err(|source| Error::Io { path: target.clone(), source })?;
            let empty = entries.next().is_none();
            if empty || force || target.join(MARKER).is_file() {
                Ok(target)
            } else {
                Err(Error::Usage(format!(
                    "the output folder {} already holds files that safeguide did not write, and a build \
                     replaces the whole folder. Pass --force to replace it anyway, or choose an empty or new \
                     folder",
                    target.display()
                )))
            }
        }
    }
}

/// Staging folders of builds under way, removed by [`remove_unfinished`] when the build is interrupted.
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Writes hold this for reading; an interruption takes it for writing, so no file is written into a
/// staging folder after it was removed.
static WRITES: RwLock<bool> = RwLock::new(false);

/// Removes the staging folders of builds under way; the interrupt handler calls it before exiting. A swap
/// in progress finishes first, so the output is never left half replaced.
pub fn remove_unfinished() {
    let mut stopped = WRITES.write().unwrap_or_else(std::sync::PoisonError::into_inner);
    *stopped = true;
    let mut dirs = UNFINISHED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    for dir in dirs.drain(..) {
        // Best effort: the process is exiting.
        let _ = crate::fs::remove_dir_all(&dir);
    }
}

/// A fresh folder beside the output that becomes the output only when the build succeeds.
pub(crate) struct Staging {
    out: PathBuf,
    dir: PathBuf,
    retired: PathBuf,
}

impl Staging {
    /// Creates the staging folder beside `out`, first clearing what a killed build of the same output left.
    pub(crate) fn create(out: &Path) -> Result<Staging> {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        crate::fs::create_dir_all(&parent)?;
        let name =
            out.file_name().map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        clear_leftovers(&parent, &name, out)?;
        let dir = parent.join(format!(".{name}.safeguide-new-{}", std::process::id()));
        let retired = parent.join(format!(".{name}.safeguide-old-{}", std::process::id()));
        let mut unfinished = UNFINISHED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        crate::fs::remove_dir_all(&dir)?;
        crate::fs::create_dir_all(&dir)?;
        unfinished.push(dir.clone());
        Ok(Staging { out: out.to_path_buf(), dir, retired })
    }

    /// Writes one file into the staging folder; safe to call from many threads.
    pub(crate) fn write(&self, file: &OutputFile) -> Result<()> {
        if !is_contained(&file.path) {
            return Err(Error::Usage(format!(
                "refusing to write `{}` outside the output folder",
                file.path
            )));
        }
        let stopped = WRITES.read().unwrap_or_else(std::sync::PoisonError::into_inner);
        if *stopped {
            return Err(Error::Usage("the build was interrupted".into()));
        }
        let path = self.dir.join(&file.path);
        if let Some(parent) = path.parent() {
            crate::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &file.bytes).map_err(|source| Error::Io { path, source })
    }

    /// Marks the staging folder as safeguide's own and swaps it in as the output.
    pub(crate) fn commit(self) -> Result<()> {
        let mut unfinished = UNFINISHED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let marked = crate::fs::write(&self.dir.join(MARKER), MARKER_TEXT);
        let result = marked.and_then(|()| swap(&self.out, &self.dir, &self.retired));
        if result.is_err() {
            let _ = crate::fs::remove_dir_all(&self.dir);
        }
        unfinished.retain(|d| d != &self.dir);
        result
    }

    /// Removes the staging folder, leaving the previous output as it was.
    pub(crate) fn abandon(self) {
        let mut unfinished = UNFINISHED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        // Best effort: the build has already failed and reports that failure.
        let _ = crate::fs::remove_dir_all(&self.dir);
        unfinished.retain(|d| d != &self.dir);
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
        crate::fs::remove_tree(retired)
    } else {
        crate::fs::rename(staging, out)
    }
}

/// Removes the staging folders that builds of `out` killed without a chance to clean up (SIGKILL, power
/// loss) left beside it. A killed build that had already moved the previous output aside left it as the
/// `-old-` folder: it is put back first, so the previous output survives a failure of this build too.
/// Folders of a build still running (its process alive) are left alone.
fn clear_leftovers(parent: &Path, name: &str, out: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(parent) else { return Ok(()) };
    let own = std::process::id().to_string();
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&format!(".{name}.safeguide-")) else { continue };
        let Some((kind, pid)) = rest.split_once('-') else { continue };
        if pid == own || process_alive(pid) {
            continue;
        }
        let path = entry.path();
        if kind == "old" && !out.exists() {
            crate::fs::rename(&path, out)?;
        } else if kind == "old" || kind == "new" {
            crate::fs::remove_dir_all(&path)?;
        }
    }
    Ok(())
}

/// Whether the process `pid` is running, where the system can tell (Linux's /proc); elsewhere a leftover
/// folder is taken to be from a build that ended.
fn process_alive(pid: &str) -> bool {
    pid.chars().all(|c| c.is_ascii_digit())
        && Path::new("/proc/self").exists()
        && Path::new("/proc").join(pid).exists()
}
