//! Custom roadmaps (`roadmap validate|new|list`), shell completions, the man page,
//! and Indonesian all the way through.

use std::process::Command;

use crate::support::Smm;

/// `roadmap validate` on a fixture, run from the repository so paths stay short.
fn validate(fixture: &str) -> (i32, String) {
    let smm = Smm::new();
    let output = smm
        .command(&[
            "roadmap",
            "validate",
            &format!("tests/fixtures/roadmaps/{fixture}"),
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run smm-path");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code().unwrap_or(-1), text)
}

#[test]
fn validate_reports_every_problem_with_its_place() {
    for fixture in [
        "syntax-error",
        "unknown-field",
        "bad-ids",
        "missing-translations",
    ] {
        let (code, report) = validate(&format!("{fixture}.yaml"));
        assert_eq!(code, 1, "{fixture}: {report}");
        insta::assert_snapshot!(format!("validate_{}", fixture.replace('-', "_")), report);
    }
}

#[test]
fn validate_passes_the_built_in_roadmap() {
    let smm = Smm::new();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/roadmap/social-media-manager.yaml"
    );
    smm.ok(&["roadmap", "validate", path])
        .stdout_has("a valid roadmap: 20 steps, languages: id, en");
}

#[test]
fn a_roadmap_from_roadmap_new_is_tracked_end_to_end() {
    let smm = Smm::new();
    let path = smm.home().join("mine.yaml");
    let path = path.to_str().expect("UTF-8 path");
    smm.ok(&["roadmap", "new", path])
        .stdout_has("Wrote a starter roadmap");
    let before = std::fs::read(path).expect("starter");
    smm.run(&["roadmap", "new", path])
        .failure(2)
        .one_line_error()
        .stderr_has("already exists");
    assert_eq!(
        std::fs::read(path).expect("starter"),
        before,
        "roadmap new overwrote a file"
    );
    smm.ok(&["roadmap", "validate", path]);
    smm.ok(&["--roadmap", path, "done", "first-step"]);
    smm.ok(&["--roadmap", path, "status"])
        .stdout_has("My Roadmap")
        .stdout_has("1/2 done (50%)");
    smm.ok(&["done", "1-4"]);
    let list = smm.ok(&["--roadmap", path, "roadmap", "list"]).stdout;
    assert!(list.contains("* my-roadmap: 1/2 done (50%)"), "{list}");
    assert!(
        list.contains("  social-media-manager: 4/20 done (20%)"),
        "{list}"
    );
}

#[test]
fn a_new_roadmap_version_is_pointed_out() {
    let smm = Smm::new();
    let path = smm.home().join("mine.yaml");
    let path_text = path.to_str().expect("UTF-8 path");
    smm.ok(&["roadmap", "new", path_text]);
    smm.ok(&["--roadmap", path_text, "done", "second-step"]);
    let starter = std::fs::read_to_string(&path).expect("starter");
    let changed = starter
        .replace("version: 1", "version: 2")
        .replace("second-step", "renamed-step");
    std::fs::write(&path, changed).expect("edit");
    smm.ok(&["--roadmap", path_text, "status"])
        .stdout_has("This roadmap is now version 2; your last change was on version 1.")
        .stdout_has("New in this version: 1 step (renamed-step).")
        .stdout_has("Kept: progress on 1 step this roadmap no longer has (second-step)");
}

#[test]
fn roadmap_list_counts_the_steps_a_new_version_added() {
    let smm = Smm::new();
    let path = smm.home().join("mine.yaml");
    let path_text = path.to_str().expect("UTF-8 path");
    smm.ok(&["roadmap", "new", path_text]);
    smm.ok(&["--roadmap", path_text, "done", "first-step"]);
    let starter = std::fs::read_to_string(&path).expect("starter");
    // Version 2 adds a third step after the two of the starter.
    let third = "  - id: third-step\n    title: Third Step\n    summary: One more.\n";
    let (steps, phases) = starter
        .split_once("\n# Optional: phases")
        .expect("the starter's phases");
    let grown = format!(
        "{}\n{third}\n# Optional: phases{}",
        steps.replace("version: 1", "version: 2").trim_end(),
        phases.replace("second-step]", "second-step, third-step]")
    );
    std::fs::write(&path, grown).expect("edit");
    smm.ok(&["--roadmap", path_text, "status"])
        .stdout_has("1/3 done (33%)");
    let list = smm.ok(&["--roadmap", path_text, "roadmap", "list"]).stdout;
    assert!(list.contains("* my-roadmap: 1/3 done (33%)"), "{list}");
}

#[test]
fn completions_for_every_shell() {
    let smm = Smm::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = smm.ok(&["completions", shell]);
        assert!(run.stdout.contains("smm-path"), "{shell}");
        assert!(
            run.stdout.contains("status"),
            "{shell} lacks the subcommands"
        );
    }
    let script = smm.home().join("smm-path.bash");
    std::fs::write(&script, smm.ok(&["completions", "bash"]).stdout).expect("write");
    let sourced = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {} && complete -p smm-path",
            script.display()
        ))
        .output()
        .expect("bash");
    assert!(
        sourced.status.success(),
        "{}",
        String::from_utf8_lossy(&sourced.stderr)
    );
    assert!(String::from_utf8_lossy(&sourced.stdout).contains("smm-path"));
}

#[test]
fn the_man_page_is_roff_that_renders() {
    let smm = Smm::new();
    let page = smm.ok(&["man"]).stdout;
    assert!(page.contains(".TH smm-path 1"), "{page}");
    assert!(
        page.contains(".SH NAME") && page.contains(".SH COMMANDS"),
        "{page}"
    );
    // One page holds every command: no reference to pages that do not exist.
    assert!(!page.contains("(1)"), "{page}");
    for command in [
        "status",
        "done",
        "note",
        "export",
        "sync",
        "doctor",
        "roadmap list",
    ] {
        assert!(
            page.contains(&format!(".SS \"smm-path {command}\"")),
            "{command} missing"
        );
    }
    let path = smm.home().join("smm-path.1");
    std::fs::write(&path, &page).expect("write");
    match Command::new("man")
        .arg("-l")
        .arg(&path)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .output()
    {
        Ok(output) if output.status.success() => {
            let rendered = String::from_utf8_lossy(&output.stdout);
            assert!(rendered.contains("smm-path"), "{rendered}");
            assert!(rendered.contains("smm-path done [--on]"), "{rendered}");
        }
        _ => eprintln!(
            "skipped rendering: `man -l` is not available here (the roff was checked above)"
        ),
    }
}

#[test]
fn every_documented_exit_code() {
    let smm = Smm::new();
    smm.ok(&["status"]);
    smm.run(&["done", "99"]).failure(2);
    smm.run(&["no-such-command"])
        .failure(2)
        .stderr_has("unrecognized subcommand");
    smm.run(&["statsu"]).failure(2).stderr_has("status");
    smm.write_state("version: 2\nnot: [valid\n");
    smm.run(&["status"]).failure(1);
}

#[test]
fn nothing_english_leaks_into_indonesian_output() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    let mut output = String::new();
    for args in [
        &["done", "1-2"][..],
        &["start", "3"],
        &["skip", "12", "--reason", "belum ada anggaran"],
        &["note", "1", "sertifikat: https://example.com"],
        &["status"],
        &["status", "--short"],
        &["show", "1"],
        &["next"],
        &["log"],
        &["export"],
        &["doctor"],
        &["roadmap", "list"],
        &["undo"],
        &["done", "2"],
    ] {
        output.push_str(&smm.ok(args).stdout);
    }
    output.push_str(&smm.run(&["done", "25"]).stderr);
    output.push_str(&smm.run(&["done", "abc"]).stderr);
    for english in [
        "done",
        "to do",
        "Next",
        "Mark it",
        "What it is",
        "Practical steps",
        "Resources",
        "Evidence",
        "Notes",
        "Undid",
        "skipped",
        "in progress",
        "History",
        "Progress",
        "Backup",
        "error",
        "step",
        "already",
        "nothing",
        "Home",
        "All is well",
    ] {
        let found = output
            .lines()
            // Commands as typed (`done 1-2` in the history) are commands, not prose.
            .filter(|line| {
                !line.contains('`') && !line.contains("14:30  ") && !line.contains("https://")
            })
            // Whole words only: "Indonesia" holds "done".
            .find(|line| {
                let words: String = line
                    .chars()
                    .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                    .collect();
                format!(
                    " {} ",
                    words.split_whitespace().collect::<Vec<_>>().join(" ")
                )
                .contains(&format!(" {english} "))
            });
        assert!(found.is_none(), "English {english:?} in: {found:?}");
    }
}
