//! Files whose line ends became `\r\n`: a git checkout with `core.autocrlf`
//! on Windows converts them. They read as the same changes, through `sync`,
//! `import` and in the home itself; a sync folder kept in git is given a
//! `.gitattributes` so git leaves them alone.

use std::path::Path;
use std::process::Command;

use crate::support::{Smm, file_names};

/// Every `\n` in the file at `path` made `\r\n`, as git's checkout does.
fn convert_to_crlf(path: &Path) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(
        !text.contains('\r'),
        "{} is already converted",
        path.display()
    );
    std::fs::write(path, text.replace('\n', "\r\n")).expect("write");
}

/// `smm`'s own device file in `folder`, as smm-path prints it.
fn own_file(folder: &Path, smm: &Smm) -> String {
    folder
        .join(format!("{}.jsonl", smm.device()))
        .display()
        .to_string()
}

/// The one device file in `folder`.
fn device_file(folder: &Path) -> std::path::PathBuf {
    let names: Vec<String> = file_names(folder)
        .into_iter()
        .filter(|name| name.ends_with(".jsonl"))
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    folder.join(&names[0])
}

#[test]
fn sync_takes_in_a_device_file_whose_lines_end_in_crlf() {
    let (a, b) = (Smm::new(), Smm::new());
    let folder = tempfile::tempdir().expect("tempdir");
    let dir = folder.path().to_str().expect("UTF-8");
    a.ok_at("2026-11-20T10:00:00+07:00", &["done", "1-2"]);
    a.ok_at("2026-11-20T10:01:00+07:00", &["note", "2", "a certificate"]);
    a.ok(&["sync", dir]);
    convert_to_crlf(&device_file(folder.path()));
    let took = b.test(&["sync", dir]).any_stdout().run();
    took.assert_stdout(format!(
        "
        Took from {dir}:
            1. Understand Social Media Platforms: to do → done
            2. Education and Training: to do → done
            2. Education and Training: 1 note added
            2 changes from elsewhere added to the history
        Wrote 2 changes to {file}.
        ",
        file = own_file(folder.path(), &b)
    ));
    assert_eq!(b.step_status(1), "done");
    assert_eq!(b.step_status(2), "done");
    assert_eq!(b.notes_of(2), ["a certificate"]);
    // A finds nothing new in B's file, and puts its own back as it wrote it.
    a.test(&["sync", dir])
        .expected_stdout(format!(
            "
            Nothing to import: this copy already has everything in {dir}.
            Wrote 2 changes to {file}.
            ",
            file = own_file(folder.path(), &a)
        ))
        .run();
    b.test(&["sync", dir])
        .expected_stdout(format!(
            "Nothing to import: this copy already has everything in {dir}.\n"
        ))
        .run();
    assert_eq!(a.status_json(), b.status_json());
}

#[test]
fn import_takes_a_history_file_whose_lines_end_in_crlf() {
    let (a, b) = (Smm::new(), Smm::new());
    a.ok(&["done", "3"]);
    a.ok(&["note", "3", "moodboard"]);
    let copy = b.write_file(
        "from-a.jsonl",
        std::fs::read_to_string(a.path("history.jsonl"))
            .expect("history")
            .replace('\n', "\r\n"),
    );
    b.ok(&["import", copy.to_str().expect("UTF-8")]);
    assert_eq!(b.step_status(3), "done");
    assert_eq!(b.notes_of(3), ["moodboard"]);
}

#[test]
fn a_home_whose_files_git_converted_to_crlf_reads_and_goes_on() {
    let smm = Smm::new();
    smm.ok(&["done", "1-2"]);
    smm.ok(&["note", "2", "a certificate"]);
    let status = smm.ok(&["status"]).stdout;
    let log = smm.ok(&["log"]).stdout;
    // What a checkout with core.autocrlf leaves: both files converted.
    convert_to_crlf(&smm.state_path());
    convert_to_crlf(&smm.path("history.jsonl"));
    smm.test(&["status"]).expected_stdout(&status).run();
    smm.test(&["log"]).expected_stdout(&log).run();
    smm.test(&["doctor"])
        .expected_stdout(smm.all_is_well(2))
        .run();
    // A change goes on after the converted lines, and undo reads them.
    smm.test(&["done", "3"])
        .expected_stdout("3. Develop Your Creativity: to do → done\n3. Develop Your Creativity: 5 actions are not ticked yet (`smm-path show 3` lists them).\n")
        .run();
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
            Undid `note 2` from Dec 5, 2026 14:30:
                2. Education and Training: note removed
            ",
        )
        .run();
    assert_eq!(smm.notes_of(2), Vec::<String>::new());
    assert_eq!(smm.step_status(2), "done");
    smm.test(&["doctor"])
        .expected_stdout(smm.all_is_well(5))
        .run();
}

#[test]
fn a_history_converted_to_crlf_without_its_snapshot_is_read_whole() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    smm.ok(&["skip", "12", "--reason", "no budget"]);
    std::fs::remove_file(smm.state_path()).expect("remove the snapshot");
    std::fs::remove_file(smm.path("progress.yaml.bak")).expect("remove the backup");
    convert_to_crlf(&smm.path("history.jsonl"));
    assert_eq!(smm.step_status(1), "done");
    assert_eq!(smm.step_status(12), "skipped");
    smm.ok(&["done", "2"]);
    assert_eq!(smm.status_json()["summary"]["done"], 2);
}

/// The `.gitattributes` smm-path writes into a sync folder kept in git.
const GITATTRIBUTES: &str = "\
# Written by smm-path: the device files (*.jsonl) are chained by checksums
# over their exact bytes, so git must not convert their line ends.
*.jsonl -text
";

#[test]
fn a_sync_folder_in_git_is_given_a_gitattributes_once() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let folder = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(folder.path().join(".git")).expect("mkdir .git");
    let dir = folder.path().to_str().expect("UTF-8");
    let attributes = folder.path().join(".gitattributes");
    smm.test(&["sync", dir])
        .expected_stdout(format!(
            "
            Nothing to import: this copy already has everything in {dir}.
            Wrote {attributes}, so that git keeps the device files' line ends as they are.
            Wrote 1 change to {file}.
            ",
            file = own_file(folder.path(), &smm),
            attributes = attributes.display()
        ))
        .expected_file(&attributes, GITATTRIBUTES)
        .run();
    // Once: a later sync neither rewrites it nor says so again.
    smm.ok(&["done", "2"]);
    smm.test(&["sync", dir])
        .expected_stdout(format!(
            "
            Nothing to import: this copy already has everything in {dir}.
            Wrote 2 changes to {file}.
            ",
            file = own_file(folder.path(), &smm)
        ))
        .expected_file(&attributes, GITATTRIBUTES)
        .run();
    // A dry run writes nothing, this file included.
    std::fs::remove_file(&attributes).expect("remove");
    smm.test(&["sync", dir, "--dry-run"])
        .expected_stdout(format!(
            "Nothing to import: this copy already has everything in {dir}.\n"
        ))
        .expected_no_file(&attributes)
        .run();
}

#[test]
fn a_gitattributes_already_in_the_sync_folder_is_left_as_it_is() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let folder = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(folder.path().join(".git")).expect("mkdir .git");
    let attributes = folder.path().join(".gitattributes");
    std::fs::write(&attributes, "* text=auto\n").expect("write");
    let dir = folder.path().to_str().expect("UTF-8");
    smm.test(&["sync", dir])
        .expected_stdout(format!(
            "
            Nothing to import: this copy already has everything in {dir}.
            Wrote 1 change to {file}.
            ",
            file = own_file(folder.path(), &smm)
        ))
        .expected_file(&attributes, "* text=auto\n")
        .run();
}

#[test]
fn a_sync_folder_outside_git_gets_no_gitattributes() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    let folder = tempfile::tempdir().expect("tempdir");
    let dir = folder.path().to_str().expect("UTF-8");
    smm.ok(&["sync", dir]);
    assert_eq!(
        file_names(folder.path()),
        [format!("{}.jsonl", smm.device())]
    );
}

/// Runs git in `dir` with `args`: its stdout, or `None` where git is not
/// installed or failed (its message is printed).
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(["-c", "init.defaultBranch=main", "-c", "core.autocrlf=true"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .ok()?;
    if !output.status.success() {
        eprintln!("git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        return None;
    }
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn a_checkout_with_autocrlf_keeps_the_device_files_bytes_through_the_gitattributes() {
    let smm = Smm::new();
    smm.ok(&["done", "1-2"]);
    let repo = tempfile::tempdir().expect("tempdir");
    if git(repo.path(), &["init", "-q"]).is_none() {
        eprintln!(
            "skipped: no git that works here (apt-get install git) to check out a sync folder"
        );
        return;
    }
    let dir = repo.path().to_str().expect("UTF-8");
    smm.ok(&["sync", dir]);
    let name = format!("{}.jsonl", smm.device());
    let written = std::fs::read(repo.path().join(&name)).expect("device file");
    git(repo.path(), &["add", "-A"]).expect("git add");
    git(repo.path(), &["commit", "-q", "-m", "sync"]).expect("git commit");
    // A fresh checkout, as on a Windows laptop with core.autocrlf=true.
    let clone = tempfile::tempdir().expect("tempdir");
    let clone_dir = clone.path().join("sync");
    git(
        clone.path(),
        &["clone", "-q", dir, clone_dir.to_str().expect("UTF-8")],
    )
    .expect("git clone");
    assert_eq!(
        std::fs::read(clone_dir.join(&name)).expect("checked out"),
        written,
        "git converted the device file"
    );
    // And the laptop takes it in.
    let laptop = Smm::new();
    laptop.ok(&["sync", clone_dir.to_str().expect("UTF-8")]);
    assert_eq!(laptop.status_json()["summary"]["done"], 2);
}
