//! The command line's help in both languages: what every command says about
//! itself, every option's and argument's line, the values an option takes,
//! the placeholders of the usage lines and the exit codes, keyed by command
//! path (`""` is `smm-path` itself, `"roadmap validate"` a nested command)
//! and argument id. `cli.rs` holds only the structure; `cli_lang.rs` puts
//! these texts into clap's tree at run time, in the output language, and its
//! test checks that every command and argument has both texts here and that
//! nothing here names a command or argument that is gone.
//!
//! A text is written as `--help` shows it: a real line break is a line
//! break on screen, and a `\` at a line's end only wraps the source.

use super::Lang;

/// One text in English and Indonesian.
pub(crate) struct Texts {
    pub(crate) en: &'static str,
    pub(crate) id: &'static str,
}

impl Texts {
    pub(crate) fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Id => self.id,
        }
    }
}

/// What a command says about itself: one line (`about`, in lists and `-h`),
/// and what `--help` adds below it (`more`, examples included; empty when
/// the line says it all).
pub(crate) struct CommandHelp {
    pub(crate) path: &'static str,
    pub(crate) about: Texts,
    pub(crate) more: Texts,
}

/// The help line of one option or argument of the command at `path` (the
/// top level's are the global options every command shares).
pub(crate) struct ArgHelp {
    pub(crate) path: &'static str,
    pub(crate) id: &'static str,
    pub(crate) help: Texts,
}

/// What one value of an option means (`--format html`), shown by English
/// `--help` and by the shells' completion in the output language.
pub(crate) struct ValueHelp {
    pub(crate) path: &'static str,
    pub(crate) arg: &'static str,
    pub(crate) value: &'static str,
    pub(crate) help: Texts,
}

/// An exit code and what it means: `gist` is the line of `--help`,
/// `readme` the row of the README's table (a test checks the README says
/// the same), which lists every case.
pub(crate) struct ExitCodeText {
    pub(crate) code: u8,
    pub(crate) gist: Texts,
    // Only a test reads it: the README is written by hand, and checked.
    #[cfg_attr(not(test), expect(dead_code, reason = "the README test reads it"))]
    pub(crate) readme: &'static str,
}

/// The help of the command at `path`.
pub(crate) fn command(path: &str) -> Option<&'static CommandHelp> {
    COMMANDS.iter().find(|text| text.path == path)
}

/// The help line of argument `id` of the command at `path`.
pub(crate) fn arg(path: &str, id: &str) -> Option<&'static Texts> {
    ARGS.iter()
        .find(|text| text.path == path && text.id == id)
        .map(|text| &text.help)
}

/// What `value` of argument `arg` of the command at `path` means.
pub(crate) fn value(path: &str, arg: &str, value: &str) -> Option<&'static Texts> {
    VALUES
        .iter()
        .find(|text| text.path == path && text.arg == arg && text.value == value)
        .map(|text| &text.help)
}

/// A usage line's placeholder (`STEP`) in `lang`; one it does not know
/// stays as it is.
pub(crate) fn value_name(lang: Lang, name: &str) -> Option<&'static str> {
    VALUE_NAMES
        .iter()
        .find(|(english, _)| *english == name)
        .map(|(english, indonesian)| {
            if lang == Lang::Id {
                *indonesian
            } else {
                *english
            }
        })
}

/// Every entry, for the tests that hold them against clap's tree.
#[cfg(test)]
pub(crate) fn all() -> (
    &'static [CommandHelp],
    &'static [ArgHelp],
    &'static [ValueHelp],
) {
    (COMMANDS, ARGS, VALUES)
}

/// The text under the options of `smm-path --help`: everyday use, the exit
/// codes (from [`EXIT_CODES`]) and where the files are.
pub(crate) fn everyday(lang: Lang) -> String {
    let mut text = String::from(EVERYDAY.get(lang));
    text.push_str("\n\n");
    text.push_str(super::word(lang, super::Key::HelpExitCodes));
    text.push(':');
    for code in EXIT_CODES {
        text.push_str(&format!("\n  {}  {}", code.code, code.gist.get(lang)));
    }
    text.push_str("\n\n");
    text.push_str(FILES.get(lang));
    text
}

/// The exit codes smm-path promises to scripts, written once: `--help`
/// renders them, `error::ExitStatus` names them, the README's table is
/// checked against them.
pub(crate) const EXIT_CODES: &[ExitCodeText] = &[
    ExitCodeText {
        code: 0,
        gist: Texts {
            en: "success (also when a step was already done and nothing changed)",
            id: "berhasil (juga jika langkah sudah selesai dan tidak ada yang berubah)",
        },
        readme: "success, including \"already done, nothing changed\" and \"nothing to undo\"",
    },
    ExitCodeText {
        code: 1,
        gist: Texts {
            en: "failure: the progress or roadmap file cannot be read, or saving failed",
            id: "gagal: berkas progres atau roadmap tidak terbaca, atau penyimpanan gagal",
        },
        readme: "failure outside the command line: the progress, roadmap or import file cannot \
            be read or parsed, saving failed, `roadmap validate` found problems, `doctor` found \
            a problem, or `cohort` read no learner",
    },
    ExitCodeText {
        code: 2,
        gist: Texts {
            en: "bad usage or input: unknown step, bad date, unknown option; nothing is written",
            id: "penggunaan atau masukan salah: langkah tidak dikenal, tanggal salah, opsi tidak \
                dikenal; tidak ada yang ditulis",
        },
        readme: "bad usage or input: an unknown step, action, resource or option, a whole \
            step where an action is needed, a backwards range, a malformed or future date, a finish day before the step's start, a range where one step is \
            needed, a past target, an empty note, a note number the step has no note for, a name that is empty, too long or holds a \
            control character, `roadmap new` onto an existing file, `-o` naming a folder, `ui` \
            without a terminal, a `card` whose format its file name contradicts or cannot tell \
            (`-o card.jpg`), a PNG `card` printed on a terminal, \
            `SMM_PATH_COMPLETE` naming a shell other than bash, zsh or fish; nothing is written",
    },
];

const EVERYDAY: Texts = Texts {
    en: "Everyday use:
  smm-path                 where you stand: every step, done and next
  smm-path next            the step to work on now, with its practical actions
  smm-path start 5         you began step 5
  smm-path done 5          step 5 is done (also: 1-3, 1,4,7, content-strategy)
  smm-path check 5.2       you did the second practical action of step 5
  smm-path note 5 --evidence TEXT   keep a link to show an employer
  smm-path undo            take back the last change
  smm-path export -o progress.md   share your checklist",
    id: "Penggunaan sehari-hari:
  smm-path                 posisi Anda: setiap langkah, yang selesai dan berikutnya
  smm-path next            langkah yang dikerjakan sekarang, dengan tindakan praktisnya
  smm-path start 5         Anda mulai mengerjakan langkah 5
  smm-path done 5          langkah 5 selesai (juga: 1-3, 1,4,7, content-strategy)
  smm-path check 5.2       Anda sudah mengerjakan tindakan praktis kedua langkah 5
  smm-path note 5 --evidence TEKS   simpan tautan untuk ditunjukkan ke pemberi kerja
  smm-path undo            batalkan perubahan terakhir
  smm-path export -o progres.md   bagikan daftar centang Anda",
};

const FILES: Texts = Texts {
    en: "Files:
  Progress is saved in progress.yaml in the data directory
  (~/.local/share/smm-path on Linux); SMM_PATH_HOME or --home change it.",
    id: "Berkas:
  Progres disimpan di progress.yaml dalam direktori data
  (~/.local/share/smm-path di Linux); SMM_PATH_HOME atau --home mengubahnya.",
};

/// The placeholders in usage lines, in Indonesian.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("STEP", "LANGKAH"),
    ("ACTION", "TINDAKAN"),
    ("RESOURCE", "SUMBER"),
    ("DATE", "TANGGAL"),
    ("FILE", "BERKAS"),
    ("DIR", "DIREKTORI"),
    ("TEXT", "TEKS"),
    ("LANG", "BAHASA"),
    ("WHEN", "KAPAN"),
    ("COUNT", "JUMLAH"),
    ("NUMBER", "NOMOR"),
    ("FORMAT", "FORMAT"),
    ("SHELL", "SHELL"),
    ("NAME", "NAMA"),
    ("PATH", "JALUR"),
    ("DAYS", "HARI"),
    ("SORT", "URUTAN"),
    ("SIZE", "UKURAN"),
];

const COMMANDS: &[CommandHelp] = &[
    CommandHelp {
        path: "",
        about: Texts {
            en: "Track your career roadmap in social media management, one step at a time.",
            id: "Lacak roadmap karier Anda di bidang manajemen media sosial, selangkah demi selangkah.",
        },
        more: Texts {
            en: "smm-path carries a 20-step roadmap (in Indonesian and English) and records your progress \
            on it: which steps are done, when, and your notes and evidence. Run it without a \
            command to see where you stand.",
            id: "smm-path membawa roadmap 20 langkah (dalam bahasa Indonesia dan Inggris) dan mencatat \
            progres Anda: langkah mana yang selesai, kapan, serta catatan dan bukti Anda. Jalankan \
            tanpa perintah untuk melihat posisi Anda.",
        },
    },
    CommandHelp {
        path: "status",
        about: Texts {
            en: "Show every step with its status and date, the overall progress, and the next step",
            id: "Tampilkan setiap langkah dengan status dan tanggalnya, progres keseluruhan, dan langkah \
            berikutnya",
        },
        more: Texts {
            en: "This is what `smm-path` runs without a command.

Examples:
  smm-path status
  smm-path status --short
  smm-path status --json | jq .summary.percent",
            id: "Inilah yang dijalankan `smm-path` tanpa perintah.

Contoh:
  smm-path status
  smm-path status --short
  smm-path status --json | jq .summary.percent",
        },
    },
    CommandHelp {
        path: "done",
        about: Texts {
            en: "Mark steps as done",
            id: "Tandai langkah sebagai selesai",
        },
        more: Texts {
            en: "Examples:
  smm-path done 5
  smm-path done 1-3 7
  smm-path done content-strategy --on 2026-03-14",
            id: "Contoh:
  smm-path done 5
  smm-path done 1-3 7
  smm-path done content-strategy --on 2026-03-14",
        },
    },
    CommandHelp {
        path: "start",
        about: Texts {
            en: "Mark steps as in progress",
            id: "Tandai langkah sebagai sedang dikerjakan",
        },
        more: Texts {
            en: "Example:
  smm-path start 6",
            id: "Contoh:
  smm-path start 6",
        },
    },
    CommandHelp {
        path: "skip",
        about: Texts {
            en: "Skip steps that do not apply to you; they no longer count toward your progress",
            id: "Lewati langkah yang tidak relevan bagi Anda; langkah itu tidak lagi dihitung dalam \
            progres",
        },
        more: Texts {
            en: "Example:
  smm-path skip 12 --reason \"no ad budget yet\"",
            id: "Contoh:
  smm-path skip 12 --reason \"belum ada anggaran iklan\"",
        },
    },
    CommandHelp {
        path: "reset",
        about: Texts {
            en: "Put steps back to \"to do\" (their notes are kept)",
            id: "Kembalikan langkah ke \"belum dimulai\" (catatannya tetap disimpan)",
        },
        more: Texts {
            en: "Examples:
  smm-path reset 5
  smm-path reset --all --yes",
            id: "Contoh:
  smm-path reset 5
  smm-path reset --all --yes",
        },
    },
    CommandHelp {
        path: "show",
        about: Texts {
            en: "Show one step in full: summary, practical actions, evidence, resources, dates and \
            notes",
            id: "Tampilkan satu langkah secara lengkap: ringkasan, tindakan praktis, bukti, sumber \
            belajar, tanggal, dan catatan",
        },
        more: Texts {
            en: "Example:
  smm-path show 8",
            id: "Contoh:
  smm-path show 8",
        },
    },
    CommandHelp {
        path: "next",
        about: Texts {
            en: "Show the first step that is neither done nor skipped, with its practical actions",
            id: "Tampilkan langkah pertama yang belum selesai dan tidak dilewati, dengan tindakan \
            praktisnya",
        },
        more: Texts {
            en: "",
            id: "",
        },
    },
    CommandHelp {
        path: "today",
        about: Texts {
            en: "The morning screen: the step at hand, its next action, your streak, what is due",
            id: "Layar singkat untuk pagi hari: langkah yang sedang dikerjakan, tindakan \
            berikutnya, hari beruntun, dan yang jatuh tempo minggu ini",
        },
        more: Texts {
            en: "It fits an 80x24 terminal. Put `smm-path today` in your shell's start-up file to \
see it each morning, or `smm-path today --short` in a prompt.",
            id: "Muat di terminal 80x24. Taruh `smm-path today` di berkas awal shell Anda agar \
tampil tiap pagi, atau `smm-path today --short` di prompt.",
        },
    },
    CommandHelp {
        path: "note",
        about: Texts {
            en: "Add a timestamped note to a step: a thought, or with --evidence a link to show",
            id: "Tambahkan catatan bertanggal pada sebuah langkah: sebuah pemikiran, atau dengan \
            --evidence tautan untuk ditunjukkan",
        },
        more: Texts {
            en: "A note is private unless it is evidence: the portfolio shows only notes added \
with --evidence. `show` numbers a step's notes; --edit and --delete take that number, and \
`undo` takes either back.

Examples:
  smm-path note 5 \"Still unsure about the data protection law\"
  smm-path note 5 --evidence \"Portfolio live: https://example.com/me\"
  smm-path note 5 --edit 2 \"Read the data protection law: consent comes first\"
  smm-path note 5 --delete 1",
            id: "Catatan bersifat pribadi kecuali ditandai sebagai bukti: portofolio hanya \
menampilkan catatan yang ditambahkan dengan --evidence. `show` menomori catatan sebuah langkah; \
--edit dan --delete memakai nomor itu, dan `undo` membatalkan keduanya.

Contoh:
  smm-path note 5 \"Masih bingung soal UU PDP\"
  smm-path note 5 --evidence \"Portofolio sudah tayang: https://example.com/saya\"
  smm-path note 5 --edit 2 \"Sudah baca UU PDP: persetujuan lebih dulu\"
  smm-path note 5 --delete 1",
        },
    },
    CommandHelp {
        path: "check",
        about: Texts {
            en: "Tick practical actions of a step as done: 5.2 is the second action of step 5",
            id: "Centang tindakan praktis sebuah langkah sebagai sudah dikerjakan: 5.2 adalah tindakan \
            kedua langkah 5",
        },
        more: Texts {
            en: "`smm-path show 5` numbers the actions. Ticking the last one names the command \
that finishes the step (a roadmap with `finish_with_actions: true` finishes it itself).

Examples:
  smm-path check 5.2
  smm-path check 5.1-3 6.1
  smm-path check 5.1,5.4
  smm-path check build-a-personal-portfolio.case-study",
            id: "`smm-path show 5` menomori tindakannya. Mencentang yang terakhir menyebut perintah \
yang menyelesaikan langkah itu (roadmap dengan `finish_with_actions: true` langsung menyelesaikannya).

Contoh:
  smm-path check 5.2
  smm-path check 5.1-3 6.1
  smm-path check 5.1,5.4
  smm-path check build-a-personal-portfolio.case-study",
        },
    },
    CommandHelp {
        path: "uncheck",
        about: Texts {
            en: "Take back the tick of practical actions (5.2, 5.1-3, 5.1,5.4 or STEP.KEY)",
            id: "Lepas centang tindakan praktis (5.2, 5.1-3, 5.1,5.4, atau LANGKAH.KUNCI)",
        },
        more: Texts {
            en: "Example:
  smm-path uncheck 5.2",
            id: "Contoh:
  smm-path uncheck 5.2",
        },
    },
    CommandHelp {
        path: "used",
        about: Texts {
            en: "Mark resources you really learned from: the portfolio lists only these",
            id: "Tandai sumber belajar yang benar-benar Anda pakai: portofolio hanya mencantumkan \
            yang ini",
        },
        more: Texts {
            en: "`smm-path show 5` numbers the resources: 5.1 is the first resource of step 5.

Examples:
  smm-path used 5.1
  smm-path used 2.1-2 6.1",
            id: "`smm-path show 5` menomori sumber belajarnya: 5.1 adalah sumber pertama langkah 5.

Contoh:
  smm-path used 5.1
  smm-path used 2.1-2 6.1",
        },
    },
    CommandHelp {
        path: "unused",
        about: Texts {
            en: "Take back the used mark of resources (5.1, 5.1-2, 5.1,6.2)",
            id: "Lepas tanda sudah dipakai dari sumber belajar (5.1, 5.1-2, 5.1,6.2)",
        },
        more: Texts {
            en: "Example:
  smm-path unused 5.1",
            id: "Contoh:
  smm-path unused 5.1",
        },
    },
    CommandHelp {
        path: "undo",
        about: Texts {
            en: "Take back the last command that changed your progress, as a whole",
            id: "Batalkan perintah terakhir yang mengubah progres Anda, secara utuh",
        },
        more: Texts {
            en: "Run it again to go further back.",
            id: "Jalankan lagi untuk mundur lebih jauh.",
        },
    },
    CommandHelp {
        path: "log",
        about: Texts {
            en: "Show the history of changes, newest first",
            id: "Tampilkan riwayat perubahan, yang terbaru lebih dulu",
        },
        more: Texts {
            en: "",
            id: "",
        },
    },
    CommandHelp {
        path: "export",
        about: Texts {
            en: "Export your progress: Markdown, JSON, CSV, HTML, a portfolio or a calendar",
            id: "Ekspor progres Anda untuk dibagikan atau disimpan: Markdown, JSON, CSV, HTML, \
            portofolio, atau kalender",
        },
        more: Texts {
            en: "Examples:
  smm-path export -o progress.md
  smm-path export --format html -o progress.html
  smm-path export --format portfolio -o portfolio.md",
            id: "Contoh:
  smm-path export -o progres.md
  smm-path export --format html -o progres.html
  smm-path export --format portfolio -o portofolio.md",
        },
    },
    CommandHelp {
        path: "import",
        about: Texts {
            en: "Merge progress from another copy: an export, a history file, or a sync conflict copy",
            id: "Gabungkan progres dari salinan lain: ekspor, berkas riwayat, atau salinan konflik \
            sinkronisasi",
        },
        more: Texts {
            en: "FILE is a JSON export (`export --format json`, from a backup or
another machine), a history file (`history.jsonl`, or a device file
of a sync folder), or a conflict copy a sync tool left in the home
(`progress.sync-conflict-*.yaml`, `history (conflicted copy).jsonl`).
The changes this copy lacks are added; nothing is lost on either
side: notes are the union, and for each step the later status change
wins. Importing the same file twice changes nothing.

Examples:
  smm-path import laptop.json --dry-run
  smm-path import laptop.json
  smm-path import \"history (conflicted copy).jsonl\"",
            id: "BERKAS adalah ekspor JSON (`export --format json`, dari cadangan atau mesin lain), \
            berkas riwayat (`history.jsonl`, atau berkas perangkat di folder sinkronisasi), atau \
            salinan konflik yang ditinggalkan alat sinkronisasi di direktori smm-path (`progress.sync-conflict-*.yaml`, \
            `history (conflicted copy).jsonl`). Perubahan yang belum dimiliki salinan ini ditambahkan; \
            tidak ada yang hilang di kedua sisi: catatan digabungkan, dan untuk setiap langkah \
            perubahan status yang lebih akhir yang berlaku. Mengimpor berkas yang sama dua kali \
            tidak mengubah apa pun.

Contoh:
  smm-path import laptop.json --dry-run
  smm-path import laptop.json
  smm-path import \"history (conflicted copy).jsonl\"",
        },
    },
    CommandHelp {
        path: "sync",
        about: Texts {
            en: "Sync through a shared folder (Syncthing, Dropbox, a git repository...)",
            id: "Sinkronkan melalui folder bersama (Syncthing, Dropbox, repositori git...)",
        },
        more: Texts {
            en: "Each device writes only its own file in DIR, <device id>.jsonl, and
reads every other device's file there, taking in the changes it
lacks. No two devices write the same file, so a sync tool never
makes conflict copies. Run it on each device, before and after
working; running it twice on each of two devices leaves them equal.
Keep DIR outside the smm-path home.

Examples:
  smm-path sync ~/Sync/smm-path
  smm-path sync ~/Dropbox/smm-path --dry-run",
            id: "Setiap perangkat hanya menulis berkasnya sendiri di DIREKTORI, <id perangkat>.jsonl, \
            dan membaca berkas setiap perangkat lain di sana, lalu mengambil perubahan yang belum \
            dimilikinya. Tidak ada dua perangkat yang menulis berkas yang sama, sehingga alat \
            sinkronisasi tidak pernah membuat salinan konflik. Jalankan di setiap perangkat, \
            sebelum dan sesudah bekerja; menjalankannya dua kali di masing-masing dari dua perangkat \
            membuat keduanya sama. Letakkan DIREKTORI di luar direktori smm-path.

Contoh:
  smm-path sync ~/Sync/smm-path
  smm-path sync ~/Dropbox/smm-path --dry-run",
        },
    },
    CommandHelp {
        path: "stats",
        about: Texts {
            en: "Your pace, streaks, an estimated finish date, and an activity calendar",
            id: "Laju, hari aktif beruntun, perkiraan tanggal selesai, dan kalender aktivitas Anda",
        },
        more: Texts {
            en: "Examples:
  smm-path stats
  smm-path stats --calendar",
            id: "Contoh:
  smm-path stats
  smm-path stats --calendar",
        },
    },
    CommandHelp {
        path: "card",
        about: Texts {
            en: "A picture of your progress to post: PNG or SVG, sized for LinkedIn or Instagram",
            id: "Gambar progres Anda untuk diunggah: PNG atau SVG, berukuran untuk LinkedIn atau Instagram",
        },
        more: Texts {
            en: "The card shows the roadmap's title, your name (`config name`), the steps done and a \
            bar, each phase's progress, the next step, your streak of active days, the actions \
            ticked and your evidence notes. It is drawn with a font built into smm-path, so it \
            looks the same on every machine.

Examples:
  smm-path card -o card.png
  smm-path card --size story -o story.png
  smm-path card --size square -f svg -o card.svg",
            id: "Kartu menampilkan judul roadmap, nama Anda (`config name`), langkah yang selesai dan \
            bilahnya, progres setiap fase, langkah berikutnya, hari aktif beruntun, tindakan yang \
            dicentang, dan catatan bukti Anda. Kartu digambar dengan fon bawaan smm-path, sehingga \
            tampak sama di setiap mesin.

Contoh:
  smm-path card -o kartu.png
  smm-path card --size story -o story.png
  smm-path card --size square -f svg -o kartu.svg",
        },
    },
    CommandHelp {
        path: "plan",
        about: Texts {
            en: "Show or set your target day and each step's day; `stats` says if you are on track",
            id: "Lihat atau tetapkan tanggal target selesai, dan tanggal tiap langkah; `stats` lalu \
            memberi tahu apakah Anda sesuai rencana",
        },
        more: Texts {
            en: "Without an option, it shows the target, the days left and the steps planned for \
a day (late ones marked). Each planned day is a change `undo` takes back; `today` shows what is due \
this week, and `export -f ics` puts the days in your calendar.

Examples:
  smm-path plan
  smm-path plan --target 2027-03-31
  smm-path plan --spread
  smm-path plan 5 --by 2027-01-15
  smm-path plan 5 --clear
  smm-path plan --clear",
            id: "Tanpa opsi, perintah ini menampilkan target, sisa harinya, dan langkah yang sudah \
diberi tanggal (yang terlambat ditandai). Setiap tanggal rencana adalah perubahan yang bisa dibatalkan \
dengan `undo`; `today` menampilkan yang jatuh tempo minggu ini, dan `export -f ics` memasukkannya ke \
kalender Anda.

Contoh:
  smm-path plan
  smm-path plan --target 2027-03-31
  smm-path plan --spread
  smm-path plan 5 --by 2027-01-15
  smm-path plan 5 --clear
  smm-path plan --clear",
        },
    },
    CommandHelp {
        path: "doctor",
        about: Texts {
            en: "Check the progress files: paths, versions, history, backup and leftovers; each problem \
            comes with the command that repairs it",
            id: "Periksa berkas progres: lokasi, versi, riwayat, cadangan, dan sisa penulisan; setiap \
            masalah disertai perintah perbaikannya",
        },
        more: Texts {
            en: "Exits with 1 when it finds a problem. Each repair keeps the file it
replaces as <file>.broken-<time>.

Examples:
  smm-path doctor
  smm-path doctor --restore-backup
  smm-path doctor --rebuild-history",
            id: "Keluar dengan kode 1 jika menemukan masalah. Setiap perbaikan menyimpan berkas yang \
            digantikannya sebagai <berkas>.broken-<waktu>.

Contoh:
  smm-path doctor
  smm-path doctor --restore-backup
  smm-path doctor --rebuild-history",
        },
    },
    CommandHelp {
        path: "ui",
        about: Texts {
            en: "Open the roadmap as a full-screen checklist to work through with the keys",
            id: "Buka roadmap sebagai daftar centang layar penuh yang dikerjakan dengan tombol",
        },
        more: Texts {
            en: "Move with the arrow keys (or j/k), and press d for done, p for in
progress, s to skip, r to reset, n to add a note, u to undo, Enter
to read a step in full, / to search, l to switch language, ? for
help, q to quit. Every key press is saved as one change, the same
as the command it stands for.

Example:
  smm-path ui",
            id: "Bergerak dengan tombol panah (atau j/k), lalu tekan d untuk selesai, p untuk sedang \
            dikerjakan, s untuk melewati, r untuk mengembalikan, n untuk menambah catatan, u \
            untuk membatalkan, Enter untuk membaca langkah secara lengkap, / untuk mencari, l \
            untuk mengganti bahasa, ? untuk bantuan, q untuk keluar. Setiap tekanan tombol disimpan \
            sebagai satu perubahan, sama seperti perintah yang diwakilinya.

Contoh:
  smm-path ui",
        },
    },
    CommandHelp {
        path: "cohort",
        about: Texts {
            en: "A mentor's view of many learners: progress, stuck learners, a per-step funnel and \
            activity",
            id: "Tampilan mentor atas banyak peserta: progres, peserta yang macet, corong per langkah, \
            dan aktivitas",
        },
        more: Texts {
            en: "Each PATH is a JSON export (`smm-path export -f json`), a folder of
them, or a sync folder (several devices of one learner count as one).
Files of another roadmap, damaged files and duplicates are listed as
skipped, with the reason. Notes are left out unless --notes is given.

Examples:
  smm-path cohort exports/
  smm-path cohort exports/ --sort activity --stuck-days 21
  smm-path cohort exports/ --format html -o cohort.html",
            id: "Setiap JALUR adalah ekspor JSON (`smm-path export -f json`), folder berisi ekspor, \
            atau folder sinkronisasi (beberapa perangkat milik satu peserta dihitung satu). Berkas \
            roadmap lain, berkas rusak, dan duplikat dicantumkan sebagai dilewati, beserta alasannya. \
            Catatan tidak ditampilkan kecuali dengan --notes.

Contoh:
  smm-path cohort ekspor/
  smm-path cohort ekspor/ --sort activity --stuck-days 21
  smm-path cohort ekspor/ --format html -o kelompok.html",
        },
    },
    CommandHelp {
        path: "config",
        about: Texts {
            en: "Your settings: the name exports and sync folders carry",
            id: "Pengaturan Anda: nama yang dibawa ekspor dan folder sinkronisasi",
        },
        more: Texts {
            en: "",
            id: "",
        },
    },
    CommandHelp {
        path: "config name",
        about: Texts {
            en: "Show or set your name, which exports and sync folders carry for a mentor's report",
            id: "Tampilkan atau tetapkan nama Anda, yang dibawa ekspor dan folder sinkronisasi untuk \
            laporan mentor",
        },
        more: Texts {
            en: "Examples:
  smm-path config name \"Ayu Lestari\"
  smm-path config name",
            id: "Contoh:
  smm-path config name \"Ayu Lestari\"
  smm-path config name",
        },
    },
    CommandHelp {
        path: "roadmap",
        about: Texts {
            en: "Check, start or list roadmaps (the built-in one, or your own)",
            id: "Periksa, mulai, atau daftar roadmap (roadmap bawaan, atau milik Anda sendiri)",
        },
        more: Texts {
            en: "",
            id: "",
        },
    },
    CommandHelp {
        path: "roadmap validate",
        about: Texts {
            en: "Check a roadmap file and report every problem, with line and column",
            id: "Periksa berkas roadmap dan laporkan setiap masalah, dengan baris dan kolomnya",
        },
        more: Texts {
            en: "Exits with 0 only when the file is clean.

Example:
  smm-path roadmap validate my-path.yaml",
            id: "Keluar dengan kode 0 hanya jika berkas itu bersih.

Contoh:
  smm-path roadmap validate jalanku.yaml",
        },
    },
    CommandHelp {
        path: "roadmap new",
        about: Texts {
            en: "Write a commented starter roadmap to FILE, to edit into your own",
            id: "Tulis roadmap awal berkomentar ke BERKAS, untuk disunting menjadi milik Anda",
        },
        more: Texts {
            en: "Example:
  smm-path roadmap new my-path.yaml
  smm-path --roadmap my-path.yaml status",
            id: "Contoh:
  smm-path roadmap new jalanku.yaml
  smm-path --roadmap jalanku.yaml status",
        },
    },
    CommandHelp {
        path: "roadmap list",
        about: Texts {
            en: "List every roadmap you have progress on, with how far along you are",
            id: "Daftar setiap roadmap yang memiliki progres, dengan sejauh mana Anda melangkah",
        },
        more: Texts {
            en: "",
            id: "",
        },
    },
    CommandHelp {
        path: "completions",
        about: Texts {
            en: "Print a shell completion script",
            id: "Cetak skrip pelengkapan (completion) untuk shell",
        },
        more: Texts {
            en: "In bash, zsh and fish the script asks smm-path itself at each Tab, so
step numbers and ids complete too (zsh and fish show their titles):
`done` offers the steps not done yet, `start` those not in progress,
`skip` those not skipped, `reset` those not \"to do\", `show` and
`note` every step. PowerShell and elvish complete commands and options.

Examples:
  smm-path completions bash -o ~/.local/share/bash-completion/completions/smm-path
  smm-path completions zsh -o ~/.zfunc/_smm-path
  smm-path completions fish -o ~/.config/fish/completions/smm-path.fish
  smm-path completions powershell | Out-String | Invoke-Expression",
            id: "Di bash, zsh, dan fish skrip itu bertanya pada smm-path sendiri setiap kali Tab ditekan, \
            jadi nomor dan id langkah ikut dilengkapi (zsh dan fish menampilkan judulnya): `done` \
            menawarkan langkah yang belum selesai, `start` yang belum sedang dikerjakan, `skip` \
            yang belum dilewati, `reset` yang bukan \"belum dimulai\", `show` dan `note` semua \
            langkah. PowerShell dan elvish melengkapi perintah dan opsi.

Contoh:
  smm-path completions bash -o ~/.local/share/bash-completion/completions/smm-path
  smm-path completions zsh -o ~/.zfunc/_smm-path
  smm-path completions fish -o ~/.config/fish/completions/smm-path.fish
  smm-path completions powershell | Out-String | Invoke-Expression",
        },
    },
    CommandHelp {
        path: "man",
        about: Texts {
            en: "Print the manual page (roff) in the output language",
            id: "Cetak halaman manual (roff) dalam bahasa keluaran",
        },
        more: Texts {
            en: "Example:
  smm-path --lang en man -o ~/.local/share/man/man1/smm-path.1",
            id: "Contoh:
  smm-path --lang id man -o ~/.local/share/man/man1/smm-path.1",
        },
    },
];

const ARGS: &[ArgHelp] = &[
    ArgHelp {
        path: "",
        id: "lang",
        help: Texts {
            en: "Language of the output: id (Bahasa Indonesia) or en (English) [default: from LANGUAGE, \
            LC_ALL, LC_MESSAGES or LANG, else the system's display language on Windows and macOS]",
            id: "Bahasa keluaran: id (bahasa Indonesia) atau en (bahasa Inggris) [bawaan: dari LANGUAGE, \
            LC_ALL, LC_MESSAGES, atau LANG, lalu bahasa tampilan sistem di Windows dan macOS]",
        },
    },
    ArgHelp {
        path: "",
        id: "home",
        help: Texts {
            en: "Directory holding progress.yaml [env: SMM_PATH_HOME] [default: your data directory \
            + /smm-path]",
            id: "Direktori tempat progress.yaml disimpan [variabel: SMM_PATH_HOME] [bawaan: direktori \
            data Anda + /smm-path]",
        },
    },
    ArgHelp {
        path: "",
        id: "roadmap",
        help: Texts {
            en: "Track another roadmap: a YAML file in the same format as the built-in one [env: SMM_PATH_ROADMAP]",
            id: "Lacak roadmap lain: berkas YAML dengan format yang sama seperti roadmap bawaan [variabel: \
            SMM_PATH_ROADMAP]",
        },
    },
    ArgHelp {
        path: "",
        id: "color",
        help: Texts {
            en: "When to colour the output (auto honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)",
            id: "Kapan memakai warna: auto (di terminal, kecuali NO_COLOR atau CLICOLOR=0 diatur), \
            always (selalu), atau never (tidak pernah) [bawaan: auto]",
        },
    },
    ArgHelp {
        path: "status",
        id: "json",
        help: Texts {
            en: "Print the report as JSON (stable field names) instead of a table",
            id: "Cetak laporan sebagai JSON (nama kolom stabil), bukan tabel",
        },
    },
    ArgHelp {
        path: "today",
        id: "short",
        help: Texts {
            en: "Print one line of at most 80 columns, for a shell prompt",
            id: "Cetak satu baris, paling lebar 80 kolom, untuk prompt shell",
        },
    },
    ArgHelp {
        path: "status",
        id: "short",
        help: Texts {
            en: "Print one line, `smm-path 7/20 (35%) next: 8`, for prompts and status bars",
            id: "Cetak satu baris, `smm-path 7/20 (35%) next: 8`, untuk prompt dan bilah status",
        },
    },
    ArgHelp {
        path: "done",
        id: "steps",
        help: Texts {
            en: "Steps: a number (5), a range (1-3), a list (1,4,7) or a step id",
            id: "Langkah: nomor (5), rentang (1-3), daftar (1,4,7), atau id langkah",
        },
    },
    ArgHelp {
        path: "done",
        id: "on",
        help: Texts {
            en: "Record an earlier day than today as the finish date (YYYY-MM-DD)",
            id: "Catat hari yang lebih awal dari hari ini sebagai tanggal selesai (YYYY-MM-DD)",
        },
    },
    ArgHelp {
        path: "start",
        id: "on",
        help: Texts {
            en: "Record an earlier day than today as the start date (YYYY-MM-DD)",
            id: "Catat hari yang lebih awal dari hari ini sebagai tanggal mulai (YYYY-MM-DD)",
        },
    },
    ArgHelp {
        path: "skip",
        id: "on",
        help: Texts {
            en: "Record an earlier day than today as the day the step was skipped (YYYY-MM-DD)",
            id: "Catat hari yang lebih awal dari hari ini sebagai tanggal langkah dilewati (YYYY-MM-DD)",
        },
    },
    ArgHelp {
        path: "note",
        id: "on",
        help: Texts {
            en: "Date the note an earlier day than today (YYYY-MM-DD)",
            id: "Beri catatan tanggal yang lebih awal dari hari ini (YYYY-MM-DD)",
        },
    },
    ArgHelp {
        path: "start",
        id: "steps",
        help: Texts {
            en: "Steps: a number (5), a range (1-3), a list (1,4,7) or a step id",
            id: "Langkah: nomor (5), rentang (1-3), daftar (1,4,7), atau id langkah",
        },
    },
    ArgHelp {
        path: "skip",
        id: "steps",
        help: Texts {
            en: "Steps: a number (5), a range (1-3), a list (1,4,7) or a step id",
            id: "Langkah: nomor (5), rentang (1-3), daftar (1,4,7), atau id langkah",
        },
    },
    ArgHelp {
        path: "skip",
        id: "reason",
        help: Texts {
            en: "Why the step does not apply to you",
            id: "Mengapa langkah ini tidak relevan bagi Anda",
        },
    },
    ArgHelp {
        path: "reset",
        id: "steps",
        help: Texts {
            en: "Steps: a number (5), a range (1-3), a list (1,4,7) or a step id",
            id: "Langkah: nomor (5), rentang (1-3), daftar (1,4,7), atau id langkah",
        },
    },
    ArgHelp {
        path: "reset",
        id: "all",
        help: Texts {
            en: "Reset every step of the roadmap (asks first on a terminal)",
            id: "Kembalikan setiap langkah roadmap (bertanya dulu di terminal)",
        },
    },
    ArgHelp {
        path: "reset",
        id: "yes",
        help: Texts {
            en: "Do not ask for confirmation (needed for --all without a terminal)",
            id: "Jangan minta konfirmasi (wajib untuk --all tanpa terminal)",
        },
    },
    ArgHelp {
        path: "show",
        id: "step",
        help: Texts {
            en: "The step: a number (5) or a step id",
            id: "Langkahnya: nomor (5) atau id langkah",
        },
    },
    ArgHelp {
        path: "note",
        id: "step",
        help: Texts {
            en: "The step: a number (5) or a step id",
            id: "Langkahnya: nomor (5) atau id langkah",
        },
    },
    ArgHelp {
        path: "note",
        id: "edit",
        help: Texts {
            en: "Rewrite note NUMBER (as `show` numbers them) with TEXT; it keeps its day and \
            evidence mark unless --on or --evidence is given. `undo` takes it back",
            id: "Tulis ulang catatan NOMOR (sesuai nomor di `show`) dengan TEKS; tanggal dan \
            tanda buktinya tetap kecuali diberi --on atau --evidence. `undo` membatalkannya",
        },
    },
    ArgHelp {
        path: "note",
        id: "delete",
        help: Texts {
            en: "Delete note NUMBER (as `show` numbers them); `undo` brings it back",
            id: "Hapus catatan NOMOR (sesuai nomor di `show`); `undo` mengembalikannya",
        },
    },
    ArgHelp {
        path: "note",
        id: "evidence",
        help: Texts {
            en: "Evidence to show an employer: the portfolio lists it under the step",
            id: "Bukti untuk ditunjukkan ke pemberi kerja: portofolio mencantumkannya di bawah langkah",
        },
    },
    ArgHelp {
        path: "check",
        id: "actions",
        help: Texts {
            en: "Actions: STEP.NUMBER (5.2), a range (5.1-3), a list (5.1,5.4) or STEP.KEY",
            id: "Tindakan: LANGKAH.NOMOR (5.2), rentang (5.1-3), daftar (5.1,5.4), atau LANGKAH.KUNCI",
        },
    },
    ArgHelp {
        path: "uncheck",
        id: "actions",
        help: Texts {
            en: "Actions: STEP.NUMBER (5.2), a range (5.1-3), a list (5.1,5.4) or STEP.KEY",
            id: "Tindakan: LANGKAH.NOMOR (5.2), rentang (5.1-3), daftar (5.1,5.4), atau LANGKAH.KUNCI",
        },
    },
    ArgHelp {
        path: "used",
        id: "resources",
        help: Texts {
            en: "Resources: STEP.NUMBER (5.1), a range (5.1-2) or a list (5.1,6.2)",
            id: "Sumber belajar: LANGKAH.NOMOR (5.1), rentang (5.1-2), atau daftar (5.1,6.2)",
        },
    },
    ArgHelp {
        path: "unused",
        id: "resources",
        help: Texts {
            en: "Resources: STEP.NUMBER (5.1), a range (5.1-2) or a list (5.1,6.2)",
            id: "Sumber belajar: LANGKAH.NOMOR (5.1), rentang (5.1-2), atau daftar (5.1,6.2)",
        },
    },
    ArgHelp {
        path: "note",
        id: "text",
        help: Texts {
            en: "The note; several words are joined with spaces",
            id: "Catatannya; beberapa kata digabung dengan spasi",
        },
    },
    ArgHelp {
        path: "log",
        id: "limit",
        help: Texts {
            en: "Show at most this many changes",
            id: "Tampilkan paling banyak sejumlah ini perubahan",
        },
    },
    ArgHelp {
        path: "export",
        id: "format",
        help: Texts {
            en: "The format to write",
            id: "Format yang ditulis: markdown (Markdown GitHub dengan daftar centang), json (semuanya, \
            termasuk riwayat; schema/export.schema.json), csv (satu baris per langkah, untuk \
            spreadsheet), html (satu halaman mandiri dengan grafik), atau portfolio (dokumen \
            pencapaian Markdown: apa yang Anda kerjakan, kapan, dan buktinya) [bawaan: markdown]",
        },
    },
    ArgHelp {
        path: "export",
        id: "output",
        help: Texts {
            en: "Write to FILE (atomically) instead of standard output",
            id: "Tulis ke BERKAS (secara atomik), bukan ke keluaran standar",
        },
    },
    ArgHelp {
        path: "export",
        id: "name",
        help: Texts {
            en: "Your name atop the export (Markdown, HTML, portfolio) and in the JSON export, for a mentor's `cohort` report [default: `config name`]",
            id: "Nama Anda di judul ekspor (Markdown, HTML, portofolio) dan dalam ekspor JSON, untuk laporan `cohort` mentor [bawaan: `config name`]",
        },
    },
    ArgHelp {
        path: "export",
        id: "no_name",
        help: Texts {
            en: "Leave your name out of the export, even when `config name` set one",
            id: "Jangan cantumkan nama Anda dalam ekspor, meski `config name` sudah mengaturnya",
        },
    },
    ArgHelp {
        path: "export",
        id: "no_progress",
        help: Texts {
            en: "Leave the `4/19 done (21%)` line out of the portfolio, for a job application \
            (`--format portfolio` only)",
            id: "Hilangkan baris `4/19 selesai (21%)` dari portofolio, untuk lamaran kerja \
            (hanya `--format portfolio`)",
        },
    },
    ArgHelp {
        path: "import",
        id: "file",
        help: Texts {
            en: "The export, history file or conflict copy to merge",
            id: "Ekspor, berkas riwayat, atau salinan konflik yang akan digabungkan",
        },
    },
    ArgHelp {
        path: "import",
        id: "dry_run",
        help: Texts {
            en: "Show what would change, and change nothing",
            id: "Tampilkan apa yang akan berubah, tanpa mengubah apa pun",
        },
    },
    ArgHelp {
        path: "sync",
        id: "dir",
        help: Texts {
            en: "The shared folder (created if missing)",
            id: "Folder bersama (dibuat jika belum ada)",
        },
    },
    ArgHelp {
        path: "sync",
        id: "dry_run",
        help: Texts {
            en: "Show what would be taken in, and write nothing",
            id: "Tampilkan apa yang akan diambil, tanpa menulis apa pun",
        },
    },
    ArgHelp {
        path: "sync",
        id: "name",
        help: Texts {
            en: "Your name, for a mentor's `cohort` report of the folder [default: `config name`]",
            id: "Nama Anda, untuk laporan `cohort` mentor atas folder ini [bawaan: `config name`]",
        },
    },
    ArgHelp {
        path: "card",
        id: "size",
        help: Texts {
            en: "The platform's size",
            id: "Ukuran platform: linkedin (kiriman LinkedIn, 1200×627), square (kiriman Instagram, \
            1080×1080) atau story (story Instagram, 1080×1920) [bawaan: linkedin]",
        },
    },
    ArgHelp {
        path: "card",
        id: "format",
        help: Texts {
            en: "The format to write [default: from the name of FILE, else png]",
            id: "Format yang ditulis: png (gambar, untuk diunggah) atau svg (gambar sebagai teks SVG, \
            untuk diubah atau diperbesar) [bawaan: dari nama BERKAS, selain itu png]",
        },
    },
    ArgHelp {
        path: "card",
        id: "output",
        help: Texts {
            en: "Write to FILE (atomically) instead of standard output, which takes SVG or a PNG piped on, never a PNG on the terminal",
            id: "Tulis ke BERKAS (secara atomik), bukan ke keluaran standar, yang menerima SVG atau PNG yang disalurkan, tidak pernah PNG di terminal",
        },
    },
    ArgHelp {
        path: "card",
        id: "no_name",
        help: Texts {
            en: "Leave your name off the card, even when `config name` set one",
            id: "Jangan cantumkan nama Anda di kartu, meski `config name` sudah mengaturnya",
        },
    },
    ArgHelp {
        path: "stats",
        id: "calendar",
        help: Texts {
            en: "Also show the last 12 weeks as a calendar of active days",
            id: "Tampilkan juga 12 minggu terakhir sebagai kalender hari aktif",
        },
    },
    ArgHelp {
        path: "plan",
        id: "steps",
        help: Texts {
            en: "Steps to plan a day for, with --by (or --clear to remove it): numbers (5), ranges \
            (3-7), lists (1,4) or step ids",
            id: "Langkah yang diberi tanggal rencana, dengan --by (atau --clear untuk menghapusnya): \
            nomor (5), rentang (3-7), daftar (1,4), atau id langkah",
        },
    },
    ArgHelp {
        path: "plan",
        id: "by",
        help: Texts {
            en: "The day to finish the steps by (YYYY-MM-DD), today or later",
            id: "Tanggal langkah-langkah itu selesai (YYYY-MM-DD), hari ini atau sesudahnya",
        },
    },
    ArgHelp {
        path: "plan",
        id: "spread",
        help: Texts {
            en: "Give every step not yet done a day, spread evenly from today to the target",
            id: "Beri setiap langkah yang belum selesai sebuah tanggal, dibagi rata dari hari ini \
            hingga target",
        },
    },
    ArgHelp {
        path: "plan",
        id: "target",
        help: Texts {
            en: "The day to finish by (YYYY-MM-DD), today or later",
            id: "Tanggal target selesai (YYYY-MM-DD), hari ini atau sesudahnya",
        },
    },
    ArgHelp {
        path: "plan",
        id: "clear",
        help: Texts {
            en: "Remove the target, or with steps their planned day",
            id: "Hapus target, atau bila ada langkah, tanggal rencananya",
        },
    },
    ArgHelp {
        path: "doctor",
        id: "restore_backup",
        help: Texts {
            en: "Put the backup of the previous state back in place of progress.yaml",
            id: "Pulihkan cadangan keadaan sebelumnya sebagai pengganti progress.yaml",
        },
    },
    ArgHelp {
        path: "doctor",
        id: "rebuild_history",
        help: Texts {
            en: "Write a new history from progress.yaml, for a history that is missing, damaged or \
            another device's",
            id: "Tulis riwayat baru dari progress.yaml, untuk riwayat yang hilang, rusak, atau milik \
            perangkat lain",
        },
    },
    ArgHelp {
        path: "doctor",
        id: "rebuild_state",
        help: Texts {
            en: "Write a new progress.yaml from the history, for a progress.yaml that cannot be read",
            id: "Tulis progress.yaml baru dari riwayat, untuk progress.yaml yang tidak terbaca",
        },
    },
    ArgHelp {
        path: "doctor",
        id: "clean",
        help: Texts {
            en: "Remove temporary files left by an interrupted write",
            id: "Hapus berkas sementara sisa penulisan yang terputus",
        },
    },
    ArgHelp {
        path: "cohort",
        id: "paths",
        help: Texts {
            en: "Exports (files or folders of them) and sync folders, one learner each",
            id: "Ekspor (berkas atau folder berisi ekspor) dan folder sinkronisasi, masing-masing \
            satu peserta",
        },
    },
    ArgHelp {
        path: "cohort",
        id: "sort",
        help: Texts {
            en: "How to order the learners",
            id: "Urutan peserta: `progress` (paling jauh dulu), `activity` (paling lama tidak aktif \
            dulu), `name` (menurut nama), atau `pace` (paling cepat dulu) [bawaan: `progress`]",
        },
    },
    ArgHelp {
        path: "cohort",
        id: "stuck_days",
        help: Texts {
            en: "Days in progress on one step, or without activity, after which a learner counts as \
            stuck",
            id: "Jumlah hari sedang mengerjakan satu langkah, atau tanpa aktivitas, sebelum peserta \
            dianggap macet [bawaan: 14]",
        },
    },
    ArgHelp {
        path: "cohort",
        id: "format",
        help: Texts {
            en: "The format to write",
            id: "Format yang ditulis: table (tabel selebar terminal), csv (satu baris per peserta), \
            json (semuanya; schema/cohort.schema.json), atau html (satu halaman mandiri dengan \
            grafik) [bawaan: table]",
        },
    },
    ArgHelp {
        path: "cohort",
        id: "output",
        help: Texts {
            en: "Write to FILE (atomically) instead of standard output",
            id: "Tulis ke BERKAS (secara atomik), bukan ke keluaran standar",
        },
    },
    ArgHelp {
        path: "cohort",
        id: "notes",
        help: Texts {
            en: "Also show the learners' notes (left out by default: a mentor needs the progress, \
            not the diary)",
            id: "Tampilkan juga catatan peserta (tidak ditampilkan tanpa opsi ini: mentor perlu progresnya, \
            bukan buku hariannya)",
        },
    },
    ArgHelp {
        path: "config name",
        id: "name",
        help: Texts {
            en: "The name to set; without it, the name set is shown",
            id: "Nama yang ditetapkan; tanpa nama, nama yang tersimpan ditampilkan",
        },
    },
    ArgHelp {
        path: "roadmap validate",
        id: "file",
        help: Texts {
            en: "The roadmap file",
            id: "Berkas roadmap",
        },
    },
    ArgHelp {
        path: "roadmap new",
        id: "file",
        help: Texts {
            en: "The roadmap file",
            id: "Berkas roadmap",
        },
    },
    ArgHelp {
        path: "completions",
        id: "shell",
        help: Texts {
            en: "The shell to complete for",
            id: "Shell yang dilengkapi: bash, elvish, fish, powershell, atau zsh",
        },
    },
    ArgHelp {
        path: "completions",
        id: "output",
        help: Texts {
            en: "Write to FILE (atomically) instead of standard output",
            id: "Tulis ke BERKAS (secara atomik), bukan ke keluaran standar",
        },
    },
    ArgHelp {
        path: "man",
        id: "output",
        help: Texts {
            en: "Write to FILE (atomically) instead of standard output",
            id: "Tulis ke BERKAS (secara atomik), bukan ke keluaran standar",
        },
    },
];

const VALUES: &[ValueHelp] = &[
    ValueHelp {
        path: "card",
        arg: "size",
        value: "linkedin",
        help: Texts {
            en: "A LinkedIn post, 1200×627",
            id: "Kiriman LinkedIn, 1200×627",
        },
    },
    ValueHelp {
        path: "card",
        arg: "size",
        value: "square",
        help: Texts {
            en: "An Instagram post, 1080×1080",
            id: "Kiriman Instagram, 1080×1080",
        },
    },
    ValueHelp {
        path: "card",
        arg: "size",
        value: "story",
        help: Texts {
            en: "An Instagram story, 1080×1920",
            id: "Story Instagram, 1080×1920",
        },
    },
    ValueHelp {
        path: "card",
        arg: "format",
        value: "png",
        help: Texts {
            en: "A picture, for posting",
            id: "Gambar, untuk diunggah",
        },
    },
    ValueHelp {
        path: "card",
        arg: "format",
        value: "svg",
        help: Texts {
            en: "The drawing as SVG text, to edit or scale",
            id: "Gambar sebagai teks SVG, untuk diubah atau diperbesar",
        },
    },
    ValueHelp {
        path: "",
        arg: "lang",
        value: "id",
        help: Texts {
            en: "Bahasa Indonesia",
            id: "bahasa Indonesia",
        },
    },
    ValueHelp {
        path: "",
        arg: "lang",
        value: "en",
        help: Texts {
            en: "English",
            id: "bahasa Inggris",
        },
    },
    ValueHelp {
        path: "",
        arg: "color",
        value: "auto",
        help: Texts {
            en: "Colour on a terminal, unless NO_COLOR or CLICOLOR=0 is set",
            id: "Berwarna di terminal, kecuali NO_COLOR atau CLICOLOR=0 diatur",
        },
    },
    ValueHelp {
        path: "",
        arg: "color",
        value: "always",
        help: Texts {
            en: "Always colour",
            id: "Selalu berwarna",
        },
    },
    ValueHelp {
        path: "",
        arg: "color",
        value: "never",
        help: Texts {
            en: "Never colour",
            id: "Tidak pernah berwarna",
        },
    },
    ValueHelp {
        path: "export",
        arg: "format",
        value: "markdown",
        help: Texts {
            en: "GitHub-flavored Markdown with a task list",
            id: "Markdown GitHub dengan daftar centang",
        },
    },
    ValueHelp {
        path: "export",
        arg: "format",
        value: "json",
        help: Texts {
            en: "Everything, history included, as JSON (schema/export.schema.json)",
            id: "Semuanya, termasuk riwayat, sebagai JSON (schema/export.schema.json)",
        },
    },
    ValueHelp {
        path: "export",
        arg: "format",
        value: "csv",
        help: Texts {
            en: "One row per step, for a spreadsheet",
            id: "Satu baris per langkah, untuk spreadsheet",
        },
    },
    ValueHelp {
        path: "export",
        arg: "format",
        value: "html",
        help: Texts {
            en: "One self-contained page with a chart of steps done over time",
            id: "Satu halaman mandiri dengan grafik langkah yang selesai dari waktu ke waktu",
        },
    },
    ValueHelp {
        path: "export",
        arg: "format",
        value: "ics",
        help: Texts {
            en: "Your plan as a calendar (iCalendar): each step's planned day and the target, with a \
            reminder the evening before",
            id: "Rencana Anda sebagai kalender (iCalendar): tanggal rencana tiap langkah dan target, \
            dengan pengingat malam sebelumnya",
        },
    },
    ValueHelp {
        path: "export",
        arg: "format",
        value: "portfolio",
        help: Texts {
            en: "A Markdown brag document: what you did, when, and the evidence",
            id: "Dokumen pencapaian Markdown: apa yang Anda kerjakan, kapan, dan buktinya",
        },
    },
    ValueHelp {
        path: "cohort",
        arg: "sort",
        value: "progress",
        help: Texts {
            en: "Furthest along first",
            id: "Paling jauh dulu",
        },
    },
    ValueHelp {
        path: "cohort",
        arg: "sort",
        value: "activity",
        help: Texts {
            en: "Longest inactive first",
            id: "Paling lama tidak aktif dulu",
        },
    },
    ValueHelp {
        path: "cohort",
        arg: "sort",
        value: "name",
        help: Texts {
            en: "By name",
            id: "Menurut nama",
        },
    },
    ValueHelp {
        path: "cohort",
        arg: "sort",
        value: "pace",
        help: Texts {
            en: "Fastest first",
            id: "Paling cepat dulu",
        },
    },
    ValueHelp {
        path: "cohort",
        arg: "format",
        value: "table",
        help: Texts {
            en: "A table fitted to the terminal",
            id: "Tabel selebar terminal",
        },
    },
    ValueHelp {
        path: "cohort",
        arg: "format",
        value: "csv",
        help: Texts {
            en: "One row per learner (RFC 4180)",
            id: "Satu baris per peserta (RFC 4180)",
        },
    },
    ValueHelp {
        path: "cohort",
        arg: "format",
        value: "json",
        help: Texts {
            en: "Everything, with stable fields (schema/cohort.schema.json)",
            id: "Semuanya, dengan kolom stabil (schema/cohort.schema.json)",
        },
    },
    ValueHelp {
        path: "cohort",
        arg: "format",
        value: "html",
        help: Texts {
            en: "One self-contained page with charts",
            id: "Satu halaman mandiri dengan grafik",
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's exit codes are the catalogue's, row for row: the
    /// README is read by people deciding what a script can rely on.
    #[test]
    fn the_readme_lists_the_exit_codes_the_catalogue_explains() {
        let readme = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"),
        )
        .expect("README.md is readable");
        let section = readme
            .split_once("### Exit codes\n")
            .map(|(_, rest)| rest)
            .expect("README has an exit codes section");
        let rows: Vec<(String, String)> = section
            .lines()
            .skip_while(|line| !line.starts_with('|'))
            .take_while(|line| line.starts_with('|'))
            .filter_map(|line| {
                let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
                let code = cells.first()?;
                code.parse::<u8>()
                    .ok()
                    .map(|_| ((*code).to_string(), cells[1..].join(" | ")))
            })
            .collect();
        let expected: Vec<(String, String)> = EXIT_CODES
            .iter()
            .map(|text| (text.code.to_string(), text.readme.to_string()))
            .collect();
        assert_eq!(rows, expected);
    }

    #[test]
    fn help_lists_every_exit_code_in_both_languages() {
        for lang in [Lang::En, Lang::Id] {
            let text = everyday(lang);
            for code in EXIT_CODES {
                assert!(
                    text.contains(&format!("\n  {}  {}", code.code, code.gist.get(lang))),
                    "{lang:?}: {text}"
                );
            }
        }
    }
}
