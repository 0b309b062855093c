//! Images that pages show. A page's image is a file next to it (`![A phone](phone.png)`; a translation may
//! give its own file of the same name, otherwise the default language's is used) or, with a path that
//! starts with `/`, a file under the site's `static/` folder. Raster images are published at a few widths;
//! this module decides those widths and the variants' file names, and measures and checks the files.

use std::path::{Path, PathBuf};

/// The widths raster images are resized to, when the image is wider.
pub(crate) const WIDTHS: [u32; 2] = [360, 720];
/// The widest an image is published at; wider originals are scaled down to it.
pub(crate) const MAX_WIDTH: u32 = 1200;
/// The extensions of images a page may show.
pub(crate) const IMAGE_EXTENSIONS: [&str; 6] = ["png", "jpg", "jpeg", "gif", "webp", "svg"];

/// What rendering needs to know about an image file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ImageMeta {
    /// Width in CSS pixels as published (capped at [`MAX_WIDTH`] for raster images).
    pub(crate) width: u32,
    /// Height in CSS pixels as published.
    pub(crate) height: u32,
    /// Whether it is an SVG drawing (published as it is, at one size).
    pub(crate) svg: bool,
}

/// Whether `path` names an image by its extension.
pub(crate) fn is_image(path: &str) -> bool {
    extension(path).is_some_and(|e| IMAGE_EXTENSIONS.contains(&e.as_str()))
}

fn extension(path: &str) -> Option<String> {
    Path::new(path).extension().map(|e| e.to_string_lossy().to_ascii_lowercase())
}

/// The widths a raster image `width` px wide is published at, narrowest first; the last is the capped
/// original.
pub(crate) fn widths(width: u32) -> Vec<u32> {
    let largest = width.min(MAX_WIDTH);
    let mut out: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < largest).collect();
    out.push(largest);
    out
}

/// The path of the variant of the image at `path` that is `width` px wide: the image's own path for the
/// largest, `name-360w.png` beside it for the others.
pub(crate) fn variant_path(path: &str, width: u32, largest: u32) -> String {
    if width == largest {
        return path.to_owned();
    }
    match path.rfind('.') {
        Some(dot) if !path[dot..].contains('/') => {
            format!("{}-{width}w{}", &path[..dot], &path[dot..])
        }
        _ => format!("{path}-{width}w"),
    }
}

/// The height of an image scaled from `width` x `height` to `to` px wide, at least 1.
pub(crate) fn scaled_height(width: u32, height: u32, to: u32) -> u32 {
    if width == 0 {
        return height;
    }
    let h = (u64::from(height) * u64::from(to) + u64::from(width) / 2) / u64::from(width);
    u32::try_from(h.max(1)).unwrap_or(u32::MAX)
}

/// The file an image key stands for in language `lang`: `/x.png` is `static/x.png`; `children/x.png` is
/// `content/<lang>/children/x.png` if it exists, else the default language's. `None` if there is none.
pub(crate) fn source_file(
    root: &Path,
    lang: &str,
    default_lang: &str,
    key: &str,
) -> Option<PathBuf> {
    if let Some(rest) = key.strip_prefix('/') {
        let file = root.join("static").join(rest);
        return file.is_file().then_some(file);
    }
    [lang, default_lang]
        .iter()
        .map(|l| root.join(super::CONTENT_DIR).join(l).join(key))
        .find(|f| f.is_file())
}

/// Measures an image file and, for SVG, checks it is safe to publish as it is.
pub(crate) fn measure(file: &Path) -> Result<ImageMeta, String> {
    let name = file.to_string_lossy();
    if extension(&name).as_deref() == Some("svg") {
        let text = std::fs::read_to_string(file).map_err(|e| format!("cannot be read ({e})"))?;
        check_svg(&text)?;
        let (width, height) = svg_size(&text).ok_or_else(|| {
            "has no size: give the <svg> element a viewBox, or width and height".to_owned()
        })?;
        return Ok(ImageMeta { width, height, svg: true });
    }
    let (width, height) = image::image_dimensions(file)
        .map_err(|e| format!("is not an image that can be read ({e})"))?;
    let capped = width.min(MAX_WIDTH);
    Ok(ImageMeta { width: capped, height: scaled_height(width, height, capped), svg: false })
}

/// An SVG is published only without scripts, event handlers or references to anything outside itself.
pub(crate) fn check_svg(text: &str) -> Result<(), String> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("<script") {
        return Err("contains a <script>".to_owned());
    }
    if lower.contains("<foreignobject") {
        return Err("contains a <foreignObject>, which can hold HTML".to_owned());
    }
    let bytes = lower.as_bytes();
    for (i, _) in lower
        .match_indices(" on")
        .chain(lower.match_indices("\non"))
        .chain(lower.match_indices("\ton"))
    {
        let rest = &bytes[i + 3..];
        let name_len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let after = &rest[name_len..];
        let after = &after[after.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
        if name_len > 0 && after.first() == Some(&b'=') {
            return Err("has an event handler attribute (on...=)".to_owned());
        }
    }
    for attribute in ["href=\"", "href='", "src=\"", "src='"] {
        for (i, _) in lower.match_indices(attribute) {
            let value = &lower[i + attribute.len()..];
            if !value.starts_with('#') {
                return Err(
                    "refers to something outside the drawing (an href that is not #id)".to_owned()
                );
            }
        }
    }
    for (i, _) in lower.match_indices("url(") {
        let value = lower[i + 4..].trim_start_matches(['"', '\'', ' ']);
        if !value.starts_with('#') {
            return Err(
                "refers to something outside the drawing (a url() that is not #id)".to_owned()
            );
        }
    }
    if lower.contains("@import") {
        return Err("imports a style sheet".to_owned());
    }
    Ok(())
}

/// The size of a drawing: its `width` and `height` in px if both are plain numbers, else its viewBox.
fn svg_size(text: &str) -> Option<(u32, u32)> {
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attribute = |name: &str| -> Option<&str> {
        let at = tag.find(&format!(" {name}=")).or_else(|| tag.find(&format!("\n{name}=")))?;
        let rest = &tag[at + name.len() + 2..];
        let quote = rest.chars().next()?;
        let rest = &rest[1..];
        Some(&rest[..rest.find(quote)?])
    };
    let number = |s: &str| s.trim().trim_end_matches("px").parse::<f64>().ok();
    if let (Some(w), Some(h)) =
        (attribute("width").and_then(number), attribute("height").and_then(number))
    {
        return Some((round(w), round(h)));
    }
    let view: Vec<f64> = attribute("viewBox")?
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    (view.len() == 4).then(|| (round(view[2]), round(view[3])))
}

#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "a drawing's size in px, clamped to a sane range first"
)]
fn round(v: f64) -> u32 {
    v.clamp(1.0, 100_000.0).round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_and_variant_names() {
        assert_eq!(widths(2400), [360, 720, 1200]);
        assert_eq!(widths(800), [360, 720, 800]);
        assert_eq!(widths(300), [300]);
        assert_eq!(variant_path("children/block.png", 360, 1200), "children/block-360w.png");
        assert_eq!(variant_path("children/block.png", 1200, 1200), "children/block.png");
        assert_eq!(scaled_height(2400, 1600, 1200), 800);
    }

    #[test]
    fn unsafe_drawings_are_refused() {
        let ok = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><use href="#a"/><rect fill="url(#g)"/></svg>"##;
        assert_eq!(check_svg(ok), Ok(()));
        assert_eq!(svg_size(ok), Some((200, 100)));
        for bad in [
            "<svg><script>alert(1)</script></svg>",
            r#"<svg><rect onclick="x()"/></svg>"#,
            r#"<svg><image href="https://tracker.example/x.png"/></svg>"#,
            r#"<svg><rect style="fill:url(https://x.example/a)"/></svg>"#,
            "<svg><foreignObject><p>x</p></foreignObject></svg>",
        ] {
            assert!(check_svg(bad).is_err(), "{bad}");
        }
    }
}
