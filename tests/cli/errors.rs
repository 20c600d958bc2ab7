//! Failures name what failed: each I/O error says which file or stream it was.

#[cfg(unix)]
use std::os::fd::OwnedFd as OwnedPipe;
#[cfg(windows)]
use std::os::windows::io::OwnedHandle as OwnedPipe;

use crate::support::Smm;

#[test]
fn roadmap_new_says_it_could_not_write_the_starter_roadmap() {
    let smm = Smm::new();
    smm.write_file("not-a-folder", "");
    let path = smm.home().join("not-a-folder/mine.yaml");
    let path = path.to_str().expect("UTF-8 path");
    // Windows says "path not found" where a part of the path is a file.
    let (reason, alasan) = if cfg!(windows) {
        (
            "the folder it would go in does not exist",
            "folder tujuannya tidak ada",
        )
    } else {
        (
            "a part of the path is not a directory",
            "sebagian jalurnya bukan direktori",
        )
    };
    smm.test(&["roadmap", "new", path])
        .expected_status(1)
        .expected_stderr(format!(
            "error: cannot write the starter roadmap {path}: {reason}\n"
        ))
        .run();
    smm.test(&["roadmap", "new", path])
        .env("LANG", "id_ID.UTF-8")
        .expected_status(1)
        .expected_stderr(format!(
            "kesalahan: roadmap awal {path} tidak bisa ditulis: {alasan}\n"
        ))
        .run();
}

#[test]
fn a_closed_pipe_ends_the_output_quietly_and_a_full_disk_does_not() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    // A pipe nobody reads: the first write fails with a broken pipe.
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    smm.test(&["log"]).stdout_to(OwnedPipe::from(writer)).run();

    // Linux's /dev/full: Windows has no such device.
    #[cfg(unix)]
    if let Ok(full) = std::fs::File::create("/dev/full") {
        smm.test(&["log"])
            .stdout_to(full)
            .expected_status(1)
            .expected_stderr("error: cannot write the output: the disk is full\n")
            .run();
    }
}
