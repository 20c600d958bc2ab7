//! The command line in the user's language: clap's command tree with the
//! Indonesian words put in, and clap's usage errors rendered through the
//! catalogue. `cli.rs` holds the English (its `///` comments); this file
//! holds the Indonesian for the same commands and options, keyed by their
//! names, and a test checks that no command or option lacks it.
//!
//! The language is known before clap parses: `--lang` is read from the
//! arguments, else the locale. The static completion scripts (PowerShell,
//! elvish) are generated from the English tree, the same in both languages;
//! the dynamic completion (bash, zsh, fish) describes options in the
//! user's language, from this tree.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::cli::Cli;
use crate::i18n::{Key, Lang, tr, word};

/// The language for this run, read before clap parses: `--lang id`,
/// `--lang=id`, else the locale (see [`Lang::from_locale`]). A value clap
/// would refuse is ignored here; clap then reports it.
pub(crate) fn early_language(
    args: &[std::ffi::OsString],
    env: impl Fn(&str) -> Option<String>,
    system: impl FnOnce() -> Option<String>,
) -> Lang {
    let mut args = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next().map(std::borrow::Cow::into_owned),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => None,
        };
        match value.as_deref() {
            Some("id") => return Lang::Id,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    Lang::from_locale(env, system)
}

/// The command tree in `lang`.
pub(crate) fn command(lang: Lang) -> Command {
    command_with(lang, |command| command)
}

/// The command tree in `lang`, with `adjust` applied to the tree before
/// clap builds it (the completion attaches its step completers so).
pub(crate) fn command_with(lang: Lang, adjust: impl FnOnce(Command) -> Command) -> Command {
    let command = adjust(Cli::command());
    match lang {
        Lang::En => command,
        Lang::Id => {
            let mut command = indonesian(command, "");
            // clap adds its `help` command when the tree is built.
            command.build();
            translate_help_commands(&mut command);
            command
        }
    }
}

/// The command tree in `lang` before clap builds it: each command holds
/// only its own options (the man page lists the shared ones once).
pub(crate) fn command_unbuilt(lang: Lang) -> Command {
    match lang {
        Lang::En => Cli::command(),
        Lang::Id => indonesian(Cli::command(), ""),
    }
}

/// The `help` command clap added to each command that has subcommands.
fn translate_help_commands(command: &mut Command) {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        if let Some(sub) = command.find_subcommand_mut(&name) {
            if name == "help" {
                let about = "Tampilkan bantuan ini, atau bantuan perintah yang disebut";
                let mut translated = sub
                    .clone()
                    .about(about)
                    .override_usage("smm-path help [PERINTAH]...")
                    .subcommand_help_heading("Perintah")
                    .help_template(TEMPLATE);
                // `help help` lists the commands again, itself among them.
                if translated.find_subcommand("help").is_some() {
                    translated = translated.mut_subcommand("help", |inner| inner.about(about));
                }
                *sub = translated;
            } else {
                translate_help_commands(sub);
            }
        }
    }
}

/// Indonesian for one command: what it is, and its full description.
struct CommandText {
    path: &'static str,
    about: &'static str,
    long_about: &'static str,
}

/// Indonesian for one option or argument of a command (`""` is the top level,
/// whose options every command shares).
struct ArgText {
    path: &'static str,
    id: &'static str,
    help: &'static str,
}

/// The placeholders in usage lines, in Indonesian.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("STEP", "LANGKAH"),
    ("DATE", "TANGGAL"),
    ("FILE", "BERKAS"),
    ("DIR", "DIREKTORI"),
    ("TEXT", "TEKS"),
    ("LANG", "BAHASA"),
    ("WHEN", "KAPAN"),
    ("COUNT", "JUMLAH"),
    ("FORMAT", "FORMAT"),
    ("SHELL", "SHELL"),
    ("NAME", "NAMA"),
    ("PATH", "JALUR"),
    ("DAYS", "HARI"),
    ("SORT", "URUTAN"),
];

const COMMANDS: &[CommandText] = &[
    CommandText {
        path: "",
        about: "Lacak roadmap karier Anda di bidang manajemen media sosial, selangkah demi selangkah.",
        long_about: "Lacak roadmap karier Anda di bidang manajemen media sosial, selangkah demi selangkah.\n\n\
            smm-path membawa roadmap 20 langkah (dalam bahasa Indonesia dan Inggris) dan mencatat \
            progres Anda: langkah mana yang selesai, kapan, serta catatan dan bukti Anda. \
            Jalankan tanpa perintah untuk melihat posisi Anda.",
    },
    CommandText {
        path: "status",
        about: "Tampilkan setiap langkah dengan status dan tanggalnya, progres keseluruhan, dan langkah berikutnya",
        long_about: "Tampilkan setiap langkah dengan status dan tanggalnya, progres keseluruhan, dan langkah berikutnya\n\n\
            Inilah yang dijalankan `smm-path` tanpa perintah.\n\n\
            Contoh:\n  smm-path status\n  smm-path status --short\n  smm-path status --json | jq .summary.percent",
    },
    CommandText {
        path: "done",
        about: "Tandai langkah sebagai selesai",
        long_about: "Tandai langkah sebagai selesai\n\n\
            Contoh:\n  smm-path done 5\n  smm-path done 1-3 7\n  smm-path done content-strategy --on 2026-03-14",
    },
    CommandText {
        path: "start",
        about: "Tandai langkah sebagai sedang dikerjakan",
        long_about: "Tandai langkah sebagai sedang dikerjakan\n\nContoh:\n  smm-path start 6",
    },
    CommandText {
        path: "skip",
        about: "Lewati langkah yang tidak relevan bagi Anda; langkah itu tidak lagi dihitung dalam progres",
        long_about: "Lewati langkah yang tidak relevan bagi Anda; langkah itu tidak lagi dihitung dalam progres\n\n\
            Contoh:\n  smm-path skip 12 --reason \"belum ada anggaran iklan\"",
    },
    CommandText {
        path: "reset",
        about: "Kembalikan langkah ke \"belum dimulai\" (catatannya tetap disimpan)",
        long_about: "Kembalikan langkah ke \"belum dimulai\" (catatannya tetap disimpan)\n\n\
            Contoh:\n  smm-path reset 5\n  smm-path reset --all --yes",
    },
    CommandText {
        path: "show",
        about: "Tampilkan satu langkah secara lengkap: ringkasan, tindakan praktis, bukti, sumber belajar, tanggal, dan catatan",
        long_about: "Tampilkan satu langkah secara lengkap: ringkasan, tindakan praktis, bukti, sumber belajar, tanggal, dan catatan\n\n\
            Contoh:\n  smm-path show 8",
    },
    CommandText {
        path: "next",
        about: "Tampilkan langkah pertama yang belum selesai dan tidak dilewati, dengan tindakan praktisnya",
        long_about: "Tampilkan langkah pertama yang belum selesai dan tidak dilewati, dengan tindakan praktisnya",
    },
    CommandText {
        path: "note",
        about: "Tambahkan catatan bertanggal pada sebuah langkah: sebuah pemikiran, atau tautan sebagai bukti",
        long_about: "Tambahkan catatan bertanggal pada sebuah langkah: sebuah pemikiran, atau tautan sebagai bukti\n\n\
            Contoh:\n  smm-path note 5 \"Portofolio sudah tayang: https://example.com/saya\"",
    },
    CommandText {
        path: "undo",
        about: "Batalkan perintah terakhir yang mengubah progres Anda, secara utuh",
        long_about: "Batalkan perintah terakhir yang mengubah progres Anda, secara utuh\n\n\
            Jalankan lagi untuk mundur lebih jauh.",
    },
    CommandText {
        path: "log",
        about: "Tampilkan riwayat perubahan, yang terbaru lebih dulu",
        long_about: "Tampilkan riwayat perubahan, yang terbaru lebih dulu",
    },
    CommandText {
        path: "export",
        about: "Ekspor progres Anda untuk dibagikan atau disimpan: Markdown, JSON, CSV, HTML, atau portofolio",
        long_about: "Ekspor progres Anda untuk dibagikan atau disimpan: Markdown, JSON, CSV, HTML, atau portofolio\n\n\
            Contoh:\n  smm-path export -o progres.md\n  smm-path export --format html -o progres.html\n  \
            smm-path export --format portfolio -o portofolio.md",
    },
    CommandText {
        path: "import",
        about: "Gabungkan progres dari salinan lain: ekspor, berkas riwayat, atau salinan konflik sinkronisasi",
        long_about: "Gabungkan progres dari salinan lain: ekspor, berkas riwayat, atau salinan konflik sinkronisasi\n\n\
            BERKAS adalah ekspor JSON (`export --format json`, dari cadangan atau mesin lain), berkas \
            riwayat (`history.jsonl`, atau berkas perangkat di folder sinkronisasi), atau salinan konflik \
            yang ditinggalkan alat sinkronisasi di direktori smm-path (`progress.sync-conflict-*.yaml`, \
            `history (conflicted copy).jsonl`). Perubahan yang belum dimiliki salinan ini ditambahkan; \
            tidak ada yang hilang di kedua sisi: catatan digabungkan, dan untuk setiap langkah perubahan \
            status yang lebih akhir yang berlaku. Mengimpor berkas yang sama dua kali tidak mengubah apa pun.\n\n\
            Contoh:\n  smm-path import laptop.json --dry-run\n  smm-path import laptop.json\n  \
            smm-path import \"history (conflicted copy).jsonl\"",
    },
    CommandText {
        path: "sync",
        about: "Sinkronkan melalui folder bersama (Syncthing, Dropbox, repositori git...)",
        long_about: "Sinkronkan melalui folder bersama (Syncthing, Dropbox, repositori git...)\n\n\
            Setiap perangkat hanya menulis berkasnya sendiri di DIREKTORI, <id perangkat>.jsonl, dan \
            membaca berkas setiap perangkat lain di sana, lalu mengambil perubahan yang belum dimilikinya. \
            Tidak ada dua perangkat yang menulis berkas yang sama, sehingga alat sinkronisasi tidak pernah \
            membuat salinan konflik. Jalankan di setiap perangkat, sebelum dan sesudah bekerja; menjalankannya \
            dua kali di masing-masing dari dua perangkat membuat keduanya sama. Letakkan DIREKTORI di luar \
            direktori smm-path.\n\n\
            Contoh:\n  smm-path sync ~/Sync/smm-path\n  smm-path sync ~/Dropbox/smm-path --dry-run",
    },
    CommandText {
        path: "stats",
        about: "Laju, hari aktif beruntun, perkiraan tanggal selesai, dan kalender aktivitas Anda",
        long_about: "Laju, hari aktif beruntun, perkiraan tanggal selesai, dan kalender aktivitas Anda\n\n\
            Contoh:\n  smm-path stats\n  smm-path stats --calendar",
    },
    CommandText {
        path: "plan",
        about: "Tetapkan (atau hapus) tanggal target selesai; `stats` lalu memberi tahu apakah Anda sesuai rencana",
        long_about: "Tetapkan (atau hapus) tanggal target selesai; `stats` lalu memberi tahu apakah Anda sesuai rencana\n\n\
            Contoh:\n  smm-path plan --target 2027-03-31\n  smm-path plan --clear",
    },
    CommandText {
        path: "doctor",
        about: "Periksa berkas progres: lokasi, versi, riwayat, cadangan, dan sisa penulisan; setiap masalah disertai perintah perbaikannya",
        long_about: "Periksa berkas progres: lokasi, versi, riwayat, cadangan, dan sisa penulisan; setiap masalah disertai perintah perbaikannya\n\n\
            Keluar dengan kode 1 jika menemukan masalah. Setiap perbaikan menyimpan berkas yang \
            digantikannya sebagai <berkas>.broken-<waktu>.\n\n\
            Contoh:\n  smm-path doctor\n  smm-path doctor --restore-backup\n  smm-path doctor --rebuild-history",
    },
    CommandText {
        path: "ui",
        about: "Buka roadmap sebagai daftar centang layar penuh yang dikerjakan dengan tombol",
        long_about: "Buka roadmap sebagai daftar centang layar penuh yang dikerjakan dengan tombol\n\n\
            Bergerak dengan tombol panah (atau j/k), lalu tekan d untuk selesai, p untuk sedang \
            dikerjakan, s untuk melewati, r untuk mengembalikan, n untuk menambah catatan, u untuk \
            membatalkan, Enter untuk membaca langkah secara lengkap, / untuk mencari, l untuk \
            mengganti bahasa, ? untuk bantuan, q untuk keluar. Setiap tekanan tombol disimpan \
            sebagai satu perubahan, sama seperti perintah yang diwakilinya.\n\n\
            Contoh:\n  smm-path ui",
    },
    CommandText {
        path: "cohort",
        about: "Tampilan mentor atas banyak peserta: progres, peserta yang macet, corong per langkah, dan aktivitas",
        long_about: "Tampilan mentor atas banyak peserta: progres, peserta yang macet, corong per langkah, dan aktivitas\n\n\
            Setiap JALUR adalah ekspor JSON (`smm-path export -f json`), folder berisi ekspor, atau folder \
            sinkronisasi (beberapa perangkat milik satu peserta dihitung satu). Berkas roadmap lain, berkas \
            rusak, dan duplikat dicantumkan sebagai dilewati, beserta alasannya. Catatan tidak ditampilkan \
            kecuali dengan --notes.\n\n\
            Contoh:\n  smm-path cohort ekspor/\n  smm-path cohort ekspor/ --sort activity --stuck-days 21\n  \
            smm-path cohort ekspor/ --format html -o kelompok.html",
    },
    CommandText {
        path: "config",
        about: "Pengaturan Anda: nama yang dibawa ekspor dan folder sinkronisasi",
        long_about: "Pengaturan Anda: nama yang dibawa ekspor dan folder sinkronisasi",
    },
    CommandText {
        path: "config name",
        about: "Tampilkan atau tetapkan nama Anda, yang dibawa ekspor dan folder sinkronisasi untuk laporan mentor",
        long_about: "Tampilkan atau tetapkan nama Anda, yang dibawa ekspor dan folder sinkronisasi untuk laporan mentor\n\n\
            Contoh:\n  smm-path config name \"Ayu Lestari\"\n  smm-path config name",
    },
    CommandText {
        path: "roadmap",
        about: "Periksa, mulai, atau daftar roadmap (roadmap bawaan, atau milik Anda sendiri)",
        long_about: "Periksa, mulai, atau daftar roadmap (roadmap bawaan, atau milik Anda sendiri)",
    },
    CommandText {
        path: "roadmap validate",
        about: "Periksa berkas roadmap dan laporkan setiap masalah, dengan baris dan kolomnya",
        long_about: "Periksa berkas roadmap dan laporkan setiap masalah, dengan baris dan kolomnya\n\n\
            Keluar dengan kode 0 hanya jika berkas itu bersih.\n\n\
            Contoh:\n  smm-path roadmap validate jalanku.yaml",
    },
    CommandText {
        path: "roadmap new",
        about: "Tulis roadmap awal berkomentar ke BERKAS, untuk disunting menjadi milik Anda",
        long_about: "Tulis roadmap awal berkomentar ke BERKAS, untuk disunting menjadi milik Anda\n\n\
            Contoh:\n  smm-path roadmap new jalanku.yaml\n  smm-path --roadmap jalanku.yaml status",
    },
    CommandText {
        path: "roadmap list",
        about: "Daftar setiap roadmap yang memiliki progres, dengan sejauh mana Anda melangkah",
        long_about: "Daftar setiap roadmap yang memiliki progres, dengan sejauh mana Anda melangkah",
    },
    CommandText {
        path: "completions",
        about: "Cetak skrip pelengkapan (completion) untuk shell",
        long_about: "Cetak skrip pelengkapan (completion) untuk shell\n\n\
            Di bash, zsh, dan fish skrip itu bertanya pada smm-path sendiri setiap kali Tab ditekan, \
            jadi nomor dan id langkah ikut dilengkapi (zsh dan fish menampilkan judulnya): \
            `done` menawarkan langkah yang belum selesai, `start` yang belum sedang dikerjakan, \
            `skip` yang belum dilewati, `reset` yang bukan \"belum dimulai\", `show` dan `note` \
            semua langkah. PowerShell dan elvish melengkapi perintah dan opsi.\n\n\
            Contoh:\n  smm-path completions bash -o ~/.local/share/bash-completion/completions/smm-path\n  \
            smm-path completions zsh -o ~/.zfunc/_smm-path\n  \
            smm-path completions fish -o ~/.config/fish/completions/smm-path.fish\n  \
            smm-path completions powershell | Out-String | Invoke-Expression",
    },
    CommandText {
        path: "man",
        about: "Cetak halaman manual (roff) dalam bahasa keluaran",
        long_about: "Cetak halaman manual (roff) dalam bahasa keluaran\n\n\
            Contoh:\n  smm-path --lang id man -o ~/.local/share/man/man1/smm-path.1",
    },
];

const ARGS: &[ArgText] = &[
    ArgText {
        path: "",
        id: "lang",
        help: "Bahasa keluaran: id (bahasa Indonesia) atau en (bahasa Inggris) [bawaan: dari LANGUAGE, LC_ALL, LC_MESSAGES, atau LANG]",
    },
    ArgText {
        path: "",
        id: "home",
        help: "Direktori tempat progress.yaml disimpan [variabel: SMM_PATH_HOME] [bawaan: direktori data Anda + /smm-path]",
    },
    ArgText {
        path: "",
        id: "roadmap",
        help: "Lacak roadmap lain: berkas YAML dengan format yang sama seperti roadmap bawaan [variabel: SMM_PATH_ROADMAP]",
    },
    ArgText {
        path: "",
        id: "color",
        help: "Kapan memakai warna: auto (di terminal, kecuali NO_COLOR atau CLICOLOR=0 diatur), always (selalu), atau never (tidak pernah) [bawaan: auto]",
    },
    ArgText {
        path: "status",
        id: "json",
        help: "Cetak laporan sebagai JSON (nama kolom stabil), bukan tabel",
    },
    ArgText {
        path: "status",
        id: "short",
        help: "Cetak satu baris, `smm-path 7/20 (35%) next: 8`, untuk prompt dan bilah status",
    },
    ArgText {
        path: "done",
        id: "steps",
        help: "Langkah: nomor (5), rentang (1-3), daftar (1,4,7), atau id langkah",
    },
    ArgText {
        path: "done",
        id: "on",
        help: "Catat hari yang lebih awal dari hari ini sebagai tanggal selesai (YYYY-MM-DD)",
    },
    ArgText {
        path: "start",
        id: "steps",
        help: "Langkah: nomor (5), rentang (1-3), daftar (1,4,7), atau id langkah",
    },
    ArgText {
        path: "skip",
        id: "steps",
        help: "Langkah: nomor (5), rentang (1-3), daftar (1,4,7), atau id langkah",
    },
    ArgText {
        path: "skip",
        id: "reason",
        help: "Mengapa langkah ini tidak relevan bagi Anda",
    },
    ArgText {
        path: "reset",
        id: "steps",
        help: "Langkah: nomor (5), rentang (1-3), daftar (1,4,7), atau id langkah",
    },
    ArgText {
        path: "reset",
        id: "all",
        help: "Kembalikan setiap langkah roadmap (bertanya dulu di terminal)",
    },
    ArgText {
        path: "reset",
        id: "yes",
        help: "Jangan minta konfirmasi (wajib untuk --all tanpa terminal)",
    },
    ArgText {
        path: "show",
        id: "step",
        help: "Langkahnya: nomor (5) atau id langkah",
    },
    ArgText {
        path: "note",
        id: "step",
        help: "Langkahnya: nomor (5) atau id langkah",
    },
    ArgText {
        path: "note",
        id: "text",
        help: "Catatannya; beberapa kata digabung dengan spasi",
    },
    ArgText {
        path: "log",
        id: "limit",
        help: "Tampilkan paling banyak sejumlah ini perubahan",
    },
    ArgText {
        path: "export",
        id: "format",
        help: "Format yang ditulis: markdown (Markdown GitHub dengan daftar centang), json (semuanya, termasuk riwayat; schema/export.schema.json), csv (satu baris per langkah, untuk spreadsheet), html (satu halaman mandiri dengan grafik), atau portfolio (dokumen pencapaian Markdown: apa yang Anda kerjakan, kapan, dan buktinya) [bawaan: markdown]",
    },
    ArgText {
        path: "export",
        id: "output",
        help: "Tulis ke BERKAS (secara atomik), bukan ke keluaran standar",
    },
    ArgText {
        path: "import",
        id: "file",
        help: "Ekspor, berkas riwayat, atau salinan konflik yang akan digabungkan",
    },
    ArgText {
        path: "import",
        id: "dry_run",
        help: "Tampilkan apa yang akan berubah, tanpa mengubah apa pun",
    },
    ArgText {
        path: "sync",
        id: "dir",
        help: "Folder bersama (dibuat jika belum ada)",
    },
    ArgText {
        path: "sync",
        id: "dry_run",
        help: "Tampilkan apa yang akan diambil, tanpa menulis apa pun",
    },
    ArgText {
        path: "sync",
        id: "name",
        help: "Nama Anda, untuk laporan `cohort` mentor atas folder ini [bawaan: `config name`]",
    },
    ArgText {
        path: "export",
        id: "name",
        help: "Nama Anda dalam ekspor JSON, untuk laporan `cohort` mentor [bawaan: `config name`]",
    },
    ArgText {
        path: "config name",
        id: "name",
        help: "Nama yang ditetapkan; tanpa nama, nama yang tersimpan ditampilkan",
    },
    ArgText {
        path: "cohort",
        id: "paths",
        help: "Ekspor (berkas atau folder berisi ekspor) dan folder sinkronisasi, masing-masing satu peserta",
    },
    ArgText {
        path: "cohort",
        id: "sort",
        help: "Urutan peserta: `progress` (paling jauh dulu), `activity` (paling lama tidak aktif dulu), `name` (menurut nama), atau `pace` (paling cepat dulu) [bawaan: `progress`]",
    },
    ArgText {
        path: "cohort",
        id: "stuck_days",
        help: "Jumlah hari sedang mengerjakan satu langkah, atau tanpa aktivitas, sebelum peserta dianggap macet [bawaan: 14]",
    },
    ArgText {
        path: "cohort",
        id: "format",
        help: "Format yang ditulis: table (tabel selebar terminal), csv (satu baris per peserta), json (semuanya; schema/cohort.schema.json), atau html (satu halaman mandiri dengan grafik) [bawaan: table]",
    },
    ArgText {
        path: "cohort",
        id: "output",
        help: "Tulis ke BERKAS (secara atomik), bukan ke keluaran standar",
    },
    ArgText {
        path: "completions",
        id: "output",
        help: "Tulis ke BERKAS (secara atomik), bukan ke keluaran standar",
    },
    ArgText {
        path: "man",
        id: "output",
        help: "Tulis ke BERKAS (secara atomik), bukan ke keluaran standar",
    },
    ArgText {
        path: "cohort",
        id: "notes",
        help: "Tampilkan juga catatan peserta (tidak ditampilkan tanpa opsi ini: mentor perlu progresnya, bukan buku hariannya)",
    },
    ArgText {
        path: "stats",
        id: "calendar",
        help: "Tampilkan juga 12 minggu terakhir sebagai kalender hari aktif",
    },
    ArgText {
        path: "plan",
        id: "target",
        help: "Tanggal target selesai (YYYY-MM-DD), hari ini atau sesudahnya",
    },
    ArgText {
        path: "plan",
        id: "clear",
        help: "Hapus target",
    },
    ArgText {
        path: "doctor",
        id: "restore_backup",
        help: "Pulihkan cadangan keadaan sebelumnya sebagai pengganti progress.yaml",
    },
    ArgText {
        path: "doctor",
        id: "rebuild_history",
        help: "Tulis riwayat baru dari progress.yaml, untuk riwayat yang hilang, rusak, atau milik perangkat lain",
    },
    ArgText {
        path: "doctor",
        id: "rebuild_state",
        help: "Tulis progress.yaml baru dari riwayat, untuk progress.yaml yang tidak terbaca",
    },
    ArgText {
        path: "doctor",
        id: "clean",
        help: "Hapus berkas sementara sisa penulisan yang terputus",
    },
    ArgText {
        path: "roadmap validate",
        id: "file",
        help: "Berkas roadmap",
    },
    ArgText {
        path: "roadmap new",
        id: "file",
        help: "Berkas roadmap",
    },
    ArgText {
        path: "completions",
        id: "shell",
        help: "Shell yang dilengkapi: bash, elvish, fish, powershell, atau zsh",
    },
];

const EVERYDAY: &str = "\
Penggunaan sehari-hari:
  smm-path                 posisi Anda: setiap langkah, yang selesai dan berikutnya
  smm-path next            langkah yang dikerjakan sekarang, dengan tindakan praktisnya
  smm-path start 5         Anda mulai mengerjakan langkah 5
  smm-path done 5          langkah 5 selesai (juga: 1-3, 1,4,7, content-strategy)
  smm-path note 5 TEKS     simpan catatan atau tautan sebagai bukti
  smm-path undo            batalkan perubahan terakhir
  smm-path export -o progres.md   bagikan daftar centang Anda

Kode keluar:
  0  berhasil (juga jika langkah sudah selesai dan tidak ada yang berubah)
  1  gagal: berkas progres atau roadmap tidak terbaca, atau penyimpanan gagal
  2  penggunaan atau masukan salah: langkah tidak dikenal, tanggal salah, opsi tidak dikenal; tidak ada yang ditulis

Berkas:
  Progres disimpan di progress.yaml dalam direktori data
  (~/.local/share/smm-path di Linux); SMM_PATH_HOME atau --home mengubahnya.";

/// The help template: clap's own, with the usage heading in Indonesian.
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nPenggunaan: {usage}\n\n{all-args}{after-help}";

fn indonesian(mut command: Command, path: &str) -> Command {
    if let Some(text) = COMMANDS.iter().find(|text| text.path == path) {
        command = command.about(text.about).long_about(text.long_about);
    }
    if path.is_empty() {
        command = command.after_help(EVERYDAY).disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .display_order(usize::MAX)
                .help("Tampilkan versi"),
        );
    }
    command = command
        .help_template(TEMPLATE)
        .subcommand_help_heading("Perintah")
        .subcommand_value_name("PERINTAH")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .display_order(usize::MAX)
                .help("Tampilkan bantuan ini"),
        );
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        let text = ARGS
            .iter()
            .find(|text| text.path == path && text.id == id)
            .map(|text| text.help);
        command = command.mut_arg(&id, |arg| {
            let heading = if arg.is_positional() {
                "Argumen"
            } else {
                "Opsi"
            };
            // The help text says the values and the default in Indonesian.
            let mut arg = arg.help_heading(heading);
            if arg.get_action().takes_values() {
                arg = arg
                    .hide_possible_values(true)
                    .hide_default_value(true)
                    .hide_env(true);
            }
            if let Some(help) = text {
                arg = arg.help(help).long_help(help);
            }
            if let Some(names) = arg.get_value_names() {
                let names: Vec<clap::builder::Str> = names
                    .iter()
                    .map(|name| {
                        VALUE_NAMES
                            .iter()
                            .find(|(english, _)| *english == name.as_str())
                            .map_or_else(|| name.clone(), |(_, indonesian)| (*indonesian).into())
                    })
                    .collect();
                arg = arg.value_names(names);
            }
            arg
        });
    }
    let usage = usage_line(&command, path);
    command = command.override_usage(usage);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        command = command.mut_subcommand(&name, |sub| indonesian(sub, &sub_path));
    }
    command
}

/// `smm-path done [OPSI] <LANGKAH>...`: clap writes `[OPTIONS]` and
/// `[COMMAND]` in English whatever the headings, so the line is built here.
fn usage_line(command: &Command, path: &str) -> String {
    let mut line = if path.is_empty() {
        "smm-path".to_string()
    } else {
        format!("smm-path {path}")
    };
    if command.get_arguments().any(|arg| !arg.is_positional()) {
        line.push_str(" [OPSI]");
    }
    for arg in command.get_positionals() {
        let name = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map_or_else(
                || arg.get_id().to_string().to_uppercase(),
                std::string::ToString::to_string,
            );
        let many = matches!(arg.get_num_args(), Some(range) if range.max_values() > 1);
        let dots = if many { "..." } else { "" };
        if arg.is_required_set() {
            line.push_str(&format!(" <{name}>{dots}"));
        } else {
            line.push_str(&format!(" [{name}]{dots}"));
        }
    }
    if command.has_subcommands() {
        if command.is_subcommand_required_set() {
            line.push_str(" <PERINTAH>");
        } else {
            line.push_str(" [PERINTAH]");
        }
    }
    line
}

/// Exits as clap would for `error`, with the message in `lang`: help and
/// version go to standard output, a usage error is one line on standard
/// error, then the usage and where to learn more; exit code 2.
pub(crate) fn exit_with(error: clap::Error, command: &mut Command, lang: Lang) -> ! {
    if lang == Lang::En
        || matches!(
            error.kind(),
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
        )
    {
        error.format(command).exit();
    }
    // What was typed is quoted back: shown, never acted on by the terminal.
    let message = crate::control::escaped(&render_error(&error, lang));
    let usage = command_for(&error, command)
        .map(|command| {
            let usage = command.render_usage().to_string();
            usage
                .strip_prefix("Usage: ")
                .map_or(usage.clone(), str::to_string)
        })
        .unwrap_or_default();
    let help_hint = word(lang, Key::ClapMoreInformation);
    eprintln!(
        "{}: {message}\n\nPenggunaan: {usage}\n\n{help_hint}",
        word(lang, Key::ErrorPrefix)
    );
    std::process::exit(error.exit_code());
}

/// The subcommand the error is about, found from the arguments typed.
fn command_for<'a>(_error: &clap::Error, command: &'a mut Command) -> Option<&'a mut Command> {
    // Lossy: an argument that is not UTF-8 must not stop the error from being shown.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    let mut current = command;
    for arg in args {
        if current.find_subcommand(&arg).is_none() {
            continue;
        }
        current = current.find_subcommand_mut(&arg)?;
    }
    Some(current)
}

fn context(error: &clap::Error, kind: ContextKind) -> Option<String> {
    error.get(kind).map(|value| match value {
        ContextValue::String(text) => text.clone(),
        ContextValue::Strings(texts) => texts.join(", "),
        ContextValue::StyledStr(text) => text.to_string(),
        ContextValue::StyledStrs(texts) => texts
            .iter()
            .map(StyledStr::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(number) => number.to_string(),
        ContextValue::Bool(flag) => flag.to_string(),
        _ => String::new(),
    })
}

/// A usage error in words, from its kind and context.
fn render_error(error: &clap::Error, lang: Lang) -> String {
    let get = |kind: ContextKind| context(error, kind).unwrap_or_default();
    let argument = localize_argument(&get(ContextKind::InvalidArg));
    let mut message = match error.kind() {
        ErrorKind::InvalidSubcommand => tr(
            lang,
            Key::ClapUnknownCommand,
            &[("command", &get(ContextKind::InvalidSubcommand))],
        ),
        ErrorKind::UnknownArgument => {
            tr(lang, Key::ClapUnknownArgument, &[("argument", &argument)])
        }
        ErrorKind::InvalidValue => {
            let value = get(ContextKind::InvalidValue);
            if value.is_empty() {
                tr(lang, Key::ClapMissingValue, &[("argument", &argument)])
            } else {
                tr(
                    lang,
                    Key::ClapInvalidValue,
                    &[
                        ("value", &value),
                        ("argument", &argument),
                        ("valid", &get(ContextKind::ValidValue)),
                    ],
                )
            }
        }
        ErrorKind::ValueValidation => tr(
            lang,
            Key::ClapNotANumber,
            &[
                ("value", &get(ContextKind::InvalidValue)),
                ("argument", &argument),
            ],
        ),
        ErrorKind::MissingRequiredArgument => {
            tr(lang, Key::ClapMissingArgument, &[("argument", &argument)])
        }
        ErrorKind::ArgumentConflict => {
            let prior = localize_argument(&get(ContextKind::PriorArg));
            if prior.is_empty() || prior == argument {
                tr(lang, Key::ClapRepeated, &[("argument", &argument)])
            } else {
                tr(
                    lang,
                    Key::ClapConflict,
                    &[("argument", &argument), ("other", &prior)],
                )
            }
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => tr(
            lang,
            Key::ClapUnexpectedValue,
            &[("value", &get(ContextKind::InvalidValue))],
        ),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            word(lang, Key::ClapMissingCommand).to_string()
        }
        ErrorKind::InvalidUtf8 => word(lang, Key::ClapInvalidUtf8).to_string(),
        _ => word(lang, Key::ClapOther).to_string(),
    };
    let suggestion = context(error, ContextKind::SuggestedSubcommand)
        .or_else(|| context(error, ContextKind::SuggestedArg));
    if let Some(suggestion) = suggestion {
        message.push_str("; ");
        message.push_str(&tr(
            lang,
            Key::ErrDidYouMean,
            &[("suggestion", &suggestion)],
        ));
    }
    message
}

/// `--on <DATE>` with the placeholder in Indonesian.
fn localize_argument(argument: &str) -> String {
    let mut text = argument.to_string();
    for (english, indonesian) in VALUE_NAMES {
        text = text.replace(&format!("<{english}>"), &format!("<{indonesian}>"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(command: &Command, path: &str, out: &mut Vec<String>) {
        out.push(path.to_string());
        for sub in command.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            paths(sub, &sub_path, out);
        }
    }

    #[test]
    fn every_command_and_option_has_indonesian_words() {
        let command = Cli::command();
        let mut all = Vec::new();
        paths(&command, "", &mut all);
        for path in &all {
            assert!(
                COMMANDS.iter().any(|text| text.path == path),
                "no Indonesian for the command `{path}`"
            );
            let mut current = &command;
            for name in path.split_whitespace() {
                current = current.find_subcommand(name).expect("subcommand");
            }
            for arg in current.get_arguments() {
                assert!(
                    ARGS.iter()
                        .any(|text| text.path == path && text.id == arg.get_id()),
                    "no Indonesian for `{}` of `{path}`",
                    arg.get_id()
                );
                let names = arg
                    .get_value_names()
                    .filter(|_| arg.get_action().takes_values());
                if let Some(names) = names {
                    for name in names {
                        assert!(
                            VALUE_NAMES
                                .iter()
                                .any(|(english, _)| *english == name.as_str()),
                            "no Indonesian for the placeholder {name}"
                        );
                    }
                }
            }
        }
        // No entry is left over from a command or option that is gone.
        for text in COMMANDS {
            assert!(all.iter().any(|path| path == text.path), "{}", text.path);
        }
        command.clone().debug_assert();
        indonesian(command, "").debug_assert();
    }

    #[test]
    fn the_language_is_read_before_clap_parses() {
        let args =
            |list: &[&str]| -> Vec<std::ffi::OsString> { list.iter().map(Into::into).collect() };
        let none = |_: &str| None;
        let indonesian_locale = |name: &str| (name == "LANG").then(|| "id_ID.UTF-8".to_string());
        assert_eq!(
            early_language(&args(&["smm-path", "--lang", "id", "x"]), none, || None),
            Lang::Id
        );
        assert_eq!(
            early_language(&args(&["smm-path", "done", "--lang=id"]), none, || None),
            Lang::Id
        );
        assert_eq!(
            early_language(
                &args(&["smm-path", "--lang", "en"]),
                indonesian_locale,
                || None
            ),
            Lang::En
        );
        assert_eq!(
            early_language(
                &args(&["smm-path", "--lang", "xx"]),
                indonesian_locale,
                || None
            ),
            Lang::Id
        );
        assert_eq!(
            early_language(
                &args(&["smm-path", "note", "1", "--", "--lang", "id"]),
                none,
                || None
            ),
            Lang::En
        );
        // With no --lang and no locale variable, the system's language counts.
        assert_eq!(
            early_language(&args(&["smm-path", "status"]), none, || Some(
                "id-ID".into()
            )),
            Lang::Id
        );
    }
}
