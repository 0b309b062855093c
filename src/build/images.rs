//! Publishing images: every image a page shows, in every language (a translation's own file of the same
//! name first, else the default language's), and every file under the site's `static/` folder. Raster
//! images are resized to the widths [`crate::content::assets::widths`] gives and re-encoded in their own
//! format with the pure-Rust `image` crate; SVG drawings are copied as they are (they were checked when
//! the pages were rendered).
//!
//! Resized images are cached between builds in `<root>/.safeguide-cache/images/`, named by the SHA-256 of
//! the original's bytes and the resizing settings, so a rebuild does not re-encode them. The cache can be
//! deleted at any time.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::content::assets;
use crate::error::{Diagnostic, Error, Result};
use crate::paths::OutputFile;
use crate::source::SiteSource;

/// The cache folder below the site root.
pub(crate) const CACHE_DIR: &str = ".safeguide-cache/images";
/// Changes whenever resizing or encoding changes, so old cache entries are not reused.
const SETTINGS: &str = "safeguide-images-1 lanczos3 jpeg80";

/// One image to publish: where it comes from and every output path it goes to (a content image is
/// published in each language that shows it, from the same file where a language has none of its own).
/// Each file is one job, so its variants are made, and its cache entries written, once.
struct Job {
    file: PathBuf,
    outs: Vec<String>,
}

/// A file under the site's `static/` folder and its path in the output.
pub(crate) struct StaticFile {
    file: PathBuf,
    /// Its path below the output folder (`static/a/b.png` is `a/b.png`).
    pub(crate) out: String,
}

/// Every file under the site's `static/` folder, found before the pages are rendered so that their
/// output paths are claimed with the pages'.
pub(crate) fn static_files(source: &SiteSource) -> Result<Vec<StaticFile>> {
    let root = &source.root;
    let statics = root.join("static");
    let mut found = Vec::new();
    if statics.is_dir() {
        let mut problems = Vec::new();
        for entry in crate::fs::walk(root, &statics, usize::MAX, &mut problems) {
            if entry.is_dir {
                continue;
            }
            let rel = entry.path.strip_prefix(&statics).unwrap_or(&entry.path);
            let out = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            found.push(StaticFile { file: entry.path.clone(), out });
        }
        if !problems.is_empty() {
            return Err(Error::Site(problems));
        }
    }
    Ok(found)
}

/// Every published image and static file, as output files. `keys` are the images the pages show
/// (`children/block.png`, `/logo.png` under static/), which are resized; other static files are copied.
pub(crate) fn files(
    source: &SiteSource,
    keys: &BTreeSet<String>,
    statics: &[StaticFile],
) -> Result<Vec<OutputFile>> {
    let root = &source.root;
    let config = &source.config;
    let mut jobs: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    let mut copies = Vec::new();
    for key in keys {
        if key.starts_with('/') {
            continue;
        }
        for lang in &config.languages {
            if let Some(file) = assets::source_file(root, &lang.code, &config.default_language, key)
            {
                jobs.entry(file).or_default().push(format!("{}/{key}", lang.code));
            }
        }
    }
    for s in statics {
        if keys.contains(&format!("/{}", s.out)) {
            jobs.entry(s.file.clone()).or_default().push(s.out.clone());
        } else {
            copies.push((s.file.clone(), s.out.clone()));
        }
    }
    let jobs: Vec<Job> = jobs.into_iter().map(|(file, outs)| Job { file, outs }).collect();
    let cache = root.join(CACHE_DIR);
    let results: Vec<std::result::Result<Vec<OutputFile>, Diagnostic>> =
        jobs.par_iter().map(|job| publish(root, &cache, job)).collect();
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for r in results {
        match r {
            Ok(files) => out.extend(files),
            Err(d) => problems.push(d),
        }
    }
    for (file, path) in copies {
        let bytes =
            std::fs::read(&file).map_err(|e| Error::Io { path: file.clone(), source: e })?;
        out.push(OutputFile { path, bytes });
    }
    if problems.is_empty() { Ok(out) } else { Err(Error::Site(problems)) }
}

/// The variants of one image, at each of its output paths.
fn publish(
    root: &Path,
    cache: &Path,
    job: &Job,
) -> std::result::Result<Vec<OutputFile>, Diagnostic> {
    let shown = crate::fs::shown(root, &job.file);
    let fail = |why: String| Diagnostic::error(shown.clone(), "image", why);
    let bytes = std::fs::read(&job.file).map_err(|e| fail(format!("cannot be read: {e}")))?;
    let name = job.file.to_string_lossy().to_ascii_lowercase();
    if name.ends_with(".svg") {
        return Ok(job
            .outs
            .iter()
            .map(|out| OutputFile { path: out.clone(), bytes: bytes.clone() })
            .collect());
    }
    let mut hasher = Sha256::new();
    hasher.update(&bytes);
    hasher.update(SETTINGS.as_bytes());
    let hash = hasher.finalize().iter().take(16).fold(String::new(), |mut hex, b| {
        let _ = write!(hex, "{b:02x}");
        hex
    });
    let extension = name.rsplit('.').next().unwrap_or("img").to_owned();
    let format = image::ImageFormat::from_extension(&extension).ok_or_else(|| {
        fail(format!("`.{extension}` is not an image format that can be published"))
    })?;
    let mut decoded: Option<image::DynamicImage> = None;
    let (width, _) = image::ImageReader::new(std::io::Cursor::new(&bytes))
        .with_guessed_format()
        .map_err(|e| fail(e.to_string()))?
        .into_dimensions()
        .map_err(|e| fail(format!("is not an image that can be read ({e})")))?;
    let widths = assets::widths(width);
    let largest = *widths.last().unwrap_or(&width);
    let mut files = Vec::with_capacity(widths.len() * job.outs.len());
    for w in widths {
        let cached = cache.join(format!("{hash}-{w}.{extension}"));
        let variant = if let Ok(b) = std::fs::read(&cached) {
            b
        } else {
            if decoded.is_none() {
                decoded = Some(
                    image::load_from_memory(&bytes)
                        .map_err(|e| fail(format!("is not an image that can be read ({e})")))?,
                );
            }
            let Some(image) = decoded.as_ref() else { continue };
            let resized = if w == image.width() {
                image.clone()
            } else {
                let h = assets::scaled_height(image.width(), image.height(), w);
                image.resize_exact(w, h, image::imageops::FilterType::Lanczos3)
            };
            let encoded =
                encode(&resized, format).map_err(|e| fail(format!("cannot be re-encoded: {e}")))?;
            // A cache that cannot be written only costs the next build time. It is written under a name
            // of this process's own and renamed, so a build running beside this one never reads half a file.
            let temp = cache.join(format!(".{hash}-{w}.{extension}.{}", std::process::id()));
            if std::fs::create_dir_all(cache).is_ok() && std::fs::write(&temp, &encoded).is_ok() {
                let _ = std::fs::rename(&temp, &cached);
            }
            encoded
        };
        for out in &job.outs {
            let path = assets::variant_path(out, w, largest);
            files.push(OutputFile { path, bytes: variant.clone() });
        }
    }
    Ok(files)
}

/// Encodes `image` in `format`: JPEG at quality 80, the others losslessly.
fn encode(image: &image::DynamicImage, format: image::ImageFormat) -> image::ImageResult<Vec<u8>> {
    let mut out = std::io::Cursor::new(Vec::new());
    if format == image::ImageFormat::Jpeg {
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80);
        image.to_rgb8().write_with_encoder(encoder)?;
    } else {
        image.write_to(&mut out, format)?;
    }
    Ok(out.into_inner())
}
