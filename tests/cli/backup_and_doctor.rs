//! The backup, `doctor`, symbolic links, and reading older formats.

use std::time::Duration;

use crate::support::{SEP, Smm, removing, renaming};
use smm_path::internals::i18n::Lang;
use smm_path::internals::roadmap::load_builtin;

/// `status` with steps 1 and 2 done today, where several repairs end.
const TWO_DONE: &str = "
    A Career in Social Media Management

      #  Step                               Status    Date
    ──────────────────────────────────────────────────────────────
         Foundations                        2/5 done
      1  Understand Social Media Platforms  ✓ done    Dec 5, 2026
      2  Education and Training             ✓ done    Dec 5, 2026
      3  Develop Your Creativity            ○ to do
      4  Choose a Niche or Industry         ○ to do
      5  Build a Personal Portfolio         ○ to do
         Production                         0/5 done
      6  Understand the Target Audience     ○ to do
      7  Analysis and Market Research       ○ to do
      8  Content Strategy                   ○ to do
      9  Create Quality Content             ○ to do
     10  A Consistent Posting Schedule      ○ to do
         Growth                             0/5 done
     11  Engagement and Responsiveness      ○ to do
     12  Paid Social Advertising            ○ to do
     13  Campaigns and Contests             ○ to do
     14  Measurement and Analytics          ○ to do
     15  Customer Service                   ○ to do
         Professional                       0/5 done
     16  Continuous Learning                ○ to do
     17  Collaboration and Networking       ○ to do
     18  Marketing Yourself                 ○ to do
     19  Compliance and Ethics              ○ to do
     20  Feedback and Evaluation            ○ to do

    2/20 done (10%) ██░░░░░░░░░░░░░░░░░░
    Next: 3. Develop Your Creativity
    Mark it done with `smm-path done 3`.
";

#[test]
fn every_write_keeps_the_previous_state_as_a_backup() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let first = smm.state_text();
    smm.ok(&["done", "2"]);
    let backup = std::fs::read_to_string(smm.home().join("progress.yaml.bak")).expect("backup");
    assert_eq!(backup, first);
}

#[test]
fn doctor_reports_and_restores_the_backup() {
    let smm = Smm::new();
    smm.test(&["doctor"])
        .expected_stdout(format!(
            "
                Home:      {home}
                Roadmap:   social-media-manager, version 4 (built in)
                Progress:  {home}{SEP}progress.yaml: not created yet
                History:   {home}{SEP}history.jsonl: 0 changes, whole
                Backup:    none yet (one is kept from the second change on)
                All is well.
                ",
            home = smm.home().display()
        ))
        .run();
    smm.ok(&["done", "1"]);
    smm.ok(&["done", "2"]);
    smm.test(&["doctor"])
        .expected_stdout(smm.all_is_well(2))
        .run();
    let mut damaged = smm.state_text();
    damaged.insert_str(0, "\u{0}garbage");
    smm.write_state(&damaged);
    smm.test(&["doctor"])
        .expected_status(1)
        .expected_stdout(
            format!(
                "
                Home:      {home}
                Roadmap:   social-media-manager, version 4 (built in)
                Progress:  the progress file {home}{SEP}progress.yaml is damaged at line 1, column 1: unexpected character: `\\u{{0}}'; it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup
                  Fix:     smm-path doctor --restore-backup
                History:   {home}{SEP}history.jsonl: 2 changes, whole
                Backup:    {home}{SEP}progress.yaml.bak: the state before the last change, format version 7
                ",
                home = smm.home().display()
            ),
        )
        .expected_stderr(
            "error: doctor found problems, listed above\n",
        )
        .run();
    smm.test(&["doctor", "--restore-backup"])
        .expected_stdout(format!(
            "
                Restored {home}{SEP}progress.yaml.bak as {home}{SEP}progress.yaml.
                The file it replaced is kept as {home}{SEP}progress.yaml.broken-20261205T143000.
                ",
            home = smm.home().display()
        ))
        .run();
    // The restored snapshot is one change behind; the history brings it up to date.
    smm.test(&["status"]).expected_stdout(TWO_DONE).run();
    let kept: Vec<String> = smm
        .file_names()
        .into_iter()
        .filter(|name| name.starts_with("progress.yaml.broken-"))
        .collect();
    assert_eq!(kept.len(), 1);
    let broken = std::fs::read_to_string(smm.home().join(&kept[0])).expect("kept file");
    assert_eq!(broken, damaged);
    smm.test(&["log"])
        .expected_stdout(
            "
            Dec 5, 2026 14:30  done 2
                2. Education and Training: to do → done
            Dec 5, 2026 14:30  done 1
                1. Understand Social Media Platforms: to do → done
            ",
        )
        .run();
    smm.ok(&["done", "3"]);
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `done 3` from Dec 5, 2026 14:30:
                3. Develop Your Creativity: done → to do
            ",
        )
        .run();
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `done 2` from Dec 5, 2026 14:30:
                2. Education and Training: done → to do
            ",
        )
        .run();
    // Restoring again keeps the earlier copy: nothing is overwritten.
    smm.write_state("\u{0}damaged again");
    smm.ok(&["doctor", "--restore-backup"]);
    let kept = smm
        .file_names()
        .into_iter()
        .filter(|name| name.starts_with("progress.yaml.broken-"))
        .count();
    assert_eq!(kept, 2);
}

#[test]
fn a_missing_or_damaged_history_is_rebuilt_from_the_snapshot() {
    for damage in ["remove", "garble", "swap"] {
        let smm = Smm::new();
        smm.ok(&["done", "1", "3"]);
        smm.ok(&["note", "2", "kept through the rebuild"]);
        smm.ok(&["plan", "--target", "2027-06-30"]);
        let before = smm.ok(&["status", "--json"]).stdout;
        let history = smm.home().join("history.jsonl");
        match damage {
            "remove" => std::fs::remove_file(&history).expect("remove"),
            "garble" => std::fs::write(&history, "{not json\n").expect("garble"),
            _ => {
                let other = Smm::new();
                other.ok(&["done", "9"]);
                std::fs::copy(other.home().join("history.jsonl"), &history).expect("swap");
            }
        }
        // The message gives the history's length as it is on disk.
        let has = std::fs::metadata(&history).map_or(0, |metadata| metadata.len());
        smm.test(&["done", "4"])
            .expected_status(1)
            .expected_stderr(
                format!(
                    "error: progress.yaml includes history that {home}{SEP}history.jsonl does not have yet ({has} of 977 bytes): a sync may still be copying it, or it came from another device; nothing was changed: wait for the sync and try again, or see `smm-path doctor`\n",
                    home = smm.home().display(),
                ),
            )
            .run();
        smm.test(&["doctor"])
            .expected_status(1)
            .expected_stdout(
                format!(
                    "
                    Home:      {home}
                    Roadmap:   social-media-manager, version 4 (built in)
                    History:   progress.yaml includes history that {home}{SEP}history.jsonl does not have yet ({has} of 977 bytes): a sync may still be copying it, or it came from another device; nothing was changed: wait for the sync and try again, or see `smm-path doctor`
                      Fix:     smm-path doctor --rebuild-history
                      Or:      if a sync tool is still copying, wait for it and run `smm-path doctor` again
                    Backup:    {home}{SEP}progress.yaml.bak: the state before the last change, format version 7
                    ",
                    home = smm.home().display()
                ),
            )
            .expected_stderr("error: doctor found problems, listed above\n")
            .run();
        smm.test(&["doctor", "--rebuild-history"])
            .expected_stdout(
                format!(
                    "Wrote a new history {home}{SEP}history.jsonl from progress.yaml (1 change); `log` starts again from here.\n{kept}",
                    home = smm.home().display(),
                    // The old history is kept, where there was one.
                    kept = if damage == "remove" {
                        String::new()
                    } else {
                        format!(
                            "The file it replaced is kept as {}{SEP}history.jsonl.broken-20261205T143000.\n",
                            smm.home().display()
                        )
                    },
                ),
            )
            .run();
        assert_eq!(smm.ok(&["status", "--json"]).stdout, before, "{damage}");
        smm.test(&["doctor"])
            .expected_stdout(smm.all_is_well(1))
            .run();
        // Changes work again, and undo does not reach behind the rebuild's start.
        smm.ok(&["done", "4"]);
        smm.test(&["undo"])
            .expected_stdout(
                "
                Undid `done 4` from Dec 5, 2026 14:30:
                    4. Choose a Niche or Industry: done → to do
                ",
            )
            .run();
        smm.test(&["status"])
            .expected_stdout(
                "
                A Career in Social Media Management

                  #  Step                               Status    Date
                ──────────────────────────────────────────────────────────────
                     Foundations                        2/5 done
                  1  Understand Social Media Platforms  ✓ done    Dec 5, 2026
                  2  Education and Training             ○ to do
                  3  Develop Your Creativity            ✓ done    Dec 5, 2026
                  4  Choose a Niche or Industry         ○ to do
                  5  Build a Personal Portfolio         ○ to do
                     Production                         0/5 done
                  6  Understand the Target Audience     ○ to do
                  7  Analysis and Market Research       ○ to do
                  8  Content Strategy                   ○ to do
                  9  Create Quality Content             ○ to do
                 10  A Consistent Posting Schedule      ○ to do
                     Growth                             0/5 done
                 11  Engagement and Responsiveness      ○ to do
                 12  Paid Social Advertising            ○ to do
                 13  Campaigns and Contests             ○ to do
                 14  Measurement and Analytics          ○ to do
                 15  Customer Service                   ○ to do
                     Professional                       0/5 done
                 16  Continuous Learning                ○ to do
                 17  Collaboration and Networking       ○ to do
                 18  Marketing Yourself                 ○ to do
                 19  Compliance and Ethics              ○ to do
                 20  Feedback and Evaluation            ○ to do

                2/20 done (10%) ██░░░░░░░░░░░░░░░░░░
                Next: 2. Education and Training
                Mark it done with `smm-path done 2`.
                ",
            )
            .run();
        let kept = smm
            .file_names()
            .into_iter()
            .filter(|name| name.starts_with("history.jsonl.broken-"))
            .count();
        assert_eq!(
            kept,
            usize::from(damage != "remove"),
            "{damage}: the old history is kept"
        );
        // A history that reads is never rebuilt.
        smm.test(&["doctor", "--rebuild-history"])
            .expected_stdout(format!(
                "{home}{SEP}history.jsonl reads fine: nothing was rebuilt.\n",
                home = smm.home().display()
            ))
            .run();
    }
}

#[test]
fn a_damaged_snapshot_with_a_damaged_backup_is_rebuilt_from_the_history() {
    let smm = Smm::new();
    smm.ok(&["done", "1-2"]);
    smm.ok(&["note", "5", "a note"]);
    let before = smm.ok(&["status", "--json"]).stdout;
    smm.write_state("version: 3\nroadmaps: [");
    std::fs::write(smm.home().join("progress.yaml.bak"), "\u{0}").expect("damage");
    smm.test(&["doctor"])
        .expected_status(1)
        .expected_stdout(
            format!(
                "
                Home:      {home}
                Roadmap:   social-media-manager, version 4 (built in)
                Progress:  the progress file {home}{SEP}progress.yaml is damaged at line 2, column 11: expected mapping start; it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup
                  Fix:     smm-path doctor --rebuild-state
                History:   {home}{SEP}history.jsonl: 2 changes, whole
                Backup:    the progress file {home}{SEP}progress.yaml.bak is damaged at line 1, column 1: unexpected character: `\\u{{0}}'; it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup
                  Fix:     {fix}
                ",
                home = smm.home().display(),
                fix = removing(&smm.path("progress.yaml.bak")),
            ),
        )
        .expected_stderr(
            "error: doctor found problems, listed above\n",
        )
        .run();
    let backup = smm.home().join("progress.yaml.bak");
    smm.test(&["doctor", "--rebuild-state"])
        .expected_stdout(format!(
            "
                Wrote a new {home}{SEP}progress.yaml from the history (2 changes replayed).
                The file it replaced is kept as {home}{SEP}progress.yaml.broken-20261205T143000.
                ",
            home = smm.home().display()
        ))
        .run();
    assert_eq!(smm.ok(&["status", "--json"]).stdout, before);
    std::fs::remove_file(&backup).expect("rm, as doctor said");
    smm.test(&["doctor"])
        .expected_stdout(smm.all_is_well(2))
        .run();
}

#[test]
fn doctor_is_honest_about_a_file_as_home_and_leftover_temporary_files() {
    let smm = Smm::new();
    let file = smm.write_file("not-a-directory", "x");
    let file_text = file.to_str().expect("UTF-8");
    smm.test(&["--home", file_text, "done", "1"])
        .expected_status(1)
        .expected_stderr(
            format!(
                "error: {home}{SEP}not-a-directory is a file, not a directory, so it cannot be the smm-path home: move it away, or point --home or SMM_PATH_HOME at a directory\n",
                home = smm.home().display()
            ),
        )
        .run();
    smm.test(&["--home", file_text, "status"])
        .expected_status(1)
        .expected_stderr(
            format!(
                "error: {home}{SEP}not-a-directory is a file, not a directory, so it cannot be the smm-path home: move it away, or point --home or SMM_PATH_HOME at a directory\n",
                home = smm.home().display()
            ),
        )
        .run();
    smm.test(&["--home", file_text, "doctor"])
        .expected_status(1)
        .expected_stdout(format!(
            "
                Home:      {home}{SEP}not-a-directory is a file, not a directory
                  Fix:     {fix}
                ",
            home = smm.home().display(),
            fix = renaming(&file, ".old"),
        ))
        .expected_stderr("error: doctor found problems, listed above\n")
        .run();
    assert_eq!(std::fs::read_to_string(&file).expect("file"), "x");

    smm.ok(&["done", "1"]);
    let leftover = smm.home().join(".progress.yaml.0123456789abcdef.tmp");
    std::fs::write(&leftover, "half a write").expect("leftover");
    smm.test(&["doctor"])
        .expected_status(1)
        .expected_stdout(
            format!(
                "
                Home:      {home}
                Roadmap:   social-media-manager, version 4 (built in)
                Progress:  {home}{SEP}progress.yaml: format version 7, reads fine
                History:   {home}{SEP}history.jsonl: 1 change, whole
                Backup:    none yet (one is kept from the second change on)
                Leftovers: temporary files from an interrupted write: {home}{SEP}.progress.yaml.0123456789abcdef.tmp
                  Fix:     smm-path doctor --clean
                ",
                home = smm.home().display()
            ),
        )
        .expected_stderr(
            "error: doctor found problems, listed above\n",
        )
        .run();
    smm.test(&["doctor", "--clean"])
        .expected_stdout("Removed 1 temporary file.\n")
        .run();
    assert!(!leftover.exists());
    smm.test(&["doctor"])
        .expected_stdout(smm.all_is_well(1))
        .run();
}

#[test]
fn a_damaged_backup_is_not_restored() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["done", "2"]);
    std::fs::write(
        smm.home().join("progress.yaml.bak"),
        "version: 3\nroadmaps: [",
    )
    .expect("damage");
    let before = smm.state();
    smm.test(&["doctor", "--restore-backup"])
        .expected_status(1)
        .expected_stderr(
            format!(
                "error: the progress file {home}{SEP}progress.yaml.bak is damaged at line 2, column 11: expected mapping start; it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup\n",
                home = smm.home().display()
            ),
        )
        .run();
    assert_eq!(
        smm.state(),
        before,
        "a damaged backup replaced a healthy state"
    );
    smm.test(&["status"]).expected_stdout(TWO_DONE).run();
    // `doctor` calls the damaged backup a problem, with its repair.
    smm.test(&["doctor"])
        .expected_status(1)
        .expected_stdout(
            format!(
                "
                Home:      {home}
                Roadmap:   social-media-manager, version 4 (built in)
                Progress:  {home}{SEP}progress.yaml: format version 7, reads fine
                History:   {home}{SEP}history.jsonl: 2 changes, whole
                Backup:    the progress file {home}{SEP}progress.yaml.bak is damaged at line 2, column 11: expected mapping start; it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup
                  Fix:     {fix}
                ",
                home = smm.home().display(),
                fix = removing(&smm.path("progress.yaml.bak")),
            ),
        )
        .expected_stderr(
            "error: doctor found problems, listed above\n",
        )
        .run();
}

// Unix only: making a symbolic link on Windows takes Developer Mode or an
// administrator, and the dotfile managers that make them are a Unix habit.
#[cfg(unix)]
#[test]
fn a_symlinked_state_is_written_through_to_its_target() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let dotfiles = smm.home().join("dotfiles");
    std::fs::create_dir(&dotfiles).expect("mkdir");
    let target = dotfiles.join("progress.yaml");
    std::fs::rename(smm.state_path(), &target).expect("move");
    std::os::unix::fs::symlink(&target, smm.state_path()).expect("symlink");
    smm.ok(&["done", "2"]);
    let link = std::fs::symlink_metadata(smm.state_path()).expect("link");
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a plain file"
    );
    let through = std::fs::read_to_string(&target).expect("target");
    assert!(through.contains("education-and-training"), "{through}");
    smm.test(&["status"]).expected_stdout(TWO_DONE).run();
}

#[test]
fn a_version_1_state_is_read_and_upgraded_on_the_next_write() {
    let smm = Smm::new();
    smm.write_state(include_str!("../fixtures/progress-v1.yaml"));
    smm.test(&["status"])
        .expected_stdout(format!(
            "
            A Career in Social Media Management

              #  Step                               Status         Date
            ───────────────────────────────────────────────────────────────────
                 Foundations                        1/5 done
              1  Understand Social Media Platforms  ✓ done         Feb 3, 2026
              2  Education and Training             ▶ in progress  Feb 4, 2026
              3  Develop Your Creativity            ○ to do
              4  Choose a Niche or Industry         ○ to do
              5  Build a Personal Portfolio         ○ to do
                 Production                         0/5 done
              6  Understand the Target Audience     ○ to do
              7  Analysis and Market Research       ○ to do
              8  Content Strategy                   ○ to do
              9  Create Quality Content             ○ to do
             10  A Consistent Posting Schedule      ○ to do
                 Growth                             0/5 done
             11  Engagement and Responsiveness      ○ to do
             12  Paid Social Advertising            ○ to do
             13  Campaigns and Contests             ○ to do
             14  Measurement and Analytics          ○ to do
             15  Customer Service                   ○ to do
                 Professional                       0/5 done
             16  Continuous Learning                ○ to do
             17  Collaboration and Networking       ○ to do
             18  Marketing Yourself                 ○ to do
             19  Compliance and Ethics              ○ to do
             20  Feedback and Evaluation            ○ to do

            1/20 done (5%) █░░░░░░░░░░░░░░░░░░░
            Next: 2. Education and Training
            Mark it done with `smm-path done 2`.
            This roadmap is now version 4; your last change was on version 1.
            {}
            ",
            notes_since(1)
        ))
        .run();
    smm.ok(&["done", "3"]);
    let upgraded = smm.state_text();
    assert!(
        upgraded.starts_with("version: 7\n") && upgraded.ends_with("end: true\n"),
        "{upgraded}"
    );
}

#[test]
fn a_state_written_by_this_version_stays_readable() {
    // Kept as a fixture: later versions must keep reading it.
    let smm = Smm::new();
    smm.write_state(include_str!("../fixtures/progress-v2.yaml"));
    let json = smm.ok(&["status", "--json"]).stdout;
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["summary"]["done"], 2);
    assert_eq!(json["summary"]["skipped"], 1);
    assert_eq!(
        json["steps"][1]["notes"][0]["text"],
        "certificate: https://example.com/cert"
    );
}

/// A home written by an earlier smm-path, copied into `smm`'s home.
fn install_home(smm: &Smm, files: &[(&str, &[u8])]) {
    for (name, bytes) in files {
        std::fs::write(smm.home().join(name), bytes).expect("write fixture");
    }
}

#[test]
fn a_version_2_home_is_converted_keeping_its_history() {
    let smm = Smm::new();
    let old_history = include_bytes!("../fixtures/home-v2/history.jsonl");
    install_home(
        &smm,
        &[
            (
                "progress.yaml",
                include_bytes!("../fixtures/home-v2/progress.yaml"),
            ),
            ("history.jsonl", old_history),
        ],
    );
    let json: serde_json::Value =
        serde_json::from_str(&smm.ok(&["status", "--json"]).stdout).expect("JSON");
    assert_eq!(json["summary"]["done"], 3);
    assert_eq!(json["steps"][3]["status"], "in-progress");
    // Reading converts nothing on disk; the old commands are in the log.
    smm.test(&["log"])
        .expected_stdout(
            "
            Mar 3, 2026 10:00  migrated from format 2
                target set to Jun 30, 2026
            Mar 3, 2026 10:00  start 4
                4. Choose a Niche or Industry: to do → in progress
            Mar 3, 2026 09:00  undo of `skip 12 --reason \"no ad budget yet\"`
            Mar 2, 2026 09:00  skip 12 --reason \"no ad budget yet\" (undone)
                12. Paid Social Advertising: to do → skipped
            Mar 1, 2026 09:05  note 2
                2. Education and Training: note added
            Mar 1, 2026 09:00  done 1-3
                1. Understand Social Media Platforms: to do → done
                2. Education and Training: to do → done
                3. Develop Your Creativity: to do → done
            ",
        )
        .run();
    assert!(smm.state_text().starts_with("version: 2\n"));
    smm.ok(&["done", "5"]);
    assert!(smm.state_text().starts_with("version: 7\n"));
    let kept = std::fs::read(smm.home().join("history-v2.jsonl")).expect("old history kept");
    assert_eq!(kept, old_history);
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `done 5` from Dec 5, 2026 14:30:
                5. Build a Personal Portfolio: done → to do
            ",
        )
        .run();
    // What format 2 kept only in the state (the target) came over as one change.
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `migrated from format 2` from Mar 3, 2026 10:00:
                target cleared
            ",
        )
        .run();
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `start 4` from Mar 3, 2026 10:00:
                4. Choose a Niche or Industry: in progress → to do
            ",
        )
        .run();
    smm.test(&["doctor"])
        .expected_stdout(smm.all_is_well(10))
        .run();
}

#[test]
fn a_version_3_home_stays_readable() {
    // Kept as a fixture: later versions must keep reading it.
    let smm = Smm::new();
    install_home(
        &smm,
        &[
            (
                "progress.yaml",
                include_bytes!("../fixtures/home-v3/progress.yaml"),
            ),
            (
                "history.jsonl",
                include_bytes!("../fixtures/home-v3/history.jsonl"),
            ),
        ],
    );
    let json: serde_json::Value =
        serde_json::from_str(&smm.ok(&["status", "--json"]).stdout).expect("JSON");
    assert_eq!(json["summary"]["done"], 2);
    assert_eq!(json["summary"]["skipped"], 1);
    assert_eq!(json["steps"][3]["status"], "todo", "start 4 was undone");
    assert_eq!(
        json["steps"][1]["notes"][0]["text"],
        "certificate: https://example.com/cert"
    );
    smm.test(&["stats"])
        .expected_stdout(
            "
            2/19 done (10%) ██░░░░░░░░░░░░░░░░░░  1 skipped
            Steps: 2 done · 0 in progress · 17 to do · 1 skipped
            Pace: 0.0 steps a week over the last 4 weeks; 0.1 a week overall
            Streak: 0 active days in a row now; longest 4
            Not enough data yet for a finish date: finish steps on at least two different days.
            Target Jun 30, 2026: too early to tell.
            ",
        )
        .run();
    smm.test(&["doctor"])
        .expected_stdout(format!(
            "
                Home:      {home}
                Roadmap:   social-media-manager, version 4 (built in)
                Progress:  {home}{SEP}progress.yaml: format version 3, reads fine
                History:   {home}{SEP}history.jsonl: 6 changes, whole
                Backup:    none yet (one is kept from the second change on)
                All is well.
                ",
            home = smm.home().display()
        ))
        .run();
    // Its changes carry no identity of their own: one derived from their
    // content names them alike on every device, so the old undo still
    // names `start 4`, and a second home taking them in agrees.
    smm.test(&["log"])
        .expected_stdout(
            "
            Mar 4, 2026 09:00  plan --target 2026-06-30
                target set to Jun 30, 2026
            Mar 3, 2026 09:10  undo of `start 4`
            Mar 3, 2026 09:00  start 4 (undone)
                4. Choose a Niche or Industry: to do → in progress
            Mar 2, 2026 09:00  skip 12 --reason \"no ad budget yet\"
                12. Paid Social Advertising: to do → skipped
            Mar 1, 2026 09:05  note 2
                2. Education and Training: note added
            Mar 1, 2026 09:00  done 1-2
                1. Understand Social Media Platforms: to do → done
                2. Education and Training: to do → done
            ",
        )
        .run();
    let other = Smm::new();
    let export = smm.write_file("export.json", &smm.ok(&["export", "-f", "json"]).stdout);
    other.ok(&["import", export.to_str().expect("UTF-8")]);
    other
        .test(&["import"])
        .arg(&export)
        .expected_stdout(format!(
            "Nothing to import: this copy already has everything in {}.\n",
            export.display()
        ))
        .run();
    assert_eq!(
        other.ok(&["status", "--json"]).stdout,
        smm.ok(&["status", "--json"]).stdout
    );
    smm.ok(&["done", "3"]);
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `done 3` from Dec 5, 2026 14:30:
                3. Develop Your Creativity: done → to do
            ",
        )
        .run();
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `plan --target 2026-06-30` from Mar 4, 2026 09:00:
                target cleared
            ",
        )
        .run();
}

#[test]
#[cfg_attr(windows, ignore = "Windows has no FIFOs (mkfifo)")]
fn a_fifo_as_the_backup_blocks_neither_doctor_nor_a_restore() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let backup = smm.home().join("progress.yaml.bak");
    let _ = std::fs::remove_file(&backup);
    let made = std::process::Command::new("mkfifo")
        .arg(&backup)
        .status()
        .is_ok_and(|status| status.success());
    if !made {
        eprintln!("skipped: mkfifo is not available here");
        return;
    }
    let before = smm.state();
    smm.test(&["doctor"])
        .time_limit(Duration::from_secs(10))
        .expected_status(1)
        .expected_stdout(
            format!(
                "
                Home:      {home}
                Roadmap:   social-media-manager, version 4 (built in)
                Progress:  {home}{SEP}progress.yaml: format version 7, reads fine
                History:   {home}{SEP}history.jsonl: 1 change, whole
                Backup:    cannot read the progress file {home}{SEP}progress.yaml.bak: not a plain file (a FIFO, a device or a socket); it was left untouched
                  Fix:     {fix}
                ",
                home = smm.home().display(),
                fix = removing(&smm.path("progress.yaml.bak")),
            ),
        )
        .expected_stderr(
            "error: doctor found problems, listed above\n",
        )
        .run();
    smm.test(&["doctor", "--restore-backup"])
        .time_limit(Duration::from_secs(10))
        .expected_status(1)
        .expected_stderr(
            format!(
                "error: cannot read the progress file {home}{SEP}progress.yaml.bak: not a plain file (a FIFO, a device or a socket); it was left untouched\n",
                home = smm.home().display()
            ),
        )
        .run();
    assert_eq!(smm.state(), before);
}

/// What the built-in roadmap says changed after version `old`, as
/// `status` tells it to a learner last seen on that version.
fn notes_since(old: u32) -> String {
    let roadmap = load_builtin();
    let notes: Vec<&str> = roadmap
        .changes
        .iter()
        .filter(|note| note.version > old)
        .map(|note| note.text.get(Lang::En))
        .collect();
    assert!(!notes.is_empty(), "the built-in roadmap says what changed");
    notes.join("\n            ")
}

#[test]
fn doctor_lists_conflict_copies_whatever_else_is_damaged() {
    let smm = Smm::new();
    smm.ok(&["done", "1-2"]);
    let copy = smm
        .home()
        .join("progress.sync-conflict-20261120-110000-ABCDEFG.yaml");
    std::fs::copy(smm.home().join("progress.yaml"), &copy).expect("copy");
    let conflict = format!(
        "Conflict:  {copy} is a copy a sync tool made; merge it with `smm-path import '{copy}'`, then delete it\n",
        copy = copy.display()
    );
    // The snapshot damaged, and the history too: the copy may be what
    // repairs them, so it is still named.
    smm.write_state("version: 3\nroadmaps: [");
    let history = smm.home().join("history.jsonl");
    let text = std::fs::read_to_string(&history).expect("history");
    // The first change no longer matches its checksum.
    std::fs::write(&history, text.replacen("done 1-2", "done 1-9", 1)).expect("damage");
    let run = smm
        .test(&["doctor"])
        .expected_status(1)
        .any_stdout()
        .any_stderr()
        .run();
    assert!(
        run.stdout.contains("Progress:  the progress file"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("History:   the history file"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(&conflict), "{}", run.stdout);
    // The snapshot put back by hand, the history still damaged: still named.
    std::fs::copy(&copy, smm.home().join("progress.yaml")).expect("put back");
    let run = smm
        .test(&["doctor"])
        .expected_status(1)
        .any_stdout()
        .any_stderr()
        .run();
    assert!(run.stdout.contains(&conflict), "{}", run.stdout);
}
