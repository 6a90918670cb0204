//! The shape of the code, checked: the readers in `src/load/`, the finder in
//! `src/extract/` and the window's parts in `src/gui/` each import one another in one
//! direction only, so that a newcomer can read them from the bottom up (issues 15 and 20).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// For each module of the folder (a file other than `mod.rs`), the sibling modules its code
/// names as `super::NAME`; comments are left out, since a doc link is no import.
fn sibling_imports(folder: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let modules: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .filter_map(|path| Some(path.file_stem()?.to_str()?.to_owned()))
        .filter(|name| name != "mod")
        .collect();
    let mut graph = BTreeMap::new();
    for module in &modules {
        let text = std::fs::read_to_string(dir.join(format!("{module}.rs"))).unwrap();
        let mut uses = BTreeSet::new();
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for (at, _) in line.match_indices("super::") {
                let rest = &line[at + "super::".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if name != *module && modules.contains(&name) {
                    uses.insert(name);
                }
            }
            // `use super::{a, b::C}` names several at once.
            if let Some(list) = line.split("super::{").nth(1) {
                for part in list.split([',', '}']) {
                    let name = part.trim().split("::").next().unwrap_or("").to_owned();
                    if name != *module && modules.contains(&name) {
                        uses.insert(name);
                    }
                }
            }
        }
        graph.insert(module.clone(), uses);
    }
    graph
}

/// A circle of imports, if there is one, as the modules along it.
fn a_circle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        graph: &BTreeMap<String, BTreeSet<String>>,
        node: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut circle = path[at..].to_vec();
            circle.push(node.to_owned());
            return Some(circle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(circle) = visit(graph, next, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|start| visit(graph, start, &mut Vec::new(), &mut done))
}

#[test]
fn the_checker_sees_a_circle_when_there_is_one() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(a_circle(&graph).unwrap(), ["a", "b", "c", "a"]);
    let mut graph = graph;
    graph.get_mut("c").unwrap().clear();
    assert_eq!(a_circle(&graph), None);
}

#[test]
fn the_readers_of_load_import_one_another_in_one_direction() {
    let graph = sibling_imports("src/load");
    // The graph is read at all: the counter uses the streaming reader.
    assert!(graph["count"].contains("json_stream"), "{graph:?}");
    assert!(graph["json_stream"].contains("json_value"), "{graph:?}");
    assert_eq!(a_circle(&graph), None, "{graph:?}");
}

#[test]
fn the_parts_of_extract_import_one_another_in_one_direction() {
    let graph = sibling_imports("src/extract");
    assert!(graph["finder"].contains("tokens"), "{graph:?}");
    assert_eq!(a_circle(&graph), None, "{graph:?}");
}

/// The names of `modules` that `text` imports through one of `prefixes` (`super::`,
/// `crate::gui::`), including those in a `{a, b::C}` list; comments are left out.
fn names_imported(
    text: &str,
    prefixes: &[&str],
    modules: &BTreeSet<String>,
    module: &str,
) -> BTreeSet<String> {
    let mut uses = BTreeSet::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for prefix in prefixes {
            for (at, _) in line.match_indices(prefix) {
                let rest = &line[at + prefix.len()..];
                let list = rest
                    .strip_prefix('{')
                    .map_or(rest, |l| l.split('}').next().unwrap());
                for part in list.split(',') {
                    let name: String = part
                        .trim()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if name != module && modules.contains(&name) {
                        uses.insert(name);
                    }
                }
            }
        }
    }
    uses
}

/// The modules of `folder` (files, and folders of their own: `name/mod.rs`, or `name.rs`
/// beside `name/`) and the siblings each names. A module's own file names them as
/// `super::NAME`; the files inside its folder as `super::super::NAME`; any file as
/// `CRATE_PATH::NAME` (`crate::gui::`).
fn module_graph(folder: &str, crate_path: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let name_of = |path: &Path| path.file_stem().unwrap().to_str().unwrap().to_owned();
    let modules: BTreeSet<String> = entries
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs") || p.join("mod.rs").is_file())
        .map(|p| name_of(p))
        .filter(|name| name != "mod")
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for module in &modules {
        let mut uses = BTreeSet::new();
        let own_file = dir.join(format!("{module}.rs"));
        let own_folder = dir.join(module);
        if own_file.is_file() {
            let text = std::fs::read_to_string(&own_file).unwrap();
            uses.extend(names_imported(
                &text,
                &["super::", crate_path],
                &modules,
                module,
            ));
        }
        if own_folder.is_dir() {
            for child in std::fs::read_dir(&own_folder)
                .unwrap()
                .map(|e| e.unwrap().path())
            {
                if child.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&child).unwrap();
                let prefixes: &[&str] = if child.ends_with("mod.rs") {
                    &["super::", crate_path]
                } else {
                    &["super::super::", crate_path]
                };
                uses.extend(names_imported(&text, prefixes, &modules, module));
            }
        }
        graph.insert(module.clone(), uses);
    }
    graph
}

/// The folders of modules under `folder`, for checking each one's own parts too.
fn module_folders(folder: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut folders: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| format!("{folder}/{}", p.file_name().unwrap().to_str().unwrap()))
        .collect();
    folders.sort();
    folders
}

fn gui_imports() -> BTreeMap<String, BTreeSet<String>> {
    module_graph("src/gui", "crate::gui::")
}

#[test]
fn the_parts_of_each_module_folder_import_one_another_in_one_direction() {
    // load/count/, load/json/, extract/finder/, extract/strip/, roster/matching/, … and
    // the folders of load/ and extract/ seen as modules of their own.
    for (folder, crate_path) in [
        ("src/load", "crate::load::"),
        ("src/extract", "crate::extract::"),
        ("src/roster", "crate::roster::"),
        ("src/analysis", "crate::analysis::"),
    ] {
        let graph = module_graph(folder, crate_path);
        assert_eq!(a_circle(&graph), None, "{folder}: {graph:?}");
        for inner in module_folders(folder) {
            let graph = sibling_imports(&inner);
            assert_eq!(a_circle(&graph), None, "{inner}: {graph:?}");
        }
    }
    // The graph of a folder module is read at all: count/'s parts use the streaming reader.
    assert!(module_graph("src/load", "crate::load::")["count"].contains("json_stream"));
}

#[test]
fn the_parts_of_the_window_import_one_another_in_one_direction() {
    let graph = gui_imports();
    // The graph is read at all, folders included: the app uses the panels and its areas
    // the worker.
    assert!(graph["app"].contains("table"), "{graph:?}");
    assert!(graph["app"].contains("worker"), "{graph:?}");
    assert!(graph["layout"].contains("checklist"), "{graph:?}");
    assert_eq!(a_circle(&graph), None, "{graph:?}");
    // Panels return commands; only the app applies them, and nothing else reaches into it.
    let into_app: Vec<_> = graph
        .iter()
        .filter(|(_, uses)| uses.contains("app"))
        .collect();
    assert!(into_app.is_empty(), "{into_app:?}");
    // Commands carry plain data: the command module names nothing else of the window.
    assert!(graph["command"].is_empty(), "{graph:?}");
}
