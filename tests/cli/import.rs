//! `import`: merging another copy back (an export, a history file, a conflict copy), nothing lost on either side.

use crate::support::Smm;

#[test]
fn an_export_from_another_machine_merges_in() {
    // The laptop and the phone start from the same backup, then go their ways.
    let laptop = Smm::new();
    laptop.ok_at("2026-11-01T10:00:00+07:00", &["done", "1-2"]);
    let backup = laptop.home().join("backup.json");
    std::fs::write(&backup, laptop.ok(&["export", "-f", "json"]).stdout).expect("write");
    let phone = Smm::new();
    phone.ok(&["import", backup.to_str().expect("UTF-8")]);
    phone.ok(&["status"]).stdout_has("2/20 done");

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

    let before = phone.state();
    phone
        .ok(&["import", export, "--dry-run"])
        .stdout_has("Would take from")
        .stdout_has("3. Develop Your Creativity: to do → done")
        .stdout_has("3. Develop Your Creativity: 1 note added")
        .stdout_lacks("2. Education and Training");
    assert_eq!(phone.state(), before, "a dry run wrote");

    phone.ok(&["import", export]).stdout_has("Took from");
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
    phone.ok(&["log"]).stdout_has("[device ");

    phone
        .ok(&["import", export])
        .stdout_has("Nothing to import");
    // Undo takes back the latest command, on whichever device it was typed.
    phone.ok(&["undo"]).stdout_has("Undid `note 1`");
    phone.ok(&["undo"]).stdout_has("Undid `reset 2`");
    let json: serde_json::Value =
        serde_json::from_str(&phone.ok(&["status", "--json"]).stdout).expect("JSON");
    assert_eq!(json["steps"][1]["status"], "done");
    assert_eq!(json["steps"][2]["status"], "done");
}

#[test]
fn what_is_not_an_export_of_this_roadmap_is_refused() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let before = smm.state();
    let not_json = smm.write_file("notes.txt", "hello");
    smm.run(&["import", not_json.to_str().expect("UTF-8")])
        .failure(1)
        .one_line_error()
        .stderr_has("is not an smm-path export");
    let status = smm.write_file("status.json", &smm.ok(&["status", "--json"]).stdout);
    smm.run(&["import", status.to_str().expect("UTF-8")])
        .failure(1)
        .stderr_has("is not an smm-path export");
    let other = smm.write_file(
        "other.json",
        &smm.ok(&["export", "-f", "json"])
            .stdout
            .replace("\"social-media-manager\"", "\"another-path\""),
    );
    smm.run(&["import", other.to_str().expect("UTF-8")])
        .failure(1)
        .stderr_has("it is an export of the roadmap `another-path`");
    smm.run(&["import", "/no/such/file.json"])
        .failure(1)
        .one_line_error();
    assert_eq!(smm.state(), before);
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
    let before = (
        smm.state(),
        std::fs::read(smm.home().join("history.jsonl")).ok(),
    );
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
            "is not an id smm-path would write",
        ),
        (
            "a NUL byte in a note",
            |json| json["changes"][1]["ops"][0]["text"] = "a\u{0}b".into(),
            "a text holds a control character",
        ),
        (
            "an escape sequence in a command",
            |json| json["changes"][1]["command"] = "note 2 \u{1b}]2;PWNED\u{7}".into(),
            "a text holds a control character",
        ),
        (
            "a change from 2099",
            |json| json["changes"][0]["at"] = "2099-01-01T00:00:00+07:00".into(),
            "the time 2099-01-01T00:00:00+07:00 is more than a day ahead",
        ),
        (
            "a sequence number at the end of u64",
            |json| json["changes"][0]["seq"] = u64::MAX.into(),
            "the sequence number 18446744073709551615 is not one smm-path would write",
        ),
        (
            "a finish before 1970",
            |json| json["changes"][0]["ops"][0]["finished"] = "1969-12-31T23:00:00+00:00".into(),
            "is before 1970",
        ),
    ];
    for (name, change, message) in cases {
        let mut hostile = json.clone();
        change(&mut hostile);
        let path = smm.write_file("hostile.json", &hostile.to_string());
        smm.run(&["import", path.to_str().expect("UTF-8")])
            .failure(1)
            .one_line_error()
            .stderr_has(message);
        let after = (
            smm.state(),
            std::fs::read(smm.home().join("history.jsonl")).ok(),
        );
        assert!(after == before, "{name}: something was written");
    }
    // The same file unharmed goes in.
    let path = smm.write_file("fine.json", &export);
    smm.ok(&["import", path.to_str().expect("UTF-8")])
        .stdout_has("1. Understand Social Media Platforms: to do → done");
}
