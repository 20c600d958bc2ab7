//! Failures name what failed: each I/O error says which file or stream it was.

use crate::support::Smm;

#[test]
fn roadmap_new_says_it_could_not_write_the_starter_roadmap() {
    let smm = Smm::new();
    smm.write_file("not-a-folder", "");
    let path = smm.home().join("not-a-folder/mine.yaml");
    let path = path.to_str().expect("UTF-8 path");
    smm.run(&["roadmap", "new", path])
        .failure(1)
        .one_line_error()
        .stderr_has(&format!(
            "cannot write the starter roadmap {path}: a part of the path is not a directory"
        ));
    smm.run_with_env(&[("LANG", "id_ID.UTF-8")], &["roadmap", "new", path])
        .failure(1)
        .stderr_has(&format!(
            "galat: roadmap awal {path} tidak bisa ditulis: sebagian jalurnya bukan direktori\n"
        ));
}

/// `smm-path log` with its standard output sent to `stdout`.
fn log_into(smm: &Smm, stdout: impl Into<std::process::Stdio>) -> std::process::Output {
    smm.command(&["log"])
        .stdout(stdout)
        .output()
        .expect("run smm-path")
}

#[test]
fn a_closed_pipe_ends_the_output_quietly_and_a_full_disk_does_not() {
    let smm = Smm::new();
    smm.ok(&["done", "1"]);
    // A pipe nobody reads: the first write fails with a broken pipe.
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let output = log_into(&smm, writer);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stderr.is_empty(), "{output:?}");

    if let Ok(full) = std::fs::File::create("/dev/full") {
        let output = log_into(&smm, full);
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("cannot write the output"), "{stderr}");
    }
}
