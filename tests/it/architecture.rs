//! The house's layout, read from the source: which top-level module may name which
//! (`web | cli | workers → operations → federation | storage | content`), every source
//! file small and opening with a module doc. A change that fights the layout fails here
//! with the file and line, so the layout is changed on purpose or not at all.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What each top-level module may name through `crate::`. `clock`, `i18n` (the words
/// people read), `content` and `settings` are leaves anyone may use; `startup` wires
/// everything together.
const ALLOWED: &[(&str, &[&str])] = &[
    ("clock", &[]),
    ("i18n", &[]),
    ("content", &["i18n"]),
    ("settings", &["content", "i18n"]),
    ("telemetry", &["settings"]),
    ("storage", &["clock", "content", "i18n"]),
    ("federation", &["clock", "content", "i18n", "settings"]),
    ("operations", &["clock", "content", "federation", "i18n", "settings", "storage"]),
    ("workers", &["clock", "i18n", "operations"]),
    ("web", &["clock", "content", "federation", "i18n", "operations", "settings"]),
    ("cli", &["clock", "content", "federation", "i18n", "operations", "settings", "startup", "telemetry"]),
    (
        "startup",
        &["clock", "content", "federation", "i18n", "operations", "settings", "storage", "telemetry", "web", "workers"],
    ),
];

/// What each group of `operations` may name: people and accounts at the bottom, then the
/// items this node stores, what it knows of its peers, what goes out, what comes in, and
/// the node's own upkeep on top. No loop between groups.
const OPERATION_GROUPS: &[(&str, &[&str])] = &[
    ("people", &[]),
    ("items", &["people"]),
    ("remote", &["items", "people"]),
    ("outbound", &["items", "people", "remote"]),
    ("inbound", &["items", "outbound", "people", "remote"]),
    ("node", &["inbound", "items", "outbound", "people", "remote"]),
];

/// Lines a source file may hold at most.
const MAX_LINES: usize = 400;

fn source_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            source_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The library's files by top-level module (the binaries under `src/bin` are left out).
fn library_files() -> BTreeMap<String, Vec<PathBuf>> {
    let mut files = Vec::new();
    source_files(&src(), &mut files);
    let mut by_module: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(src()).expect("under src");
        let top = relative.components().next().expect("a path").as_os_str().to_string_lossy().into_owned();
        let module = top.trim_end_matches(".rs").to_owned();
        if module != "bin" && module != "lib" && module != "main" {
            by_module.entry(module).or_default().push(file);
        }
    }
    by_module
}

/// The top-level modules a line names through `crate::` (the `msg!` macro, exported at
/// the crate's root, belongs to `i18n`).
fn named_modules(line: &str) -> Vec<&str> {
    line.match_indices("crate::")
        .map(|(at, _)| {
            let rest = &line[at + "crate::".len()..];
            let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
            match &rest[..end] {
                "msg" => "i18n",
                module => module,
            }
        })
        .collect()
}

#[test]
fn every_module_names_only_the_modules_below_it() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut breaches = Vec::new();
    for (module, files) in library_files() {
        let Some(may_name) = allowed.get(module.as_str()) else {
            breaches.push(format!("{module}: a top-level module missing from ALLOWED"));
            continue;
        };
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a readable file");
            for (number, line) in text.lines().enumerate() {
                if line.trim_start().starts_with("//") {
                    continue;
                }
                for named in named_modules(line) {
                    if named != module && allowed.contains_key(named) && !may_name.contains(&named) {
                        breaches.push(format!("{}:{}: {module} names {named}", file.display(), number + 1));
                    }
                }
            }
        }
    }
    assert!(breaches.is_empty(), "layer breaches:\n{}", breaches.join("\n"));
}

/// What each group of `web::pages` may name: the shared views at the bottom, then the
/// public pages, then what builds on them (downloads, the editors' area, administration).
const PAGE_GROUPS: &[(&str, &[&str])] = &[
    ("views", &[]),
    ("public", &["views"]),
    ("downloads", &["public", "views"]),
    ("editor", &["public", "views"]),
    ("admin", &["views"]),
];

/// The groups of `groups` a line names, written `{root}group::` or inside a `{root}{…}`
/// list (`root` is `crate::operations::` or `crate::web::pages::`).
fn named_groups<'a>(line: &str, root: &str, groups: &[(&'a str, &[&str])]) -> Vec<&'a str> {
    let Some(at) = line.find(root) else { return Vec::new() };
    let rest = &line[at..];
    groups
        .iter()
        .map(|(group, _)| *group)
        .filter(|group| {
            rest.contains(&format!("{root}{group}::"))
                || rest.contains(&format!("{{{group}::"))
                || rest.contains(&format!(" {group}::"))
        })
        .collect()
}

/// Every line under `src/{folder}` that names a group its own group may not name.
fn group_breaches(folder: &str, root: &str, groups: &[(&str, &[&str])]) -> Vec<String> {
    let allowed: BTreeMap<&str, &[&str]> = groups.iter().copied().collect();
    let mut files = Vec::new();
    source_files(&src().join(folder), &mut files);
    let mut breaches = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src().join(folder)).expect("under the folder");
        let group = relative.components().next().expect("a path").as_os_str().to_string_lossy().into_owned();
        let Some(may_name) = allowed.get(group.as_str()) else { continue };
        let text = std::fs::read_to_string(&file).expect("a readable file");
        for (number, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for named in named_groups(line, root, groups) {
                if named != group && !may_name.contains(&named) {
                    breaches.push(format!("{}:{}: {group} names {named}", file.display(), number + 1));
                }
            }
        }
    }
    breaches
}

#[test]
fn every_group_of_operations_names_only_the_groups_below_it() {
    let breaches = group_breaches("operations", "crate::operations::", OPERATION_GROUPS);
    assert!(breaches.is_empty(), "group breaches:\n{}", breaches.join("\n"));
}

#[test]
fn every_group_of_pages_names_only_the_groups_below_it() {
    let breaches = group_breaches("web/pages", "crate::web::pages::", PAGE_GROUPS);
    assert!(breaches.is_empty(), "group breaches:\n{}", breaches.join("\n"));
}

#[test]
fn the_rule_reader_sees_every_way_a_module_is_named() {
    let groups = |line| named_groups(line, "crate::operations::", OPERATION_GROUPS);
    assert_eq!(groups("use crate::operations::{items::model::Item, Node};"), ["items"]);
    assert_eq!(groups("use crate::operations::{Node, people::audit::Actor};"), ["people"]);
    assert_eq!(groups("crate::operations::outbound::outbox::queue(node)"), ["outbound"]);
    assert_eq!(named_groups("use crate::web::pages::views::i18n;", "crate::web::pages::", PAGE_GROUPS), ["views"]);
    assert_eq!(named_modules("use crate::storage::{self, timestamp};"), ["storage"]);
    assert_eq!(named_modules("let x = crate::web::body::read(crate::clock::now());"), ["web", "clock"]);
    assert!(named_modules("use super::Node;").is_empty());
}

#[test]
fn every_source_file_is_small_and_says_what_it_owns() {
    let mut files = Vec::new();
    source_files(&src(), &mut files);
    let mut problems = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a readable file");
        let lines = text.lines().count();
        if lines > MAX_LINES {
            problems.push(format!("{}: {lines} lines (at most {MAX_LINES})", file.display()));
        }
        if !text.starts_with("//!") {
            problems.push(format!("{}: no module doc (`//!`) on its first line", file.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
