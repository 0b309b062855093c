//! Portable output (`build --portable`): links between pages name `index.html` explicitly, so the site
//! works opened from disk or a USB stick, where no server turns a folder address into its index page.

/// Rewrites every relative `href` (and form `action`) of `html` that points to a folder (`../parents/talk/`,
/// `./`, `..`) to point to that folder's `index.html`, keeping any `#fragment` or `?query`. Absolute URLs,
/// root-relative paths, fragments alone and links to files are left as they are.
pub(crate) fn link_index_files(html: &str) -> String {
    const ATTRIBUTES: [&str; 2] = [" href=\"", " action=\""];
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some((at, attribute)) =
        ATTRIBUTES.iter().filter_map(|a| rest.find(a).map(|at| (at, a))).min()
    {
        let value_start = at + attribute.len();
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        let end = rest.find('"').unwrap_or(rest.len());
        out.push_str(&portable(&rest[..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// One URL made portable.
fn portable(url: &str) -> String {
    let split = url.find(['#', '?']).unwrap_or(url.len());
    let (path, suffix) = url.split_at(split);
    let is_relative = !path.is_empty()
        && !path.starts_with('/')
        && !path.contains(':')
        && !path.starts_with("//");
    if !is_relative {
        return url.to_owned();
    }
    let folder = if path == "." || path == ".." || path.ends_with("/..") {
        format!("{path}/")
    } else if path.ends_with('/') {
        path.to_owned()
    } else {
        return url.to_owned();
    };
    // `./` names the current folder: its index is `index.html` itself.
    let folder = folder.strip_prefix("./").unwrap_or(&folder);
    format!("{folder}index.html{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_links_name_their_index_file() {
        let html =
            r#"<a href="../../parents/talk/#start">x</a><a href="./">h</a><a href="..">u</a>"#;
        assert_eq!(
            link_index_files(html),
            r#"<a href="../../parents/talk/index.html#start">x</a><a href="index.html">h</a><a href="../index.html">u</a>"#
        );
        assert_eq!(
            link_index_files(r#"<form action="../a-z/" data-search="../search/"><a href="x/">"#),
            r#"<form action="../a-z/index.html" data-search="../search/"><a href="x/index.html">"#
        );
    }

    #[test]
    fn other_links_stay_as_they_are() {
        for url in [
            "https://example.org/",
            "#top",
            "/cop/style.css",
            "../style.css",
            "mailto:a@b.c",
            "tel:116",
        ] {
            let html = format!(r#"<link href="{url}">"#);
            assert_eq!(link_index_files(&html), html, "{url}");
        }
    }
}
