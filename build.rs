//! Turns the built-in roadmap's YAML into a Rust `static`, so the binary
//! never parses it at run time (parsing it cost about a millisecond a run,
//! more than starting the process) and builds it without allocating. The
//! YAML stays the single source of truth; a test checks that the generated
//! value equals a fresh parse of it.

use std::fmt::Write;
use std::path::PathBuf;

#[allow(dead_code, unreachable_pub)]
#[path = "src/roadmap/model.rs"]
mod model;

use model::{Phase, PracticalAction, Resource, Roadmap, Step, Text, VersionNote};

const SOURCE: &str = "roadmap/social-media-manager.yaml";

fn string(value: &str) -> String {
    // `{:?}` of a str is a valid Rust string literal, escapes included.
    format!("Cow::Borrowed({value:?})")
}

fn list(items: &[String]) -> String {
    format!("Cow::Borrowed(&[{}])", items.join(", "))
}

fn text(value: &Text) -> String {
    match value {
        Text::Plain(plain) => format!("Text::Plain({})", string(plain)),
        Text::Localized(translations) => {
            let pairs: Vec<String> = translations
                .iter()
                .map(|(code, words)| format!("({}, {})", string(code), string(words)))
                .collect();
            format!("Text::Localized({})", list(&pairs))
        }
    }
}

fn optional_text(value: &Option<Text>) -> String {
    match value {
        Some(value) => format!("Some({})", text(value)),
        None => "None".to_string(),
    }
}

fn optional_string(value: Option<&str>) -> String {
    match value {
        Some(value) => format!("Some({})", string(value)),
        None => "None".to_string(),
    }
}

fn version_note(value: &VersionNote) -> String {
    format!(
        "VersionNote {{ version: {}, text: {} }}",
        value.version,
        text(&value.text)
    )
}

fn resource(value: &Resource) -> String {
    format!(
        "Resource {{ title: {}, url: {}, kind: ResourceKind::{:?}, language: {}, reviewed: {} }}",
        text(&value.title),
        string(&value.url),
        value.kind,
        string(&value.language),
        optional_string(value.reviewed.as_deref()),
    )
}

fn practical_action(value: &PracticalAction) -> String {
    format!(
        "PracticalAction {{ key: {}, text: {} }}",
        string(&value.key),
        text(&value.text)
    )
}

fn step(value: &Step) -> String {
    let actions: Vec<String> = value.actions.iter().map(practical_action).collect();
    let resources: Vec<String> = value.resources.iter().map(resource).collect();
    format!(
        "Step {{ id: {}, title: {}, summary: {}, actions: {}, evidence: {}, resources: {}, reviewed: {} }}",
        string(&value.id),
        text(&value.title),
        text(&value.summary),
        list(&actions),
        optional_text(&value.evidence),
        list(&resources),
        optional_string(value.reviewed.as_deref()),
    )
}

fn phase(value: &Phase) -> String {
    let steps: Vec<String> = value.steps.iter().map(|id| string(id)).collect();
    format!(
        "Phase {{ id: {}, title: {}, steps: {} }}",
        string(&value.id),
        text(&value.title),
        list(&steps),
    )
}

fn roadmap(value: &Roadmap) -> String {
    let mut code = String::new();
    let languages: Vec<String> = value.languages.iter().map(|code| string(code)).collect();
    let steps: Vec<String> = value.steps.iter().map(step).collect();
    let phases: Vec<String> = value.phases.iter().map(phase).collect();
    let changes: Vec<String> = value.changes.iter().map(version_note).collect();
    write!(
        code,
        "Roadmap {{\n    id: {},\n    version: {},\n    languages: {},\n    title: {},\n    \
         introduction: {},\n    closing: {},\n    steps: Cow::Borrowed(&[\n        {},\n    ]),\n    \
         phases: {},\n    changes: {},\n    finish_with_actions: {},\n    \
         step_index: super::model::StepIndex::new(),\n}}\n",
        string(&value.id),
        value.version,
        list(&languages),
        text(&value.title),
        optional_text(&value.introduction),
        optional_text(&value.closing),
        steps.join(",\n        "),
        list(&phases),
        list(&changes),
        value.finish_with_actions,
    )
    .expect("writing to a String cannot fail");
    code
}

fn main() {
    println!("cargo::rerun-if-changed={SOURCE}");
    println!("cargo::rerun-if-changed=src/roadmap/model.rs");
    let yaml = std::fs::read_to_string(SOURCE).unwrap_or_else(|error| panic!("{SOURCE}: {error}"));
    let mut parsed: Roadmap =
        serde_saphyr::from_str(&yaml).unwrap_or_else(|error| panic!("{SOURCE}: {error}"));
    parsed.key_plain_actions();
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("builtin_roadmap.rs"), roadmap(&parsed))
        .expect("write the generated roadmap");
}
