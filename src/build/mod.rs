//! The build: load the site, render it, add the generated files, write it. The only orchestrator.

pub(crate) mod bundle;
pub(crate) mod compress;
pub(crate) mod feed;
pub(crate) mod host;
pub(crate) mod images;
pub mod output;
pub(crate) mod portable;
pub(crate) mod search;
pub(crate) mod sitemap;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::paths::OutputFile;
use crate::render::Claims;
use crate::source::SiteSource;

/// What `build` is asked to do.
#[derive(Debug, Clone, Default)]
#[allow(clippy::struct_excessive_bools, reason = "independent switches of the command line")]
pub struct BuildOptions {
    /// The site root.
    pub root: PathBuf,
    /// The output folder (default: `<root>/public`).
    pub out: Option<PathBuf>,
    /// Replaces site.yaml's `base_url`.
    pub base_url: Option<String>,
    /// Builds drafts too.
    pub drafts: bool,
    /// Writes links between pages as `…/index.html`, for a site opened from disk.
    pub portable: bool,
    /// Writes a `.br` and a `.gz` beside every HTML, CSS, JS, XML and JSON file.
    pub precompress: bool,
    /// Replaces a non-empty output folder that an earlier build did not write.
    pub force: bool,
    /// Writes the search index (not in portable builds, whose pages cannot fetch it from disk).
    pub search: bool,
    /// Writes a zip of each language's portable site, linked from its home page.
    pub bundle: bool,
    /// Shows a progress bar on standard error (the caller decides: only on a terminal, not with `--quiet`).
    pub progress: bool,
}

/// What a build produced.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// Where the site was written.
    pub out: PathBuf,
    /// Per language in site order: (code, pages, fallbacks).
    pub languages: Vec<(String, usize, usize)>,
    /// Files written.
    pub files: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// One line per language whose interface shows messages of the default language (it lacks them).
    pub warnings: Vec<String>,
}

impl BuildReport {
    /// The one-line summary the CLI prints.
    pub fn summary(&self) -> String {
        let pages: usize = self.languages.iter().map(|l| l.1).sum();
        let fallbacks: usize = self.languages.iter().map(|l| l.2).sum();
        let per_language: Vec<String> =
            self.languages
                .iter()
                .map(|(code, n, f)| {
                    if *f > 0 {
                        format!("{code} {n} ({f} fallback)")
                    } else {
                        format!("{code} {n}")
                    }
                })
                .collect();
        format!(
            "built {pages} pages ({}), {fallbacks} fallbacks, {} files in {:.2} s into {}",
            per_language.join(", "),
            self.files,
            self.elapsed.as_secs_f64(),
            self.out.display()
        )
    }
}

/// Renders the loaded site, handing every file to `sink`; returns the paths written, sorted.
pub(crate) fn generate(
    source: &SiteSource,
    sink: &(dyn Fn(OutputFile) -> Result<()> + Sync),
) -> Result<Vec<String>> {
    let tera = crate::render::templates(source)?;
    generate_with(source, &tera, sink)
}

/// [`generate`] with templates already parsed (`serve` keeps them between edits).
pub(crate) fn generate_with(
    source: &SiteSource,
    tera: &tera::Tera,
    sink: &(dyn Fn(OutputFile) -> Result<()> + Sync),
) -> Result<Vec<String>> {
    let mut extra: Vec<(OutputFile, String)> = source
        .theme
        .static_files
        .iter()
        .map(|(name, bytes)| {
            let origin = crate::theme::static_origin(&source.config, name);
            let path = source.theme.published.get(name).unwrap_or(name).clone();
            (OutputFile { path, bytes: bytes.clone() }, origin)
        })
        .collect();
    if source.config.host_files {
        for (path, text) in [
            (host::HEADERS_FILE, host::headers_file(&source.config)),
            (host::NGINX_FILE, host::nginx_file(&source.config)),
        ] {
            let origin = format!(
                "the generated {path} (host configuration; `host_files: false` turns it off)"
            );
            extra.push((OutputFile { path: path.into(), bytes: text.into_bytes() }, origin));
        }
    }
    // The sitemap, robots.txt and the feeds list every page: they are made while the pages render, and
    // their fixed paths are claimed now.
    let listings = || -> Vec<OutputFile> {
        let mut files = vec![
            OutputFile { path: "sitemap.xml".into(), bytes: sitemap::sitemap(source).into_bytes() },
            OutputFile { path: "robots.txt".into(), bytes: sitemap::robots(source).into_bytes() },
        ];
        for lang in &source.config.languages {
            files.push(OutputFile {
                path: feed::path(&lang.code),
                bytes: feed::feed(source, &lang.code).into_bytes(),
            });
        }
        files
    };
    let listing_paths = ["sitemap.xml".to_owned(), "robots.txt".to_owned()]
        .into_iter()
        .chain(source.config.languages.iter().map(|l| feed::path(&l.code)));
    let published = |path: &str| format!("the published image or static file {path}");
    let statics = images::static_files(source)?;
    let mut claims: Vec<(String, String)> =
        extra.iter().map(|(f, origin)| (f.path.clone(), origin.clone())).collect();
    claims.extend(listing_paths.map(|path| {
        let origin = format!("the generated {path}");
        (path, origin)
    }));
    claims.extend(statics.iter().map(|s| (s.out.clone(), published(&s.out))));
    let mut claimed = Claims::pages_and(source, &claims).map_err(Error::Site)?;
    reserved_paths(source, &claims).map_err(Error::Site)?;
    let (written, listings) =
        rayon::join(|| crate::render::render_site(source, tera, sink), listings);
    let written = written?;
    let mut paths = written.paths;
    // Which images to publish is known once every page has been read; their paths are claimed then.
    let images = images::files(source, &written.images, &statics)?;
    let image_claims: Vec<(String, String)> =
        images.iter().map(|f| (f.path.clone(), published(&f.path))).collect();
    claimed.add(image_claims.iter().cloned()).map_err(Error::Site)?;
    claims.extend(image_claims);
    reserved_paths(source, &claims).map_err(Error::Site)?;
    for file in extra.into_iter().map(|(file, _)| file).chain(listings).chain(images) {
        paths.push(file.path.clone());
        sink(file)?;
    }
    paths.sort();
    Ok(paths)
}

/// Builds the site at `options.root` into its output folder.
pub fn build(options: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    let root = crate::fs::absolute(&options.root)?;
    if let Some(url) = &options.base_url
        && let Err(why) = crate::config::parse_base_url(url)
    {
        return Err(Error::Usage(format!(
            "--base-url `{}` is not usable: {why}; write it like https://example.org/ or \
                 https://example.org/cop/",
            url.escape_debug()
        )));
    }
    // Every refusal comes before anything is created, renamed or deleted.
    let out = output::resolve_out(
        &root,
        &options.out.clone().unwrap_or_else(|| root.join("public")),
        options.force,
    )?;
    let mut source =
        crate::source::load_with(&root, options.base_url.as_deref(), options.drafts, false)?;
    // The offline copies come first: the home pages link each with its size.
    let zips = if options.bundle {
        let zips = bundle::bundles(&source, &crate::render::templates(&source)?)?;
        for (lang, zip) in source.config.languages.iter().zip(&zips) {
            source.bundles.insert(lang.code.clone(), (zip.path.clone(), zip.bytes.len() as u64));
        }
        zips
    } else {
        Vec::new()
    };
    let staging = output::Staging::create(&out)?;
    let bar = if options.progress {
        // Generated files beyond the pages (static files, sitemap) make the count run a little past the
        // plan; the bar is cleared at the end either way.
        let total = crate::render::plan(&source).len() as u64;
        indicatif::ProgressBar::new(total).with_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} pages")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        )
    } else {
        indicatif::ProgressBar::hidden()
    };
    let written = generate(&source, &|mut file| {
        bar.inc(1);
        if options.portable
            && file.path.ends_with(".html")
            && let Ok(html) = std::str::from_utf8(&file.bytes)
        {
            file.bytes = portable::link_index_files(html).into_bytes();
        }
        if options.precompress {
            for copy in compress::precompressed(&file)? {
                staging.write(&copy)?;
            }
        }
        staging.write(&file)
    });
    bar.finish_and_clear();
    let written = written.and_then(|mut files| {
        if options.search && !options.portable {
            for file in search::index(&source)? {
                if options.precompress {
                    for copy in compress::precompressed(&file)? {
                        staging.write(&copy)?;
                    }
                }
                files.push(file.path.clone());
                staging.write(&file)?;
            }
        }
        for zip in &zips {
            files.push(zip.path.clone());
            staging.write(zip)?;
        }
        files.sort();
        Ok(files)
    });
    let files = match written {
        Ok(files) => files,
        Err(e) => {
            staging.abandon();
            return Err(e);
        }
    };
    staging.commit()?;
    let languages = source
        .config
        .languages
        .iter()
        .map(|l| {
            let fallbacks =
                source.content.pages.values().filter(|g| g.in_language(&l.code).1).count();
            let prefix = format!("{}/", l.code);
            let pages = files
                .iter()
                .filter(|f| f.starts_with(&prefix) && f.ends_with("index.html"))
                .count();
            (l.code.clone(), pages, fallbacks)
        })
        .collect();
    let warnings = crate::i18n::usage::interface_fallback_warnings(&source);
    Ok(BuildReport { out, languages, files: files.len(), elapsed: started.elapsed(), warnings })
}

/// Files that `build` writes after the pages, or only with an option, claim their paths too, whatever the
/// options of this run: the build marker, the search index's folder, each language's zip and the `.br` and
/// `.gz` copies of `--precompress`. A static file or image at one of them is an error, never overwritten by
/// one build and published by the next.
fn reserved_paths(
    source: &SiteSource,
    claims: &[(String, String)],
) -> std::result::Result<(), Vec<crate::error::Diagnostic>> {
    let claimed: std::collections::HashSet<&str> = claims.iter().map(|(p, _)| p.as_str()).collect();
    let zips: Vec<String> =
        source.config.languages.iter().map(|l| bundle::zip_path(source, &l.code)).collect();
    let mut problems = Vec::new();
    for (path, origin) in claims {
        let taken = if path == output::MARKER {
            Some("the marker every build leaves in its output".to_owned())
        } else if path.starts_with(&format!("{}/", search::BUNDLE)) {
            Some(format!("the search index (`{}/`)", search::BUNDLE))
        } else if zips.contains(path) {
            Some("a language's offline copy (`build --bundle`)".to_owned())
        } else {
            path.strip_suffix(".br")
                .or_else(|| path.strip_suffix(".gz"))
                .filter(|original| {
                    claimed.contains(original) && compress::is_compressible(original)
                })
                .map(|original| {
                    format!("the compressed copy of `{original}` (`build --precompress`)")
                })
        };
        if let Some(taken) = taken {
            // A static file is named where the publisher put it.
            let file = match origin.strip_prefix("the published image or static file ") {
                Some(p) if source.root.join("static").join(p).is_file() => format!("static/{p}"),
                _ => origin.clone(),
            };
            problems.push(
                crate::error::Diagnostic::error(
                    file,
                    "duplicate-url",
                    format!("`{path}` is taken by {taken}"),
                )
                .hint("rename or move this file"),
            );
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}
