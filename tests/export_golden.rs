//! Each text export of the sample letter, compared byte for byte with a file under
//! `tests/golden/` that was read by eye when it was written. `UPDATE_GOLDEN=1` rewrites them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::export::{GENERATED_AT, assert_golden, export, party_filter};
use serde_json::Value;
use signer_dashboard::analysis::{Filter, select};
use signer_dashboard::export::{ExportFormat, Report, export_json, summary_json};
use signer_dashboard::load;

#[test]
fn signers_csv_of_the_sample() {
    let csv = export(&load::sample(), &Filter::default(), ExportFormat::Csv);
    assert_golden("sample.csv", &csv);
}

#[test]
fn markdown_one_pager_of_the_sample() {
    let markdown = export(&load::sample(), &Filter::default(), ExportFormat::Markdown);
    assert_golden("sample.md", &markdown);
}

#[test]
fn json_summary_of_the_sample() {
    let json = export(&load::sample(), &Filter::default(), ExportFormat::Json);
    assert_golden("sample.json", &json);
}

#[test]
fn html_report_of_the_sample() {
    let html = export(&load::sample(), &Filter::default(), ExportFormat::Html);
    assert_golden("sample.html", &html);
}

#[test]
fn markdown_one_pager_of_the_republican_signers() {
    let markdown = export(&load::sample(), &party_filter("R"), ExportFormat::Markdown);
    assert_golden("sample-party-R.md", &markdown);
}

#[test]
fn json_export_is_the_summary_object_with_the_time_made() {
    let letter = load::sample();
    for filter in [Filter::default(), party_filter("R")] {
        let selection = select(&letter, &filter, None);
        let report = Report {
            letter: &letter,
            filter: &filter,
            selection: &selection,
            generated_at: GENERATED_AT,
        };
        let Value::Object(mut exported) = export_json(&report) else {
            panic!("the JSON export is not an object");
        };
        assert_eq!(
            exported.remove("generated_at"),
            Some(Value::String(GENERATED_AT.into()))
        );
        assert_eq!(
            Value::Object(exported),
            summary_json(&letter, &filter, &selection.tally),
            "with filter {filter:?}"
        );
    }
}
