//! Helpers shared by the integration tests: copying fixture sites into temporary folders and running the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The folder of fixture sites.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A copy of a fixture site in a temporary folder, so tests can change it and build beside it.
pub struct Site {
    /// Keeps the temporary folder alive.
    pub dir: tempfile::TempDir,
}

impl Site {
    /// Copies `tests/fixtures/<name>` and then, in order, each overlay folder over it.
    pub fn copy(name: &str, overlays: &[&str]) -> Site {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(&fixtures().join(name), &dir.path().join("site"));
        for overlay in overlays {
            copy_tree(&fixtures().join(overlay), &dir.path().join("site"));
        }
        Site { dir }
    }

    /// The site root.
    pub fn root(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    /// The output folder the tests build into (beside the site, not inside it).
    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    /// Runs `safeguide build --root <site> --out <out>` plus `args`.
    pub fn build(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_safeguide"));
        cmd.arg("build").arg("--root").arg(self.root()).arg("--out").arg(self.out()).args(args);
        cmd.output().unwrap()
    }

    /// Runs `safeguide <args> --root <site>` in the site folder, with a fixed date for reproducible results.
    pub fn run(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_safeguide"));
        cmd.args(args).arg("--root").arg(self.root()).current_dir(self.root());
        // 2026-11-27T12:00:00Z: `check` and `new` read "today" from it, as reproducible builds do.
        cmd.env("SOURCE_DATE_EPOCH", "1795780800").env("NO_COLOR", "1");
        cmd.output().unwrap()
    }

    /// Reads a file of the site as text.
    pub fn source(&self, path: &str) -> String {
        std::fs::read_to_string(self.root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Reads an output file as text.
    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.out().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Writes a file of the site.
    /// Where the theme file `name` (`style.css`) was published: `theme/style.<10 hex digits>.css`.
    pub fn asset(&self, name: &str) -> String {
        published_asset(&self.out(), name)
    }

    pub fn write(&self, path: &str, contents: &[u8]) {
        let p = self.root().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, contents).unwrap();
    }
}

/// Copies a folder tree, replacing files that exist.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file below `dir` with its bytes, sorted by path.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// stdout and stderr as text.
pub fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Where the theme file `name` (`style.css`) was published in the output folder `out`:
/// `theme/style.<10 hex digits>.css`, the digits being the start of the SHA-256 of its bytes.
pub fn published_asset(out: &Path, name: &str) -> String {
    use sha2::{Digest, Sha256};
    let (stem, ext) = name.rsplit_once('.').unwrap();
    let found: Vec<String> = std::fs::read_dir(out.join("theme"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|f| {
            f.strip_prefix(&format!("{stem}."))
                .and_then(|rest| rest.strip_suffix(&format!(".{ext}")))
                .is_some_and(|hash| hash.len() == 10 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        })
        .collect();
    assert_eq!(found.len(), 1, "one published {name}: {found:?}");
    let path = format!("theme/{}", found[0]);
    let bytes = std::fs::read(out.join(&path)).unwrap();
    let hash = Sha256::digest(&bytes).iter().take(5).fold(String::new(), |mut hex, b| {
        use std::fmt::Write as _;
        let _ = write!(hex, "{b:02x}");
        hex
    });
    assert_eq!(
        path,
        format!("theme/{stem}.{hash}.{ext}"),
        "the name carries the hash of the bytes"
    );
    path
}

/// Runs git in `dir` with a fixed author and no signing, whatever the machine's configuration.
pub fn git(dir: &Path, args: &[&str]) {
    let output = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(output.status.success(), "git {args:?}: {:?}", text(&output));
}

/// A PNG of `width` x `height` in one colour.
pub fn png(width: u32, height: u32, shade: u8) -> Vec<u8> {
    let image = image::RgbImage::from_pixel(width, height, image::Rgb([shade, 90, 200]));
    let mut out = std::io::Cursor::new(Vec::new());
    image.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}
