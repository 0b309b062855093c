//! The content tree: every Markdown page of every language, its front matter parsed and validated, linked
//! to its translations, and (where its text is kept) its Markdown read for headings, links and images.
//! Built in one function, [`load`], from the validated config and data; pages are rendered to HTML later,
//! one at a time, by [`body`].

pub(crate) mod assets;
pub(crate) mod front_matter;
pub(crate) mod page;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::{RESERVED_SEGMENTS, SiteConfig};
use crate::content::page::{PageKind, SourcePage, is_safe_segment};
use crate::error::{Diagnostic, Error, Result};
use crate::markdown::LinkContext;

pub(crate) use front_matter::FrontMatter;

/// The folder under the site root that holds the pages and data.
pub(crate) const CONTENT_DIR: &str = "content";
/// The folder under `content/` that holds the YAML data.
pub(crate) const DATA_DIR: &str = "data";

/// One page of the site in all the languages it is written in.
#[derive(Debug, Clone)]
pub(crate) struct PageGroup {
    /// The default language's page, the source of the translations.
    pub(crate) source: SourcePage,
    /// Translations by language code (published ones only).
    pub(crate) translations: BTreeMap<String, SourcePage>,
    /// The URL path below the language folder, the same in every language.
    pub(crate) url_path: String,
}

impl PageGroup {
    /// The page in `lang`: its translation, or the source when there is none.
    pub(crate) fn in_language(&self, lang: &str) -> (&SourcePage, bool) {
        match self.translations.get(lang) {
            Some(t) => (t, false),
            None => (&self.source, lang != self.source.lang),
        }
    }
}

/// Every published page, by key (its path below `content/<lang>/`), in sorted order.
#[derive(Debug, Clone, Default)]
pub(crate) struct ContentTree {
    /// Pages by key.
    pub(crate) pages: BTreeMap<String, PageGroup>,
    /// Translations skipped because they are drafts, by language, as keys.
    pub(crate) draft_translations: BTreeMap<String, Vec<String>>,
    /// The URL path of every page, by key, against which links are resolved; made once, as pages keep
    /// their URLs for the life of the tree (`serve` loads a new tree when one changes).
    urls: HashMap<String, String>,
}

impl ContentTree {
    /// The guidance pages of one audience, in order.
    pub(crate) fn audience_pages(&self, audience: &str) -> Vec<&PageGroup> {
        let mut pages: Vec<&PageGroup> = self
            .pages
            .values()
            .filter(|g| matches!(&g.source.kind, PageKind::Guidance { audience: a, .. } if a == audience))
            .collect();
        pages.sort_by(|a, b| a.source.order_key().cmp(&b.source.order_key()));
        pages
    }
}

/// What loading needs besides the config.
pub(crate) struct LoadOptions<'a> {
    /// The site root.
    pub(crate) root: &'a Path,
    /// Whether drafts are built.
    pub(crate) drafts: bool,
    /// Known topic ids; `None` when the topics could not be read, so pages are not blamed for it.
    pub(crate) topics: Option<&'a HashSet<String>>,
    /// Whether pages keep their Markdown text and their `headings`, `links` and `images` are filled in.
    /// `build` does not: it reads each page's text when the page is written, takes the headings, links,
    /// images and problems from that one reading, and drops it, so its memory grows with what pages share,
    /// not with their text (over 600 MB at 102,000 pages). `check`, `i18n` and `serve` keep it.
    pub(crate) keep_bodies: bool,
}

/// Reads, validates and renders every page under `content/`.
pub(crate) fn load(config: &SiteConfig, options: &LoadOptions<'_>) -> Result<ContentTree> {
    let mut problems = Vec::new();
    let files = find_files(config, options.root, &mut problems);
    let parsed: Vec<Result<std::result::Result<SourcePage, Vec<Diagnostic>>>> =
        files.par_iter().map(|f| read_page(config, options, f)).collect();
    let mut pages = Vec::new();
    // Pages that could not be read still exist for the links that point at them: one typo in front matter
    // is one error, not one more for every page that links to the page.
    let mut unreadable = HashMap::new();
    for (found, result) in files.iter().zip(parsed) {
        match result? {
            Ok(page) => pages.push(page),
            Err(mut d) => {
                if found.lang == config.default_language {
                    unreadable.insert(found.key.clone(), url_path_of_key(&found.key));
                }
                problems.append(&mut d);
            }
        }
    }
    let mut tree = group(config, pages, options.drafts, &mut unreadable, &mut problems);
    // `build` reads each page's Markdown once, as the page is written, and takes its problems from there.
    // Once the site has problems anyway, every page is read now, so that one run reports them all.
    if options.keep_bodies || !problems.is_empty() {
        render_all(config, options.root, &mut tree, &unreadable, &mut problems);
    }
    if problems.is_empty() { Ok(tree) } else { Err(Error::Site(problems)) }
}

/// A Markdown file found under a declared language folder.
struct FoundFile {
    path: PathBuf,
    lang: String,
    key: String,
}

fn find_files(config: &SiteConfig, root: &Path, problems: &mut Vec<Diagnostic>) -> Vec<FoundFile> {
    let content = root.join(CONTENT_DIR);
    let mut files = Vec::new();
    if !content.is_dir() {
        problems.push(
            Diagnostic::error(CONTENT_DIR, "no-content", "the content folder was not found").hint(
                format!("create content/{}/_index.md for the home page", config.default_language),
            ),
        );
        return files;
    }
    for entry in crate::fs::walk(root, &content, usize::MAX, problems) {
        let rel = entry.path.strip_prefix(&content).unwrap_or(&entry.path);
        let parts: Vec<String> =
            rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        let shown = crate::fs::shown(root, &entry.path);
        if parts[0] == DATA_DIR {
            continue;
        }
        if entry.depth == 1 {
            if entry.is_dir && config.language(&parts[0]).is_none() {
                problems.push(
                    Diagnostic::error(
                        shown,
                        "undeclared-language",
                        format!("`{}` is not a language declared in site.yaml", parts[0]),
                    )
                    .hint("add it to `languages` in site.yaml, or remove the folder"),
                );
            } else if !entry.is_dir && parts[0].ends_with(".md") {
                problems.push(
                    Diagnostic::error(shown, "misplaced", "pages belong in a language folder")
                        .hint(format!("move it to content/{}/", config.default_language)),
                );
            }
            continue;
        }
        if config.language(&parts[0]).is_none() || entry.is_dir {
            continue;
        }
        if std::path::Path::new(&parts[parts.len() - 1]).extension().is_some_and(|e| e == "md") {
            files.push(FoundFile {
                path: entry.path.clone(),
                lang: parts[0].clone(),
                key: parts[1..].join("/"),
            });
        }
    }
    files
}

fn read_page(
    config: &SiteConfig,
    options: &LoadOptions<'_>,
    found: &FoundFile,
) -> Result<std::result::Result<SourcePage, Vec<Diagnostic>>> {
    let file = crate::fs::shown(options.root, &found.path);
    let text = match crate::fs::read_source(&found.path, &file)? {
        Ok(text) => text,
        Err(d) => return Ok(Err(vec![d])),
    };
    let split = match front_matter::split(&text, &file) {
        Ok(s) => s,
        Err(d) => return Ok(Err(vec![d])),
    };
    let mut problems = Vec::new();
    let kind = classify(config, &found.key, &split.front, &file, &split.yaml, &mut problems);
    validate_front(
        config,
        options,
        &found.lang,
        kind.as_ref(),
        &split.front,
        &file,
        &split.yaml,
        &mut problems,
    );
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let Some(kind) = kind else { return Ok(Err(problems)) };
    Ok(Ok(SourcePage {
        lang: found.lang.clone(),
        key: found.key.clone(),
        file,
        kind,
        front: split.front,
        body: if options.keep_bodies { split.body } else { String::new() },
        body_released: !options.keep_bodies,
        body_line: split.body_line,
        headings: Vec::new(),
        links: Vec::new(),
        images: Vec::new(),
    }))
}

/// Works out what a file is from its place; `None` (with a diagnostic) when the place is not allowed.
fn classify(
    config: &SiteConfig,
    key: &str,
    front: &FrontMatter,
    file: &str,
    yaml: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<PageKind> {
    let parts: Vec<&str> = key.split('/').collect();
    let stem = |name: &str| name.strip_suffix(".md").unwrap_or(name).to_owned();
    let slug_of = |name: &str, problems: &mut Vec<Diagnostic>| {
        let slug = front.slug.clone().unwrap_or_else(|| stem(name));
        if is_safe_segment(&slug) {
            Some(slug)
        } else {
            let line = crate::yaml::key_line(yaml, "slug").map(|l| l + 1);
            problems.push(
                Diagnostic::error(
                    file,
                    "slug",
                    format!("`{slug}` is not one URL-safe path segment"),
                )
                .at(line, None)
                .hint("use letters, digits and hyphens, without `/`, `\\` or `..`"),
            );
            None
        }
    };
    match parts.as_slice() {
        ["_index.md"] => Some(PageKind::Home),
        [name] => {
            let slug = slug_of(name, problems)?;
            if slug == "topics" {
                problems.push(Diagnostic::error(
                    file,
                    "reserved",
                    "`topics` is reserved for the generated topic pages",
                ));
                return None;
            }
            Some(PageKind::Standalone { slug })
        }
        [audience, name] => {
            if !config.audiences.iter().any(|a| a == audience) {
                let hint = if RESERVED_SEGMENTS.contains(audience) {
                    format!("`{audience}` is reserved for a generated page")
                } else {
                    format!(
                        "declare it under `audiences` in site.yaml ({})",
                        config.audiences.join(", ")
                    )
                };
                problems.push(
                    Diagnostic::error(
                        file,
                        "unknown-audience",
                        format!("`{audience}` is not an audience of the site"),
                    )
                    .hint(hint),
                );
                return None;
            }
            if *name == "_index.md" {
                return Some(PageKind::Audience { audience: (*audience).to_owned() });
            }
            let slug = slug_of(name, problems)?;
            Some(PageKind::Guidance { audience: (*audience).to_owned(), slug })
        }
        _ => {
            problems.push(
                Diagnostic::error(
                    file,
                    "too-deep",
                    "pages sit at most one folder below the language folder",
                )
                .hint("use content/<lang>/<audience>/<page>.md"),
            );
            None
        }
    }
}

#[allow(clippy::too_many_arguments, reason = "one call site; the values are the page's parts")]
fn validate_front(
    config: &SiteConfig,
    options: &LoadOptions<'_>,
    lang: &str,
    kind: Option<&PageKind>,
    front: &FrontMatter,
    file: &str,
    yaml: &str,
    problems: &mut Vec<Diagnostic>,
) {
    let line = |key: &str| crate::yaml::key_line(yaml, key).map(|l| l + 1);
    let err = |key: &str, message: String| {
        Diagnostic::error(file, "front-matter", message).at(line(key), None)
    };
    if matches!(kind, Some(PageKind::Guidance { .. }))
        && front.description.as_deref().is_none_or(|d| d.trim().is_empty())
    {
        problems.push(
            Diagnostic::error(file, "front-matter", "guidance pages need a `description`")
                .at(Some(2), None)
                .hint("add `description:` with one sentence for lists and search results"),
        );
    }
    for topic in &front.topics {
        if options.topics.is_some_and(|known| !known.contains(topic)) {
            problems.push(
                err("topics", format!("unknown topic `{topic}`"))
                    .hint("topics are the ids in content/data/topics.yaml"),
            );
        }
    }
    if let Some(ages) = &front.ages {
        let on_children = kind.and_then(PageKind::audience) == Some("children");
        if !on_children {
            problems.push(err("ages", "`ages` is only for children's pages".to_owned()));
        } else if !config.age_bands.contains(ages) {
            problems.push(
                err("ages", format!("unknown age band `{ages}`"))
                    .hint(format!("use one of: {}", config.age_bands.join(", "))),
            );
        }
    }
    if let Some(updated) = &front.updated
        && !crate::date::is_iso_date(updated)
    {
        problems.push(err("updated", format!("`{updated}` is not a date written YYYY-MM-DD")));
    }
    if front.translated_from.is_some() && lang == config.default_language {
        problems.push(err(
            "translated_from",
            "`translated_from` belongs on translations, not on the source".to_owned(),
        ));
    }
}

/// Links translations to their sources, drops drafts, and checks that every URL has one page. A page
/// left out for wanting another page's URL joins `unreadable`: it still exists for the links that
/// point at it, so the clash is one error, not one more for every page that links to the page.
fn group(
    config: &SiteConfig,
    pages: Vec<SourcePage>,
    drafts: bool,
    unreadable: &mut HashMap<String, String>,
    problems: &mut Vec<Diagnostic>,
) -> ContentTree {
    let mut tree = ContentTree::default();
    let (sources, translations): (Vec<_>, Vec<_>) =
        pages.into_iter().partition(|p| p.lang == config.default_language);
    let mut urls: HashMap<String, String> = HashMap::new();
    let mut dropped_drafts = HashSet::new();
    let mut clashing = HashSet::new();
    for source in sources {
        if source.front.draft && !drafts {
            dropped_drafts.insert(source.key);
            continue;
        }
        let url_path = source.kind.url_path();
        if let Some(other) = urls.insert(url_path.clone(), source.file.clone()) {
            problems.push(
                Diagnostic::error(
                    &source.file,
                    "duplicate-url",
                    format!("this page and {other} both want the URL /{}/{url_path}", source.lang),
                )
                .hint("rename one of them or give it another `slug`"),
            );
            unreadable.insert(source.key.clone(), url_path);
            clashing.insert(source.key);
            continue;
        }
        tree.pages.insert(
            source.key.clone(),
            PageGroup { url_path, source, translations: BTreeMap::new() },
        );
    }
    for t in translations {
        let Some(group) = tree.pages.get_mut(&t.key) else {
            // The translations of a draft go unpublished with it; those of a page in a URL clash
            // wait for the clash to be resolved.
            if !dropped_drafts.contains(&t.key) && !clashing.contains(&t.key) {
                problems.push(
                    Diagnostic::error(&t.file, "no-source", format!("this page exists only in `{}`", t.lang)).hint(format!(
                        "write the source page content/{}/{} first: the default language is the source of every page",
                        config.default_language, t.key
                    )),
                );
            }
            continue;
        };
        if t.kind != group.source.kind {
            problems.push(
                Diagnostic::error(&t.file, "slug", "a translation cannot change the page's URL")
                    .hint("remove `slug` from the translation or set the same one as the source"),
            );
            continue;
        }
        if t.front.draft && !drafts {
            tree.draft_translations.entry(t.lang.clone()).or_default().push(t.key.clone());
            continue;
        }
        group.translations.insert(t.lang.clone(), t);
    }
    tree.urls = tree.pages.iter().map(|(k, g)| (k.clone(), g.url_path.clone())).collect();
    tree
}

/// The URL path a page's key gives when its front matter sets no `slug`.
fn url_path_of_key(key: &str) -> String {
    let stem = key.strip_suffix(".md").unwrap_or(key);
    let stem = stem.strip_suffix("_index").unwrap_or(stem);
    if stem.is_empty() || stem.ends_with('/') { stem.to_owned() } else { format!("{stem}/") }
}

/// Renders every page's Markdown in parallel, recording links for anchor checks. `unreadable` are the
/// pages whose files could not be read, which links may still name.
fn render_all(
    config: &SiteConfig,
    root: &Path,
    tree: &mut ContentTree,
    unreadable: &HashMap<String, String>,
    problems: &mut Vec<Diagnostic>,
) {
    // Pages that could not be read are link targets too; the tree's own index serves when there are none.
    let with_unreadable;
    let urls = if unreadable.is_empty() {
        &tree.urls
    } else {
        let mut urls = tree.urls.clone();
        for (key, url_path) in unreadable {
            urls.entry(key.clone()).or_insert_with(|| url_path.clone());
        }
        with_unreadable = urls;
        &with_unreadable
    };
    let results: Vec<Vec<Diagnostic>> = tree
        .pages
        .par_iter_mut()
        .map(|(_, group)| {
            let mut problems = Vec::new();
            let url_path = group.url_path.clone();
            render_page(config, root, &mut group.source, &url_path, urls, &mut problems);
            for t in group.translations.values_mut() {
                render_page(config, root, t, &url_path, urls, &mut problems);
            }
            problems
        })
        .collect();
    problems.extend(results.into_iter().flatten());
}

impl ContentTree {
    /// The URL path of every page, by key, against which links are resolved.
    pub(crate) fn urls(&self) -> &HashMap<String, String> {
        &self.urls
    }
}

/// Reads one page's Markdown for its `headings`, `links` and `images`, reporting what is broken.
fn render_page(
    config: &SiteConfig,
    root: &Path,
    page: &mut SourcePage,
    url_path: &str,
    urls: &HashMap<String, String>,
    problems: &mut Vec<Diagnostic>,
) {
    match markdown_pass(config, root, page, url_path, urls, false) {
        Ok(r) => {
            page.headings = r.headings;
            page.links = r.links;
            page.images = r.images;
        }
        Err(mut d) => problems.append(&mut d),
    }
}

/// A page's body as HTML, with links between pages made relative to `url_path` (the page's URL path
/// below its language folder) and images measured, with the headings, links and images found on the way.
/// `urls` is every page's URL path by key ([`ContentTree::urls`]). Called when the page is written, so no
/// page's HTML outlives its writing.
pub(crate) fn body(
    config: &SiteConfig,
    root: &Path,
    page: &SourcePage,
    url_path: &str,
    urls: &HashMap<String, String>,
) -> std::result::Result<crate::markdown::Rendered, Vec<Diagnostic>> {
    markdown_pass(config, root, page, url_path, urls, true)
}

/// The one way a page's Markdown is read: the same link context for the first pass and for writing.
fn markdown_pass(
    config: &SiteConfig,
    root: &Path,
    page: &SourcePage,
    url_path: &str,
    urls: &HashMap<String, String>,
    write_html: bool,
) -> std::result::Result<crate::markdown::Rendered, Vec<Diagnostic>> {
    let reread;
    let body = if page.body_released {
        reread = read_body_again(root, page)?;
        reread.as_str()
    } else {
        page.body.as_str()
    };
    let image = |key: &str| {
        let file = assets::source_file(root, &page.lang, &config.default_language, key)
            .ok_or_else(|| "was not found".to_owned())?;
        assets::measure(&file).map_err(|why| format!("({}) {why}", crate::fs::shown(root, &file)))
    };
    let cx = LinkContext {
        image: &image,
        file: &page.file,
        key: &page.key,
        url_path,
        body_line: page.body_line,
        pages: urls,
        rtl: config
            .language(&page.lang)
            .is_some_and(|l| l.dir == crate::config::TextDirection::Rtl),
    };
    if write_html {
        crate::markdown::render(body, &cx)
    } else {
        crate::markdown::analyse(body, &cx)
    }
}

/// A released page's body, read from its file again; an error when the file changed since the first pass
/// in a way that moves the body (its links were checked against the text read then).
fn read_body_again(root: &Path, page: &SourcePage) -> std::result::Result<String, Vec<Diagnostic>> {
    let changed = |why: String| {
        vec![
            Diagnostic::error(&page.file, "changed", why)
                .hint("a file changed while the site was building; build again"),
        ]
    };
    let text = match crate::fs::read_source(&root.join(&page.file), &page.file) {
        Ok(Ok(text)) => text,
        Ok(Err(d)) => return Err(vec![d]),
        Err(e) => return Err(changed(e.to_string())),
    };
    // The front matter was parsed and checked in the first pass; only where the body starts matters here.
    match front_matter::body(&text) {
        Some((body, line)) if line == page.body_line => Ok(body.to_owned()),
        _ => Err(changed("its front matter changed while the site was building".to_owned())),
    }
}

/// Reads, validates and renders one page of `tree` again after its file was edited, as [`load`] would.
/// Returns its problems when it has any. The page must keep its place in the tree: `serve` reloads the
/// whole tree when a page appears, disappears or changes its front matter.
pub(crate) fn reload_page(
    config: &SiteConfig,
    options: &LoadOptions<'_>,
    tree: &ContentTree,
    path: &Path,
    lang: &str,
    key: &str,
) -> Result<std::result::Result<SourcePage, Vec<Diagnostic>>> {
    let found = FoundFile { path: path.to_path_buf(), lang: lang.to_owned(), key: key.to_owned() };
    let mut page = match read_page(config, options, &found)? {
        Ok(page) => page,
        Err(problems) => return Ok(Err(problems)),
    };
    let Some(group) = tree.pages.get(key) else {
        return Ok(Err(vec![Diagnostic::error(
            &page.file,
            "no-source",
            "this page is not in the site",
        )]));
    };
    let mut problems = Vec::new();
    render_page(config, options.root, &mut page, &group.url_path, tree.urls(), &mut problems);
    Ok(if problems.is_empty() { Ok(page) } else { Err(problems) })
}
