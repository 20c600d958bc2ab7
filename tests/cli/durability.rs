//! Progress is never lost: writers at once, a lock file a sync tool keeps
//! deleting, crashes and kills mid-write, a torn history, full disks,
//! read-only homes, and the modes an atomic rewrite must keep.

use std::process::Command;
use std::time::Duration;

use crate::support::{SEP, Smm, Test, crash_points_or_skip, run_all_at_once};

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
    let runs: Vec<Test<'_>> = (1..=40)
        .map(|n| {
            let step = n.to_string();
            let (args, said) = match n % 3 {
                0 => (["done", &step], format!("{n}. Step {n}: to do → done\n")),
                1 => (
                    ["start", &step],
                    format!("{n}. Step {n}: to do → in progress\n"),
                ),
                _ => (["note", &step], format!("Note added to {n}. Step {n}.\n")),
            };
            let test = smm.test(&args).expected_stdout(said);
            if n % 3 == 2 {
                test.arg("evidence")
            } else {
                test
            }
        })
        .collect();
    run_all_at_once(runs);
    let json = smm.status_json();
    let steps = json["steps"].as_array().expect("steps");
    for (index, step) in steps.iter().enumerate() {
        let n = index + 1;
        match n % 3 {
            0 => assert_eq!(step["status"], "done", "step {n}"),
            1 => assert_eq!(step["status"], "in-progress", "step {n}"),
            _ => assert_eq!(step["notes"].as_array().map(Vec::len), Some(1), "step {n}"),
        }
    }
    // Every change is in the history, each with its one step.
    let log = smm.ok(&["log"]).stdout;
    let headings = log.lines().filter(|line| !line.starts_with(' ')).count();
    assert_eq!(headings, 40, "{log}");
    let steps = log.lines().filter(|line| line.starts_with("    ")).count();
    assert_eq!(steps, 40, "{log}");
}

#[test]
fn a_lock_file_removed_in_a_loop_during_forty_writers_loses_nothing() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let lock = smm.path("progress.yaml.lock");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let remover = {
        let (lock, stop) = (lock.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                // What a sync tool does: delete, then put its own copy back.
                let _ = std::fs::remove_file(&lock);
                let _ = std::fs::write(&lock, b"");
                std::thread::sleep(Duration::from_millis(1));
            }
        })
    };
    let notes: Vec<(String, String)> = (0..40)
        .map(|n| (((n % 20) + 1).to_string(), format!("note {n}")))
        .collect();
    let runs: Vec<Test<'_>> = notes
        .iter()
        .map(|(step, text)| smm.test(&["note", step, text]).any_stdout())
        .collect();
    run_all_at_once(runs);
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    remover.join().expect("remover");
    let json = smm.status_json();
    let notes: usize = json["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|step| step["notes"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(notes, 40, "reported notes were lost");
    smm.test(&["doctor"])
        .expected_stdout(smm.all_is_well(41))
        .run();
}

/// Runs `done 3` with a crash at `point`, then checks what survived.
fn crash_at(point: &str) -> (Smm, bool) {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["done", "2"]);
    let before = smm.state_text();
    smm.test(&["done", "3"])
        .env("SMM_PATH_CRASH_AT", point)
        .expected_abort()
        .run();
    // Whatever happened, the state parses and is the old one or the new one.
    let after = smm.state_text();
    let done = smm.status_json()["summary"]["done"]
        .as_u64()
        .expect("done count");
    let landed = done == 3;
    assert!(
        landed || (done == 2 && after == before),
        "{point}: torn state:\n{after}"
    );
    (smm, landed)
}

/// After a crash, what it left blocks nothing: `done 4` goes in, the log
/// reads it over `done` (the steps done before, oldest first), and two
/// undos take back `done 4` and the change before it.
#[track_caller]
fn the_next_change_goes_on_over(smm: &Smm, done: &[(usize, &str)]) {
    smm.ok(&["done", "4"]);
    let newest_first: Vec<(usize, &str)> = std::iter::once((4, "Choose a Niche or Industry"))
        .chain(done.iter().rev().copied())
        .collect();
    let log: String = newest_first
        .iter()
        .map(|(n, title)| format!("Dec 5, 2026 14:30  done {n}\n    {n}. {title}: to do → done\n"))
        .collect();
    smm.test(&["log"]).expected_stdout(log).run();
    for (n, title) in &newest_first[..2] {
        smm.test(&["undo"])
            .expected_stdout(format!(
                "Undid `done {n}` from Dec 5, 2026 14:30:\n    {n}. {title}: done → to do\n"
            ))
            .run();
    }
}

const ONE_AND_TWO: [(usize, &str); 2] = [
    (1, "Understand Social Media Platforms"),
    (2, "Education and Training"),
];

#[test]
fn a_crash_halfway_through_the_append_keeps_the_old_state() {
    if !crash_points_or_skip() {
        return;
    }
    let (smm, landed) = crash_at("during-history");
    assert!(!landed, "half a line committed the change");
    // The half line blocks nothing, and the next change cuts it off.
    the_next_change_goes_on_over(&smm, &ONE_AND_TWO);
}

#[test]
fn a_crash_after_the_append_keeps_the_change() {
    if !crash_points_or_skip() {
        return;
    }
    for point in [
        "after-history",
        "after-temp-write",
        "after-temp-sync",
        "after-rename",
    ] {
        let (smm, landed) = crash_at(point);
        assert!(landed, "{point}: the synced append is the commit");
        // The snapshot left behind (or its leftover temporary file) blocks nothing.
        let mut done = ONE_AND_TWO.to_vec();
        done.push((3, "Develop Your Creativity"));
        the_next_change_goes_on_over(&smm, &done);
    }
}

#[test]
fn leftovers_of_a_crash_are_reported_by_doctor() {
    if !crash_points_or_skip() {
        return;
    }
    let (smm, _) = crash_at("after-temp-sync");
    let leftovers: Vec<String> = smm
        .file_names()
        .into_iter()
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    smm.test(&["doctor"])
        .expected_status(1)
        .expected_stdout(
            format!(
                "
                Home:      {home}
                Roadmap:   social-media-manager, version 4 (built in)
                Progress:  {home}{SEP}progress.yaml: format version 7, reads fine
                History:   {home}{SEP}history.jsonl: 3 changes, whole
                Backup:    {home}{SEP}progress.yaml.bak: the state before the last change, format version 7
                Leftovers: temporary files from an interrupted write: {home}{SEP}{leftover}
                  Fix:     smm-path doctor --clean
                ",
                home = smm.home().display(),
                leftover = leftovers[0],
            ),
        )
        .expected_stderr(
            "error: doctor found problems, listed above\n",
        )
        .run();
    // Any change clears them too, under the lock.
    smm.ok(&["done", "9"]);
    smm.test(&["doctor"])
        .expected_stdout(smm.all_is_well(4))
        .run();
}

#[test]
fn history_bytes_past_the_commit_are_ignored_then_cut() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let history_path = smm.path("history.jsonl");
    let committed = std::fs::read(&history_path).expect("history");
    // What a crash between appending and committing leaves behind.
    let mut torn = committed.clone();
    torn.extend_from_slice(b"{\"device\":\"a1\",\"seq\":2,\"at\":\"20");
    std::fs::write(&history_path, &torn).expect("write history");
    smm.test(&["log"])
        .expected_stdout(
            "
            Dec 5, 2026 14:30  done 1
                1. Understand Social Media Platforms: to do → done
            ",
        )
        .run();
    smm.ok(&["done", "2"]);
    let history = std::fs::read_to_string(&history_path).expect("history");
    assert!(history.starts_with(std::str::from_utf8(&committed).expect("UTF-8")));
    assert_eq!(history.lines().count(), 2, "{history}");
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `done 2` from Dec 5, 2026 14:30:
                2. Education and Training: done → to do
            ",
        )
        .run();
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `done 1` from Dec 5, 2026 14:30:
                1. Understand Social Media Platforms: done → to do
            ",
        )
        .run();
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
#[cfg_attr(
    windows,
    ignore = "the full disk is a Linux tmpfs mounted with unshare"
)]
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
    let read = |name: &str| std::fs::read_to_string(smm.path(name)).expect(name);
    assert_eq!(read("code"), "1\n", "stderr: {}", read("stderr"));
    assert_eq!(read("stdout"), "");
    assert_eq!(
        read("stderr"),
        "error: cannot save progress to /tmp/smm-full/home/history.jsonl: the disk is full; the previous progress is unchanged\n"
    );
    assert_eq!(
        read("before.yaml"),
        read("after.yaml"),
        "the state changed on a full disk"
    );
    assert_eq!(
        read("code-after-space-freed"),
        "0\n",
        "smm-path did not recover"
    );
}

#[test]
#[cfg_attr(
    windows,
    ignore = "a Windows folder has no write permission to take away (its read-only attribute does not stop new files); chmod and setpriv are Unix"
)]
fn a_read_only_home_fails_cleanly_and_keeps_the_state() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let home = smm.home();
    // Root ignores file permissions, so as root the command runs as `nobody`.
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    set_mode(home, "a+rX,a-w");
    // Writable again at the end, pass or fail, so the home can be removed.
    let _writable = Writable(home);
    let test = |args: &[&str]| {
        let test = smm.test(args);
        if as_root { test.by_nobody() } else { test }
    };
    if as_root {
        // `nobody` must be able to run the binary and reach the home; a
        // checkout under /root, say, does not allow it.
        let reachable = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_smm-path"))
            .args(["status", "--short"])
            .env_clear()
            .env("SMM_PATH_HOME", home)
            .output()
            .is_ok_and(|output| output.status.success());
        if !reachable {
            eprintln!(
                "skipped: the user `nobody` cannot run the test binary or read its home here"
            );
            return;
        }
    }
    test(&["done", "2"])
        .expected_status(1)
        .expected_stderr(
            format!(
                "error: cannot save progress to {home}{SEP}history.jsonl: permission denied; the previous progress is unchanged\n",
                home = smm.home().display()
            ),
        )
        .writes_nothing()
        .run();
    // `doctor` says so, with the repair.
    test(&["doctor"])
        .expected_status(1)
        .expected_stdout(format!(
            "
                Home:      {home}
                Home:      {home} cannot be written to (Permission denied (os error 13))
                  Fix:     chmod u+w '{home}'
                Roadmap:   social-media-manager, version 4 (built in)
                Progress:  {home}{SEP}progress.yaml: format version 7, reads fine
                History:   {home}{SEP}history.jsonl: 1 change, whole
                Backup:    none yet (one is kept from the second change on)
                ",
            home = smm.home().display()
        ))
        .expected_stderr("error: doctor found problems, listed above\n")
        .run();
}

fn set_mode(path: &std::path::Path, mode: &str) {
    let status = Command::new("chmod")
        .args(["-R", mode])
        .arg(path)
        .status()
        .expect("chmod");
    assert!(status.success(), "chmod {mode}");
}

/// Makes a directory writable by its owner again when dropped.
struct Writable<'a>(&'a std::path::Path);

impl Drop for Writable<'_> {
    fn drop(&mut self) {
        set_mode(self.0, "u+w");
    }
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
    other.export_to(&export);
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
        let running = smm.test(&args).spawn();
        std::thread::sleep(Duration::from_micros(next(6000)));
        if running.kill() {
            killed += 1;
        }
        let seen = smm.status_json()["steps"].clone();
        std::fs::copy(smm.path("history.jsonl"), replayed.path("history.jsonl"))
            .expect("copy the history");
        assert_eq!(
            seen,
            replayed.status_json()["steps"],
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
    smm.test(&["doctor"])
        .expected_stdout(
            smm.all_is_well(
                std::fs::read_to_string(smm.path("history.jsonl"))
                    .expect("history")
                    .lines()
                    .count(),
            ),
        )
        .run();
}

// Unix only: Windows files have no mode bits; a cache there is as private
// as the profile folder it is in.
#[cfg(unix)]
#[test]
fn modes_are_kept_and_the_cache_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let mode = |path: &std::path::Path| {
        std::fs::metadata(path)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    };
    std::fs::set_permissions(smm.state_path(), std::fs::Permissions::from_mode(0o600))
        .expect("chmod");
    smm.ok(&["done", "2"]);
    assert_eq!(
        mode(&smm.state_path()),
        0o600,
        "the state's mode was widened"
    );
    for entry in std::fs::read_dir(smm.path("cache")).expect("cache") {
        let path = entry.expect("entry").path();
        assert_eq!(
            mode(&path),
            0o600,
            "{} is readable by others",
            path.display()
        );
    }
    let export = smm.write_file("progress.md", "old");
    std::fs::set_permissions(&export, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    smm.test(&["export", "-o"])
        .arg(&export)
        .expected_stdout(format!("Exported to {}.\n", export.display()))
        .run();
    assert_eq!(mode(&export), 0o640, "the export's mode was changed");
}
