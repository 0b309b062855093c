//! `build --precompress`: a `.br` and a `.gz` beside every HTML, CSS, JS, XML and JSON file, for hosts that
//! serve precompressed files (nginx `gzip_static`/`brotli_static`, Apache `mod_rewrite` rules, most CDNs).
//! Both are byte-identical across builds: fixed Brotli parameters, and a gzip header with no name and mtime 0.

use std::io::Write as _;

use crate::error::{Error, Result};
use crate::paths::OutputFile;

/// Extensions of the files that get compressed copies.
const COMPRESSED: [&str; 5] = [".html", ".css", ".js", ".xml", ".json"];

/// Whether `path` gets compressed copies.
pub(crate) fn is_compressible(path: &str) -> bool {
    COMPRESSED.iter().any(|ext| path.ends_with(ext))
}

/// The `.br` and `.gz` copies of `file`, or nothing for a file that is not text the browser reads.
pub(crate) fn precompressed(file: &OutputFile) -> Result<Vec<OutputFile>> {
    if !is_compressible(&file.path) {
        return Ok(Vec::new());
    }
    let failed = |e: std::io::Error| Error::Io { path: file.path.clone().into(), source: e };
    let mut br = Vec::new();
    {
        let params =
            brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
        brotli::BrotliCompress(&mut file.bytes.as_slice(), &mut br, &params).map_err(failed)?;
    }
    let mut gz = flate2::GzBuilder::new().mtime(0).write(Vec::new(), flate2::Compression::best());
    gz.write_all(&file.bytes).map_err(failed)?;
    let gz = gz.finish().map_err(failed)?;
    Ok(vec![
        OutputFile { path: format!("{}.br", file.path), bytes: br },
        OutputFile { path: format!("{}.gz", file.path), bytes: gz },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_decompress_to_the_original_and_are_stable() {
        let file = OutputFile {
            path: "a/index.html".into(),
            bytes: b"<p>hello hello hello</p>".repeat(50),
        };
        let first = precompressed(&file).unwrap();
        assert_eq!(first, precompressed(&file).unwrap());
        assert_eq!(first[0].path, "a/index.html.br");
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut first[0].bytes.as_slice(), &mut plain).unwrap();
        assert_eq!(plain, file.bytes);
        let mut plain = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(first[1].bytes.as_slice()),
            &mut plain,
        )
        .unwrap();
        assert_eq!(plain, file.bytes);
        assert!(
            precompressed(&OutputFile { path: "x.png".into(), bytes: vec![1] }).unwrap().is_empty()
        );
    }
}
