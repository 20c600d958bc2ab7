//! `status`: the table, the summary line, the next step, JSON, colour and width.

use crate::support::{Smm, builtin_roadmap};

#[test]
fn a_fresh_home_shows_all_twenty_steps_to_do_and_writes_nothing() {
    let smm = Smm::new();
    let run = smm.ok(&["status"]);
    for number in 1..=20 {
        assert!(run.row(number).contains("to do"), "{}", run.row(number));
    }
    let run = run
        .stdout_has("0/20 done (0%)")
        .stdout_has("Next: 1. Understand Social Media Platforms");
    assert!(smm.state().is_none(), "status must not create a state file");
    // Bare `smm-path` is `status`.
    assert_eq!(smm.ok(&[]).stdout, run.stdout);
}

#[test]
fn the_table_snapshot_with_mixed_progress() {
    let smm = Smm::new();
    smm.ok(&["done", "1-3", "5"]);
    smm.ok(&["start", "6"]);
    smm.ok(&["skip", "12", "--reason", "no ad budget yet"]);
    insta::assert_snapshot!("status_en", smm.ok(&["status"]).stdout);
    insta::assert_snapshot!("status_id", smm.ok(&["status", "--lang", "id"]).stdout);
}

#[test]
fn skipped_steps_leave_the_denominator() {
    let smm = Smm::new();
    smm.ok(&["done", "1-7"]);
    smm.ok(&["skip", "8,9"]);
    smm.ok(&["status"])
        .stdout_has("7/18 done (38%)")
        .stdout_has("2 skipped")
        .stdout_has("Next: 10. ");
}

#[test]
fn all_done_is_congratulated() {
    let smm = Smm::new();
    smm.ok(&["done", "1-19"]);
    smm.ok(&["skip", "20"]);
    smm.ok(&["status"])
        .stdout_has("19/19 done (100%) ████████████████████")
        .stdout_has("Congratulations");
    smm.ok(&["next"]).stdout_has("Congratulations");
}

#[test]
fn json_has_stable_fields_matching_the_state() {
    let smm = Smm::new();
    smm.ok(&["done", "2", "5"]);
    smm.ok(&["note", "5", "https://example.com/portfolio"]);
    let run = smm.ok(&["status", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["roadmap"]["id"], "social-media-manager");
    assert_eq!(json["summary"]["done"], 2);
    assert_eq!(json["summary"]["total"], 20);
    assert_eq!(json["summary"]["percent"], 10);
    assert_eq!(json["next"]["number"], 1);
    let steps = json["steps"].as_array().expect("steps array");
    assert_eq!(steps.len(), 20);
    assert_eq!(steps[4]["id"], "build-a-personal-portfolio");
    assert_eq!(steps[4]["status"], "done");
    assert_eq!(steps[4]["finished"], "2026-12-05T14:30:00+07:00");
    assert_eq!(
        steps[4]["notes"][0]["text"],
        "https://example.com/portfolio"
    );
    assert_eq!(steps[0]["status"], "todo");
    assert!(steps[0]["finished"].is_null());
}

#[test]
fn colour_only_on_request_or_a_terminal() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let plain = smm.ok(&["status"]);
    assert!(!plain.stdout.contains('\x1b'), "colour in a pipe");
    let forced = Smm::new().env("CLICOLOR_FORCE", "1");
    assert!(
        forced.ok(&["status"]).stdout.contains('\x1b'),
        "CLICOLOR_FORCE ignored"
    );
    let no_color = Smm::new().env("CLICOLOR_FORCE", "1").env("NO_COLOR", "1");
    assert!(
        !no_color.ok(&["status"]).stdout.contains('\x1b'),
        "NO_COLOR ignored"
    );
    assert!(
        smm.ok(&["status", "--color", "always"])
            .stdout
            .contains('\x1b')
    );
}

#[test]
fn the_table_fits_the_terminal_width() {
    let smm = Smm::new().env("COLUMNS", "50");
    smm.ok(&["done", "1"]);
    let run = smm.ok(&["status", "--lang", "id"]);
    let table_lines = run.stdout.lines().skip(2).take(22);
    for line in table_lines {
        assert!(line.chars().count() <= 50, "too wide: {line:?}");
    }
    // Wrapped titles still show every word.
    assert!(run.stdout.contains("Pahami Platform"), "{}", run.stdout);
}

#[test]
fn a_narrow_terminal_wraps_between_words_never_inside_one() {
    for lang in ["en", "id"] {
        let smm = Smm::new().env("COLUMNS", "40");
        smm.ok(&["done", "1"]);
        smm.ok(&["skip", "2"]);
        smm.ok(&["start", "11"]);
        let table = smm.ok(&["status", "--lang", lang]).stdout;
        let json: serde_json::Value =
            serde_json::from_str(&smm.ok(&["status", "--json", "--lang", lang]).stdout)
                .expect("JSON");
        let words: std::collections::HashSet<&str> = table.split_whitespace().collect();
        for step in json["steps"].as_array().expect("steps") {
            for word in step["title"].as_str().expect("title").split_whitespace() {
                assert!(words.contains(word), "{lang}: `{word}` was cut:\n{table}");
            }
        }
        for line in table.lines().skip(2).take_while(|line| !line.is_empty()) {
            assert!(line.chars().count() <= 40, "{lang}: too wide: {line:?}");
        }
    }
}

#[test]
fn progress_survives_a_reordered_roadmap() {
    let smm = Smm::new();
    smm.ok(&["done", "5"]);
    smm.ok(&["start", "6"]);
    // The same roadmap with its steps in reverse order.
    let source = builtin_roadmap();
    let (head, steps) = source.split_once("\nsteps:\n").expect("steps section");
    // Phases are optional: this roadmap has none.
    let steps = steps.split("\n# Four phases").next().unwrap_or(steps);
    let mut blocks: Vec<&str> = steps.split("\n  - id: ").collect();
    let first = blocks.remove(0).trim_start_matches("  - id: ");
    blocks.insert(0, first);
    blocks.reverse();
    let reversed = format!(
        "{head}\nsteps:\n{}",
        blocks
            .iter()
            .map(|block| format!("  - id: {}\n", block.trim_end()))
            .collect::<String>()
    );
    let path = smm.write_file("reversed.yaml", &reversed);
    let path = path.to_str().expect("UTF-8 path");
    let run = smm.ok(&["--roadmap", path, "status"]);
    assert!(
        run.row(16).contains("Build a Personal Portfolio"),
        "{}",
        run.stdout
    );
    assert!(run.row(16).contains("done"), "{}", run.row(16));
    assert!(run.row(15).contains("in progress"), "{}", run.row(15));
    assert!(run.row(5).contains("to do"), "{}", run.row(5));
}

#[test]
fn short_is_one_line_for_prompts() {
    let smm = Smm::new();
    smm.ok(&["done", "1-7"]);
    assert_eq!(
        smm.ok(&["status", "--short"]).stdout,
        "smm-path 7/20 (35%) next: 8\n"
    );
    assert_eq!(
        smm.ok(&["status", "--short", "--lang", "id"]).stdout,
        "smm-path 7/20 (35%) berikutnya: 8\n"
    );
    smm.ok(&["done", "8-20"]);
    assert_eq!(
        smm.ok(&["status", "--short"]).stdout,
        "smm-path 20/20 (100%) all done\n"
    );
}
