//! One Markdown file of the site: where it sits, what its front matter says, its body and the facts other
//! pages need from it (headings, links, images). Its HTML is not kept: it is rendered when its page is
//! written, so memory grows with what pages share, not with their text.

use crate::content::front_matter::FrontMatter;
use crate::markdown::{Heading, PageLink};

/// What a Markdown file is, from where it sits under `content/<lang>/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PageKind {
    /// `_index.md`: the language's home page.
    Home,
    /// `<audience>/_index.md`: an audience's landing page.
    Audience {
        /// The audience id.
        audience: String,
    },
    /// `<audience>/<slug>.md`: a guidance page.
    Guidance {
        /// The audience id.
        audience: String,
        /// The URL segment.
        slug: String,
    },
    /// `<slug>.md`: a page outside the audiences (about, help, partners, ...).
    Standalone {
        /// The URL segment.
        slug: String,
    },
}

impl PageKind {
    /// The audience the page belongs to, if any.
    pub(crate) fn audience(&self) -> Option<&str> {
        match self {
            PageKind::Audience { audience } | PageKind::Guidance { audience, .. } => Some(audience),
            PageKind::Home | PageKind::Standalone { .. } => None,
        }
    }

    /// The page's URL path below the language folder, ending in `/` (empty for the home page).
    pub(crate) fn url_path(&self) -> String {
        match self {
            PageKind::Home => String::new(),
            PageKind::Audience { audience } => format!("{audience}/"),
            PageKind::Guidance { audience, slug } => format!("{audience}/{slug}/"),
            PageKind::Standalone { slug } => format!("{slug}/"),
        }
    }

    /// The template that renders this kind of page.
    pub(crate) fn template(&self) -> &'static str {
        match self {
            PageKind::Home => "home.html",
            PageKind::Audience { .. } => "section.html",
            PageKind::Standalone { slug } if slug == "help" => "help.html",
            PageKind::Standalone { slug } if slug == "partners" => "partners.html",
            PageKind::Guidance { .. } | PageKind::Standalone { .. } => "page.html",
        }
    }
}

/// A parsed Markdown file in one language.
#[derive(Debug, Clone)]
pub(crate) struct SourcePage {
    /// The language folder it is in.
    pub(crate) lang: String,
    /// Its path below `content/<lang>/`, the same for all translations of one page (`children/x.md`).
    pub(crate) key: String,
    /// Its path relative to the site root, for messages.
    pub(crate) file: String,
    /// What it is.
    pub(crate) kind: PageKind,
    /// Its front matter.
    pub(crate) front: FrontMatter,
    /// The Markdown body; empty when the site was loaded without keeping bodies (`build`).
    pub(crate) body: String,
    /// Whether `body` was not kept, to be read again from `file` when it is needed.
    pub(crate) body_released: bool,
    /// The file line on which the body starts.
    pub(crate) body_line: usize,
    /// The body's headings, for anchor checks; empty when the site was loaded without keeping bodies
    /// (`build`, which takes them from the page's one reading as it is written).
    pub(crate) headings: Vec<Heading>,
    /// The body's links to pages of the site (this one included, for `#anchor` links), for anchor checks;
    /// empty without kept bodies.
    pub(crate) links: Vec<PageLink>,
    /// The keys of the images the body shows (`children/block.png`, `/logo.png` under static/); empty
    /// without kept bodies.
    pub(crate) images: Vec<String>,
}

impl SourcePage {
    /// Order in lists: by weight, then title, then key.
    pub(crate) fn order_key(&self) -> (i64, &str, &str) {
        (self.front.weight.unwrap_or(0), &self.front.title, &self.key)
    }
}

/// Whether `s` can be one segment of a URL path: letters (any script), digits, `-`, `_` and `.`,
/// not starting with a dot. This excludes `..`, `/` and `\`.
pub(crate) fn is_safe_segment(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('.')
        && s.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}
