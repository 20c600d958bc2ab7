//! `start`, `skip`, `reset`, `show`, `next` and `note`.

use crate::support::Smm;

#[test]
fn start_then_done_keeps_the_start_date() {
    let smm = Smm::new().env("SMM_PATH_NOW", "2026-12-01T09:00:00+07:00");
    smm.ok(&["start", "6"])
        .stdout_has("6. Understand the Target Audience: to do → in progress");
    assert!(smm.ok(&["status"]).row(6).contains("Dec 1, 2026"));
    let smm = smm.env("SMM_PATH_NOW", "2026-12-04T09:00:00+07:00");
    smm.ok(&["done", "6"]);
    smm.ok(&["show", "6"])
        .stdout_has("Started: Dec 1, 2026")
        .stdout_has("Finished: Dec 4, 2026");
}

#[test]
fn skip_records_the_reason() {
    let smm = Smm::new();
    smm.ok(&["skip", "12", "--reason", "no ad budget yet"]);
    assert!(smm.ok(&["status"]).row(12).contains("skipped"));
    smm.ok(&["show", "paid-marketing"])
        .stdout_has("Reason for skipping: no ad budget yet");
}

#[test]
fn reset_goes_back_to_to_do_and_keeps_notes() {
    let smm = Smm::new();
    smm.ok(&["done", "3"]);
    smm.ok(&["note", "3", "my first reel"]);
    smm.ok(&["reset", "3"])
        .stdout_has("3. Develop Your Creativity: done → to do");
    assert!(smm.ok(&["status"]).row(3).contains("to do"));
    smm.ok(&["show", "3"])
        .stdout_has("my first reel")
        .stdout_lacks("Finished");
}

#[test]
fn reset_all_refuses_without_a_terminal_unless_told_yes() {
    let smm = Smm::new();
    smm.ok(&["done", "1-4"]);
    let before = smm.state();
    smm.run(&["reset", "--all"])
        .failure(2)
        .one_line_error()
        .stderr_has("add --yes");
    assert_eq!(smm.state(), before);
    smm.ok(&["reset", "--all", "--yes"])
        .stdout_has("4. Choose a Niche or Industry: done → to do");
    smm.ok(&["status"]).stdout_has("0/20 done");
    smm.ok(&["reset", "--all", "--yes"])
        .stdout_has("Nothing changed.");
    // One undo brings back all four.
    smm.ok(&["undo"]);
    smm.ok(&["status"]).stdout_has("4/20 done");
}

#[test]
fn show_gives_the_whole_step() {
    let smm = Smm::new();
    smm.ok(&["show", "8", "--lang", "id"])
        .stdout_has("8. Strategi Konten  (content-strategy)")
        .stdout_has("Status: belum")
        .stdout_has(
            "Buat strategi konten yang mencakup jenis konten, jadwal posting, dan gaya komunikasi.",
        )
        .stdout_has("Langkah praktis:")
        .stdout_has("Bukti selesai:")
        .stdout_has("belum ada catatan");
}

#[test]
fn next_is_the_first_step_neither_done_nor_skipped() {
    let smm = Smm::new();
    smm.ok(&["done", "1", "2"]);
    smm.ok(&["skip", "3"]);
    smm.ok(&["start", "5"]);
    smm.ok(&["next"])
        .stdout_has("Next: 4. Choose a Niche or Industry")
        .stdout_has("Practical steps:")
        .stdout_has("smm-path done 4");
}

#[test]
fn notes_are_timestamped_and_shown() {
    let smm = Smm::new();
    smm.ok(&["note", "5", "Portfolio", "live:", "https://example.com/me"])
        .stdout_has("Note added to 5. Build a Personal Portfolio.");
    smm.ok(&["show", "5"])
        .stdout_has("Dec 5, 2026 14:30: Portfolio live: https://example.com/me");
}
