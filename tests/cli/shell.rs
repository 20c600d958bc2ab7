//! What smm-path gives the shell: completion scripts for every shell, and
//! the man page.

use std::process::Command;

use crate::support::Smm;

#[test]
fn completions_for_every_shell() {
    let smm = Smm::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = smm.ok(&["completions", shell]);
        assert!(run.stdout.contains("smm-path"), "{shell}");
        assert!(
            run.stdout.contains("status"),
            "{shell} lacks the subcommands"
        );
    }
    // The bash script is sourced in a real bash, which Windows does not have.
    if cfg!(windows) {
        return;
    }
    let script = smm.home().join("smm-path.bash");
    std::fs::write(&script, smm.ok(&["completions", "bash"]).stdout).expect("write");
    let sourced = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "source {} && complete -p smm-path",
            script.display()
        ))
        .output()
        .expect("bash");
    assert!(
        sourced.status.success(),
        "{}",
        String::from_utf8_lossy(&sourced.stderr)
    );
    assert!(String::from_utf8_lossy(&sourced.stdout).contains("smm-path"));
}

/// What bash offers for `words`, the last one being completed, with the
/// script `smm-path completions bash` prints sourced in a real bash.
fn bash_completes(smm: &Smm, words: &[&str]) -> String {
    let script = smm.home().join("smm-path.bash");
    std::fs::write(&script, smm.ok(&["completions", "bash"]).stdout).expect("write");
    let line = words.join(" ");
    let program = format!(
        "source {script}\nCOMP_WORDS=({line})\nCOMP_CWORD={cword}\nCOMP_LINE='{line}'\n\
         COMP_POINT=${{#COMP_LINE}}\n_smm__path smm-path '{current}' '{previous}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script = script.display(),
        cword = words.len() - 1,
        current = words[words.len() - 1],
        previous = words[words.len() - 2],
    );
    let output = Command::new("bash")
        .arg("-c")
        .arg(program)
        .output()
        .expect("bash");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
#[cfg_attr(windows, ignore = "needs bash, which Windows does not have")]
fn bash_completes_an_option_after_a_subcommand() {
    // clap_complete's script for a hyphenated name completed nothing after a
    // subcommand (clap-rs/clap#6421); smm-path renames its case arms.
    let smm = Smm::new();
    assert_eq!(
        bash_completes(&smm, &["smm-path", "export", "--fo"]),
        "--format\n"
    );
    assert_eq!(
        bash_completes(&smm, &["smm-path", "sync", "--dry"]),
        "--dry-run\n"
    );
    assert_eq!(
        bash_completes(&smm, &["smm-path", "sta"]),
        "status\nstart\nstats\n"
    );
}

#[test]
fn the_man_page_is_roff_that_renders() {
    let smm = Smm::new();
    let page = smm.ok(&["man"]).stdout;
    assert!(page.contains(".TH smm-path 1"), "{page}");
    assert!(
        page.contains(".SH NAME") && page.contains(".SH COMMANDS"),
        "{page}"
    );
    // One page holds every command: no reference to pages that do not exist.
    assert!(!page.contains("(1)"), "{page}");
    for command in [
        "status",
        "done",
        "note",
        "export",
        "sync",
        "doctor",
        "roadmap list",
    ] {
        assert!(
            page.contains(&format!(".SS \"smm-path {command}\"")),
            "{command} missing"
        );
    }
    let path = smm.home().join("smm-path.1");
    std::fs::write(&path, &page).expect("write");
    match Command::new("man")
        .arg("-l")
        .arg(&path)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .output()
    {
        Ok(output) if output.status.success() => {
            let rendered = String::from_utf8_lossy(&output.stdout);
            assert!(rendered.contains("smm-path"), "{rendered}");
            assert!(rendered.contains("smm-path done [--on]"), "{rendered}");
        }
        _ => eprintln!(
            "skipped rendering: `man -l` is not available here (the roff was checked above)"
        ),
    }
}
