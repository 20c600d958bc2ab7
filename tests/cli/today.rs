//! `smm-path today`: the morning screen, and its one line for a prompt.

use unicode_width::UnicodeWidthStr;

use crate::support::Smm;

/// Every line of `text` fits 80 columns, and there are at most 24.
#[track_caller]
fn assert_fits(text: &str) {
    assert!(text.lines().count() <= 24, "{text}");
    for line in text.lines() {
        assert!(line.width() <= 80, "{} columns: {line}", line.width());
    }
}

/// Steps 1-3 done, 4 begun with an action ticked and a resource used, and
/// days planned for steps 4, 5 and 6.
fn morning_home() -> Smm {
    let smm = Smm::new();
    smm.ok_at("2026-12-01T09:00:00+07:00", &["done", "1-3"]);
    smm.ok_at("2026-12-02T09:00:00+07:00", &["start", "4"]);
    smm.ok_at("2026-12-03T09:00:00+07:00", &["check", "4.1"]);
    smm.ok_at("2026-12-03T09:00:00+07:00", &["used", "4.1"]);
    smm.ok_at(
        "2026-12-03T09:00:00+07:00",
        &["plan", "4", "--by", "2026-12-04"],
    );
    smm.ok_at(
        "2026-12-03T09:00:00+07:00",
        &["plan", "5", "--by", "2026-12-09"],
    );
    smm.ok_at(
        "2026-12-03T09:00:00+07:00",
        &["plan", "6", "--by", "2026-12-20"],
    );
    smm
}

#[test]
fn the_readmes_sample_is_what_today_prints() {
    let smm = morning_home();
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let sample = readme
        .split_once("$ smm-path today\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(sample, _)| sample)
        .expect("the README's today sample");
    let screen = smm.ok_at("2026-12-05T08:00:00+07:00", &["today"]).stdout;
    let short = smm
        .ok_at("2026-12-05T08:00:00+07:00", &["today", "--short"])
        .stdout;
    assert_eq!(sample, format!("{screen}$ smm-path today --short\n{short}"));
}

#[test]
fn the_morning_screen_shows_the_step_its_action_the_streak_what_is_due_and_a_resource() {
    let smm = morning_home();
    smm.test(&["today"])
        .at("2026-12-05T08:00:00+07:00")
        .expected_stdout(
            "
            Dec 5, 2026: 3/20 done (15%)
            In progress: 4. Choose a Niche or Industry (1/4 actions)
              [ ] 4.2  Follow ten leading brand and creator (KOL) accounts in each of those
                       industries.
            Last change: 2 days ago · Streak: 0 active days (longest 3)
            Due this week:
              4. Choose a Niche or Industry: Dec 4, 2026 (late)
              5. Build a Personal Portfolio: Dec 9, 2026
            Open: Databoks (Katadata) (article, Indonesian)
              https://databoks.katadata.co.id/
            ",
        )
        .run();
    // The streak counts up to yesterday, until today has a change.
    let next_day = smm.ok_at("2026-12-04T08:00:00+07:00", &["today"]).stdout;
    assert!(
        next_day.contains("Last change: yesterday · Streak: 3 active days (longest 3)\n"),
        "{next_day}"
    );
    smm.test(&["today", "--short"])
        .at("2026-12-05T08:00:00+07:00")
        .expected_stdout(
            "smm-path 3/20 · 4.2 Follow ten leading brand and creator (KO… · streak 0 · 2 due\n",
        )
        .run();
    let indonesian = smm
        .ok_at("2026-12-05T08:00:00+07:00", &["--lang", "id", "today"])
        .stdout;
    assert!(
        indonesian.starts_with(
            "5 Des 2026: 3/20 selesai (15%)\nSedang dikerjakan: 4. Pilih Niche atau Industri (1/4 tindakan)\n"
        ),
        "{indonesian}"
    );
    assert!(
        indonesian.contains(
            "Jatuh tempo minggu ini:\n  4. Pilih Niche atau Industri: 4 Des 2026 (terlambat)\n"
        ),
        "{indonesian}"
    );
    assert_fits(&indonesian);
}

#[test]
fn a_fresh_home_and_a_finished_roadmap_each_get_a_screen_and_nothing_is_written() {
    let smm = Smm::new();
    let fresh = smm.ok(&["today"]).stdout;
    assert!(
        fresh.starts_with("Dec 5, 2026: 0/20 done (0%)\nNext step: 1. Understand Social Media Platforms (0/5 actions)\n  [ ] 1.1  "),
        "{fresh}"
    );
    assert!(
        fresh.contains("Last change: none yet · Streak: 0 active days (longest 0)\nNo step has a planned day yet: `smm-path plan --spread` gives each one.\n"),
        "{fresh}"
    );
    // The long first action is cut to a few rows: `show 1` has it whole.
    assert!(fresh.contains('…'), "{fresh}");
    assert_fits(&fresh);
    assert!(smm.file_names().is_empty(), "{:?}", smm.file_names());
    smm.ok(&["done", "1-20"]);
    let done = smm.ok(&["today"]).stdout;
    assert!(
        done.contains("\nCongratulations: every step of the roadmap is done!\n"),
        "{done}"
    );
    assert_fits(&done);
    let short = smm.ok(&["today", "--short", "--lang", "id"]).stdout;
    assert_eq!(short.lines().count(), 1, "{short}");
    assert!(short.trim_end().width() <= 80, "{short}");
}

#[test]
fn every_step_and_both_languages_fit_80_columns_and_24_rows() {
    let smm = Smm::new();
    smm.ok(&["plan", "--target", "2026-12-10"]);
    smm.ok(&["plan", "--spread"]);
    for step in 1..=20 {
        for lang in ["en", "id"] {
            let screen = smm.ok(&["--lang", lang, "today"]).stdout;
            assert_fits(&screen);
            let short = smm.ok(&["--lang", lang, "today", "--short"]).stdout;
            assert_eq!(short.lines().count(), 1, "{short}");
            assert!(short.trim_end().width() <= 80, "{short}");
        }
        smm.ok(&["start", &step.to_string()]);
        smm.ok(&["done", &step.to_string()]);
    }
}

#[test]
fn a_long_address_is_printed_whole_on_its_own_line() {
    let smm = Smm::new();
    smm.ok(&["start", "7"]);
    smm.ok(&["used", "7.1"]);
    let screen = smm.ok(&["today"]).stdout;
    let address = screen
        .lines()
        .last()
        .expect("the address")
        .trim_start()
        .to_string();
    assert!(address.starts_with("https://"), "{screen}");
    let shown = smm.ok(&["show", "7"]).stdout;
    assert!(
        shown.contains(&format!(": {address}")),
        "cut? {address}\n{shown}"
    );
}
