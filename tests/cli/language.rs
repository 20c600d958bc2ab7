//! Language: chosen by `--lang` or the locale variables, for the UI and the roadmap.

use crate::support::Smm;

#[test]
fn the_locale_picks_indonesian() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    smm.ok(&["done", "1"])
        .stdout_has("1. Pahami Platform Media Sosial: belum dimulai → selesai");
    smm.ok(&["status"])
        .stdout_has("No.  Langkah")
        .stdout_has("1/20 selesai (5%)")
        .stdout_has("Berikutnya: 2. Pendidikan dan Pelatihan");
    smm.run(&["done", "0"])
        .failure(2)
        .stderr_has("galat: langkah 0 tidak ada");
}

#[test]
fn language_variables_are_read_in_order() {
    let smm = Smm::new()
        .env("LANG", "en_US.UTF-8")
        .env("LANGUAGE", "id:en");
    smm.ok(&["status"]).stdout_has("0/20 selesai");
    let smm = Smm::new()
        .env("LANG", "id_ID.UTF-8")
        .env("LC_ALL", "C.UTF-8");
    smm.ok(&["status"]).stdout_has("0/20 done");
    let smm = Smm::new()
        .env("LANG", "id_ID.UTF-8")
        .env("LC_MESSAGES", "en_GB.UTF-8");
    smm.ok(&["status"]).stdout_has("0/20 done");
}

#[test]
fn the_flag_beats_the_locale() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    smm.ok(&["--lang", "en", "status"]).stdout_has("0/20 done");
    let smm = Smm::new();
    smm.ok(&["status", "--lang", "id"])
        .stdout_has("0/20 selesai");
}

#[test]
fn help_teaches_and_lists_exit_codes() {
    let smm = Smm::new();
    smm.ok(&["--help"])
        .stdout_has("Everyday use:")
        .stdout_has("Exit codes:")
        .stdout_has("2  bad usage or input");
    smm.ok(&["done", "--help"])
        .stdout_has("smm-path done 1-3 7");
    smm.ok(&["--version"]).stdout_has("smm-path ");
}

/// Words that only English text would hold. Commands, options, ids and
/// values the user types are taken out of the text before it is searched.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "of",
    "to",
    "is",
    "are",
    "for",
    "with",
    "your",
    "you",
    "this",
    "that",
    "from",
    "or",
    "not",
    "print",
    "show",
    "usage",
    "options",
    "arguments",
    "argument",
    "error",
    "default",
    "possible",
    "values",
    "value",
    "invalid",
    "found",
    "expected",
    "required",
    "steps",
    "step",
    "file",
    "directory",
    "unknown",
    "field",
    "missing",
    "information",
    "tip",
    "similar",
    "exists",
    "subcommand",
    "subcommands",
    "but",
    "when",
    "which",
    "each",
    "every",
    "at",
    "by",
    "it",
    "than",
    "there",
    "try",
    "more",
    "see",
    "summary",
    "version",
    "commands",
    "done",
    "skipped",
    "todo",
    "progress",
    "nothing",
    "already",
    "should",
    "cannot",
    "must",
    "into",
    "string",
];

/// The words a user types, which stay as they are in any language.
const TYPED: &[&str] = &[
    "smm-path",
    "status",
    "done",
    "start",
    "skip",
    "reset",
    "show",
    "next",
    "note",
    "undo",
    "log",
    "export",
    "import",
    "sync",
    "stats",
    "plan",
    "doctor",
    "roadmap",
    "validate",
    "new",
    "list",
    "completions",
    "man",
    "help",
    "markdown",
    "json",
    "csv",
    "html",
    "portfolio",
    "auto",
    "always",
    "never",
    "bash",
    "zsh",
    "fish",
    "elvish",
    "powershell",
    "id",
    "en",
];

/// `text` without what is typed or quoted: `code`, --options, file names,
/// paths, and the commands and values above.
fn prose_words(text: &str) -> Vec<String> {
    let mut prose = String::new();
    let mut in_code = false;
    for character in text.chars() {
        if character == '`' {
            in_code = !in_code;
            prose.push(' ');
        } else if !in_code {
            prose.push(character);
        }
    }
    prose
        .split_whitespace()
        .filter(|token| {
            !token.starts_with('-')
                && !token.contains(['/', '.', '_', '=', '<', '>', '@', '~', '*', '$'])
                && !token.chars().any(|c| c.is_ascii_digit())
        })
        .map(|token| {
            token
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .filter(|word| !word.is_empty() && !TYPED.contains(&word.as_str()))
        .collect()
}

fn assert_no_english(what: &str, text: &str) {
    let words = prose_words(text);
    let leaked: Vec<&String> = words
        .iter()
        .filter(|word| ENGLISH.contains(&word.as_str()))
        .collect();
    assert!(leaked.is_empty(), "English {leaked:?} in {what}:\n{text}");
}

#[test]
fn with_an_indonesian_locale_no_english_word_is_left() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    // Every command's help, long and short, and `help COMMAND`.
    let commands = [
        "",
        "status",
        "done",
        "start",
        "skip",
        "reset",
        "show",
        "next",
        "note",
        "undo",
        "log",
        "export",
        "import",
        "sync",
        "stats",
        "plan",
        "doctor",
        "roadmap",
        "roadmap validate",
        "roadmap new",
        "roadmap list",
        "ui",
        "cohort",
        "config",
        "config name",
        "completions",
        "man",
    ];
    for command in commands {
        let mut args: Vec<&str> = command.split_whitespace().collect();
        for flag in ["--help", "-h"] {
            args.push(flag);
            let help = smm.ok(&args).stdout;
            assert!(
                help.contains("Penggunaan: smm-path"),
                "{command} {flag}:\n{help}"
            );
            assert_no_english(&format!("`{command} {flag}`"), &help);
            args.pop();
        }
        let mut help_args = vec!["help"];
        help_args.extend(command.split_whitespace());
        assert_no_english(&format!("`help {command}`"), &smm.ok(&help_args).stdout);
    }
    assert_no_english("`--version`", &smm.ok(&["--version"]).stdout);

    // Usage errors: exit 2, in Indonesian, with the usage and a pointer to --help.
    let usage_errors: [&[&str]; 12] = [
        &["statsu"],
        &["done"],
        &["done", "1", "--bogus"],
        &["export", "--format", "docx"],
        &["log", "-n", "abc"],
        &["status", "--json", "--short"],
        &["roadmap"],
        &["plan"],
        &["note", "1"],
        &["--color", "sometimes", "status"],
        &["done", "99"],
        &["done", "1", "--on", "kemarin"],
    ];
    for args in usage_errors {
        let run = smm.run(args).failure(2);
        assert!(
            run.stderr.starts_with("galat: "),
            "{args:?}: {}",
            run.stderr
        );
        assert_no_english(&format!("{args:?}"), &run.stderr);
    }
    // The man page, roff and rendered.
    let page = smm.ok(&["man"]).stdout;
    assert!(
        page.contains(".SH NAMA") && page.contains(".SH PERINTAH"),
        "{page}"
    );
    let roff_text: String = page
        .lines()
        .filter(|line| {
            !line.starts_with(".ie") && !line.starts_with(".el") && !line.starts_with(".TH")
        })
        .map(|line| {
            line.replace("\\-", "-")
                .replace("\\fB", "")
                .replace("\\fR", "")
                .replace("\\fI", "")
        })
        .map(|line| {
            line.trim_start_matches(|c: char| c == '.' || c.is_ascii_uppercase())
                .to_string()
                + "\n"
        })
        .collect();
    assert_no_english("the man page", &roff_text);

    // Messages of the program itself, including a parser's.
    smm.ok(&["done", "1"]);
    smm.ok(&["skip", "12"]);
    for args in [
        &["status"][..],
        &["show", "19"],
        &["next"],
        &["log"],
        &["stats"],
        &["doctor"],
    ] {
        assert_no_english(&format!("{args:?}"), &smm.ok(args).stdout);
    }
    let typo = smm.write_file(
        "typo.yaml",
        "id: x\nversion: 1\ntitle: X\nsteps:\n  - id: a\n    title: A\n    sumary: S\n",
    );
    let run = smm
        .run(&["--roadmap", typo.to_str().expect("UTF-8"), "status"])
        .failure(1);
    assert!(
        run.stderr.contains("kolom `sumary` tidak dikenal"),
        "{}",
        run.stderr
    );
    assert_no_english("a roadmap's unknown field", &run.stderr);
    smm.write_state("version: 3\nroadmaps: {}\nsum: x\nend: yes\nextra: 1\n");
    let run = smm.run(&["status"]).failure(1);
    assert_no_english("a damaged progress file", &run.stderr);
}

#[test]
fn completion_scripts_are_the_same_in_both_languages() {
    let english = Smm::new();
    let indonesian = Smm::new().env("LANG", "id_ID.UTF-8");
    for shell in ["bash", "zsh", "fish"] {
        assert_eq!(
            english.ok(&["completions", shell]).stdout,
            indonesian.ok(&["completions", shell]).stdout,
            "{shell}"
        );
    }
}

#[test]
fn a_usage_error_quotes_what_was_typed_without_acting_on_it() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    let run = smm.run(&["\u{1b}]2;PWNED\u{7}"]).failure(2);
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    assert!(
        run.stderr
            .starts_with("galat: `\\u{1b}]2;PWNED\\u{7}` bukan perintah"),
        "{}",
        run.stderr
    );
}

#[test]
fn nothing_english_leaks_into_indonesian_output() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    let mut output = String::new();
    for args in [
        &["done", "1-2"][..],
        &["start", "3"],
        &["skip", "12", "--reason", "belum ada anggaran"],
        &["note", "1", "sertifikat: https://example.com"],
        &["status"],
        &["status", "--short"],
        &["show", "1"],
        &["next"],
        &["log"],
        &["export"],
        &["doctor"],
        &["roadmap", "list"],
        &["undo"],
        &["done", "2"],
    ] {
        output.push_str(&smm.ok(args).stdout);
    }
    output.push_str(&smm.run(&["done", "25"]).stderr);
    output.push_str(&smm.run(&["done", "abc"]).stderr);
    for english in [
        "done",
        "to do",
        "Next",
        "Mark it",
        "What it is",
        "Practical steps",
        "Resources",
        "Evidence",
        "Notes",
        "Undid",
        "skipped",
        "in progress",
        "History",
        "Progress",
        "Backup",
        "error",
        "step",
        "already",
        "nothing",
        "Home",
        "All is well",
    ] {
        let found = output
            .lines()
            // Commands as typed (`done 1-2` in the history) are commands, not prose.
            .filter(|line| {
                !line.contains('`') && !line.contains("14:30  ") && !line.contains("https://")
            })
            // Whole words only: "Indonesia" holds "done".
            .find(|line| {
                let words: String = line
                    .chars()
                    .map(|c| if c.is_alphanumeric() { c } else { ' ' })
                    .collect();
                format!(
                    " {} ",
                    words.split_whitespace().collect::<Vec<_>>().join(" ")
                )
                .contains(&format!(" {english} "))
            });
        assert!(found.is_none(), "English {english:?} in: {found:?}");
    }
}
