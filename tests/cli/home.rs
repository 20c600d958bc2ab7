//! The home: where smm-path keeps its files, what it leaves there, and
//! edits made there by hand, which are read fresh and never lost to a cache.

use crate::support::Smm;

#[test]
fn the_state_lives_where_smm_path_home_says_and_leaves_no_temp_files() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["note", "1", "hello"]);
    let mut expected = vec![
        "cache",
        "history.jsonl",
        "progress.yaml",
        "progress.yaml.bak",
    ];
    // Windows cannot lock a folder: a change locks this empty file instead.
    if cfg!(windows) {
        expected.push("progress.yaml.lock");
    }
    assert_eq!(smm.file_names(), expected);
    assert!(smm.state_text().starts_with("version: 7\n"));
    assert!(smm.state_text().ends_with("end: true\n"));
}

#[test]
fn home_flag_beats_the_environment() {
    let smm = Smm::new();
    let other = smm.path("elsewhere");
    smm.test(&["--home"])
        .arg(&other)
        .args(&["done", "1"])
        .expected_stdout("1. Understand Social Media Platforms: to do → done\n1. Understand Social Media Platforms: 5 actions are not ticked yet (`smm-path show 1` lists them).\n")
        .expected_no_file("progress.yaml")
        .run();
    assert!(other.join("progress.yaml").exists());
}

#[test]
fn state_written_by_hand_is_read() {
    let smm = Smm::new();
    smm.write_state(
        "version: 1\nroadmaps:\n  social-media-manager:\n    steps:\n      content-strategy:\n        status: done\n        finished: 2026-10-01T10:00:00+07:00\n",
    );
    assert_eq!(
        smm.ok(&["status"]).row(8),
        "  8  Content Strategy                   ✓ done    Oct 1, 2026"
    );
}

#[test]
fn a_hand_edited_state_is_read_fresh_not_from_the_cache() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    assert_eq!(
        smm.ok(&["status"]).row(1),
        "  1  Understand Social Media Platforms  ✓ done    Dec 5, 2026"
    );
    let edited = smm.state_text().replace("status: done", "status: skipped");
    smm.write_state(edited);
    // The finish time left in the file now dates the skip (`skip --on`).
    assert_eq!(
        smm.ok(&["status"]).row(1),
        "  1  Understand Social Media Platforms  ↷ skipped  Dec 5, 2026"
    );
}

#[test]
fn a_same_length_edit_of_a_remembered_state_is_still_read_fresh() {
    // A settled snapshot is known again by what the file system says of it
    // (length, time, inode), without reading it: any write changes that.
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["note", "2", "first"]);
    smm.ok(&["note", "2", "second"]);
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_hours(1);
    std::fs::File::options()
        .write(true)
        .open(smm.state_path())
        .and_then(|file| file.set_modified(an_hour_ago))
        .expect("set the time");
    assert_eq!(
        smm.ok(&["status"]).row(1),
        "  1  Understand Social Media Platforms  ✓ done    Dec 5, 2026"
    );
    assert!(smm.path("cache/progress.stat").exists());
    // The same length, written in place: "done" and "todo" are both four letters.
    let edited = smm.state_text().replacen("status: done", "status: todo", 1);
    assert_eq!(edited.len(), smm.state_text().len());
    std::fs::write(smm.state_path(), edited).expect("write in place");
    assert_eq!(
        smm.ok(&["status"]).row(1),
        "  1  Understand Social Media Platforms  ○ to do"
    );
    // The views without notes and those with them agree.
    let json = smm.status_json();
    assert_eq!(json["steps"][0]["status"], "todo");
    assert_eq!(json["steps"][1]["notes"].as_array().map(Vec::len), Some(2));
    smm.test(&["show", "2"])
        .expected_stdout(
            "
            2. Education and Training  (education-and-training)
            Status: to do
            Phase: Foundations
            Content reviewed: Dec 1, 2026

            What it is:
              Taking a course or training in social media management or digital marketing can give a better understanding of the strategies and tools in use.

            Practical actions (0/5):
              [ ] 2.1  Take one free course: Meta Blueprint (its courses are free, its certification exams are paid), Google Skillshop or HubSpot Academy.
              [ ] 2.2  Apply to Komdigi's Digital Talent Scholarship (DTS; Komdigi was Kominfo): free certified digital training. Watch each academy's registration dates and requirements, and check whether the academy you choose ends in a BNSP competency test.
              [ ] 2.3  Finish one module within seven days, then write one page on what you would apply for a client from it.
              [ ] 2.4  List the tools the course teaches and try each one once.
              [ ] 2.5  Find out which BNSP certifications in digital marketing licensed certification bodies (LSP) offer: some employers and government projects value this national competency certificate.

            Evidence it is done:
              A course certificate, or one page on what you would apply for a client from the course.

            Resources:
              2.1  Meta Blueprint (course, English): https://www.facebook.com/business/learn
              2.2  Google Skillshop (course, English): https://skillshop.withgoogle.com/
              2.3  HubSpot Academy: Social Media Marketing (course, English): https://academy.hubspot.com/courses/social-media
              2.4  Komdigi: Digital Talent Scholarship (course, Indonesian): https://digitalent.komdigi.go.id/

            Notes:
              1. Dec 5, 2026 14:30: first
              2. Dec 5, 2026 14:30: second
            ",
        )
        .run();
}
