//! Broken and hostile progress files: a clear error naming the file, exit 1, nothing overwritten.

use crate::support::Smm;

/// Puts `contents` in place of the state, then checks that reading and
/// writing commands both refuse it with `message` and leave it byte for byte.
#[track_caller]
fn refused(contents: &[u8], message: &str) {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.write_state(contents);
    for args in [&["status"][..], &["done", "2"], &["undo"]] {
        let run = smm
            .run(args)
            .failure(1)
            .one_line_error()
            .stderr_has(message);
        assert!(
            run.stderr.contains(&smm.state_path().display().to_string()),
            "{args:?}: the error does not name the file: {}",
            run.stderr
        );
        assert_eq!(
            smm.state().as_deref(),
            Some(contents),
            "{args:?} changed the file"
        );
    }
}

fn valid_state() -> String {
    let smm = Smm::new();
    smm.ok(&["done", "1-3"]);
    smm.ok(&["note", "2", "kept evidence"]);
    smm.ok(&["skip", "5"]);
    smm.state_text()
}

#[test]
fn an_empty_file() {
    refused(b"", "is damaged");
}

#[test]
fn a_file_cut_mid_line() {
    let state = valid_state();
    let cut = &state.as_bytes()[..state.len() * 2 / 3];
    refused(cut, "progress file");
}

#[test]
fn a_file_cut_at_a_line_boundary_is_caught_by_its_end_marker() {
    let state = valid_state();
    // Every cut at a line break, from losing only `end: true` to losing most entries.
    let line_ends: Vec<usize> = state
        .match_indices('\n')
        .map(|(index, _)| index + 1)
        .collect();
    for &cut in &line_ends[2..line_ends.len() - 1] {
        let smm = Smm::new();
        smm.write_state(&state.as_bytes()[..cut]);
        let run = smm.run(&["done", "4"]);
        assert_eq!(
            run.code,
            1,
            "a file cut after byte {cut} was accepted:\n{}",
            &state[..cut]
        );
        assert_eq!(smm.state().as_deref(), Some(&state.as_bytes()[..cut]));
    }
    refused(
        &state.as_bytes()[..line_ends[line_ends.len() - 2]],
        "is incomplete: its last line, `end: true`, is missing",
    );
}

#[test]
fn binary_garbage_and_invalid_utf8() {
    refused(
        &[0x00, 0x9f, 0x92, 0x96, 0xff, 0xfe, 0x01, 0x02],
        "is not UTF-8 text",
    );
    refused(
        "version: 2\nroadmaps: {}\nend: true\n\u{0}\u{1}\u{7f}".as_bytes(),
        "is damaged",
    );
}

#[test]
fn a_yaml_alias_bomb() {
    let mut bomb = String::from("version: 2\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..30 {
        let previous = level - 1;
        bomb.push_str(&format!(
            "a{level}: &a{level} [*a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}]\n"
        ));
    }
    refused(bomb.as_bytes(), "is damaged");
}

#[test]
fn a_fifty_megabyte_file() {
    // Valid YAML up to its end: one enormous note.
    let mut huge = String::from(
        "version: 2\nroadmaps:\n  social-media-manager:\n    steps:\n      content-strategy:\n        notes:\n        - at: 2026-01-01T00:00:00Z\n          text: ",
    );
    huge.push_str(&"x".repeat(50 * 1024 * 1024));
    huge.push_str("\n  surprise: [\n");
    refused(huge.as_bytes(), "is damaged");
}

#[test]
fn a_file_larger_than_any_real_progress() {
    let smm = Smm::new();
    let file = std::fs::File::create(smm.state_path()).expect("create");
    file.set_len(300 * 1024 * 1024).expect("sparse file");
    smm.run(&["status"])
        .failure(1)
        .one_line_error()
        .stderr_has("over the 256 MB limit");
    assert_eq!(
        std::fs::metadata(smm.state_path()).expect("state").len(),
        300 * 1024 * 1024
    );
}

#[test]
fn a_state_from_a_newer_smm_path() {
    refused(
        b"version: 5\nroadmaps: {}\nsomething_new: 1\nend: true\n",
        "made by a newer smm-path",
    );
}

#[test]
fn a_state_path_that_is_a_directory() {
    let smm = Smm::new();
    std::fs::create_dir(smm.state_path()).expect("mkdir");
    smm.run(&["status"])
        .failure(1)
        .one_line_error()
        .stderr_has("cannot read the progress file");
    smm.run(&["done", "1"]).failure(1).one_line_error();
    assert!(smm.state_path().is_dir());
}

#[test]
fn steps_the_roadmap_no_longer_has_are_kept_and_reported() {
    let smm = Smm::new();
    smm.ok(&["done", "1-3"]);
    let state = smm.state_text().replace(
        "    steps:\n",
        "    steps:\n      retired-step:\n        status: done\n        finished: 2026-01-01T00:00:00Z\n",
    );
    smm.write_state(&state);
    smm.ok(&["status"])
        .stdout_has("Kept: progress on 1 step this roadmap no longer has (retired-step)");
    smm.ok(&["done", "9"]);
    assert!(
        smm.state_text().contains("retired-step:"),
        "an orphaned entry was dropped"
    );
    smm.ok(&["doctor"]).stdout_has("retired-step");
}
