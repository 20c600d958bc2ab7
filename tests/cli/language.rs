//! Language: chosen by `--lang` or the locale variables, for the UI and the roadmap.

use clap::CommandFactory;

use crate::support::{FRESH_STATUS, FRESH_STATUS_ID, SEP, Smm};

#[test]
fn the_locale_picks_indonesian() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    smm.test(&["done", "1"])
        .expected_stdout("1. Pahami Platform Media Sosial: belum dimulai → selesai\n1. Pahami Platform Media Sosial: 5 tindakan belum dicentang (`smm-path show 1` menampilkannya).\n")
        .run();
    smm.test(&["status"])
        .expected_stdout(
            "
            Pekerjaan Manajemen Media Sosial

             No.  Langkah                        Status           Tanggal
            ─────────────────────────────────────────────────────────────────
                  Fondasi                        1/5 selesai
               1  Pahami Platform Media Sosial   ✓ selesai        5 Des 2026
               2  Pendidikan dan Pelatihan       ○ belum dimulai
               3  Kembangkan Kreativitas         ○ belum dimulai
               4  Pilih Niche atau Industri      ○ belum dimulai
               5  Bangun Portofolio Pribadi      ○ belum dimulai
                  Produksi                       0/5 selesai
               6  Pahami Target Audiens          ○ belum dimulai
               7  Analisis dan Riset Pasar       ○ belum dimulai
               8  Strategi Konten                ○ belum dimulai
               9  Buat Konten Berkualitas        ○ belum dimulai
              10  Jadwal Posting yang Konsisten  ○ belum dimulai
                  Pertumbuhan                    0/5 selesai
              11  Interaksi dan Responsif        ○ belum dimulai
              12  Pemasaran Berbayar             ○ belum dimulai
              13  Kampanye dan Kontes            ○ belum dimulai
              14  Pengukuran dan Analisis        ○ belum dimulai
              15  Pelayanan Pelanggan            ○ belum dimulai
                  Profesional                    0/5 selesai
              16  Pendidikan Kontinu             ○ belum dimulai
              17  Kolaborasi dan Jaringan        ○ belum dimulai
              18  Pemasaran Diri                 ○ belum dimulai
              19  Kepatuhan dan Etika            ○ belum dimulai
              20  Umpan Balik dan Evaluasi       ○ belum dimulai

            1/20 selesai (5%) █░░░░░░░░░░░░░░░░░░░
            Berikutnya: 2. Pendidikan dan Pelatihan
            Tandai selesai dengan `smm-path done 2`.
            ",
        )
        .run();
    smm.test(&["done", "0"])
        .expected_status(2)
        .expected_stderr("kesalahan: langkah 0 tidak ada: roadmap ini berisi langkah 1 sampai 20\n")
        .writes_nothing()
        .run();
}

#[test]
fn language_variables_are_read_in_order() {
    let smm = Smm::new()
        .env("LANG", "en_US.UTF-8")
        .env("LANGUAGE", "id:en");
    smm.test(&["status"]).expected_stdout(FRESH_STATUS_ID).run();
    let smm = Smm::new()
        .env("LANG", "id_ID.UTF-8")
        .env("LC_ALL", "C.UTF-8");
    smm.test(&["status"]).expected_stdout(FRESH_STATUS).run();
    let smm = Smm::new()
        .env("LANG", "id_ID.UTF-8")
        .env("LC_MESSAGES", "en_GB.UTF-8");
    smm.test(&["status"]).expected_stdout(FRESH_STATUS).run();
}

#[test]
fn the_flag_beats_the_locale() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    smm.test(&["--lang", "en", "status"])
        .expected_stdout(FRESH_STATUS)
        .run();
    let smm = Smm::new();
    smm.test(&["status", "--lang", "id"])
        .expected_stdout(FRESH_STATUS_ID)
        .run();
}

#[test]
fn help_teaches_and_lists_exit_codes() {
    let smm = Smm::new();
    // The whole help: everyday use, the exit codes, examples.
    insta::assert_snapshot!("help", smm.ok(&["--help"]).stdout);
    insta::assert_snapshot!("help_done", smm.ok(&["done", "--help"]).stdout);
    smm.test(&["--version"])
        .expected_stdout(concat!("smm-path ", env!("CARGO_PKG_VERSION"), "\n"))
        .run();
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

/// Every command as typed after `smm-path`, subcommands with their parent
/// (`roadmap new`), and "" for none: read from the CLI definition itself.
fn every_command() -> Vec<String> {
    fn walk(command: &clap::Command, prefix: &str, commands: &mut Vec<String>) {
        for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
            let name = format!("{prefix}{}", sub.get_name());
            commands.push(name.clone());
            walk(sub, &format!("{name} "), commands);
        }
    }
    let mut commands = vec![String::new()];
    walk(&smm_path::internals::cli::Cli::command(), "", &mut commands);
    commands
}

/// The values a user types besides the commands, which stay as they are in
/// any language: the program's name, formats, colour modes, shells, languages.
const TYPED_VALUES: &[&str] = &[
    "smm-path",
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

/// Whether `word` is typed, not prose: a command's name or a value.
fn typed(word: &str, commands: &[String]) -> bool {
    TYPED_VALUES.contains(&word)
        || commands
            .iter()
            .any(|command| command.split(' ').any(|name| name == word))
}

/// `text` without what is typed or quoted: `code`, --options, file names,
/// paths, and the commands and values above.
fn prose_words(text: &str) -> Vec<String> {
    let commands = every_command();
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
        .filter(|word| !word.is_empty() && !typed(word, &commands))
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
    let commands = every_command();
    for command in &commands {
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
        &["plan", "--target", "2027-01-01", "--clear"],
        &["note", "1"],
        &["--color", "sometimes", "status"],
        &["done", "99"],
        &["done", "1", "--on", "kemarin"],
    ];
    for args in usage_errors {
        let run = smm.test(args).expected_status(2).any_stderr().run();
        assert!(
            run.stderr.starts_with("kesalahan: "),
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
        .test(&["--roadmap"])
        .arg(&typo)
        .arg("status")
        .expected_status(1)
        .expected_stderr(
            format!(
                "
                kesalahan: roadmap {home}{SEP}typo.yaml tidak valid di baris 7, kolom 5: kunci `sumary` tidak dikenal; yang dikenal: `id`, `title`, `summary`, `actions`, `evidence`, `resources`, `reviewed`
                 --> {home}{SEP}typo.yaml:7:5
                  |
                5 |   - id: a
                6 |     title: A
                7 |     sumary: S
                  |     ^ kunci `sumary` tidak dikenal; yang dikenal: `id`, `title`, `summary`, `actions`, `evidence`, `resources`, `reviewed`
                ",
                home = smm.home().display()
            ),
        )
        .run();
    assert_no_english("a roadmap's unknown field", &run.stderr);
    smm.write_state("version: 3\nroadmaps: {}\nsum: x\nend: yes\nextra: 1\n");
    let run = smm
        .test(&["status"])
        .expected_status(1)
        .expected_stderr(
            format!(
                "kesalahan: berkas progres {home}{SEP}progress.yaml rusak di baris 5, kolom 1: kunci `extra` tidak dikenal; yang dikenal: `version`, `device`, `seq`, `home_identity`, `copied_from`, `history`, `history_length`, `roadmaps`, `sum`, `end`; berkas itu tidak diubah: perbaiki secara manual, atau jalankan `smm-path doctor` untuk melihat cadangannya\n",
                home = smm.home().display()
            ),
        )
        .run();
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
    smm.test(&["\u{1b}]2;PWNED\u{7}"])
        .expected_status(2)
        .expected_stderr(
            "
            kesalahan: `\\u{1b}]2;PWNED\\u{7}` bukan perintah

            Penggunaan: smm-path [OPSI] [PERINTAH]

            Untuk informasi lebih lanjut, jalankan `smm-path --help`.
            ",
        )
        .run();
}

/// What the operating system and smm-path itself put into a message (a file
/// missing, a folder where a file was, a hand edit in the log and `undo`)
/// is worded in Indonesian too, never the system's English.
#[test]
fn the_systems_reasons_and_a_hand_edit_speak_indonesian() {
    let smm = Smm::new().env("LANG", "id_ID.UTF-8");
    let missing = smm.path("tidak-ada.json");
    let run = smm
        .test(&["import"])
        .arg(&missing)
        .expected_status(1)
        .any_stderr()
        .run();
    assert!(
        run.stderr.contains("tidak bisa diimpor: tidak ada;"),
        "{}",
        run.stderr
    );
    let folder = smm.home().join("folder");
    std::fs::create_dir(&folder).expect("folder");
    let run = smm
        .test(&["import"])
        .arg(&folder)
        .expected_status(1)
        .any_stderr()
        .run();
    assert!(
        run.stderr.contains("sebuah direktori, bukan berkas"),
        "{}",
        run.stderr
    );
    let run = smm
        .test(&["--roadmap"])
        .arg(&missing)
        .arg("status")
        .expected_status(1)
        .any_stderr()
        .run();
    assert!(
        run.stderr.contains("tidak bisa dibaca: tidak ada"),
        "{}",
        run.stderr
    );
    smm.ok(&["done", "1-2"]);
    let edited = smm
        .state_text()
        .replacen("status: done", "status: skipped", 1);
    smm.write_state(&edited);
    smm.ok(&["done", "5"]);
    let log = smm.ok(&["log"]).stdout;
    assert!(log.contains("  disunting manual\n"), "{log}");
    smm.ok(&["undo"]);
    let undone = smm.ok(&["undo"]).stdout;
    assert!(
        undone.starts_with("Diurungkan: `disunting manual`"),
        "{undone}"
    );
    let log = smm.ok(&["log"]).stdout;
    assert!(log.contains("pengurungan `disunting manual`"), "{log}");
    for text in [&log, &undone] {
        assert!(!text.contains("edited by hand"), "{text}");
        assert_no_english("log and undo after a hand edit", text);
    }
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
    let refused = smm
        .test(&["done", "25"])
        .expected_status(2)
        .any_stderr()
        .run();
    output.push_str(&refused.stderr);
    let refused = smm
        .test(&["done", "abc"])
        .expected_status(2)
        .any_stderr()
        .run();
    output.push_str(&refused.stderr);
    for english in [
        "done",
        "to do",
        "Next",
        "Mark it",
        "What it is",
        "Practical actions",
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
