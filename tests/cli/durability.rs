//! Progress is never lost: concurrent writers, crashes mid-write, full disks, read-only homes.

use std::process::{Command, Stdio};

use crate::support::Smm;

/// A roadmap of 40 steps, so 40 processes can each change their own step.
fn forty_step_roadmap(smm: &Smm) -> String {
    let mut yaml = String::from("id: forty\nversion: 1\ntitle: Forty steps\nsteps:\n");
    for n in 1..=40 {
        yaml.push_str(&format!(
            "  - id: step-{n}\n    title: Step {n}\n    summary: Do {n}.\n"
        ));
    }
    let path = smm.write_file("forty.yaml", &yaml);
    path.to_str().expect("UTF-8 path").to_string()
}

#[test]
fn forty_writers_at_once_lose_nothing() {
    let smm = Smm::new();
    let roadmap = forty_step_roadmap(&smm);
    let smm = smm.env("SMM_PATH_ROADMAP", &roadmap);
    let children: Vec<_> = (1..=40)
        .map(|n| {
            let step = n.to_string();
            let args: Vec<&str> = match n % 3 {
                0 => vec!["done", &step],
                1 => vec!["start", &step],
                _ => vec!["note", &step, "evidence"],
            };
            smm.command(&args)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start smm-path")
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("wait");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let json = smm.ok(&["status", "--json"]).stdout;
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let steps = json["steps"].as_array().expect("steps");
    for (index, step) in steps.iter().enumerate() {
        let n = index + 1;
        match n % 3 {
            0 => assert_eq!(step["status"], "done", "step {n}"),
            1 => assert_eq!(step["status"], "in-progress", "step {n}"),
            _ => assert_eq!(step["notes"].as_array().map(Vec::len), Some(1), "step {n}"),
        }
    }
    let log = smm.ok(&["log"]).stdout;
    let headings = log.lines().filter(|line| !line.starts_with(' ')).count();
    assert_eq!(headings, 40, "every change is in the history:\n{log}");
}

/// Runs `done 3` with a crash at `point`, then checks what survived.
fn crash_at(point: &str) -> (Smm, bool) {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["done", "2"]);
    let before = smm.state_text();
    let run = smm.run_with_env(&[("SMM_PATH_CRASH_AT", point)], &["done", "3"]);
    assert_ne!(run.code, 0, "the crash point {point} was not reached");
    // Whatever happened, the state parses and is the old one or the new one.
    let after = smm.state_text();
    let json = smm.ok(&["status", "--json"]).stdout;
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let done = json["summary"]["done"].as_u64().expect("done count");
    let landed = done == 3;
    assert!(
        landed || (done == 2 && after == before),
        "{point}: torn state:\n{after}"
    );
    (smm, landed)
}

#[test]
fn a_crash_halfway_through_the_append_keeps_the_old_state() {
    let (smm, landed) = crash_at("during-history");
    assert!(!landed, "half a line committed the change");
    // The half line blocks nothing, and the next change cuts it off.
    smm.ok(&["done", "4"]);
    smm.ok(&["log"]).stdout_lacks("done 3").stdout_has("done 4");
    smm.ok(&["undo"]).stdout_has("Undid `done 4`");
    smm.ok(&["undo"]).stdout_has("Undid `done 2`");
}

#[test]
fn a_crash_after_the_append_keeps_the_change() {
    for point in [
        "after-history",
        "after-temp-write",
        "after-temp-sync",
        "after-rename",
    ] {
        let (smm, landed) = crash_at(point);
        assert!(landed, "{point}: the synced append is the commit");
        // The snapshot left behind (or its leftover temporary file) blocks nothing.
        smm.ok(&["done", "4"]);
        smm.ok(&["log"]).stdout_has("done 3").stdout_has("done 4");
        smm.ok(&["undo"]).stdout_has("Undid `done 4`");
        smm.ok(&["undo"]).stdout_has("Undid `done 3`");
    }
}

#[test]
fn leftovers_of_a_crash_are_reported_by_doctor() {
    let (smm, _) = crash_at("after-temp-sync");
    smm.run(&["doctor"])
        .failure(1)
        .stdout_has("Leftovers: temporary files from an interrupted write")
        .stdout_has("Fix:     smm-path doctor --clean");
    // Any change clears them too, under the lock.
    smm.ok(&["done", "9"]);
    smm.ok(&["doctor"]).stdout_has("All is well.");
}

/// Runs a shell script as root in a private mount namespace, so it can
/// mount a tiny file system; `None` when this machine does not allow it.
fn in_private_mount_namespace(script: &str) -> Option<std::process::Output> {
    let probe = Command::new("unshare")
        .args(["--mount", "sh", "-c", "mount -t tmpfs tmpfs /mnt"])
        .output()
        .ok()?;
    if !probe.status.success() {
        return None;
    }
    Command::new("unshare")
        .args(["--mount", "sh", "-c", script])
        .output()
        .ok()
}

#[test]
fn a_full_disk_fails_cleanly_and_keeps_the_state() {
    let smm = Smm::new();
    let bin = env!("CARGO_BIN_EXE_smm-path");
    let out = smm.home().display().to_string();
    let script = format!(
        r#"set -e
mkdir -p /tmp/smm-full && mount -t tmpfs -o size=256k tmpfs /tmp/smm-full
export SMM_PATH_HOME=/tmp/smm-full/home LANG=en_US.UTF-8
"{bin}" done 1 >/dev/null
"{bin}" done 2 >/dev/null
cp /tmp/smm-full/home/progress.yaml "{out}/before.yaml"
dd if=/dev/zero of=/tmp/smm-full/filler bs=4k 2>/dev/null || true
set +e
"{bin}" note 3 "$(head -c 20000 /dev/zero | tr '\0' x)" >"{out}/stdout" 2>"{out}/stderr"
echo $? >"{out}/code"
cp /tmp/smm-full/home/progress.yaml "{out}/after.yaml"
rm /tmp/smm-full/filler
"{bin}" done 4 >/dev/null 2>&1
echo $? >"{out}/code-after-space-freed"
"#
    );
    let Some(output) = in_private_mount_namespace(&script) else {
        eprintln!(
            "skipped: this machine does not allow mounting a small file system (unshare --mount)"
        );
        return;
    };
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read = |name: &str| std::fs::read_to_string(smm.home().join(name)).expect(name);
    assert_eq!(read("code").trim(), "1", "stderr: {}", read("stderr"));
    assert!(
        read("stderr").contains("the disk is full"),
        "{}",
        read("stderr")
    );
    assert_eq!(read("stderr").lines().count(), 1);
    assert_eq!(
        read("before.yaml"),
        read("after.yaml"),
        "the state changed on a full disk"
    );
    assert_eq!(
        read("code-after-space-freed").trim(),
        "0",
        "smm-path did not recover"
    );
}

#[test]
fn a_read_only_home_fails_cleanly_and_keeps_the_state() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let before = smm.state();
    let home = smm.home();
    // Root ignores file permissions, so as root the command runs as `nobody`.
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let set_mode = |mode: &str| {
        Command::new("chmod")
            .args(["-R", mode])
            .arg(home)
            .status()
            .expect("chmod");
    };
    set_mode("a+rX,a-w");
    let run = |args: &[&str]| {
        let mut command = if as_root {
            let mut command = Command::new("setpriv");
            command.args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                env!("CARGO_BIN_EXE_smm-path"),
            ]);
            command
        } else {
            Command::new(env!("CARGO_BIN_EXE_smm-path"))
        };
        command
            .args(args)
            .env_clear()
            .env("SMM_PATH_HOME", home)
            .env("LANG", "en_US.UTF-8")
            .output()
            .expect("run smm-path")
    };
    if as_root {
        // `nobody` must be able to run the binary and reach the home; a
        // checkout under /root, say, does not allow it.
        let status_as_nobody = Command::new("setpriv")
            .args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                env!("CARGO_BIN_EXE_smm-path"),
            ])
            .args(["status", "--short"])
            .env_clear()
            .env("SMM_PATH_HOME", home)
            .output();
        if !status_as_nobody.is_ok_and(|output| output.status.success()) {
            set_mode("u+w");
            eprintln!(
                "skipped: the user `nobody` cannot run the test binary or read its home here"
            );
            return;
        }
    }
    let output = run(&["done", "2"]);
    // `doctor` says so, with the repair.
    let doctor = run(&["doctor"]);
    set_mode("u+w");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("permission denied"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(smm.state(), before);
    let report = String::from_utf8_lossy(&doctor.stdout);
    assert_eq!(doctor.status.code(), Some(1), "{report}");
    assert!(report.contains("cannot be written to"), "{report}");
    assert!(
        report.contains(&format!("Fix:     chmod u+w '{}'", home.display())),
        "{report}"
    );
    assert!(!report.contains("All is well"), "{report}");
}

/// The steps of `status --json`: what the learner sees, without the run's moment.
fn seen_steps(smm: &Smm) -> serde_json::Value {
    let json: serde_json::Value =
        serde_json::from_str(&smm.ok(&["status", "--json"]).stdout).expect("JSON");
    json["steps"].clone()
}

/// Kills mixed commands at random moments, 300 times, and checks after
/// each that the home still reads and that its status equals a replay of
/// its history alone (a fresh home holding only a copy of history.jsonl).
#[test]
fn a_kill_storm_over_mixed_commands_keeps_status_equal_to_a_replay() {
    let smm = Smm::new();
    let other = Smm::new();
    let outside = tempfile::tempdir().expect("tempdir");
    other.ok_at("2026-12-05T09:00:00+07:00", &["done", "7"]);
    other.ok_at(
        "2026-12-05T09:01:00+07:00",
        &["note", "8", "from the other device"],
    );
    let folder = outside.path().join("sync");
    let folder = folder.to_str().expect("UTF-8").to_string();
    other.ok(&["sync", &folder]);
    let export = outside.path().join("other.json");
    std::fs::write(&export, other.ok(&["export", "-f", "json"]).stdout).expect("export");
    let export = export.to_str().expect("UTF-8").to_string();
    smm.ok(&["done", "1"]);

    let replayed = Smm::new();
    // A fixed sequence of pseudo-random numbers, so a failure can be replayed.
    let mut seed: u64 = 0x5eed_2026;
    let mut next = |bound: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % bound
    };
    let mut killed = 0;
    for round in 0..300 {
        let step = (next(20) + 1).to_string();
        let note = format!("note {round}");
        let args: Vec<&str> = match next(8) {
            0 => vec!["done", &step],
            1 => vec!["start", &step],
            2 => vec!["note", &step, &note],
            3 => vec!["undo"],
            4 => vec!["skip", &step, "--reason", "storm"],
            5 => vec!["import", &export],
            6 => vec!["sync", &folder],
            _ => vec!["reset", &step],
        };
        let mut child = smm
            .command(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start smm-path");
        std::thread::sleep(std::time::Duration::from_micros(next(6000)));
        let _ = child.kill();
        let status = child.wait().expect("wait");
        if std::os::unix::process::ExitStatusExt::signal(&status) == Some(9) {
            killed += 1;
        }
        let seen = seen_steps(&smm);
        std::fs::copy(
            smm.home().join("history.jsonl"),
            replayed.home().join("history.jsonl"),
        )
        .expect("copy the history");
        assert_eq!(
            seen,
            seen_steps(&replayed),
            "round {round} ({args:?}): status is not a replay of the history"
        );
    }
    eprintln!("kill storm: {killed} of 300 commands killed while running");
    assert!(
        killed > 30,
        "only {killed} of 300 commands were killed mid-way"
    );
    // A kill may leave a temporary file: doctor names it, and its repair
    // leaves a healthy home.
    smm.ok(&["doctor", "--clean"]);
    smm.ok(&["doctor"]).stdout_has("All is well.");
}
