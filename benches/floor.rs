//! The floor of a build, for `benches/build.sh`: what no static site generator can skip. It reads every
//! Markdown file under `ROOT/content`, parses its YAML front matter, renders its body with pulldown-cmark
//! (the options safeguide uses) and writes it to `OUT/<path>/index.html`, in parallel with rayon. No
//! templates, no links between pages, no checks. Like safeguide and Zola, it first removes the previous
//! output.
//!
//!     cargo run --release --example floor -- ROOT OUT

use std::path::{Path, PathBuf};

use pulldown_cmark::{Options, Parser};
use rayon::prelude::*;

/// A failure to read, parse or write.
type Failure = Box<dyn std::error::Error + Send + Sync>;

fn main() -> Result<(), Failure> {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(root), Some(out)) = (args.next(), args.next()) else {
        return Err("usage: floor ROOT OUT".into());
    };
    let content = root.join("content");
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    files.par_iter().try_for_each(|path| page(&content, &out, path))?;
    Ok(())
}

/// Reads, parses, renders and writes one page.
fn page(content: &Path, out: &Path, path: &Path) -> Result<(), Failure> {
    let text = std::fs::read_to_string(path)?;
    let (yaml, body) = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|at| (&rest[..at], &rest[at + 5..])))
        .unwrap_or(("", text.as_str()));
    let _front: serde_yaml::Value = serde_yaml::from_str(yaml)?;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut html = String::with_capacity(body.len() * 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(body, options));
    let dir = out.join(path.strip_prefix(content)?.with_extension(""));
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("index.html"), html)?;
    Ok(())
}
