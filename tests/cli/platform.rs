//! What differs from one computer to another, checked on each: a `~` the
//! shell left in a path, the shell `doctor`'s repairs are written for, the
//! system's language, colour, files written with `-o` rather than `>`, and
//! the CSV file a spreadsheet opens. The same tests run on Linux and, built
//! for Windows, under Wine; the few that only mean something on one system
//! say so where they are `cfg`'d.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use crate::support::{FRESH_STATUS, FRESH_STATUS_ID, Smm, file_names, renaming};

/// A fresh home, with a home folder of the user's own (not the smm-path
/// home) that `~` stands for: `HOME` names it on Unix, `USERPROFILE` on
/// Windows.
fn with_user_folder() -> (Smm, TempDir) {
    let user = tempfile::Builder::new()
        .prefix("smm-path-user")
        .tempdir()
        .expect("a temporary user folder");
    let text = user.path().to_str().expect("UTF-8").to_string();
    let smm = Smm::new().env("HOME", &text).env("USERPROFILE", &text);
    (smm, user)
}

/// `Exported to PATH.`, as `-o` confirms a file.
fn exported(path: &Path) -> String {
    format!("Exported to {}.\n", path.display())
}

#[test]
fn a_tilde_the_shell_left_in_a_sync_folder_is_the_home_folder() {
    let (smm, user) = with_user_folder();
    smm.ok(&["done", "1"]);
    // Quoted, as a person types it to be safe, or as PowerShell passes it.
    smm.ok(&["sync", "~/Sync/smm-path"]);
    let folder = user.path().join("Sync").join("smm-path");
    let names = file_names(&folder);
    assert!(
        names.iter().any(|name| name.ends_with(".jsonl")),
        "no device file in {}: {names:?}",
        folder.display()
    );
    // No folder named `~` where it ran (the smm-path home).
    assert!(!smm.path("~").exists(), "a folder named ~ was made");
    // A second device finds the same folder the same way.
    let user_text = user.path().to_str().expect("UTF-8");
    let other = Smm::new()
        .env("HOME", user_text)
        .env("USERPROFILE", user_text);
    other.ok(&["sync", "~/Sync/smm-path"]);
    assert_eq!(other.step_status(1), "done");
}

#[test]
fn a_tilde_leads_every_path_argument() {
    let (smm, user) = with_user_folder();
    let at = |name: &str| user.path().join(name);
    smm.ok(&["done", "2"]);
    smm.test(&["export", "-o", "~/progress.md"])
        .expected_stdout(exported(&at("progress.md")))
        .run();
    assert!(
        std::fs::read_to_string(at("progress.md"))
            .expect("the export")
            .contains("- [x] 2\\.")
    );
    smm.test(&["export", "-f", "json", "-o", "~/me.json"])
        .expected_stdout(exported(&at("me.json")))
        .run();
    smm.test(&["import", "~/me.json", "--dry-run"])
        .any_stdout()
        .run();
    smm.test(&["cohort", "~/me.json", "-f", "csv", "-o", "~/cohort.csv"])
        .expected_stdout(exported(&at("cohort.csv")))
        .run();
    smm.test(&["completions", "bash", "-o", "~/smm-path.bash"])
        .expected_stdout(exported(&at("smm-path.bash")))
        .run();
    smm.test(&["man", "-o", "~/smm-path.1"])
        .expected_stdout(exported(&at("smm-path.1")))
        .run();
    smm.ok(&["roadmap", "new", "~/mine.yaml"]);
    assert!(
        at("mine.yaml").is_file(),
        "roadmap new did not write ~/mine.yaml"
    );
    smm.ok(&["roadmap", "validate", "~/mine.yaml"]);
    smm.ok(&["--roadmap", "~/mine.yaml", "done", "1"]);
    smm.ok(&["--home", "~/another-home", "done", "3"]);
    assert!(at("another-home").join("progress.yaml").is_file());
    // Only a `~` that is a whole first component stands for the folder.
    smm.test(&["export", "-o", "~not-a-user.md"])
        .expected_stdout(exported(Path::new("~not-a-user.md")))
        .run();
    assert!(smm.path("~not-a-user.md").is_file());
}

/// cmd.exe expands `%USERPROFILE%`; PowerShell and a quoted argument leave
/// it, and on Windows smm-path expands it as it does `~`. (On Unix it is
/// no variable syntax anyone types, and stays a name.)
#[cfg(windows)]
#[test]
fn userprofile_leads_a_path_on_windows() {
    let (smm, user) = with_user_folder();
    smm.ok(&["done", "1"]);
    smm.ok(&["sync", r"%USERPROFILE%\Sync\smm-path"]);
    assert!(user.path().join("Sync").join("smm-path").is_dir());
    smm.test(&["export", "-o", r"~\progress.md"])
        .expected_stdout(exported(&user.path().join("progress.md")))
        .run();
}

/// The repair `doctor` gives for a file where the home should be, for a
/// name with a quote in it: one word in this platform's shell.
fn home_file_repair(smm: &Smm) -> (PathBuf, String) {
    let file = smm.write_file("Ayu's home", "x");
    let run = smm
        .test(&["--home"])
        .arg(&file)
        .arg("doctor")
        .expected_status(1)
        .expected_stderr("error: doctor found problems, listed above\n")
        .any_stdout()
        .run();
    let fix = run
        .stdout
        .lines()
        .find_map(|line| line.trim_start().strip_prefix("Fix:"))
        .expect("a Fix line")
        .trim()
        .to_string();
    (file, fix)
}

#[test]
fn doctor_writes_its_repairs_for_the_shell_people_use_here() {
    let smm = Smm::new();
    let (file, fix) = home_file_repair(&smm);
    let expected = if cfg!(windows) {
        format!(
            "Rename-Item -LiteralPath '{}' -NewName 'Ayu''s home.old'",
            file.display().to_string().replace('\'', "''")
        )
    } else {
        let quoted = file.display().to_string().replace('\'', r"'\''");
        format!("mv '{quoted}' '{quoted}.old'")
    };
    assert_eq!(fix, expected);
    // The helper the other tests state their repairs with agrees, for a
    // name without a quote.
    assert_eq!(
        renaming(Path::new("/h/not-a-directory"), ".old"),
        if cfg!(windows) {
            "Rename-Item -LiteralPath '/h/not-a-directory' -NewName 'not-a-directory.old'"
        } else {
            "mv '/h/not-a-directory' '/h/not-a-directory.old'"
        }
    );
}

/// Pasted into a real shell, the repair does what it says. (Windows'
/// PowerShell is not there under Wine: its rendering is checked above and
/// by the unit tests.)
#[cfg(unix)]
#[test]
fn a_repair_pasted_into_sh_repairs() {
    let smm = Smm::new();
    let (file, fix) = home_file_repair(&smm);
    let status = Command::new("sh")
        .arg("-c")
        .arg(&fix)
        .status()
        .expect("run sh");
    assert!(status.success(), "{fix}");
    assert!(!file.exists(), "{fix} left {}", file.display());
    assert_eq!(
        std::fs::read_to_string(smm.path("Ayu's home.old")).expect("moved"),
        "x"
    );
}

/// On Windows and macOS the system's display language counts when no
/// locale variable names one. Wine takes its own language from the same
/// variables, so under Wine the child, with none set, is English, as the
/// system the test sees; an Indonesian Windows (`id-ID`) is covered by the
/// unit tests of `Lang::from_locale`, where the system's answer is handed in.
#[cfg(windows)]
#[test]
fn without_locale_variables_the_system_language_counts() {
    let smm = Smm::new().env("LANG", "");
    let indonesian = sys_locale::get_locale().is_some_and(|locale| locale.starts_with("id"));
    smm.test(&["status"])
        .expected_stdout(if indonesian {
            FRESH_STATUS_ID
        } else {
            FRESH_STATUS
        })
        .run();
}

/// Where no variable names a language, Linux stays with English: its
/// locale variables are the system's setting.
#[cfg(not(any(windows, target_os = "macos")))]
#[test]
fn without_locale_variables_linux_speaks_english() {
    let smm = Smm::new().env("LANG", "");
    smm.test(&["status"]).expected_stdout(FRESH_STATUS).run();
    let smm = Smm::new().env("LANG", "").env("LC_MESSAGES", "id_ID.UTF-8");
    smm.test(&["status"]).expected_stdout(FRESH_STATUS_ID).run();
}

#[test]
fn colour_codes_reach_a_pipe_only_when_asked() {
    let smm = Smm::new().env("TERM", "xterm-256color");
    smm.ok(&["done", "1"]);
    for args in [&["status"][..], &["stats", "--calendar"]] {
        let plain = smm.ok(args).stdout;
        assert!(!plain.contains('\u{1b}'), "{args:?}: colour in a pipe");
        let mut forced = args.to_vec();
        forced.extend(["--color", "always"]);
        // On Windows too: a pipe is no console to switch, and the codes go
        // through as asked (`| less -R`).
        let coloured = smm.ok(&forced).stdout;
        assert!(coloured.contains("\u{1b}[32m"), "{forced:?}: no green");
    }
}

/// Every command's help, in both languages.
fn every_help() -> Vec<(String, String)> {
    fn walk(command: &clap::Command, prefix: &[String], found: &mut Vec<Vec<String>>) {
        for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
            let mut path = prefix.to_vec();
            path.push(sub.get_name().to_string());
            found.push(path.clone());
            walk(sub, &path, found);
        }
    }
    let mut commands = vec![Vec::new()];
    walk(
        &<smm_path::internals::cli::Cli as clap::CommandFactory>::command(),
        &[],
        &mut commands,
    );
    let smm = Smm::new();
    let mut helps = Vec::new();
    for lang in ["en", "id"] {
        for command in &commands {
            let mut args: Vec<&str> = vec!["--lang", lang];
            args.extend(command.iter().map(String::as_str));
            args.push("--help");
            helps.push((args.join(" "), smm.ok(&args).stdout));
        }
    }
    helps
}

/// A line that sends smm-path's output to a file with `>`.
fn redirects(line: &str) -> bool {
    line.contains("smm-path ") && (line.contains(" > ") || line.contains(" >> "))
}

#[test]
fn examples_write_files_with_o_never_with_a_redirect() {
    // Windows PowerShell 5.1 writes what `>` catches as UTF-16.
    for (what, help) in every_help() {
        let bad: Vec<&str> = help.lines().filter(|line| redirects(line)).collect();
        assert!(bad.is_empty(), "{what}: {bad:?}");
    }
    let readme = include_str!("../../README.md");
    let bad: Vec<&str> = readme.lines().filter(|line| redirects(line)).collect();
    assert!(bad.is_empty(), "README.md: {bad:?}");
}

/// The built-in roadmap with letters outside ASCII in step 1's Indonesian title.
fn roadmap_with_accents(smm: &Smm) -> PathBuf {
    let yaml = crate::support::builtin_roadmap().replacen(
        "Pahami Platform Media Sosial",
        "Pahami Média Sosial — café",
        1,
    );
    assert!(yaml.contains("café"), "step 1's title was not found");
    smm.write_file("accents.yaml", yaml)
}

const BOM: &[u8] = b"\xef\xbb\xbf";

#[test]
fn a_csv_file_starts_with_a_bom_and_stdout_does_not() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    let roadmap = roadmap_with_accents(&smm);
    smm.test(&["--roadmap"])
        .arg(&roadmap)
        .args(&["done", "1"])
        .any_stdout()
        .run();
    let file = smm.path("progres.csv");
    smm.test(&["--roadmap"])
        .arg(&roadmap)
        .args(&["export", "-f", "csv", "-o"])
        .arg(&file)
        .expected_stdout(format!("Diekspor ke {}.\n", file.display()))
        .run();
    let bytes = std::fs::read(&file).expect("the CSV file");
    assert!(bytes.starts_with(BOM), "no BOM for Excel");
    let stdout = smm
        .test(&["--roadmap"])
        .arg(&roadmap)
        .args(&["export", "-f", "csv"])
        .any_stdout()
        .run()
        .stdout;
    assert!(!stdout.starts_with('\u{feff}'), "a BOM on stdout");
    assert_eq!(&bytes[BOM.len()..], stdout.as_bytes(), "the same table");
    // The csv crate reads the file with the BOM set aside.
    let mut reader = csv::Reader::from_path(&file).expect("open");
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(&headers[0], "No.");
    let first = reader.records().next().expect("a row").expect("a record");
    assert_eq!(&first[2], "Pahami Média Sosial — café");
    // A mentor's CSV too.
    let export = smm.path("me.json");
    smm.test(&["--roadmap"])
        .arg(&roadmap)
        .args(&["export", "-f", "json", "-o"])
        .arg(&export)
        .any_stdout()
        .run();
    let cohort = smm.path("kelompok.csv");
    smm.test(&["--roadmap"])
        .arg(&roadmap)
        .arg("cohort")
        .arg(&export)
        .args(&["-f", "csv", "-o"])
        .arg(&cohort)
        .any_stdout()
        .run();
    assert!(std::fs::read(&cohort).expect("cohort CSV").starts_with(BOM));
}

/// The CSV file `export -o` writes in Indonesian, with accents in step 1.
fn indonesian_csv_file(smm: &Smm) -> PathBuf {
    let roadmap = roadmap_with_accents(smm);
    let file = smm.path("progres.csv");
    smm.test(&["--roadmap"])
        .arg(&roadmap)
        .args(&["export", "-f", "csv", "-o"])
        .arg(&file)
        .any_stdout()
        .run();
    file
}

/// Runs `program`, `None` (after saying so) when it is not installed here.
fn output_of(command: &mut Command) -> Option<String> {
    let program = command.get_program().to_string_lossy().into_owned();
    match command.output() {
        Err(_) => {
            eprintln!("skipped {program}: not installed here (.ci/run installs it)");
            None
        }
        Ok(output) => {
            assert!(
                output.status.success(),
                "{program} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            Some(String::from_utf8(output.stdout).expect("UTF-8"))
        }
    }
}

#[test]
fn pandas_reads_the_csv_file_with_its_first_header_whole() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    let file = indonesian_csv_file(&smm);
    // pandas as people call it, with no encoding given; and Python's own
    // csv module as its documentation says for such files (utf-8-sig).
    let script = "import sys\n\
        try:\n    import pandas\nexcept ImportError:\n    print('no pandas'); sys.exit(0)\n\
        frame = pandas.read_csv(sys.argv[1])\n\
        print(repr(frame.columns[0])); print(frame.iloc[0, 2])\n\
        import csv\n\
        rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))\n\
        print(repr(rows[0][0])); print(rows[1][2])\n";
    let Some(output) = output_of(Command::new("python3").arg("-c").arg(script).arg(&file)) else {
        return;
    };
    if output == "no pandas\n" {
        eprintln!("skipped pandas: not installed here (.ci/run installs it)");
        return;
    }
    assert_eq!(
        output,
        "'No.'\nPahami Média Sosial — café\n'No.'\nPahami Média Sosial — café\n"
    );
}

#[test]
fn libreoffice_reads_the_csv_file_with_its_letters() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    let file = indonesian_csv_file(&smm);
    let out = tempfile::tempdir().expect("tempdir");
    // Read as UTF-8 (76), with commas (44) and double quotes (34), from
    // line 1: what LibreOffice's import dialog fills in when it sees the
    // mark (headless, there is no dialog: without the options it takes the
    // legacy code page, mark or no mark). The mark must then be set aside,
    // not glued onto the first header. Out it writes the same.
    let converted = output_of(
        Command::new("soffice")
            .env("HOME", out.path())
            .args([
                "--headless",
                "--infilter=CSV:44,34,76,1",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76",
            ])
            .arg("--outdir")
            .arg(out.path())
            .arg(&file),
    );
    if converted.is_none() {
        return;
    }
    let text = std::fs::read_to_string(out.path().join("progres.csv")).expect("converted");
    let mut lines = text.lines();
    let header = lines.next().expect("a header");
    assert!(
        header.starts_with("No.,id,"),
        "{header:?}: the mark glued on?"
    );
    let first = lines.next().expect("a row");
    assert!(first.contains("Pahami Média Sosial — café"), "{first:?}");
}

/// The program headers' types in an ELF64 little-endian file.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn elf_segment_types(bytes: &[u8]) -> Vec<u32> {
    let number = |at: usize, width: usize| {
        bytes[at..at + width]
            .iter()
            .rev()
            .fold(0usize, |value, &byte| value << 8 | usize::from(byte))
    };
    assert_eq!(&bytes[..4], b"\x7fELF", "not an ELF file");
    let (offset, size, count) = (number(0x20, 8), number(0x36, 2), number(0x38, 2));
    (0..count)
        .map(|index| number(offset + index * size, 4) as u32)
        .collect()
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_linux_build_is_static_and_asks_for_no_program_loader() {
    // As README's "From source" says: the repository's .cargo/config.toml
    // links glibc in, so the binary cargo builds (for these tests as for
    // `cargo run --release`) names no loader (no PT_INTERP segment).
    const PT_INTERP: u32 = 3;
    let binary = std::fs::read(env!("CARGO_BIN_EXE_smm-path")).expect("the binary");
    let types = elf_segment_types(&binary);
    assert!(!types.is_empty(), "no program header read");
    assert!(
        !types.contains(&PT_INTERP),
        "the binary asks for a program loader: it is dynamically linked ({types:?})"
    );
    // And it runs.
    let smm = Smm::new();
    smm.test(&["status"]).expected_stdout(FRESH_STATUS).run();
}
