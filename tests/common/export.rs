//! Helpers shared by the export tests (`common::export`): a fixed "made at" time, exporting to a string,
//! golden files, the hostile letter, and cutting the SVG out of a report.

#![allow(dead_code, reason = "each test crate uses only some of the helpers")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a helper that cannot do its job should fail the test that called it"
)]

use super::{fixture, repo_root};
use signer_dashboard::analysis::{Filter, select};
use signer_dashboard::export::{ExportFormat, Report, write_export};
use signer_dashboard::load::{self, Loaded, SourceFormat};
use signer_dashboard::model::Letter;
use std::path::Path;

/// The "made at" time of every export in the tests: `SOURCE_DATE_EPOCH` below, formatted.
pub const GENERATED_AT: &str = "2025-04-09T12:30:00Z";
/// What the command-line tests set `SOURCE_DATE_EPOCH` to, so they match the golden files.
pub const SOURCE_DATE_EPOCH: &str = "1744201800";

/// The letter with hostile text in every field an export writes.
pub fn hostile() -> Letter {
    let path = fixture("export_hostile.json");
    load::load_path(&path)
        .unwrap_or_else(|e| panic!("the hostile fixture should load, but: {e}"))
        .letter
}

/// Exports `letter` through `filter` in `format` at [`GENERATED_AT`].
pub fn export(letter: &Letter, filter: &Filter, format: ExportFormat) -> String {
    let selection = select(letter, filter, None);
    let report = Report {
        letter,
        filter,
        selection: &selection,
        generated_at: GENERATED_AT,
    };
    let mut out = Vec::new();
    write_export(&mut out, format, &report).unwrap();
    String::from_utf8(out).expect("exports are UTF-8")
}

/// A filter on one party.
pub fn party_filter(code: &str) -> Filter {
    let mut filter = Filter::default();
    filter.parties.insert(code.to_owned());
    filter
}

/// Reads a CSV export back in, as the app opens a `.csv` file.
pub fn load_csv(name: &str, text: &str) -> Loaded {
    load::load_bytes(Path::new(name), text.as_bytes(), SourceFormat::Csv)
        .unwrap_or_else(|e| panic!("the exported CSV should load, but: {e}\n{text}"))
}

/// Compares `actual` with `tests/golden/{name}` byte for byte; with `UPDATE_GOLDEN=1`
/// writes it there instead (then read the diff before committing it).
pub fn assert_golden(name: &str, actual: &str) {
    let path = repo_root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read the golden file {} ({e}); run with UPDATE_GOLDEN=1 to write it",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .map_or_else(
                || expected.lines().count().min(actual.lines().count()) + 1,
                |i| i + 1,
            );
        panic!(
            "{name} differs from {} from line {line}:\nexpected: {:?}\nactual:   {:?}\n(run with UPDATE_GOLDEN=1 to accept the new output, then review the diff)",
            path.display(),
            expected.lines().nth(line - 1).unwrap_or("<end of file>"),
            actual.lines().nth(line - 1).unwrap_or("<end of file>"),
        );
    }
}

/// Every `<svg>…</svg>` in `html`, in order.
pub fn svgs(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..]
            .find("</svg>")
            .map(|e| start + e + "</svg>".len())
            .unwrap_or_else(|| panic!("an <svg> is never closed"));
        found.push(&rest[start..end]);
        rest = &rest[end..];
    }
    found
}

/// Parses `text` as XML, allowing the `<!DOCTYPE html>` line, and fails the test with
/// where the parser stopped.
pub fn parse_xml(text: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(text, options)
        .unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{text}"))
}

/// The text content of every element named `tag`, in document order.
pub fn texts_of(document: &roxmltree::Document<'_>, tag: &str) -> Vec<String> {
    document
        .descendants()
        .filter(|n| n.has_tag_name(tag))
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect()
        })
        .collect()
}
