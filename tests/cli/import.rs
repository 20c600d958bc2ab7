//! `import`: merging another copy back (an export, a history file, a conflict copy), nothing lost on either side.

use crate::support::{SEP, Smm};

#[test]
fn an_export_from_another_machine_merges_in() {
    // The laptop and the phone start from the same backup, then go their ways.
    let laptop = Smm::new();
    laptop.ok_at("2026-11-01T10:00:00+07:00", &["done", "1-2"]);
    let backup = laptop.home().join("backup.json");
    std::fs::write(&backup, laptop.ok(&["export", "-f", "json"]).stdout).expect("write");
    let phone = Smm::new();
    phone.ok(&["import", backup.to_str().expect("UTF-8")]);
    phone
        .test(&["status"])
        .expected_stdout(
            "
            A Career in Social Media Management

              #  Step                               Status    Date
            ──────────────────────────────────────────────────────────────
                 Foundations                        2/5 done
              1  Understand Social Media Platforms  ✓ done    Nov 1, 2026
              2  Education and Training             ✓ done    Nov 1, 2026
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
            ",
        )
        .run();

    laptop.ok_at("2026-11-03T10:00:00+07:00", &["done", "3"]);
    laptop.ok_at(
        "2026-11-03T11:00:00+07:00",
        &["note", "3", "reel: https://example.com/reel"],
    );
    phone.ok_at("2026-11-04T10:00:00+07:00", &["reset", "2"]);
    phone.ok_at(
        "2026-11-04T11:00:00+07:00",
        &["note", "1", "from the phone"],
    );
    let export = laptop.home().join("laptop.json");
    std::fs::write(&export, laptop.ok(&["export", "-f", "json"]).stdout).expect("write");
    let export = export.to_str().expect("UTF-8");
    let (laptop_device, phone_device) = (&laptop.device()[..6], &phone.device()[..6]);

    // A dry run says what it would take, and takes nothing.
    phone
        .test(&["import", export, "--dry-run"])
        .expected_stdout(format!(
            "
            Would take from {export}:
                3. Develop Your Creativity: to do → done
                3. Develop Your Creativity: 1 note added
                2 changes from elsewhere added to the history
            "
        ))
        .writes_nothing()
        .run();

    phone
        .test(&["import", export])
        .expected_stdout(format!(
            "
            Took from {export}:
                3. Develop Your Creativity: to do → done
                3. Develop Your Creativity: 1 note added
                2 changes from elsewhere added to the history
            "
        ))
        .run();
    let json: serde_json::Value =
        serde_json::from_str(&phone.ok(&["status", "--json"]).stdout).expect("JSON");
    assert_eq!(
        json["steps"][1]["status"], "todo",
        "the phone's later reset wins"
    );
    assert_eq!(
        json["steps"][2]["status"], "done",
        "the laptop's later done wins"
    );
    assert_eq!(
        json["steps"][0]["notes"][0]["text"], "from the phone",
        "local notes are kept"
    );
    assert_eq!(
        json["steps"][2]["notes"][0]["text"],
        "reel: https://example.com/reel"
    );
    phone
        .test(&["log"])
        .expected_stdout(format!(
            "
            Nov 4, 2026 11:00  note 1 [device {phone_device}]
                1. Understand Social Media Platforms: note added
            Nov 4, 2026 10:00  reset 2 [device {phone_device}]
                2. Education and Training: done → to do
            Nov 3, 2026 11:00  note 3 [device {laptop_device}]
                3. Develop Your Creativity: note added
            Nov 3, 2026 10:00  done 3 [device {laptop_device}]
                3. Develop Your Creativity: to do → done
            Nov 1, 2026 10:00  done 1-2 [device {laptop_device}]
                1. Understand Social Media Platforms: to do → done
                2. Education and Training: to do → done
            "
        ))
        .run();
    phone
        .test(&["import", export])
        .expected_stdout(format!(
            "Nothing to import: this copy already has everything in {export}.\n"
        ))
        .run();
    // Undo takes back the latest command, on whichever device it was typed.
    phone
        .test(&["undo"])
        .expected_stdout(
            "
            Undid `note 1` from Nov 4, 2026 11:00:
                1. Understand Social Media Platforms: note removed
            ",
        )
        .run();
    phone
        .test(&["undo"])
        .expected_stdout(
            "
            Undid `reset 2` from Nov 4, 2026 10:00:
                2. Education and Training: to do → done
            ",
        )
        .run();
    let json: serde_json::Value =
        serde_json::from_str(&phone.ok(&["status", "--json"]).stdout).expect("JSON");
    assert_eq!(json["steps"][1]["status"], "done");
    assert_eq!(json["steps"][2]["status"], "done");
}

#[test]
fn what_is_not_an_export_of_this_roadmap_is_refused() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let not_json = smm.write_file("notes.txt", "hello");
    smm.test(&["import", not_json.to_str().expect("UTF-8")])
        .expected_status(1)
        .writes_nothing()
        .expected_stderr(
            format!(
                "error: cannot import {home}{SEP}notes.txt: it is not an smm-path export (made by `smm-path export --format json`), history file or progress file; nothing was changed\n",
                home = smm.home().display()
            ),
        )
        .run();
    let status = smm.write_file("status.json", &smm.ok(&["status", "--json"]).stdout);
    smm.test(&["import", status.to_str().expect("UTF-8")])
        .expected_status(1)
        .writes_nothing()
        .expected_stderr(
            format!(
                "error: cannot import {home}{SEP}status.json: it is not an smm-path export (made by `smm-path export --format json`), history file or progress file; nothing was changed\n",
                home = smm.home().display()
            ),
        )
        .run();
    let other = smm.write_file(
        "other.json",
        smm.ok(&["export", "-f", "json"])
            .stdout
            .replace("\"social-media-manager\"", "\"another-path\""),
    );
    smm.test(&["import", other.to_str().expect("UTF-8")])
        .expected_status(1)
        .writes_nothing()
        .expected_stderr(
            format!(
                "error: cannot import {home}{SEP}other.json: it is an export of the roadmap `another-path`, not `social-media-manager` (choose that one with --roadmap); nothing was changed\n",
                home = smm.home().display()
            ),
        )
        .run();
    smm.test(&["import", "/no/such/file.json"])
        .expected_status(1)
        .writes_nothing()
        .expected_stderr(
            "error: cannot import /no/such/file.json: it does not exist; nothing was changed\n",
        )
        .run();
}

#[test]
fn an_export_with_hostile_ids_texts_or_times_is_refused_whole() {
    let source = Smm::new();
    source.ok(&["done", "1"]);
    source.ok(&["note", "2", "fine"]);
    let export = source.ok(&["export", "-f", "json"]).stdout;
    let json: serde_json::Value = serde_json::from_str(&export).expect("JSON");
    let smm = Smm::new();
    smm.ok(&["done", "3"]);
    // Each: (what the export is changed to hold, what the error says).
    type Damage = fn(&mut serde_json::Value);
    let cases: [(&str, Damage, &str); 7] = [
        (
            "a path as a step id",
            |json| json["changes"][0]["ops"][0]["step"] = "../../etc/passwd".into(),
            "`../../etc/passwd` is not an id smm-path would write",
        ),
        (
            "an escape sequence in a step id",
            |json| json["changes"][0]["ops"][0]["step"] = "x\u{1b}[2Jy".into(),
            "`x\\u{1b}[2Jy` is not an id smm-path would write",
        ),
        (
            "a NUL byte in a note",
            |json| json["changes"][1]["ops"][0]["text"] = "a\u{0}b".into(),
            "a text holds a control character (such as an escape sequence)",
        ),
        (
            "an escape sequence in a command",
            |json| json["changes"][1]["command"] = "note 2 \u{1b}]2;PWNED\u{7}".into(),
            "a text holds a control character (such as an escape sequence)",
        ),
        (
            "a change from 2099",
            |json| json["changes"][0]["at"] = "2099-01-01T00:00:00+07:00".into(),
            "the time 2099-01-01T00:00:00+07:00 is more than a day ahead of this device's clock",
        ),
        (
            "a sequence number at the end of u64",
            |json| json["changes"][0]["seq"] = u64::MAX.into(),
            "the sequence number 18446744073709551615 is not one smm-path would write",
        ),
        (
            "a finish before 1970",
            |json| json["changes"][0]["ops"][0]["finished"] = "1969-12-31T23:00:00+00:00".into(),
            "the time 1969-12-31T23:00:00+00:00 is before 1970",
        ),
    ];
    for (_name, change, message) in cases {
        let mut hostile = json.clone();
        change(&mut hostile);
        let path = smm.write_file("hostile.json", hostile.to_string());
        smm.test(&["import", path.to_str().expect("UTF-8")])
            .expected_status(1)
            .expected_stderr(format!(
                "error: cannot import {}: {message}; nothing was changed\n",
                path.display()
            ))
            .writes_nothing()
            .run();
    }
    // The same file unharmed goes in.
    let path = smm.write_file("fine.json", &export);
    smm.test(&["import", path.to_str().expect("UTF-8")])
        .expected_stdout(format!(
            "
                Took from {home}{SEP}fine.json:
                    1. Understand Social Media Platforms: to do → done
                    2. Education and Training: 1 note added
                    2 changes from elsewhere added to the history
                ",
            home = smm.home().display()
        ))
        .run();
}

#[test]
fn a_field_only_the_cohort_reads_does_not_stop_an_import() {
    // import and cohort read one export type; what only one of them uses,
    // badly typed (a hand edit, another tool), is left aside by the other.
    let laptop = Smm::new();
    laptop.ok(&["done", "1"]);
    let mut export = laptop.ok(&["export", "-f", "json"]).json();
    export["learner"] = serde_json::json!(5);
    export["target"] = serde_json::json!(["not", "a", "date"]);
    export["exported_at"] = serde_json::json!("yesterday");
    let file = laptop.write_file("edited.json", export.to_string());
    let phone = Smm::new();
    phone
        .test(&["import"])
        .arg(&file)
        .expected_stdout(format!(
            "
            Took from {}:
                1. Understand Social Media Platforms: to do → done
                1 change from elsewhere added to the history
            ",
            file.display()
        ))
        .run();
}

/// An export or a history file saved again on Windows (Windows PowerShell
/// 5.1's `Out-File -Encoding UTF8`, an older Notepad) starts with a byte
/// order mark; it is still the same file to `import`.
#[test]
fn a_file_saved_again_with_a_byte_order_mark_still_imports() {
    let laptop = Smm::new();
    laptop.ok(&["done", "3"]);
    let export = laptop.ok(&["export", "-f", "json"]).stdout;
    let history = std::fs::read(laptop.path("history.jsonl")).expect("history");
    for (name, bytes) in [
        ("export.json", export.into_bytes()),
        ("history.jsonl", history),
    ] {
        let phone = Smm::new();
        let file = phone.home().join(format!("saved-{name}"));
        std::fs::write(&file, [b"\xef\xbb\xbf".as_slice(), &bytes].concat()).expect("write");
        phone.test(&["import"]).arg(&file).any_stdout().run();
        assert_eq!(phone.step_status(3), "done", "{name}");
    }
}

#[test]
fn what_an_import_took_is_listed_in_the_roadmaps_order() {
    let laptop = Smm::new();
    laptop.ok(&["done", "1-12"]);
    laptop.ok(&["check", "3.1-5"]);
    laptop.ok(&["used", "3.1-3"]);
    let export = laptop.write_file("laptop.json", &laptop.ok(&["export", "-f", "json"]).stdout);
    let export = export.to_str().expect("UTF-8");
    // Step ids sort as 5, 4, 10, 8, ...; the learner reads 1, 2, 3, ...,
    // and a step's actions and resources in the order `show` lists them.
    let mut lines = vec![format!("Would take from {export}:")];
    let titles = [
        "Understand Social Media Platforms",
        "Education and Training",
        "Develop Your Creativity",
        "Choose a Niche or Industry",
        "Build a Personal Portfolio",
        "Understand the Target Audience",
        "Analysis and Market Research",
        "Content Strategy",
        "Create Quality Content",
        "A Consistent Posting Schedule",
        "Engagement and Responsiveness",
        "Paid Social Advertising",
    ];
    for (index, title) in titles.iter().enumerate() {
        lines.push(format!("    {}. {title}: to do → done", index + 1));
    }
    let phone = Smm::new();
    let run = phone
        .test(&["import", export, "--dry-run"])
        .any_stdout()
        .run();
    // The heading names the file whole (a Windows path has a colon of its own).
    let mut all = run.stdout.lines();
    assert_eq!(all.next(), Some(&format!("Would take from {export}:")[..]));
    let labels: Vec<&str> = all
        .filter_map(|line| line.trim_start().split(':').next())
        .collect();
    assert_eq!(
        labels,
        [
            "1. Understand Social Media Platforms",
            "2. Education and Training",
            "3. Develop Your Creativity",
            "4. Choose a Niche or Industry",
            "5. Build a Personal Portfolio",
            "6. Understand the Target Audience",
            "7. Analysis and Market Research",
            "8. Content Strategy",
            "9. Create Quality Content",
            "10. A Consistent Posting Schedule",
            "11. Engagement and Responsiveness",
            "12. Paid Social Advertising",
            "Ticked 3.1",
            "Ticked 3.2",
            "Ticked 3.3",
            "Ticked 3.4",
            "Ticked 3.5",
            "Marked as used 3.1",
            "Marked as used 3.2",
            "Marked as used 3.3",
            "3 changes from elsewhere added to the history",
        ],
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.starts_with(&(lines.join("\n") + "\n")),
        "{}",
        run.stdout
    );
}

#[test]
fn a_cut_short_export_is_called_incomplete() {
    let laptop = Smm::new();
    laptop.ok(&["done", "1-3"]);
    laptop.ok(&["note", "2", "certificate"]);
    let export = laptop.ok(&["export", "-f", "json"]).stdout;
    let phone = Smm::new();
    phone.ok(&["done", "5"]);
    for cut in [export.len() / 2, export.len() - 3, 40] {
        let file = phone.write_file("cut.json", &export[..cut]);
        phone
            .test(&["import", file.to_str().expect("UTF-8")])
            .expected_status(1)
            .writes_nothing()
            .expected_stderr(format!(
                "error: cannot import {home}{SEP}cut.json: it is incomplete: its JSON stops before the end (a copy or download cut short?); copy it again, or export it again; nothing was changed\n",
                home = phone.home().display()
            ))
            .run();
    }
    let file = phone.write_file("cut.json", &export[..export.len() / 2]);
    let run = phone
        .test(&["import", "--lang", "id", file.to_str().expect("UTF-8")])
        .expected_status(1)
        .any_stderr()
        .run();
    assert!(
        run.stderr.contains("isinya tidak lengkap"),
        "{}",
        run.stderr
    );
    // A whole JSON file of another shape is still "not an export".
    let other = phone.write_file("other.json", "{\"hello\": [1, 2]}");
    let run = phone
        .test(&["import", other.to_str().expect("UTF-8")])
        .expected_status(1)
        .any_stderr()
        .run();
    assert!(
        run.stderr.contains("it is not an smm-path export"),
        "{}",
        run.stderr
    );
}
