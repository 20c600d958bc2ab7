//! What smm-path gives the shell: completion scripts for every shell, tried
//! in real bash, zsh and fish, and the man page.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{FRESH_STATUS, Smm};

/// Whether `program` runs here (asked with `version_flag`); says that the
/// test is skipped when it does not.
fn installed(program: &str, version_flag: &str) -> bool {
    // Under Wine a Unix shell found on the path would run outside the
    // Windows process tree the binary lives in: these are Unix shells' tests.
    if cfg!(windows) {
        eprintln!("skipped: {program}'s completion is tried on Unix only");
        return false;
    }
    let found = Command::new(program)
        .arg(version_flag)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !found {
        eprintln!("skipped: {program} is not installed here (.ci/run installs it)");
    }
    found
}

#[test]
fn completions_for_every_shell() {
    let smm = Smm::new();
    // bash, zsh and fish: a line that asks the installed smm-path.
    smm.test(&["completions", "bash"])
        .expected_stdout("eval \"$(SMM_PATH_COMPLETE=bash smm-path)\"\n")
        .run();
    smm.test(&["completions", "zsh"])
        .expected_stdout(
            "#compdef smm-path\n\
             source <(SMM_PATH_COMPLETE=zsh smm-path)\n\
             if [ \"$funcstack[1]\" = \"_smm-path\" ]; then\n    \
             _clap_dynamic_completer_smm_path \"$@\"\n\
             fi\n",
        )
        .run();
    smm.test(&["completions", "fish"])
        .expected_stdout("SMM_PATH_COMPLETE=fish smm-path | source\n")
        .run();
    // PowerShell and elvish: a static script of the commands and options.
    for shell in ["powershell", "elvish"] {
        let run = smm.ok(&["completions", shell]);
        for word in ["smm-path", "status", "export", "--format"] {
            assert!(run.stdout.contains(word), "{shell} lacks {word}");
        }
    }
}

/// What bash offers for `line` (the last word, empty after a space, being
/// completed), one candidate a line, with the script `smm-path completions
/// bash` prints sourced in a real bash and its registered function called
/// as bash calls it; `None` without bash.
fn bash_completes(smm: &Smm, line: &str) -> Option<String> {
    if !installed("bash", "--version") {
        return None;
    }
    let script = smm.path("user/smm-path.bash");
    std::fs::create_dir_all(smm.path("user")).expect("a folder for the script");
    std::fs::write(&script, smm.ok(&["completions", "bash"]).stdout).expect("write");
    let mut words: Vec<&str> = line.split_whitespace().collect();
    if line.ends_with(' ') {
        words.push("");
    }
    let program = "source \"$SCRIPT\" || exit 3\n\
         spec=$(complete -p smm-path) || exit 4\n\
         function=${spec##*-F }; function=${function%% *}\n\
         COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1))\n\
         COMP_LINE=\"$LINE\"; COMP_POINT=${#COMP_LINE}\n\
         \"$function\" smm-path \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n\
         printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    let output = smm
        .user_command("bash")
        .args(["--norc", "-c", program, "bash"])
        .args(&words)
        .env("SCRIPT", &script)
        .env("LINE", line)
        .output()
        .expect("run bash");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && stderr.is_empty(), "{stderr}");
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The candidates that are not options: the steps.
fn steps_only(candidates: &str) -> Vec<&str> {
    candidates
        .lines()
        .filter(|candidate| !candidate.starts_with('-'))
        .collect()
}

#[test]
#[cfg_attr(windows, ignore = "needs bash, which Windows does not have")]
fn bash_completes_an_option_after_a_subcommand() {
    // clap_complete's static script for a hyphenated name completed nothing
    // after a subcommand (clap-rs/clap#6421); the dynamic one must not
    // bring that back.
    let smm = Smm::new();
    let Some(format) = bash_completes(&smm, "smm-path export --fo") else {
        return;
    };
    assert_eq!(format, "--format\n");
    assert_eq!(
        bash_completes(&smm, "smm-path sync --dry").as_deref(),
        Some("--dry-run\n")
    );
    assert_eq!(
        bash_completes(&smm, "smm-path sta").as_deref(),
        Some("status\nstart\nstats\n")
    );
    assert_eq!(
        bash_completes(&smm, "smm-path export --format h").as_deref(),
        Some("html\n")
    );
}

#[test]
fn bash_completes_the_steps_each_command_would_change() {
    let smm = Smm::new();
    smm.ok(&["done", "3"]);
    smm.ok(&["start", "5"]);
    let Some(done) = bash_completes(&smm, "smm-path done ") else {
        return;
    };
    let done = steps_only(&done);
    assert_eq!(done.len(), 2 * 19, "{done:?}");
    assert!(done.contains(&"1") && done.contains(&"20") && done.contains(&"5"));
    assert!(!done.contains(&"3") && !done.contains(&"develop-creativity"));
    assert!(done.contains(&"content-strategy"), "{done:?}");
    let reset = bash_completes(&smm, "smm-path reset ").expect("bash");
    assert_eq!(
        steps_only(&reset),
        ["3", "5", "develop-creativity", "build-a-personal-portfolio"]
    );
    let start = bash_completes(&smm, "smm-path start ").expect("bash");
    assert!(!steps_only(&start).contains(&"5"), "{start}");
    // `show` and `note` offer every step; what is typed narrows it down.
    let show = bash_completes(&smm, "smm-path show ").expect("bash");
    assert_eq!(steps_only(&show).len(), 2 * 20);
    assert_eq!(
        bash_completes(&smm, "smm-path note cont").as_deref(),
        Some("content-strategy\ncontinuous-learning\n")
    );
    assert_eq!(
        bash_completes(&smm, "smm-path done 1,1").as_deref(),
        Some("1,1\n1,10\n1,11\n1,12\n1,13\n1,14\n1,15\n1,16\n1,17\n1,18\n1,19\n")
    );
}

/// What fish offers for `line` (`complete -C`), one `value<TAB>title` a
/// line, with the script `smm-path completions fish` prints installed
/// where the README says; fish must say nothing on stderr. `None` without
/// fish.
fn fish_completes(smm: &Smm, line: &str, env: &[(&str, &str)]) -> Option<String> {
    if !installed("fish", "--version") {
        return None;
    }
    let folder = smm.path("user/.config/fish/completions");
    std::fs::create_dir_all(&folder).expect("fish's completions folder");
    std::fs::write(
        folder.join("smm-path.fish"),
        smm.ok(&["completions", "fish"]).stdout,
    )
    .expect("write");
    let output = smm
        .user_command("fish")
        .args(["-c", "complete -C $LINE"])
        .env("LINE", line)
        .envs(env.iter().copied())
        .output()
        .expect("run fish");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && stderr.is_empty(), "{stderr}");
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn fish_completes_steps_with_their_titles_in_the_output_language() {
    let smm = Smm::new();
    smm.ok(&["done", "2"]);
    let Some(done) = fish_completes(&smm, "smm-path done ", &[]) else {
        return;
    };
    let steps = steps_only(&done);
    assert_eq!(steps[0], "1\tUnderstand Social Media Platforms");
    assert_eq!(steps[1], "3\tDevelop Your Creativity");
    assert_eq!(
        steps[19],
        "understand-platforms\tUnderstand Social Media Platforms"
    );
    assert!(!done.contains("education-and-training"), "{done}");
    // Options complete after a subcommand, with their help.
    assert_eq!(
        fish_completes(&smm, "smm-path export --fo", &[]).as_deref(),
        Some("--format\tThe format to write\n")
    );
    // In Indonesian from the locale or from --lang on the line.
    let indonesian = fish_completes(&smm, "smm-path show 1", &[("LANG", "id_ID.UTF-8")]);
    assert_eq!(
        steps_only(indonesian.as_deref().unwrap_or_default())[..2],
        [
            "1\tPahami Platform Media Sosial",
            "10\tJadwal Posting yang Konsisten"
        ]
    );
    let by_option = fish_completes(&smm, "smm-path --lang id show understand-p", &[]);
    assert_eq!(
        by_option.as_deref(),
        Some("understand-platforms\tPahami Platform Media Sosial\n")
    );
    let option = fish_completes(&smm, "smm-path --lang id export --fo", &[]);
    assert!(
        option
            .as_deref()
            .unwrap_or_default()
            .starts_with("--format\tFormat yang ditulis: markdown"),
        "{option:?}"
    );
}

#[test]
fn completion_reads_the_roadmap_in_use_and_writes_nothing() {
    let smm = Smm::new();
    smm.ok(&["roadmap", "new", "mine.yaml"]);
    smm.ok(&["--roadmap", "mine.yaml", "done", "first-step"]);
    smm.ok(&["done", "1"]);
    std::fs::remove_dir_all(smm.path("cache")).expect("remove the cache");
    // The shell's own home, made before the files are counted.
    std::fs::create_dir_all(smm.path("user")).expect("the user's home");
    let files = smm.file_names();
    let state = smm.state();
    let Some(given) = fish_completes(&smm, "smm-path --roadmap mine.yaml done ", &[]) else {
        return;
    };
    assert_eq!(
        steps_only(&given),
        ["2\tSecond Step", "second-step\tSecond Step"]
    );
    let from_env = fish_completes(&smm, "smm-path done ", &[("SMM_PATH_ROADMAP", "mine.yaml")]);
    assert_eq!(steps_only(from_env.as_deref().unwrap_or_default()).len(), 2);
    let home = smm.home().display().to_string();
    let elsewhere = fish_completes(&smm, &format!("smm-path --home {home}/none done "), &[]);
    assert_eq!(
        steps_only(elsewhere.as_deref().unwrap_or_default()).len(),
        2 * 20
    );
    // Not a cache, not a lock, not a home: nothing was written.
    assert_eq!(smm.file_names(), files);
    assert_eq!(smm.state(), state);
    // What cannot be read gives no steps, and not a word on stderr.
    let missing = fish_completes(&smm, "smm-path --roadmap gone.yaml done ", &[]);
    assert_eq!(
        steps_only(missing.as_deref().unwrap_or_default()),
        Vec::<&str>::new()
    );
    smm.write_state("version: [damaged");
    let damaged = fish_completes(&smm, "smm-path done ", &[]);
    assert_eq!(
        steps_only(damaged.as_deref().unwrap_or_default()),
        Vec::<&str>::new()
    );
    assert!(
        damaged.unwrap_or_default().contains("--on\t"),
        "the options still complete"
    );
}

/// What zsh shows after typing `line` and Tab in a real terminal (tmux),
/// with compinit and the script `smm-path completions zsh` prints installed
/// as the README says: waits until the screen shows `awaited` (10 seconds
/// at most) and returns the screen. `None` without zsh or tmux.
fn zsh_completes(smm: &Smm, line: &str, awaited: &str) -> Option<String> {
    if !installed("zsh", "--version") || !installed("tmux", "-V") {
        return None;
    }
    let user = smm.path("user");
    std::fs::create_dir_all(user.join(".zfunc")).expect("a folder in fpath");
    std::fs::write(
        user.join(".zfunc/_smm-path"),
        smm.ok(&["completions", "zsh"]).stdout,
    )
    .expect("write");
    std::fs::write(
        user.join(".zshrc"),
        "fpath+=(~/.zfunc)\nautoload -U compinit && compinit -u\nPS1='zsh> '\n",
    )
    .expect("write .zshrc");
    let socket = format!(
        "smm-path-zsh-{}",
        smm.home()
            .file_name()
            .map(|name| name.to_string_lossy())
            .unwrap_or_default()
    );
    let tmux = |args: &[&str]| {
        smm.user_command("tmux")
            .env("TERM", "xterm-256color")
            .args(["-L", &socket])
            .args(args)
            .output()
            .expect("run tmux")
    };
    tmux(&[
        "new-session",
        "-d",
        "-s",
        "z",
        "-x",
        "160",
        "-y",
        "50",
        "zsh",
    ]);
    let screen =
        || String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "z"]).stdout).into_owned();
    let wait_for = |text: &str| {
        let start = Instant::now();
        while !screen().contains(text) && start.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    wait_for("zsh> ");
    tmux(&["send-keys", "-t", "z", "-l", line]);
    tmux(&["send-keys", "-t", "z", "Tab"]);
    wait_for(awaited);
    let shown = screen();
    tmux(&["kill-server"]);
    Some(shown)
}

#[test]
fn zsh_completes_steps_with_their_titles_and_options_after_a_subcommand() {
    let smm = Smm::new();
    smm.ok(&["done", "3"]);
    let title = "-- Understand Social Media Platforms";
    let Some(screen) = zsh_completes(&smm, "smm-path done ", title) else {
        return;
    };
    // zsh puts a step's number and id on one line, with its title.
    let line = screen
        .lines()
        .find(|line| line.contains(title))
        .unwrap_or_else(|| panic!("no title on the screen:\n{screen}"));
    let words: Vec<&str> = line.split_whitespace().collect();
    assert_eq!(words[..2], ["understand-platforms", "1"], "{screen}");
    assert!(screen.contains("-- Content Strategy"), "{screen}");
    assert!(
        !screen.contains("develop-creativity"),
        "step 3 is done:\n{screen}"
    );
    let screen = zsh_completes(&smm, "smm-path export --fo", "--format").unwrap_or_default();
    assert!(screen.contains("zsh> smm-path export --format"), "{screen}");
}

#[test]
fn the_shell_asking_for_another_shell_is_told_what_to_do() {
    let smm = Smm::new();
    smm.test(&[])
        .env("SMM_PATH_COMPLETE", "powershell")
        .expected_status(2)
        .expected_stderr(
            "error: SMM_PATH_COMPLETE is `powershell`: the shell asks smm-path for completions this way in bash, zsh and fish only (for PowerShell and elvish, see `smm-path completions --help`); unset it to run smm-path\n",
        )
        .writes_nothing()
        .run();
    smm.test(&["--lang", "id"])
        .env("SMM_PATH_COMPLETE", "nushell")
        .expected_status(2)
        .expected_stderr(
            "kesalahan: SMM_PATH_COMPLETE berisi `nushell`: cara shell meminta pelengkapan dari smm-path ini hanya untuk bash, zsh, dan fish (untuk PowerShell dan elvish, lihat `smm-path completions --help`); hapus variabel itu untuk menjalankan smm-path\n",
        )
        .run();
    // Empty or 0 turns completion off, as clap_complete has it.
    for off in ["", "0"] {
        smm.test(&["status"])
            .env("SMM_PATH_COMPLETE", off)
            .expected_stdout(FRESH_STATUS)
            .run();
    }
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

#[test]
fn an_options_values_are_described_in_the_output_language() {
    let smm = Smm::new();
    let values = |lang: &str| {
        smm.test(&["--", "smm-path", "--lang", lang, "cohort", "--sort", ""])
            .env("SMM_PATH_COMPLETE", "fish")
            .any_stdout()
            .writes_nothing()
            .run()
            .stdout
    };
    assert_eq!(
        values("id"),
        "progress\tPaling jauh dulu\nactivity\tPaling lama tidak aktif dulu\nname\tMenurut nama\npace\tPaling cepat dulu\n"
    );
    assert_eq!(
        values("en"),
        "progress\tFurthest along first\nactivity\tLongest inactive first\nname\tBy name\npace\tFastest first\n"
    );
}

/// `--home=~/h` reaches smm-path with its `~` (no shell expands it after
/// `=`); completing reads the home the command itself would, not a folder
/// named `~`.
#[test]
fn completion_expands_a_tilde_in_home_as_the_command_does() {
    let smm = Smm::new();
    let home = smm.path("user/h");
    smm.test(&["--home"])
        .arg(&home)
        .args(&["done", "1-19"])
        .any_stdout()
        .run();
    let Some(done) = bash_completes(&smm, "smm-path --home=~/h done ") else {
        return;
    };
    assert_eq!(
        steps_only(&done),
        ["20", "feedback-and-evaluation"],
        "{done}"
    );
}
