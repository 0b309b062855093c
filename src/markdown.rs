//! Markdown to HTML: `CommonMark` plus tables, footnotes, strikethrough and task lists, as a few small passes
//! over pulldown-cmark's events: raw HTML is escaped, headings get stable ids, and links between Markdown
//! files become relative URLs.
//!
//! Links are made relative to the page's own folder. Every language has the same folder structure, so one
//! rendering of a page serves all languages: a reader of fallback content stays in their language.

use std::collections::HashMap;
use std::fmt::Write as _;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::content::assets::{self, ImageMeta};
use crate::error::{Diagnostic, line_col};
use crate::paths::{relative_url, resolve};

/// A heading of a page, for tables of contents and anchor checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Heading {
    /// 1 to 6.
    pub(crate) level: u8,
    /// The anchor id.
    pub(crate) id: String,
    /// The heading's text.
    pub(crate) text: String,
}

/// A link that leaves the page for another Markdown page, kept for anchor checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PageLink {
    /// The target's key (`parents/talk.md`).
    pub(crate) target: String,
    /// The anchor without `#`, if any.
    pub(crate) anchor: Option<String>,
    /// The source line.
    pub(crate) line: usize,
}

/// What rendering needs to know about the page and the site.
pub(crate) struct LinkContext<'a> {
    /// The page's file, relative to the site root, for messages.
    pub(crate) file: &'a str,
    /// The page's key (its path below `content/<lang>/`), against which relative links resolve.
    pub(crate) key: &'a str,
    /// The page's URL path below the language folder (`children/x/`).
    pub(crate) url_path: &'a str,
    /// The file line on which the body starts.
    pub(crate) body_line: usize,
    /// The URL path of every page that can be linked, by key.
    pub(crate) pages: &'a HashMap<String, String>,
    /// Whether the page is in a right-to-left language, where numbers with spaces need isolating.
    pub(crate) rtl: bool,
    /// Measures the image an image key names (`children/block.png`, or `/x.png` under static/) in the
    /// page's language, or says why it cannot be shown.
    pub(crate) image: &'a dyn Fn(&str) -> Result<ImageMeta, String>,
}

/// A rendered Markdown body.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rendered {
    /// The HTML.
    pub(crate) html: String,
    /// Its headings, in order.
    pub(crate) headings: Vec<Heading>,
    /// Its links to other pages.
    pub(crate) links: Vec<PageLink>,
    /// The keys of the site's images it shows (`children/block.png`, `/logo.png`), for publishing.
    pub(crate) images: Vec<String>,
}

/// The one Markdown dialect of the site: `CommonMark` with tables, footnotes, strikethrough, task lists and
/// `{#id}` heading attributes. Rendering, `check` and the readability scores all parse with it, so they
/// always see the same document.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `markdown`, reporting broken links and unsafe URLs as diagnostics.
pub(crate) fn render(markdown: &str, cx: &LinkContext<'_>) -> Result<Rendered, Vec<Diagnostic>> {
    process(markdown, cx, true)
}

/// What [`render`] finds (headings, links, images, problems) without writing the HTML: the first pass of a
/// build, which needs every page's facts at once but not every page's HTML.
pub(crate) fn analyse(markdown: &str, cx: &LinkContext<'_>) -> Result<Rendered, Vec<Diagnostic>> {
    process(markdown, cx, false)
}

fn process(
    markdown: &str,
    cx: &LinkContext<'_>,
    write_html: bool,
) -> Result<Rendered, Vec<Diagnostic>> {
    let mut events: Vec<(Event<'_>, usize)> = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .map(|(e, range)| (e, range.start))
        .collect();
    escape_raw_html(&mut events);
    if cx.rtl {
        isolate_numbers(&mut events);
    }
    let mut problems = Vec::new();
    let headings = assign_heading_ids(&mut events, markdown, cx, &mut problems);
    label_task_boxes(&mut events);
    let mut events = caption_and_scope_tables(events);
    let images = rewrite_images(&mut events, markdown, cx, &mut problems);
    let links = rewrite_links(&mut events, markdown, cx, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    if !write_html {
        return Ok(Rendered { html: String::new(), headings, links, images });
    }
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
    // pulldown-cmark aligns table cells with style attributes, which the site's Content-Security-Policy
    // (no inline style) blocks: classes of the theme's style sheet do it instead. Raw HTML is escaped, so
    // these are the renderer's own attributes.
    if html.contains(" style=\"text-align: ") {
        for side in ["left", "center", "right"] {
            html = html.replace(
                &format!(" style=\"text-align: {side}\""),
                &format!(" class=\"align-{side}\""),
            );
        }
    }
    Ok(Rendered { html, headings, links, images })
}

/// `markdown` with every heading that has no `{#id}` given the id it gets when rendered, written at the end
/// of its line, so a translation started from it keeps the source's anchors whatever its headings say.
pub(crate) fn with_heading_ids(markdown: &str) -> String {
    let mut events: Vec<(Event<'_>, usize)> = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .map(|(e, r)| (e, r.start))
        .collect();
    let explicit: Vec<bool> = events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Start(Tag::Heading { id, .. }) => Some(id.is_some()),
            _ => None,
        })
        .collect();
    let starts: Vec<usize> = events
        .iter()
        .filter(|(e, _)| matches!(e, Event::Start(Tag::Heading { .. })))
        .map(|(_, at)| *at)
        .collect();
    // Repeated explicit ids are the source's problem, reported when it is checked; here they are kept.
    let pages = HashMap::new();
    // Only heading ids are assigned here: no link or image is resolved.
    let no_image = |_: &str| -> Result<ImageMeta, String> { Err(String::new()) };
    let cx = LinkContext {
        file: "",
        key: "",
        url_path: "",
        body_line: 1,
        pages: &pages,
        rtl: false,
        image: &no_image,
    };
    let headings = assign_heading_ids(&mut events, markdown, &cx, &mut Vec::new());
    let mut inserts: Vec<(usize, String)> = Vec::new();
    for ((heading, start), has_id) in headings.iter().zip(starts).zip(explicit) {
        if has_id {
            continue;
        }
        let line_end = markdown[start..].find('\n').map_or(markdown.len(), |n| start + n);
        let line = &markdown[start..line_end];
        let end = start + line.trim_end().len();
        inserts.push((end, format!(" {{#{}}}", heading.id)));
    }
    let mut out = markdown.to_owned();
    for (at, text) in inserts.into_iter().rev() {
        out.insert_str(at, &text);
    }
    out
}

/// Raw HTML in Markdown is shown as text: translators' and authors' text can never inject markup. HTML
/// comments (`<!-- note to translators -->`) are notes for the people editing the file and are dropped.
fn escape_raw_html(events: &mut [(Event<'_>, usize)]) {
    let mut in_comment = false;
    for (event, _) in events.iter_mut() {
        if let Event::Html(raw) | Event::InlineHtml(raw) = event {
            let text = strip_comments(raw, &mut in_comment);
            *event = Event::Text(CowStr::from(text));
        }
    }
}

/// `raw` without its HTML comments; `in_comment` carries a comment that spans several raw HTML events (a
/// comment block is one event per line).
fn strip_comments(raw: &str, in_comment: &mut bool) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    loop {
        if *in_comment {
            let Some(end) = rest.find("-->") else { return out };
            rest = &rest[end + 3..];
            *in_comment = false;
        }
        let Some(start) = rest.find("<!--") else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..start]);
        rest = &rest[start + 4..];
        *in_comment = true;
    }
}

/// A task list item's checkbox (`- [ ] text`) is labelled with the item's text, so assistive technology
/// announces "text, checkbox, not checked" in the reader's own speech language: no interface string is needed.
fn label_task_boxes(events: &mut [(Event<'_>, usize)]) {
    for i in 0..events.len() {
        let Event::TaskListMarker(checked) = events[i].0 else { continue };
        let mut label = String::new();
        for (event, _) in &events[i + 1..] {
            match event {
                Event::Text(t) | Event::Code(t) => label.push_str(t),
                Event::SoftBreak | Event::HardBreak => label.push(' '),
                Event::End(TagEnd::Item | TagEnd::Paragraph) | Event::Start(Tag::List(_)) => break,
                _ => {}
            }
        }
        let checked = if checked { " checked" } else { "" };
        events[i].0 = Event::InlineHtml(CowStr::from(format!(
            "<input type=\"checkbox\" disabled{checked} aria-label=\"{}\"> ",
            crate::escape::html(label.trim())
        )));
    }
}

/// Header cells get `scope="col"`, and a paragraph right before a table that starts with `Table: ` becomes the
/// table's `<caption>`.
fn caption_and_scope_tables(events: Vec<(Event<'_>, usize)>) -> Vec<(Event<'_>, usize)> {
    let mut out: Vec<(Event<'_>, usize)> = Vec::with_capacity(events.len());
    let mut alignments = Vec::new();
    let (mut in_head, mut column) = (false, 0);
    for (event, offset) in events {
        match event {
            Event::Start(Tag::Table(a)) => {
                alignments.clone_from(&a);
                let caption = take_caption(&mut out);
                out.push((Event::Start(Tag::Table(a)), offset));
                if let Some(caption) = caption {
                    out.push((Event::InlineHtml(CowStr::Borrowed("<caption>")), offset));
                    out.extend(caption);
                    out.push((Event::InlineHtml(CowStr::Borrowed("</caption>")), offset));
                }
            }
            Event::Start(Tag::TableHead) => {
                (in_head, column) = (true, 0);
                out.push((event, offset));
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                out.push((event, offset));
            }
            Event::Start(Tag::TableCell) if in_head => {
                let align = match alignments.get(column) {
                    Some(pulldown_cmark::Alignment::Left) => " class=\"align-left\"",
                    Some(pulldown_cmark::Alignment::Center) => " class=\"align-center\"",
                    Some(pulldown_cmark::Alignment::Right) => " class=\"align-right\"",
                    _ => "",
                };
                let tag = format!("<th scope=\"col\"{align}>");
                out.push((Event::InlineHtml(CowStr::from(tag)), offset));
            }
            Event::End(TagEnd::TableCell) if in_head => {
                column += 1;
                out.push((Event::InlineHtml(CowStr::Borrowed("</th>")), offset));
            }
            other => out.push((other, offset)),
        }
    }
    out
}

/// If `out` ends with a paragraph whose text starts with `Table: `, removes it and returns its inline events
/// without the prefix.
fn take_caption<'a>(out: &mut Vec<(Event<'a>, usize)>) -> Option<Vec<(Event<'a>, usize)>> {
    if !matches!(out.last(), Some((Event::End(TagEnd::Paragraph), _))) {
        return None;
    }
    let start = out.iter().rposition(|(e, _)| matches!(e, Event::Start(Tag::Paragraph)))?;
    let Some((Event::Text(first), _)) = out.get(start + 1) else { return None };
    let rest = first.strip_prefix("Table: ")?.trim_start().to_owned();
    let mut inline: Vec<_> = out.drain(start..).collect();
    inline.pop();
    inline.remove(0);
    inline[0].0 = Event::Text(CowStr::from(rest));
    Some(inline)
}

/// In right-to-left text, a number written in groups ("116 111", "+44 800 1111") would be laid out group by
/// group from the right and read backwards. Wrapping it in LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE
/// keeps it in reading order, without markup.
fn isolate_numbers(events: &mut [(Event<'_>, usize)]) {
    let mut in_code = false;
    for (event, _) in events.iter_mut() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(text) if !in_code => {
                if let Some(isolated) = isolate_grouped_numbers(text) {
                    *text = CowStr::from(isolated);
                }
            }
            _ => {}
        }
    }
}

/// Text from data (a partner's description, a helpline's name or hours) as it is shown on a page in a
/// language of direction `rtl`: with the same isolation of grouped numbers that Markdown text gets, so
/// "116 111" keeps its order on an Arabic page. The one place both kinds of text are isolated.
pub(crate) fn isolate_text(text: &str, rtl: bool) -> String {
    if rtl {
        isolate_grouped_numbers(text).unwrap_or_else(|| text.to_owned())
    } else {
        text.to_owned()
    }
}

/// Wraps each run of digit groups separated by spaces or hyphens in U+2066 … U+2069; `None` if there is none.
fn isolate_grouped_numbers(text: &str) -> Option<String> {
    // Most text has no grouped number: a byte scan says so without building anything.
    let bytes = text.as_bytes();
    let grouped_at = |i: usize| {
        bytes[i].is_ascii_digit()
            && match bytes.get(i + 1) {
                Some(b' ' | b'-') => bytes.get(i + 2).is_some_and(u8::is_ascii_digit),
                Some(0xc2) => {
                    bytes.get(i + 2) == Some(&0xa0)
                        && bytes.get(i + 3).is_some_and(u8::is_ascii_digit)
                }
                _ => false,
            }
    };
    if !(0..bytes.len()).any(grouped_at) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit()
            || (chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if !starts {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // Extend over digits and single separators that are followed by a digit.
        let mut end = i + 1;
        let mut grouped = false;
        while end < chars.len() {
            if chars[end].is_ascii_digit() {
                end += 1;
            } else if matches!(chars[end], ' ' | '-' | '\u{a0}')
                && chars.get(end + 1).is_some_and(char::is_ascii_digit)
            {
                grouped = true;
                end += 1;
            } else {
                break;
            }
        }
        if grouped {
            out.push('\u{2066}');
            out.extend(&chars[i..end]);
            out.push('\u{2069}');
            changed = true;
        } else {
            out.extend(&chars[i..end]);
        }
        i = end;
    }
    changed.then_some(out)
}

/// Gives every heading a unique id (an explicit `{#id}` wins) and returns the headings. An explicit id
/// given twice is an error at the repeat: links to it could only ever reach the first.
fn assign_heading_ids(
    events: &mut [(Event<'_>, usize)],
    markdown: &str,
    cx: &LinkContext<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut explicit_at: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i].0 {
            if let Some(id) = id {
                let (line, _) = line_col(markdown, events[i].1);
                let line = line + cx.body_line - 1;
                if let Some(first) = explicit_at.get(id.as_ref()) {
                    let text = markdown.lines().nth(line - cx.body_line).unwrap_or("");
                    let needle = format!("{{#{id}");
                    let column = text.find(&needle).map(|at| text[..at].chars().count() + 3);
                    problems.push(
                        Diagnostic::error(cx.file, "duplicate-id", format!("the heading id `{id}` is used twice on this page"))
                            .at(Some(line), column)
                            .spanning(id.chars().count())
                            .note(format!("first used at line {first}"))
                            .hint("give each heading its own {#id}: links to this one would reach the first"),
                    );
                } else {
                    explicit_at.insert(id.to_string(), line);
                }
            }
            let level = heading_level(*level);
            let explicit = id.as_ref().map(ToString::to_string);
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j].0, Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j].0 {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = explicit.unwrap_or_else(|| slugify(&text));
            let unique = if let Some(count) = seen.get_mut(&base) {
                *count += 1;
                format!("{base}-{count}")
            } else {
                seen.insert(base.clone(), 0);
                base
            };
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i].0 {
                *id = Some(CowStr::from(unique.clone()));
            }
            headings.push(Heading { level, id: unique, text: text.trim().to_owned() });
            i = j;
        }
        i += 1;
    }
    headings
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// An anchor id from heading text: lowercase, letters and digits of any script kept, spaces to hyphens,
/// punctuation dropped.
pub(crate) fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if (c.is_whitespace() || c == '-' || c == '_')
            && !out.ends_with('-')
            && !out.is_empty()
        {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    if trimmed.is_empty() { "section".to_owned() } else { trimmed.to_owned() }
}

/// Rewrites links to Markdown files as relative page URLs and rejects unsafe schemes.
fn rewrite_links(
    events: &mut [(Event<'_>, usize)],
    markdown: &str,
    cx: &LinkContext<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<PageLink> {
    let mut links = Vec::new();
    for (event, offset) in events.iter_mut() {
        let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event else {
            continue;
        };
        // The marker goes under the link's target, where the fix is, not under its text.
        let target_at = markdown
            .get(*offset..)
            .and_then(|rest| {
                let text_end = rest.find("](")? + 2;
                let after = &rest[text_end..];
                let skip = after.len() - after.trim_start_matches([' ', '<']).len();
                after[skip..].starts_with(&**dest_url).then_some(*offset + text_end + skip)
            })
            .unwrap_or(*offset);
        let (line, column) = line_col(markdown, target_at);
        let line = line + cx.body_line - 1;
        let width = if target_at == *offset { None } else { Some(dest_url.chars().count()) };
        let located = |message: String| {
            let d = Diagnostic::error(cx.file, "link", message).at(Some(line), Some(column));
            match width {
                Some(w) => d.spanning(w),
                None => d,
            }
        };
        match classify(dest_url) {
            LinkKind::External => {}
            LinkKind::RootRelative => problems.push(
                located(format!(
                    "the link `{dest_url}` starts with `/`, so it breaks when the site is served under a \
                     sub-path (base_url) or opened from disk"
                ))
                .hint("link the page's .md file relatively (e.g. ../help.md), or give a full https:// address"),
            ),
            LinkKind::Fragment => links.push(PageLink {
                target: cx.key.to_owned(),
                anchor: Some(dest_url.trim_start_matches('#').to_owned()),
                line,
            }),
            LinkKind::Unsafe(scheme) => problems.push(
                located(format!(
                    "the link `{dest_url}` uses the `{scheme}:` scheme, which is not allowed"
                ))
                .hint("link to http(s), mailto: or tel: addresses, or to another page's .md file"),
            ),
            LinkKind::Relative => {
                let (path, anchor) =
                    dest_url.split_once('#').map_or((&**dest_url, None), |(p, a)| (p, Some(a)));
                let Some(target) = resolve(cx.key, path) else {
                    problems
                        .push(located(format!("the link `{dest_url}` leaves the content folder")));
                    continue;
                };
                if !target.ends_with(".md") {
                    problems.push(
                        located(format!("the link `{dest_url}` does not point to a Markdown page"))
                            .hint("link to the page's .md file, e.g. ../parents/talk.md, and the engine makes the URL"),
                    );
                    continue;
                }
                match cx.pages.get(&target) {
                    Some(url_path) => {
                        let mut url = relative_url(cx.url_path, url_path);
                        let mut path = url_path.clone();
                        if let Some(anchor) = anchor {
                            for s in [&mut url, &mut path] {
                                s.push('#');
                                s.push_str(anchor);
                            }
                        }
                        links.push(PageLink { target, anchor: anchor.map(str::to_owned), line });
                        *dest_url = CowStr::from(url);
                        if let Event::Start(Tag::Link { dest_url, title, .. }) = &*event {
                            *event = Event::InlineHtml(CowStr::from(page_link_tag(dest_url, title, &path)));
                        }
                    }
                    None => problems.push(
                        located(format!("the link `{dest_url}` points to `{target}`, which is not a page of the site"))
                            .hint("check the file name; links are relative to this file's folder"),
                    ),
                }
            }
        }
    }
    links
}

/// Images of the site (`![A phone](phone.png)` next to the page, `![Logo](/logo.png)` under static/)
/// become `<img>` tags with their size, and raster images a `srcset` of their published widths; images after
/// the first load lazily. Returns the image keys shown. Images on other sites are left to the link pass.
fn rewrite_images(
    events: &mut [(Event<'_>, usize)],
    markdown: &str,
    cx: &LinkContext<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut keys = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let (Event::Start(Tag::Image { dest_url, title, .. }), offset) = &events[i] else {
            i += 1;
            continue;
        };
        let (dest_url, title, offset) = (dest_url.to_string(), title.to_string(), *offset);
        let end = (i..events.len())
            .find(|&j| matches!(events[j].0, Event::End(TagEnd::Image)))
            .unwrap_or(events.len() - 1);
        let path = dest_url.split(['#', '?']).next().unwrap_or_default();
        let rooted = path.starts_with('/') && !path.starts_with("//");
        if !(rooted || matches!(classify(&dest_url), LinkKind::Relative)) {
            i = end + 1;
            continue;
        }
        let (line, column) = line_col(markdown, offset);
        let line = line + cx.body_line - 1;
        let located = |message: String| {
            Diagnostic::error(cx.file, "image", message).at(Some(line), Some(column))
        };
        let key = if rooted { Some(path.to_owned()) } else { resolve(cx.key, path) };
        let Some(key) = key.filter(|k| assets::is_image(k)) else {
            problems.push(
                located(format!("the image `{dest_url}` is not an image file of the site")).hint(
                    format!(
                        "use a file next to the page or under static/, ending in .{}",
                        assets::IMAGE_EXTENSIONS.join(", .")
                    ),
                ),
            );
            events[i].0 = Event::Text(CowStr::Borrowed(""));
            i = end + 1;
            continue;
        };
        let meta = match (cx.image)(&key) {
            Ok(meta) => meta,
            Err(why) => {
                problems.push(located(format!("the image `{dest_url}` {why}")));
                events[i].0 = Event::Text(CowStr::Borrowed(""));
                i = end + 1;
                continue;
            }
        };
        let mut alt = String::new();
        for (event, _) in &mut events[i + 1..end] {
            if let Event::Text(t) | Event::Code(t) = event {
                alt.push_str(t);
            }
            *event = Event::Text(CowStr::Borrowed(""));
        }
        let url = |file: &str| image_url(cx.url_path, file);
        let escape = crate::escape::html;
        let mut tag = format!("<img src=\"{}\"", escape(&url(&key)));
        if !meta.svg {
            let widths = assets::widths(meta.width);
            if widths.len() > 1 {
                let set: Vec<String> = widths
                    .iter()
                    .map(|w| format!("{} {w}w", url(&assets::variant_path(&key, *w, meta.width))))
                    .collect();
                let _ = write!(
                    tag,
                    " srcset=\"{}\" sizes=\"(min-width: 48rem) 44rem, calc(100vw - 2rem)\"",
                    escape(&set.join(", "))
                );
            }
        }
        let _ = write!(
            tag,
            " width=\"{}\" height=\"{}\" alt=\"{}\"",
            meta.width,
            meta.height,
            escape(alt.trim())
        );
        if !title.is_empty() {
            let _ = write!(tag, " title=\"{}\"", escape(&title));
        }
        if !keys.is_empty() {
            tag.push_str(" loading=\"lazy\"");
        }
        tag.push_str(" decoding=\"async\">");
        events[i].0 = Event::InlineHtml(CowStr::from(tag));
        events[end].0 = Event::Text(CowStr::Borrowed(""));
        keys.push(key);
        i = end + 1;
    }
    keys
}

/// The URL of image `file` (a key) from the page at `url_path`: content images sit in the language folder,
/// static ones (`/x.png`) at the site root.
fn image_url(url_path: &str, file: &str) -> String {
    if let Some(rest) = file.strip_prefix('/') {
        let depth = url_path.split('/').filter(|s| !s.is_empty()).count();
        return format!("{}{rest}", "../".repeat(depth + 1));
    }
    let (dir, name) = file.rsplit_once('/').unwrap_or(("", file));
    let folder = if dir.is_empty() { String::new() } else { format!("{dir}/") };
    let base = relative_url(url_path, &folder);
    let base = if base == "./" { String::new() } else { base };
    format!("{base}{name}")
}

/// The opening tag of a link to another page. It carries the target's path below the language folder in
/// `data-path`, so the print style sheet can print the link's full address in the reader's language (one
/// rendering of a page serves every language, so the full address cannot be written here).
fn page_link_tag(href: &str, title: &str, path: &str) -> String {
    let escape = crate::escape::html;
    let mut tag = format!("<a href=\"{}\" data-path=\"{}\"", escape(href), escape(path));
    if !title.is_empty() {
        let _ = write!(tag, " title=\"{}\"", escape(title));
    }
    tag.push('>');
    tag
}

enum LinkKind<'s> {
    External,
    /// `/en/` or `//host/x`: tied to the root of the host, which a sub-path or a file: URL does not share.
    RootRelative,
    Fragment,
    Relative,
    Unsafe(&'s str),
}

fn classify(url: &str) -> LinkKind<'_> {
    if url.starts_with('#') {
        return LinkKind::Fragment;
    }
    if url.starts_with('/') {
        return LinkKind::RootRelative;
    }
    if let Some((scheme, _)) = url.split_once(':') {
        let is_scheme = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if is_scheme {
            return match scheme.to_ascii_lowercase().as_str() {
                "http" | "https" | "mailto" | "tel" | "sms" => LinkKind::External,
                _ => LinkKind::Unsafe(scheme),
            };
        }
    }
    LinkKind::Relative
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages() -> HashMap<String, String> {
        [
            ("children/a.md", "children/a/"),
            ("parents/b.md", "parents/b/"),
            ("_index.md", ""),
            ("help.md", "help/"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    }

    fn no_images(key: &str) -> Result<ImageMeta, String> {
        match key {
            "children/phone.png" => Ok(ImageMeta { width: 1200, height: 800, svg: false }),
            "/map.svg" => Ok(ImageMeta { width: 200, height: 100, svg: true }),
            _ => Err("was not found".to_owned()),
        }
    }

    #[test]
    fn images_get_their_size_and_widths() {
        let p = pages();
        let r = render(
            "![A \"phone\"](../children/phone.png)\n\n![Map](/map.svg)\n\n![Gone](x.png)",
            &cx(&p),
        );
        let errs = r.unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].line, Some(9));
        assert!(errs[0].message.contains("`x.png` was not found"), "{}", errs[0].message);
        let r = render("![A \"phone\"](phone.png)\n\n![Map](/map.svg)", &cx(&p)).unwrap();
        assert!(r.html.contains(r#"<img src="../phone.png" srcset="../phone-360w.png 360w, ../phone-720w.png 720w, ../phone.png 1200w" sizes="(min-width: 48rem) 44rem, calc(100vw - 2rem)" width="1200" height="800" alt="A &quot;phone&quot;" decoding="async">"#), "{}", r.html);
        assert!(r.html.contains(r#"<img src="../../../map.svg" width="200" height="100" alt="Map" loading="lazy" decoding="async">"#), "{}", r.html);
        assert_eq!(r.images, ["children/phone.png", "/map.svg"]);
    }

    fn cx(pages: &HashMap<String, String>) -> LinkContext<'_> {
        LinkContext {
            file: "content/en/children/a.md",
            key: "children/a.md",
            url_path: "children/a/",
            body_line: 5,
            pages,
            rtl: false,
            image: &no_images,
        }
    }

    #[test]
    fn page_links_carry_their_path_for_print() {
        let pages: HashMap<String, String> =
            [("parents/talk.md".to_owned(), "parents/talk/".to_owned())].into();
        let cx = LinkContext {
            file: "content/en/children/a.md",
            key: "children/a.md",
            url_path: "children/a/",
            body_line: 1,
            pages: &pages,
            rtl: false,
            image: &no_images,
        };
        let r = render("[talk](../parents/talk.md#start \"A <title>\")", &cx).unwrap();
        assert!(
            r.html.contains(r#"<a href="../../parents/talk/#start" data-path="parents/talk/#start" title="A &lt;title&gt;">talk</a>"#),
            "{}",
            r.html
        );
    }

    #[test]
    fn links_between_pages_become_relative_urls_with_anchors() {
        let p = pages();
        let r = render(
            "[b](../parents/b.md#start-early) [h](../help.md) [home](../_index.md)",
            &cx(&p),
        )
        .unwrap();
        assert!(r.html.contains(r#"href="../../parents/b/#start-early""#), "{}", r.html);
        assert!(r.html.contains(r#"href="../../help/""#));
        assert!(r.html.contains(r#"href="../../""#));
        assert_eq!(r.links[0].anchor.as_deref(), Some("start-early"));
    }

    #[test]
    fn broken_links_and_unsafe_schemes_are_located() {
        let p = pages();
        let errs =
            render("text\n\n[x](missing.md)\n\n[y](javascript:alert(1))", &cx(&p)).unwrap_err();
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].line, Some(7));
        assert!(errs[1].message.contains("javascript"));
    }

    #[test]
    fn raw_html_is_escaped() {
        let p = pages();
        let r = render("<script>alert(1)</script>\n\nhi <b>x</b>", &cx(&p)).unwrap();
        assert!(!r.html.contains("<script>"));
        assert!(r.html.contains("&lt;b&gt;"));
    }

    #[test]
    fn headings_get_their_ids_written_out() {
        let md =
            "Intro\n\n## What to do\n\nText\n\n## Kept {#mine}\n\n## What to do\n\nSetext\n---\n";
        assert_eq!(
            with_heading_ids(md),
            "Intro\n\n## What to do {#what-to-do}\n\nText\n\n## Kept {#mine}\n\n## What to do {#what-to-do-1}\n\n\
             Setext {#setext}\n---\n"
        );
    }

    #[test]
    fn heading_ids_are_stable_unique_and_keep_scripts() {
        let p = pages();
        let r =
            render("## Start early!\n\n## Start early\n\n## ابدأ مبكرا\n\n## 尽早开始", &cx(&p))
                .unwrap();
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["start-early", "start-early-1", "ابدأ-مبكرا", "尽早开始"]);
        assert!(r.html.contains(r#"<h2 id="start-early">"#));
    }

    #[test]
    fn grouped_numbers_are_isolated_in_rtl_text() {
        assert_eq!(
            isolate_grouped_numbers("اتصل بالرقم 116 111 الآن").unwrap(),
            "اتصل بالرقم \u{2066}116 111\u{2069} الآن"
        );
        assert_eq!(
            isolate_grouped_numbers("+44 800-1111").unwrap(),
            "\u{2066}+44 800-1111\u{2069}"
        );
        assert_eq!(
            isolate_grouped_numbers("العمر 13 عامًا"),
            None,
            "a single number needs no isolation"
        );
        let p = pages();
        let mut cx = cx(&p);
        cx.rtl = true;
        let r = render("الرقم 116 111\n\n```\n116 111\n```", &cx).unwrap();
        assert!(r.html.contains("\u{2066}116 111\u{2069}"));
        assert!(r.html.contains("<code>116 111\n</code>"), "code is left alone");
    }

    #[test]
    fn extensions_are_on() {
        let p = pages();
        let r =
            render("| a |\n|---|\n| 1 |\n\n~~x~~\n\n- [x] done\n\nnote[^1]\n\n[^1]: foot", &cx(&p))
                .unwrap();
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>"));
        assert!(r.html.contains("checkbox"));
        assert!(r.html.contains("footnote"));
    }

    #[test]
    fn task_boxes_are_labelled_by_their_item() {
        let p = pages();
        let r = render("- [x] Call the \"helpline\"\n- [ ] Tell `someone`\n  - nested", &cx(&p))
            .unwrap();
        assert!(
            r.html.contains(r#"<input type="checkbox" disabled checked aria-label="Call the &quot;helpline&quot;">"#),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(r#"<input type="checkbox" disabled aria-label="Tell someone">"#),
            "{}",
            r.html
        );
    }

    #[test]
    fn tables_get_header_scope_and_captions() {
        let p = pages();
        let r = render("Table: Ages *and* apps\n\n| App | Age |\n|:--|--:|\n| A | 13 |", &cx(&p))
            .unwrap();
        assert!(
            r.html.contains("<table><caption>Ages <em>and</em> apps</caption><thead>"),
            "{}",
            r.html
        );
        assert!(r.html.contains(r#"<th scope="col" class="align-left">App</th>"#), "{}", r.html);
        assert!(r.html.contains(r#"<th scope="col" class="align-right">Age</th>"#), "{}", r.html);
        assert!(r.html.contains(r#"<td class="align-right">13</td>"#), "{}", r.html);
        assert!(!r.html.contains("style="), "{}", r.html);
        let plain = render("Not a caption\n\n| a |\n|---|\n| 1 |", &cx(&p)).unwrap();
        assert!(plain.html.contains("<p>Not a caption</p>\n<table><thead>"), "{}", plain.html);
    }
}
