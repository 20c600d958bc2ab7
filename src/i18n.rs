//! Every word smm-path says to a user, in Indonesian and English, in one catalogue.
//!
//! Messages are looked up by [`Key`]; each entry must give both languages (the
//! `catalogue!` macro will not compile otherwise) and a unit test checks that
//! both sides use the same `{placeholders}`. Roadmap text is not here: it
//! comes from the roadmap file, which carries its own translations. The
//! command line's help (every command's and option's text, the exit codes)
//! is in [`help`], keyed by command path.

use std::fmt::Display;

use chrono::{Datelike, NaiveDate};

pub(crate) mod help;

/// A language smm-path can speak.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    // What each value means is in the help catalogue (`help::VALUES`).
    Id,
    En,
}

impl Lang {
    /// The language code used in roadmap files (`id`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Picks the language when `--lang` is not given: from the locale
    /// variables, in the order gettext reads them (the first non-empty of
    /// `LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`), else from `system`, the
    /// language the operating system is set to show (Windows and macOS,
    /// where a person chooses it in the settings and no variable carries
    /// it), else English. A value starting with `id` means Indonesian
    /// (`id_ID.UTF-8`, `id-ID`); anything else, English. `LANGUAGE` may list
    /// several (`id:en`): the first counts.
    pub fn from_locale(
        var: impl Fn(&str) -> Option<String>,
        system: impl FnOnce() -> Option<String>,
    ) -> Lang {
        let value = ["LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(var)
            .find(|value| !value.trim().is_empty())
            .or_else(system);
        match value {
            Some(value) if value.trim_start().starts_with("id") => Lang::Id,
            _ => Lang::En,
        }
    }
}

/// Fills `{name}` placeholders in a catalogue text.
fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if let Some(close) = after.find('}') {
            let placeholder = &after[..close];
            // `{count:step|steps}`: the first form when `count` is 1.
            let (name, forms) = match placeholder.split_once(':') {
                Some((name, forms)) => (name, forms.split_once('|')),
                None => (placeholder, None),
            };
            if let Some((_, value)) = args.iter().find(|(arg, _)| *arg == name) {
                match forms {
                    Some((one, other)) => {
                        out.push_str(if value.to_string() == "1" { one } else { other });
                    }
                    None => out.push_str(&value.to_string()),
                }
            } else {
                out.push('{');
                out.push_str(placeholder);
                out.push('}');
            }
            rest = &after[close + 1..];
        } else {
            out.push_str(&rest[open..]);
            rest = "";
        }
    }
    out.push_str(rest);
    out
}

/// A YAML or JSON parser's message in `lang`. The shapes serde produces
/// are reworded, in English too, without Rust's type names (`u32`); any
/// other message is kept as the parser wrote it, inside a sentence in `lang`.
pub(crate) fn parser_message(lang: Lang, message: &str) -> String {
    let split_expected = |rest: &str| -> (String, String) {
        match rest.split_once(", expected ") {
            Some((what, expected)) => (
                what.to_string(),
                expected.trim_start_matches("one of ").to_string(),
            ),
            None => (rest.to_string(), String::new()),
        }
    };
    let with_choices = |key: Key, rest: &str| {
        let (what, expected) = split_expected(rest);
        let mut text = tr(lang, key, &[("what", &what)]);
        if !expected.is_empty() {
            // Names a user writes in the file: each in backticks, as typed.
            let names: Vec<String> = expected
                .split(", ")
                .map(|name| format!("`{}`", name.trim_matches('`')))
                .collect();
            text.push_str(&tr(
                lang,
                Key::ParserExpected,
                &[("expected", &names.join(", "))],
            ));
        }
        text
    };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return with_choices(Key::ParserUnknownField, rest);
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return with_choices(Key::ParserUnknownValue, rest);
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return tr(lang, Key::ParserMissingField, &[("what", &rest)]);
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return tr(lang, Key::ParserDuplicateField, &[("what", &rest)]);
    }
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (found, expected) = split_expected(rest);
            return tr(
                lang,
                Key::ParserWrongValue,
                &[
                    ("found", &parser_type(lang, &found)),
                    ("expected", &parser_type(lang, &expected)),
                ],
            );
        }
    }
    if message.starts_with("cannot deserialize null into") {
        return word(lang, Key::ParserEmptyValue).to_string();
    }
    match lang {
        Lang::En => message.to_string(),
        Lang::Id => tr(lang, Key::ParserOther, &[("message", &message)]),
    }
}

/// A type as serde names it (`u32`, `a sequence`, `string "x"`) in words.
fn parser_type(lang: Lang, text: &str) -> String {
    let text = text.trim();
    let key = match text {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" | "an integer" | "integer" => {
            Key::ParserWholeNumber
        }
        "a string" | "string" | "a borrowed string" | "str" => Key::ParserText,
        "a sequence" | "sequence" => Key::ParserList,
        "a map" | "map" | "struct" => Key::ParserMapping,
        "a boolean" | "boolean" | "bool" => Key::ParserBoolean,
        "unit value" | "null" | "unit" => Key::ParserEmpty,
        // What a roadmap's text field expects (roadmap/model.rs).
        "a string, or a map of language code to string (id: ..., en: ...)" => {
            Key::ParserLocalizedText
        }
        _ => {
            // `string "abc"`, `integer `5``: the kind, then the value as written.
            for (kind, key) in [
                ("string ", Key::ParserText),
                ("integer ", Key::ParserWholeNumber),
                ("floating point ", Key::ParserNumber),
                ("boolean ", Key::ParserBoolean),
            ] {
                if let Some(value) = text.strip_prefix(kind) {
                    return format!("{} {value}", word(lang, key));
                }
            }
            return text.to_string();
        }
    };
    word(lang, key).to_string()
}

/// Looks up `key` in `lang` and fills its placeholders.
pub(crate) fn tr(lang: Lang, key: Key, args: &[(&str, &dyn Display)]) -> String {
    let (en, id) = key.texts();
    fill(if lang == Lang::Id { id } else { en }, args)
}

/// A text without placeholders.
pub(crate) fn word(lang: Lang, key: Key) -> &'static str {
    let (en, id) = key.texts();
    if lang == Lang::Id { id } else { en }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_ID: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des",
];

/// A month's short name, `month0` counting from 0 for January.
pub(crate) fn month_short(lang: Lang, month0: usize) -> &'static str {
    let months = if lang == Lang::Id {
        &MONTHS_ID
    } else {
        &MONTHS_EN
    };
    months[month0 % 12]
}

/// Weekdays' short names, Monday first.
pub(crate) fn weekdays_short(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Id => ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    }
}

/// A number with one decimal, with the language's decimal mark: `1.5`, `1,5`.
pub(crate) fn format_decimal(lang: Lang, value: f64) -> String {
    let text = format!("{value:.1}");
    if lang == Lang::Id {
        text.replace('.', ",")
    } else {
        text
    }
}

/// A date the way each language writes it: `5 Des 2026`, `Dec 5, 2026`.
pub(crate) fn format_date(lang: Lang, date: NaiveDate) -> String {
    let month = date.month0() as usize;
    match lang {
        Lang::Id => format!("{} {} {}", date.day(), MONTHS_ID[month], date.year()),
        Lang::En => format!("{} {}, {}", MONTHS_EN[month], date.day(), date.year()),
    }
}

/// A day and a clock time, as `log`, `show` and `undo` give them: `5 Des
/// 2026 14:30`, `Dec 5, 2026 14:30`. Both languages write the clock with a
/// colon here (a 24-hour clock, which Indonesian readers and English ones
/// outside the US both read at a glance).
pub(crate) fn format_date_time(lang: Lang, at: chrono::NaiveDateTime) -> String {
    format!("{} {}", format_date(lang, at.date()), at.format("%H:%M"))
}

macro_rules! catalogue {
    ($($key:ident { en: $en:literal, id: $id:literal $(,)? })*) => {
        /// A message in the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $($key),* }

        impl Key {
            /// Every key, for the completeness test.
            #[cfg(test)]
            const ALL: &'static [Key] = &[$(Key::$key),*];

            /// The (English, Indonesian) texts.
            fn texts(self) -> (&'static str, &'static str) {
                match self { $(Key::$key => ($en, $id)),* }
            }
        }
    };
}

catalogue! {
    // Statuses, as shown in tables and messages.
    StatusTodo { en: "to do", id: "belum dimulai" }
    StatusInProgress { en: "in progress", id: "sedang dikerjakan" }
    StatusDone { en: "done", id: "selesai" }
    StatusSkipped { en: "skipped", id: "dilewati" }

    // Table headers and labels.
    HeaderNumber { en: "#", id: "No." }
    HeaderStep { en: "Step", id: "Langkah" }
    HeaderStatus { en: "Status", id: "Status" }
    HeaderDate { en: "Date", id: "Tanggal" }
    LabelSummary { en: "What it is", id: "Ringkasan" }
    LabelActions { en: "Practical actions", id: "Tindakan praktis" }
    LabelUsed { en: "used", id: "dipakai" }
    LabelEvidenceNote { en: "evidence", id: "bukti" }
    NextAction {
        en: "Next action: {label} {text}\nTick it with `smm-path check {label}`.",
        id: "Tindakan berikutnya: {label} {text}\nCentang dengan `smm-path check {label}`.",
    }
    NextActionOther {
        en: "Next action, in {number}. {title} ({status}): {label} {text}\nTick it with `smm-path check {label}`.",
        id: "Tindakan berikutnya, di {number}. {title} ({status}): {label} {text}\nCentang dengan `smm-path check {label}`.",
    }
    StatusDroppedActions {
        en: "{count} ticked {count:action is|actions are} no longer in the roadmap ({ids}); {count:its tick is|their ticks are} kept.",
        id: "{count} tindakan yang dicentang sudah tidak ada di roadmap ({ids}); centangnya tetap disimpan.",
    }
    LabelReviewed { en: "Content reviewed", id: "Isi ditinjau" }
    ResourceReviewed { en: "reviewed {date}", id: "ditinjau {date}" }
    LanguageIndonesian { en: "Indonesian", id: "bahasa Indonesia" }
    LanguageEnglish { en: "English", id: "bahasa Inggris" }
    LabelPhase { en: "Phase", id: "Fase" }
    PhaseProgress { en: "{done}/{counted} done", id: "{done}/{counted} selesai" }
    LabelPhases { en: "Phases", id: "Fase" }
    PortfolioLearnedWith { en: "Learned with", id: "Dipelajari melalui" }
    LabelResources { en: "Resources", id: "Sumber belajar" }
    ResourceCourse { en: "course", id: "kursus" }
    ResourceOfficial { en: "official", id: "resmi" }
    ResourceArticle { en: "article", id: "artikel" }
    ResourceVideo { en: "video", id: "video" }
    ResourceTool { en: "tool", id: "alat" }
    ResourceLaw { en: "law", id: "peraturan" }
    LabelEvidence { en: "Evidence it is done", id: "Bukti selesai" }
    LabelStatus { en: "Status", id: "Status" }
    LabelStarted { en: "Started", id: "Dimulai" }
    LabelFinished { en: "Finished", id: "Selesai" }
    LabelSkipReason { en: "Reason for skipping", id: "Alasan dilewati" }
    LabelNotes { en: "Notes", id: "Catatan" }
    LabelStepId { en: "id", id: "id" }

    // Summary and guidance.
    SummaryLine { en: "{done}/{total} done ({percent}%)", id: "{done}/{total} selesai ({percent}%)" }
    ShortLine {
        en: "smm-path {done}/{total} ({percent}%) next: {next}",
        id: "smm-path {done}/{total} ({percent}%) berikutnya: {next}",
    }
    ShortLineAllDone {
        en: "smm-path {done}/{total} ({percent}%) all done",
        id: "smm-path {done}/{total} ({percent}%) semua selesai",
    }
    ShortLineAllSkipped {
        en: "smm-path {done}/{total} ({percent}%) all skipped",
        id: "smm-path {done}/{total} ({percent}%) semua dilewati",
    }
    SummarySkipped { en: "{count} skipped", id: "{count} dilewati" }
    NextStep { en: "Next: {number}. {title}", id: "Berikutnya: {number}. {title}" }
    NextHint { en: "Mark it done with `smm-path done {number}`.", id: "Tandai selesai dengan `smm-path done {number}`." }
    AllDone {
        en: "Congratulations: every step of the roadmap is done!",
        id: "Selamat! Semua langkah roadmap sudah selesai.",
    }
    AllSkipped {
        en: "Every step is skipped, so nothing is left to count; `smm-path reset STEP` brings a step back.",
        id: "Semua langkah dilewati, jadi tidak ada yang dihitung; `smm-path reset LANGKAH` mengaktifkan kembali sebuah langkah.",
    }
    NoNotes { en: "no notes yet", id: "belum ada catatan" }

    // What a change did.
    Changed { en: "{number}. {title}: {from} → {to}", id: "{number}. {title}: {from} → {to}" }
    AlreadyInStatus { en: "{number}. {title} is already {status}; nothing changed.", id: "{number}. {title} sudah berstatus {status}; tidak ada yang berubah." }
    NothingChanged { en: "Nothing changed.", id: "Tidak ada yang berubah." }
    NoteAdded { en: "Note added to {number}. {title}.", id: "Catatan ditambahkan ke {number}. {title}." }
    ActionTicked { en: "Ticked {label}: {text}", id: "Dicentang {label}: {text}" }
    ActionUnticked { en: "Unticked {label}: {text}", id: "Centang dilepas {label}: {text}" }
    ActionAlreadyTicked { en: "{label} was already ticked, nothing changed: {text}", id: "{label} sudah dicentang, tidak ada yang berubah: {text}" }
    ActionAlreadyUnticked { en: "{label} was not ticked, nothing changed: {text}", id: "{label} memang belum dicentang, tidak ada yang berubah: {text}" }
    ResourceUsed { en: "Marked as used {label}: {text}", id: "Ditandai sudah dipakai {label}: {text}" }
    ResourceUnused { en: "No longer marked as used {label}: {text}", id: "Tanda sudah dipakai dilepas {label}: {text}" }
    ResourceAlreadyUsed { en: "{label} was already marked as used, nothing changed: {text}", id: "{label} sudah ditandai dipakai, tidak ada yang berubah: {text}" }
    ResourceAlreadyUnused { en: "{label} was not marked as used, nothing changed: {text}", id: "{label} memang belum ditandai dipakai, tidak ada yang berubah: {text}" }
    ActionTally {
        en: "{number}. {title}: {ticked}/{total} {total:action|actions} ticked",
        id: "{number}. {title}: {ticked}/{total} tindakan dicentang",
    }
    ActionsAllTicked {
        en: "Every action of step {number} is ticked: `smm-path done {number}` marks the step done.",
        id: "Semua tindakan langkah {number} sudah dicentang: `smm-path done {number}` menandai langkah ini selesai.",
    }
    ActionsFinishedStep {
        en: "Every action of step {number} is ticked, so the step is done (this roadmap finishes a step with its last action).",
        id: "Semua tindakan langkah {number} sudah dicentang, jadi langkah ini selesai (roadmap ini menyelesaikan langkah pada tindakan terakhirnya).",
    }
    DoneActionsLeft {
        en: "{number}. {title}: {count} {count:action is|actions are} not ticked yet (`smm-path show {number}` lists them).",
        id: "{number}. {title}: {count} tindakan belum dicentang (`smm-path show {number}` menampilkannya).",
    }
    DoneActionsLeftMany {
        en: "Actions not ticked yet, per step: {list} (`smm-path show STEP` lists them).",
        id: "Tindakan yang belum dicentang, per langkah: {list} (`smm-path show LANGKAH` menampilkannya).",
    }
    DoneActionsLeftOf { en: "{number} ({left} of {total})", id: "{number} ({left} dari {total})" }
    DoneActionsLeftMore { en: "and {count} more", id: "dan {count} lagi" }
    NoteEvidenceAdded { en: "Evidence added to {number}. {title}; the portfolio shows it.", id: "Bukti ditambahkan ke {number}. {title}; portofolio menampilkannya." }
    UndoNothing { en: "Nothing to undo.", id: "Tidak ada yang bisa diurungkan." }
    UndoReverted { en: "Undid `{command}` from {date}:", id: "Diurungkan: `{command}` ({date}):" }
    UndoNoteRemoved { en: "{number}. {title}: note removed", id: "{number}. {title}: catatan dihapus" }
    UndoNoteRestored { en: "{number}. {title}: note restored", id: "{number}. {title}: catatan dikembalikan" }
    UndoNoteUnedited { en: "{number}. {title}: note back as it was", id: "{number}. {title}: catatan kembali seperti semula" }
    LogDue { en: "{number}. {title}: planned for {date}", id: "{number}. {title}: direncanakan selesai {date}" }
    LogDueCleared { en: "{number}. {title}: planned day cleared", id: "{number}. {title}: tanggal rencana dihapus" }
    LogNoteEdited { en: "{number}. {title}: note rewritten", id: "{number}. {title}: catatan diubah" }
    NoteEdited { en: "Note {note} of {number}. {title} rewritten.", id: "Catatan {note} pada {number}. {title} diubah." }
    NoteDeleted {
        en: "Note {note} of {number}. {title} deleted; `smm-path undo` brings it back.",
        id: "Catatan {note} pada {number}. {title} dihapus; `smm-path undo` mengembalikannya.",
    }
    ResetAllConfirm {
        en: "Reset all progress on \"{title}\" to the start? Notes are kept. [y/N] ",
        id: "Kembalikan semua progres \"{title}\" ke awal? Catatan tetap disimpan. [y/T] ",
    }
    ResetAllCancelled { en: "Cancelled; nothing changed.", id: "Dibatalkan; tidak ada yang berubah." }
    Exported { en: "Exported to {path}.", id: "Diekspor ke {path}." }

    // The progress card (`smm-path card`).
    CardStepsDone { en: "steps done · {percent}%", id: "langkah selesai · {percent}%" }
    CardNext { en: "NEXT STEP", id: "LANGKAH BERIKUTNYA" }
    CardPhases { en: "PHASES", id: "FASE" }
    CardMorePhases { en: "+{count} more", id: "+{count} lainnya" }
    CardStreakOne { en: "active day in a row", id: "hari aktif berturut-turut" }
    CardStreakMany { en: "active days in a row", id: "hari aktif berturut-turut" }
    CardActions { en: "actions ticked", id: "tindakan dicentang" }
    CardEvidenceOne { en: "evidence note", id: "catatan bukti" }
    CardEvidenceMany { en: "evidence notes", id: "catatan bukti" }

    // Exports: actions and evidence.
    ExportHeadingLearner { en: "{heading} — {name}", id: "{heading} — {name}" }
    CsvActionsTicked { en: "Actions ticked", id: "Tindakan dicentang" }
    CsvActionsTotal { en: "Actions", id: "Tindakan" }
    CsvTickedActions { en: "Ticked actions", id: "Daftar tindakan dicentang" }
    CsvEvidenceNotes { en: "Evidence notes", id: "Catatan bukti" }
    CsvResourcesUsed { en: "Resources used", id: "Sumber belajar dipakai" }
    CsvNoteTexts { en: "Note texts", id: "Isi catatan" }
    CsvSkipReason { en: "Skip reason", id: "Alasan dilewati" }

    // The history.
    LogEmpty { en: "No changes recorded yet.", id: "Belum ada perubahan yang tercatat." }
    LogNote { en: "{number}. {title}: note added", id: "{number}. {title}: catatan ditambahkan" }
    LogEvidence { en: "{number}. {title}: evidence added", id: "{number}. {title}: bukti ditambahkan" }
    LogUndone { en: "(undone)", id: "(diurungkan)" }
    LogDevice { en: "[device {device}]", id: "[perangkat {device}]" }
    LogTargetSet { en: "target set to {date}", id: "target ditetapkan: {date}" }
    LogTargetCleared { en: "target cleared", id: "target dihapus" }
    CommandHandEdit { en: "edited by hand", id: "disunting manual" }
    CommandImportV1 { en: "import (export version 1)", id: "impor (ekspor versi 1)" }
    LogUndoOf { en: "undo of `{command}`", id: "pengurungan `{command}`" }
    LogRemovedStep { en: "(step no longer in the roadmap)", id: "(langkah sudah tidak ada di roadmap)" }

    // Errors: bad input (exit 2).
    ErrorPrefix { en: "error", id: "kesalahan" }

    // What a new user tripped on.
    ErrImportCutShort {
        en: "it is incomplete: its JSON stops before the end (a copy or download cut short?); copy it again, or export it again",
        id: "isinya tidak lengkap: JSON-nya berhenti sebelum akhir (salinan atau unduhan yang terputus?); salin ulang, atau ekspor ulang",
    }
    CohortCutShort {
        en: "incomplete: its JSON stops before the end (a copy cut short?)",
        id: "tidak lengkap: JSON-nya berhenti sebelum akhir (salinan yang terputus?)",
    }
    StatsPaceFirstDays {
        en: "Pace: {count} {count:step|steps} in the {days} {days:day|days} since you began",
        id: "Laju: {count} langkah dalam {days} hari sejak Anda mulai",
    }
    StatsPaceSinceStart {
        en: "Pace: {recent} {recent:step|steps} a week over the {days} {days:day|days} since you began",
        id: "Laju: {recent} langkah per minggu dalam {days} hari sejak Anda mulai",
    }
    StatsEstimateEarly {
        en: "At this pace you finish around {date}; a first guess, from only the {days} {days:day|days} since you began.",
        id: "Dengan laju ini, Anda akan selesai sekitar {date}; baru perkiraan awal, dari {days} hari sejak Anda mulai saja.",
    }

    // A parser's messages (see `parser_message`).
    ParserUnknownField { en: "unknown field {what}", id: "kunci {what} tidak dikenal" }
    ParserUnknownValue { en: "unknown value {what}", id: "nilai {what} tidak dikenal" }
    ParserExpected { en: "; known: {expected}", id: "; yang dikenal: {expected}" }
    ParserMissingField { en: "the field {what} is missing", id: "kunci {what} tidak ada" }
    ParserDuplicateField { en: "the field {what} is given twice", id: "kunci {what} ditulis dua kali" }
    ParserWrongValue { en: "{found} where {expected} was expected", id: "{found}, padahal seharusnya {expected}" }
    ParserEmptyValue { en: "an empty value where one is needed", id: "nilai kosong di tempat yang memerlukan nilai" }
    ParserOther { en: "{message}", id: "pengurai YAML melaporkan: {message}" }
    ParserWholeNumber { en: "a whole number", id: "bilangan bulat" }
    ParserNumber { en: "a number", id: "angka" }
    ParserText { en: "text", id: "teks" }
    ParserList { en: "a list", id: "daftar" }
    ParserMapping { en: "a mapping (key: value)", id: "pemetaan (kunci: nilai)" }
    ParserBoolean { en: "true or false", id: "true atau false" }
    ParserEmpty { en: "an empty value", id: "nilai kosong" }
    ParserLocalizedText {
        en: "text, or a map of language code to text (id: ..., en: ...)",
        id: "teks, atau pemetaan kode bahasa ke teks (id: ..., en: ...)",
    }

    // The full-screen view, `smm-path ui`.
    UiFooter {
        en: "↑↓ move  Tab actions  d done  p in progress  s skip  r reset  n note  e evidence  u undo  Enter open  / search  l language  ? help  q quit",
        id: "↑↓ pindah  Tab tindakan  d selesai  p dikerjakan  s lewati  r reset  n catatan  e bukti  u urungkan  Enter buka  / cari  l bahasa  ? bantuan  q keluar",
    }
    UiTooSmall {
        en: "The window is {width}x{height}; smm-path ui needs at least {min_width}x{min_height}. Make it larger, or press q to quit.",
        id: "Jendela ini {width}x{height}; smm-path ui memerlukan paling sedikit {min_width}x{min_height}. Perbesar jendela, atau tekan q untuk keluar.",
    }
    UiNotePrompt { en: "Note (Enter saves, Esc cancels):", id: "Catatan (Enter menyimpan, Esc membatalkan):" }
    UiSkipPrompt { en: "Reason for skipping, optional (Enter skips, Esc cancels):", id: "Alasan melewati, boleh kosong (Enter melewati, Esc membatalkan):" }
    UiSearchPrompt { en: "Search titles (Enter or Esc ends):", id: "Cari judul (Enter atau Esc selesai):" }
    UiSearchPromptMissed { en: "Search titles, no match yet (Enter or Esc ends):", id: "Cari judul, belum ada yang cocok (Enter atau Esc selesai):" }
    UiSearchNoMatch { en: "No step title holds \"{query}\".", id: "Tidak ada judul langkah yang memuat \"{query}\"." }
    UiSearchFirst { en: "Nothing to find again: search first with /.", id: "Belum ada yang dicari: cari dulu dengan /." }
    UiFooterNextMatch { en: "f next match", id: "f lagi" }
    UiHelpTitle { en: "Keys (any key closes)", id: "Tombol (tombol apa pun menutup)" }
    UiHelp {
        en: "↑ ↓ or k j     move one step\nPgUp PgDn      move a page\nHome End       first or last step\nEnter          read the step in full (↑ ↓ scroll, Esc back)\nd              done\np              in progress\ns              skip, with an optional reason\nr              reset to \"to do\"\nn              add a note (Enter saves, Esc cancels)\ne              add evidence, a note the portfolio shows\nTab            into the step's practical actions, and back (or Esc)\nSpace, Enter   in the actions: tick or untick the chosen one\nu              undo the last change\n/              search the titles (f: the next match)\nl              switch language\nq or Esc       quit\nThe mouse selects a step or an action; the wheel scrolls.",
        id: "↑ ↓ atau k j   pindah satu langkah\nPgUp PgDn      pindah satu halaman\nHome End       langkah pertama atau terakhir\nEnter          baca langkah lengkap (↑ ↓ menggulir, Esc kembali)\nd              selesai\np              sedang dikerjakan\ns              lewati, dengan alasan jika mau\nr              kembalikan ke \"belum dimulai\"\nn              tambah catatan (Enter menyimpan, Esc membatalkan)\ne              tambah bukti, catatan yang ditampilkan portofolio\nTab            ke tindakan praktis langkah, dan kembali (atau Esc)\nSpasi, Enter   di tindakan: centang atau lepas centang yang dipilih\nu              urungkan perubahan terakhir\n/              cari judul (f: cocok berikutnya)\nl              ganti bahasa\nq atau Esc     keluar\nKlik untuk memilih langkah atau tindakan; gulir dengan roda mouse.",
    }
    // ui: the full-step view, whose keys only scroll and go back.
    UiFooterStep {
        en: "↑↓ scroll  PgUp PgDn page  Home top  Esc/Enter/q back to the list",
        id: "↑↓ gulir  PgUp PgDn halaman  Home atas  Esc/Enter/q kembali ke daftar",
    }
    // ui: actions.
    UiFooterActions {
        en: "↑↓ choose  Space/Enter tick or untick  Tab/Esc back to the steps  d done  e evidence  u undo  ? help  q quit",
        id: "↑↓ pilih  Spasi/Enter centang atau lepas  Tab/Esc kembali ke langkah  d selesai  e bukti  u urungkan  ? bantuan  q keluar",
    }
    UiEvidencePrompt {
        en: "Evidence, such as a link (Enter saves, Esc cancels):",
        id: "Bukti, misalnya tautan (Enter menyimpan, Esc membatalkan):",
    }
    UiNoActions { en: "{number}. {title} has no practical actions to tick.", id: "{number}. {title} tidak punya tindakan praktis untuk dicentang." }
    UiSpaceHint {
        en: "Space ticks an action: press Tab to move into the step's practical actions.",
        id: "Spasi mencentang tindakan: tekan Tab untuk masuk ke tindakan praktis langkah ini.",
    }
    UiActionsAllTicked {
        en: "Every action of step {number} is ticked: press d to mark the step done.",
        id: "Semua tindakan langkah {number} sudah dicentang: tekan d untuk menandai langkah ini selesai.",
    }

    // `smm-path cohort`.
    CohortSummary {
        en: "{learners} {learners:learner|learners}; {stuck} stuck (in progress on one step, or inactive, for more than {days} days)",
        id: "{learners} peserta; {stuck} macet (mengerjakan satu langkah, atau tidak aktif, lebih dari {days} hari)",
    }
    CohortName { en: "Learner", id: "Peserta" }
    CohortProgress { en: "Done", id: "Selesai" }
    CohortCurrent { en: "Current step", id: "Langkah sekarang" }
    CohortInactive { en: "Days inactive", id: "Hari tidak aktif" }
    CohortPace { en: "Steps/week", id: "Langkah/minggu" }
    CohortFinish { en: "Est. finish", id: "Perkiraan selesai" }
    CohortTarget { en: "Target", id: "Target" }
    CohortFlag { en: "Stuck", id: "Macet" }
    CohortFinished { en: "finished", id: "selesai" }
    // Portfolio and cohort: actions and evidence.
    PortfolioActionsDone { en: "Practical actions done ({tally})", id: "Tindakan praktis yang dikerjakan ({tally})" }
    PortfolioEvidenceAsked { en: "Evidence asked for", id: "Bukti yang diminta" }
    ErrOnlyForPortfolio { en: "`{option}` is for `--format portfolio` only: the {format} export shows the progress as it is", id: "`{option}` hanya untuk `--format portfolio`: ekspor {format} menampilkan kemajuan apa adanya" }
    CohortCurrentAction { en: "Current action", id: "Tindakan sekarang" }
    CohortActionsTicked { en: "actions ticked: {counts}", id: "tindakan dicentang: {counts}" }
    CohortOnTrack { en: "on track", id: "sesuai rencana" }
    CohortBehind { en: "{days} {days:day|days} behind", id: "terlambat {days} hari" }
    CohortStuckOnStep { en: "on one step", id: "di satu langkah" }
    CohortStuckInactive { en: "inactive", id: "tidak aktif" }
    CohortFunnelTitle { en: "Learners who finished each step:", id: "Peserta yang menyelesaikan setiap langkah:" }
    CohortMedianDays { en: "median {days} days", id: "median {days} hari" }
    CohortSkippedTitle { en: "Skipped:", id: "Dilewati:" }
    CohortHtmlTitle { en: "Cohort: {title}", id: "Angkatan: {title}" }
    CohortNotExport { en: "not an smm-path export", id: "bukan ekspor smm-path" }
    CohortOtherRoadmap { en: "an export of the roadmap `{roadmap}`, not of this one", id: "ekspor roadmap `{roadmap}`, bukan roadmap ini" }
    CohortNewerExport { en: "written by a newer smm-path (format {version})", id: "ditulis smm-path yang lebih baru (format {version})" }
    CohortDuplicate { en: "the same learner as {other}", id: "peserta yang sama dengan {other}" }
    CohortNotPlain { en: "not a plain file or folder", id: "bukan berkas atau folder biasa" }
    CohortMissing { en: "no such file or folder", id: "berkas atau folder itu tidak ada" }
    CohortEmpty { en: "{path} holds no exports and no sync folder", id: "{path} tidak berisi ekspor maupun folder sinkronisasi" }
    CohortTooLarge { en: "larger than {limit} MB ({size} MB): not read", id: "lebih besar dari {limit} MB ({size} MB): tidak dibaca" }

    // The man page's section headings.
    ManManual { en: "smm-path manual", id: "Panduan smm-path" }
    ManName { en: "NAME", id: "NAMA" }
    ManSynopsis { en: "SYNOPSIS", id: "RINGKASAN" }
    ManDescription { en: "DESCRIPTION", id: "DESKRIPSI" }
    ManOptions { en: "OPTIONS", id: "OPSI" }
    ManCommands { en: "COMMANDS", id: "PERINTAH" }
    ManMore { en: "MORE", id: "SELENGKAPNYA" }
    ManVersion { en: "VERSION", id: "VERSI" }

    // clap's screen words: the Indonesian tree puts them in (see cli_lang.rs);
    // the English tree keeps clap's own, which these English texts repeat.
    ClapUsage { en: "Usage", id: "Penggunaan" }
    ClapCommands { en: "Commands", id: "Perintah" }
    ClapOptions { en: "Options", id: "Opsi" }
    ClapArguments { en: "Arguments", id: "Argumen" }
    ClapCommandPlaceholder { en: "COMMAND", id: "PERINTAH" }
    ClapOptionsPlaceholder { en: "OPTIONS", id: "OPSI" }
    ClapHelpFlag { en: "Print help", id: "Tampilkan bantuan ini" }
    ClapVersionFlag { en: "Print version", id: "Tampilkan versi" }
    ClapHelpCommand {
        en: "Print this message or the help of the given subcommand(s)",
        id: "Tampilkan bantuan ini, atau bantuan perintah yang disebut",
    }
    HelpExitCodes { en: "Exit codes", id: "Kode keluar" }

    // clap's usage errors, rendered from their kind (see cli_lang.rs).
    ClapMoreInformation { en: "For more information, run `{command}`.", id: "Untuk informasi lebih lanjut, jalankan `{command}`." }
    ClapUnknownCommand { en: "`{command}` is not a command", id: "`{command}` bukan perintah" }
    ClapUnknownArgument { en: "`{argument}` is not an option here", id: "`{argument}` bukan opsi di sini" }
    ClapMissingValue { en: "`{argument}` needs a value", id: "`{argument}` memerlukan nilai" }
    ClapInvalidValue {
        en: "`{value}` is not a value `{argument}` takes; it takes: {valid}",
        id: "`{value}` bukan nilai yang diterima `{argument}`; pilihannya: {valid}",
    }
    ClapNotANumber {
        en: "`{value}` for `{argument}` is not a whole number",
        id: "`{value}` untuk `{argument}` bukan bilangan bulat",
    }
    ClapMissingArgument { en: "missing: {argument}", id: "belum diberikan: {argument}" }
    ClapRepeated { en: "`{argument}` is given more than once", id: "`{argument}` diberikan lebih dari sekali" }
    ClapConflict {
        en: "`{argument}` cannot be used together with `{other}`",
        id: "`{argument}` tidak dapat dipakai bersama `{other}`",
    }
    ClapUnexpectedValue { en: "`{value}` was not expected here", id: "`{value}` tidak diharapkan di sini" }
    ClapMissingCommand { en: "a command is needed here", id: "di sini diperlukan sebuah perintah" }
    ClapInvalidUtf8 { en: "an argument is not valid UTF-8 text", id: "sebuah argumen bukan teks UTF-8 yang valid" }
    ClapOther { en: "the command line cannot be read", id: "baris perintah tidak dapat dibaca" }
    ErrStepOutOfRange {
        en: "step {number} does not exist: this roadmap has steps 1 to {count}",
        id: "langkah {number} tidak ada: roadmap ini berisi langkah 1 sampai {count}",
    }
    ErrUnknownStepId { en: "no step has the id `{id}`", id: "tidak ada langkah dengan id `{id}`" }
    ErrDidYouMean { en: "did you mean `{suggestion}`?", id: "mungkin maksud Anda `{suggestion}`?" }
    ErrOneStepOnly {
        en: "`{input}` names {count} steps, and this command takes one: give a number (5) or a step id",
        id: "`{input}` menyebut {count} langkah, sedangkan perintah ini hanya menerima satu: berikan nomor (5) atau id langkah",
    }
    ErrInvalidSelector {
        en: "`{input}` is not a step: use a number (5), a range (1-3), a list (1,4,7) or a step id",
        id: "`{input}` bukan langkah: gunakan nomor (5), rentang (1-3), daftar (1,4,7), atau id langkah",
    }
    ErrInvalidAction {
        en: "`{input}` is not an action: use STEP.NUMBER (5.2), a range (5.1-3), a list (5.1,5.4) or STEP.KEY (5.case-study)",
        id: "`{input}` bukan tindakan: gunakan LANGKAH.NOMOR (5.2), rentang (5.1-3), daftar (5.1,5.4), atau LANGKAH.KUNCI (5.case-study)",
    }
    ErrInvalidResource {
        en: "`{input}` is not a resource: use STEP.NUMBER (5.1), a range (5.1-2) or a list (5.1,6.2), numbered as `smm-path show STEP` lists them",
        id: "`{input}` bukan sumber belajar: gunakan LANGKAH.NOMOR (5.1), rentang (5.1-2), atau daftar (5.1,6.2), bernomor seperti di `smm-path show LANGKAH`",
    }
    ErrStepNotAction {
        en: "`{input}` is a whole step: name one of its actions, {step}.1 to {step}.{count} (or {step}.1-{count} for all)",
        id: "`{input}` adalah satu langkah utuh: sebutkan salah satu tindakannya, {step}.1 sampai {step}.{count} (atau {step}.1-{count} untuk semuanya)",
    }
    ErrStepNotResource {
        en: "`{input}` is a whole step: name one of its resources, {step}.1 to {step}.{count}",
        id: "`{input}` adalah satu langkah utuh: sebutkan salah satu sumber belajarnya, {step}.1 sampai {step}.{count}",
    }
    ErrNoActions { en: "step {step} has no practical actions to tick", id: "langkah {step} tidak punya tindakan praktis untuk dicentang" }
    ErrNoResources { en: "step {step} lists no resources", id: "langkah {step} tidak mencantumkan sumber belajar" }
    ErrActionOutOfRange {
        en: "step {step} has no action {number}: its actions are {step}.1 to {step}.{count}",
        id: "langkah {step} tidak punya tindakan {number}: tindakannya {step}.1 sampai {step}.{count}",
    }
    ErrResourceOutOfRange {
        en: "step {step} has no resource {number}: its resources are {step}.1 to {step}.{count}",
        id: "langkah {step} tidak punya sumber belajar {number}: sumbernya {step}.1 sampai {step}.{count}",
    }
    ErrUnknownActionName {
        en: "step {step} has no action with the key `{key}`",
        id: "langkah {step} tidak punya tindakan dengan kunci `{key}`",
    }
    ErrReversedRange {
        en: "the range `{input}` runs backwards: write it low to high, like `{suggestion}`",
        id: "rentang `{input}` terbalik: tulis dari kecil ke besar, misalnya `{suggestion}`",
    }
    ErrInvalidDate {
        en: "`{input}` is not a date: use YYYY-MM-DD, like 2026-03-14",
        id: "`{input}` bukan tanggal: gunakan format YYYY-MM-DD, misalnya 2026-03-14",
    }
    ErrFutureDate {
        en: "{input} is in the future: --on records a day that has already come",
        id: "{input} masih di masa depan: --on hanya untuk hari yang sudah lewat atau hari ini",
    }
    ErrBadName {
        en: "`{name}` cannot be a name: give 1 to {max} characters, with no control characters",
        id: "`{name}` tidak dapat dipakai sebagai nama: berikan 1 sampai {max} karakter, tanpa karakter kontrol",
    }
    ErrNoLearners {
        en: "no learner's progress was read: give JSON exports (`smm-path export -f json`), folders of them, or sync folders",
        id: "tidak ada progres peserta yang terbaca: berikan ekspor JSON (`smm-path export -f json`), folder berisi ekspor, atau folder sinkronisasi",
    }
    ConfigNoName { en: "No name set yet: `smm-path config name \"Your Name\"` sets one.", id: "Belum ada nama: `smm-path config name \"Nama Anda\"` menetapkannya." }
    ConfigNameSet { en: "Your name is now {name}; exports and sync folders carry it.", id: "Nama Anda sekarang {name}; ekspor dan folder sinkronisasi membawanya." }
    ErrNoTerminal {
        en: "smm-path ui needs a terminal (standard input and output must both be one); without one, use the commands, such as `smm-path status` and `smm-path done 5`",
        id: "smm-path ui memerlukan terminal (masukan dan keluaran standar harus terminal); tanpa terminal, gunakan perintah seperti `smm-path status` dan `smm-path done 5`",
    }
    ErrFinishBeforeStart {
        en: "step {number} was started on {started}, after {on}: give a finish day on or after it, or `reset {number}` first",
        id: "langkah {number} dimulai pada {started}, setelah {on}: berikan tanggal selesai yang sama atau sesudahnya, atau jalankan `reset {number}` dulu",
    }
    ErrEvidenceAmongWords {
        en: "`--evidence` comes after the note's first word, where it is part of the text: put it before the text (`smm-path note 5 --evidence TEXT`)",
        id: "`--evidence` ada setelah kata pertama catatan, sehingga ikut menjadi teksnya: taruh sebelum teks (`smm-path note 5 --evidence TEKS`)",
    }
    ErrNoteFlagAmongWords {
        en: "`{flag}` comes after the note's first word, where it is part of the text: put it before the text (`smm-path note 5 {flag} 2 TEXT`)",
        id: "`{flag}` ada setelah kata pertama catatan, sehingga ikut menjadi teksnya: taruh sebelum teks (`smm-path note 5 {flag} 2 TEKS`)",
    }
    ErrOnAmongWords {
        en: "`--on` comes after the note's first word, where it is part of the text: put it before the text (`smm-path note 5 --on 2026-11-15 TEXT`)",
        id: "`--on` ada setelah kata pertama catatan, sehingga ikut menjadi teksnya: taruh sebelum teks (`smm-path note 5 --on 2026-11-15 TEKS`)",
    }
    ErrNoSuchNote {
        en: "step {step} has {count} {count:note|notes}, so there is no note {number}: `smm-path show {step}` numbers them",
        id: "langkah {step} punya {count} catatan, jadi tidak ada catatan {number}: `smm-path show {step}` menomorinya",
    }
    ErrEmptyNote { en: "the note is empty: write some text after the step", id: "catatan kosong: tulis teks setelah langkah" }
    ErrInvalidNow {
        en: "SMM_PATH_NOW is `{value}`, not a time like 2026-03-14T09:30:00+07:00: fix it or unset it",
        id: "SMM_PATH_NOW berisi `{value}`, bukan waktu seperti 2026-03-14T09:30:00+07:00: perbaiki atau hapus",
    }
    ErrUnknownCompletionShell {
        en: "SMM_PATH_COMPLETE is `{value}`: the shell asks smm-path for completions this way in bash, zsh and fish only (for PowerShell and elvish, see `smm-path completions --help`); unset it to run smm-path",
        id: "SMM_PATH_COMPLETE berisi `{value}`: cara shell meminta pelengkapan dari smm-path ini hanya untuk bash, zsh, dan fish (untuk PowerShell dan elvish, lihat `smm-path completions --help`); hapus variabel itu untuk menjalankan smm-path",
    }
    ErrControlCharacter {
        en: "the text holds a control character (such as an escape sequence); write it without one; nothing was changed",
        id: "teks itu memuat karakter kontrol (misalnya urutan escape); tulis tanpa karakter itu; tidak ada yang diubah",
    }
    ErrResetAllNeedsYes {
        en: "`reset --all` asks for confirmation, and there is no terminal to ask on: add --yes",
        id: "`reset --all` perlu konfirmasi, tetapi tidak ada terminal untuk bertanya: tambahkan --yes",
    }

    // Errors: runtime (exit 1).
    ErrConfirmationRead {
        en: "cannot read the answer to `reset --all`'s question: {reason}; nothing changed: run it again, or add --yes",
        id: "jawaban atas pertanyaan `reset --all` tidak bisa dibaca: {reason}; tidak ada yang berubah: jalankan lagi, atau tambahkan --yes",
    }
    FileNotPlain { en: "not a plain file (a FIFO, a device or a socket)", id: "bukan berkas biasa (FIFO, perangkat, atau soket)" }
    FileIsDirectory { en: "a directory, not a file", id: "sebuah direktori, bukan berkas" }
    FileIsLink { en: "a symbolic link, where only a plain file is read", id: "sebuah tautan simbolis, padahal hanya berkas biasa yang dibaca" }
    FileTooLarge { en: "{size} bytes, over the {limit}-byte limit", id: "{size} byte, melebihi batas {limit} byte" }
    IoNotFound { en: "it does not exist", id: "tidak ada" }
    IoNoFolder { en: "the folder it would go in does not exist", id: "folder tujuannya tidak ada" }
    IoPermissionDenied { en: "permission denied", id: "izin ditolak" }
    IoAlreadyExists { en: "something already exists there", id: "sudah ada sesuatu di sana" }
    IoStorageFull { en: "the disk is full", id: "disk penuh" }
    IoReadOnly { en: "the file system is read-only", id: "sistem berkas hanya-baca" }
    IoInUse {
        en: "the file is in use by another program (an antivirus or a sync tool such as OneDrive) or cannot be replaced; wait a moment and try again",
        id: "berkas itu sedang dipakai program lain (antivirus atau alat sinkronisasi seperti OneDrive) atau tidak bisa diganti; tunggu sebentar lalu coba lagi",
    }
    IoNotDirectory { en: "a part of the path is not a directory", id: "sebagian jalurnya bukan direktori" }
    IoInvalidData { en: "its contents are not text (UTF-8)", id: "isinya bukan teks (UTF-8)" }
    IoUnsupported { en: "this system does not support it", id: "sistem ini tidak mendukungnya" }
    IoTimedOut { en: "the system took too long to answer", id: "sistem terlalu lama menjawab" }
    IoFileTooLarge { en: "the file is too large for the file system", id: "berkasnya terlalu besar untuk sistem berkas" }
    IoOther { en: "the system reported an error ({kind})", id: "sistem melaporkan kesalahan ({kind})" }
    ErrStateWouldBeTooLarge {
        en: "this would take {path} past the {limit} MB smm-path reads back, so nothing was changed: import or sync less at a time, or shorten long notes",
        id: "ini akan membuat {path} melebihi {limit} MB yang bisa dibaca kembali oleh smm-path, jadi tidak ada yang diubah: impor atau sinkronkan lebih sedikit sekaligus, atau persingkat catatan yang panjang",
    }
    ErrStateUnreadable {
        en: "cannot read the progress file {path}: {reason}; it was left untouched",
        id: "berkas progres {path} tidak bisa dibaca: {reason}; berkas itu tidak diubah",
    }
    ErrStateInvalid {
        en: "the progress file {path} is damaged at line {line}, column {column}: {reason}; it was left untouched: fix it by hand, or run `smm-path doctor` to see the backup",
        id: "berkas progres {path} rusak di baris {line}, kolom {column}: {reason}; berkas itu tidak diubah: perbaiki secara manual, atau jalankan `smm-path doctor` untuk melihat cadangannya",
    }
    ErrStateNotUtf8 {
        en: "the progress file {path} is not UTF-8 text; it was left untouched: run `smm-path doctor` to see the backup",
        id: "berkas progres {path} bukan teks UTF-8; berkas itu tidak diubah: jalankan `smm-path doctor` untuk melihat cadangannya",
    }
    ErrStateNewerVersion {
        en: "the progress file {path} has format version {version}, made by a newer smm-path (this one reads up to {supported}): upgrade smm-path",
        id: "berkas progres {path} memakai format versi {version} dari smm-path yang lebih baru (versi ini hanya membaca sampai {supported}): perbarui smm-path",
    }
    ErrStateCutShort {
        en: "the progress file {path} is incomplete: its last line, `end: true`, is missing, so entries may have been cut off; it was left untouched: run `smm-path doctor` to see the backup",
        id: "berkas progres {path} tidak lengkap: baris terakhirnya, `end: true`, hilang, jadi mungkin ada entri yang terpotong; berkas itu tidak diubah: jalankan `smm-path doctor` untuk melihat cadangannya",
    }
    ErrStateTooLarge {
        en: "the progress file {path} is {size} MB, over the {limit} MB limit: it is not progress smm-path wrote; it was left untouched: move it aside",
        id: "berkas progres {path} berukuran {size} MB, melebihi batas {limit} MB: ini bukan progres yang ditulis smm-path; berkas itu tidak diubah: pindahkan berkas itu ke tempat lain",
    }
    LineNoChecksum { en: "no checksum at its end", id: "tidak ada checksum di ujungnya" }
    LineChecksumMismatch { en: "its checksum does not match: the line was changed, or lines before it are missing", id: "checksum-nya tidak cocok: baris itu diubah, atau baris sebelumnya hilang" }
    LineNotAChange { en: "it is not a change smm-path writes ({reason})", id: "ini bukan perubahan yang ditulis smm-path ({reason})" }
    ErrHistoryDamaged {
        en: "the history file {path} is damaged (line {line}): {reason}; nothing was changed: `smm-path doctor` says how to repair it",
        id: "berkas riwayat {path} rusak (baris {line}): {reason}; tidak ada yang diubah: `smm-path doctor` menjelaskan cara memperbaikinya",
    }
    ErrHomeNotDirectory {
        en: "{path} is a file, not a directory, so it cannot be the smm-path home: move it away, or point --home or SMM_PATH_HOME at a directory",
        id: "{path} adalah berkas, bukan direktori, sehingga tidak bisa menjadi direktori smm-path: pindahkan, atau arahkan --home atau SMM_PATH_HOME ke sebuah direktori",
    }
    ErrNothingToRebuildFrom {
        en: "{path} cannot be read or is empty, so there is nothing to rebuild from: see `smm-path doctor`",
        id: "{path} tidak terbaca atau kosong, sehingga tidak ada bahan untuk membangun ulang: lihat `smm-path doctor`",
    }
    ErrHistoryBehind {
        en: "progress.yaml includes history that {path} does not have yet ({has} of {needs} bytes): a sync may still be copying it, or it came from another device; nothing was changed: wait for the sync and try again, or see `smm-path doctor`",
        id: "progress.yaml mencakup riwayat yang belum ada di {path} ({has} dari {needs} byte): sinkronisasi mungkin masih menyalinnya, atau berkas itu dari perangkat lain; tidak ada yang diubah: tunggu sinkronisasi lalu coba lagi, atau lihat `smm-path doctor`",
    }
    ErrHistoryMismatch {
        en: "{path} is not the history progress.yaml was made from (a copy from another device?); nothing was changed: see `smm-path doctor`",
        id: "{path} bukan riwayat asal progress.yaml (salinan dari perangkat lain?); tidak ada yang diubah: lihat `smm-path doctor`",
    }
    ErrStateWrite {
        en: "cannot save progress to {path}: {reason}; the previous progress is unchanged",
        id: "progres tidak bisa disimpan ke {path}: {reason}; progres sebelumnya tidak berubah",
    }
    ErrStateLock {
        en: "cannot lock {path}: {reason}",
        id: "{path} tidak bisa dikunci: {reason}",
    }
    ErrNoHomeFolder {
        en: "cannot expand the ~ in {path}: no home folder is known; write the path in full",
        id: "~ dalam {path} tidak bisa diperluas: folder home tidak diketahui; tulis jalurnya secara lengkap",
    }
    ErrNoDataDir {
        en: "cannot find a data directory for this user: set SMM_PATH_HOME or pass --home DIR",
        id: "direktori data pengguna tidak ditemukan: atur SMM_PATH_HOME atau gunakan --home DIR",
    }
    ErrRoadmapUnreadable {
        en: "cannot read the roadmap {path}: {reason}",
        id: "roadmap {path} tidak bisa dibaca: {reason}",
    }
    ErrRoadmapSyntax {
        en: "the roadmap {path} is not valid at line {line}, column {column}:",
        id: "roadmap {path} tidak valid di baris {line}, kolom {column}:",
    }
    ErrRoadmapProblems {
        en: "the roadmap {path} has {count} {count:problem|problems}:",
        id: "roadmap {path} memiliki {count} masalah:",
    }
    ErrExportWrite {
        en: "cannot write {path}: {reason}",
        id: "{path} tidak bisa ditulis: {reason}",
    }
    ErrExportOwnFile {
        en: "cannot write {path}: that is one of smm-path's own progress files",
        id: "{path} tidak bisa ditulis: itu salah satu berkas kemajuan milik smm-path sendiri",
    }
    ErrOutputIsFolder {
        en: "cannot write {path}: that is a folder; --output needs a file name, such as progress.md inside it",
        id: "{path} tidak bisa ditulis: itu sebuah folder; --output perlu nama berkas, misalnya progress.md di dalamnya",
    }
    ErrCardPngToTerminal {
        en: "a PNG card is an image, not text for the terminal: write it to a file with `-o card.png`, or print SVG with `-f svg`",
        id: "kartu PNG adalah gambar, bukan teks untuk terminal: tulis ke berkas dengan `-o kartu.png`, atau cetak SVG dengan `-f svg`",
    }
    ErrCardFormatUnknown {
        en: "cannot tell the card's format from {path}: end the name in .png or .svg, or give `-f png` or `-f svg`",
        id: "format kartu tidak bisa ditentukan dari {path}: akhiri nama dengan .png atau .svg, atau beri `-f png` atau `-f svg`",
    }
    ErrCardFormatMismatch {
        en: "{path} is named as a .{extension} file but `-f {format}` asks for {format}: name it .{format}, or leave `-f` out",
        id: "{path} bernama berkas .{extension} tetapi `-f {format}` meminta {format}: beri nama .{format}, atau hilangkan `-f`",
    }
    ErrCardDraw { en: "cannot draw the card: {reason}", id: "kartu tidak bisa digambar: {reason}" }
    ErrOutput { en: "cannot write the output: {reason}", id: "keluaran tidak bisa ditulis: {reason}" }
    ErrRoadmapNewWrite {
        en: "cannot write the starter roadmap {path}: {reason}",
        id: "roadmap awal {path} tidak bisa ditulis: {reason}",
    }
    ErrTerminal {
        en: "the full-screen view cannot use the terminal: {reason}; any change already made in it is saved: use the commands instead, such as `smm-path status`",
        id: "tampilan layar penuh tidak bisa memakai terminal: {reason}; perubahan yang sudah dibuat di sana tetap tersimpan: gunakan perintah saja, misalnya `smm-path status`",
    }

    ErrUnhealthy {
        en: "doctor found problems, listed above",
        id: "doctor menemukan masalah, tercantum di atas",
    }

    // `doctor`.
    DoctorHome { en: "Home:      {path}", id: "Direktori: {path}" }
    DoctorRoadmapBuiltin { en: "Roadmap:   {id}, version {version} (built in)", id: "Roadmap:   {id}, versi {version} (bawaan)" }
    DoctorRoadmapFile { en: "Roadmap:   {id}, version {version} ({path})", id: "Roadmap:   {id}, versi {version} ({path})" }
    DoctorStateOk { en: "Progress:  {path}: format version {version}, reads fine", id: "Progres:   {path}: format versi {version}, terbaca dengan baik" }
    DoctorStateMissing { en: "Progress:  {path}: not created yet", id: "Progres:   {path}: belum dibuat" }
    DoctorStateBad { en: "Progress:  {problem}", id: "Progres:   {problem}" }
    DoctorHistoryOk { en: "History:   {path}: {count} {count:change|changes}, whole", id: "Riwayat:   {path}: {count} entri, utuh" }
    DoctorConflictCopy {
        en: "Conflict:  {path} is a copy a sync tool made; merge it with `{command}`, then delete it",
        id: "Konflik:   {path} adalah salinan buatan alat sinkronisasi; gabungkan dengan `{command}`, lalu hapus",
    }
    DoctorHistoryBad { en: "History:   {problem}", id: "Riwayat:   {problem}" }
    DoctorBackupOk { en: "Backup:    {path}: the state before the last change, format version {version}", id: "Cadangan:  {path}: keadaan sebelum perubahan terakhir, format versi {version}" }
    DoctorBackupMissing { en: "Backup:    none yet (one is kept from the second change on)", id: "Cadangan:  belum ada (dibuat mulai perubahan kedua)" }
    DoctorBackupBad { en: "Backup:    {problem}", id: "Cadangan:  {problem}" }
    DoctorHomeNotDirectory { en: "Home:      {path} is a file, not a directory", id: "Direktori: {path} adalah berkas, bukan direktori" }
    DoctorHomeUnwritable { en: "Home:      {path} cannot be written to ({reason})", id: "Direktori: {path} tidak dapat ditulisi ({reason})" }
    DoctorFix { en: "  Fix:     {command}", id: "  Atasi:   {command}" }
    DoctorFixWaitForSync {
        en: "  Or:      if a sync tool is still copying, wait for it and run `smm-path doctor` again",
        id: "  Atau:    jika alat sinkronisasi masih menyalin, tunggu lalu jalankan `smm-path doctor` lagi",
    }
    DoctorOrphans {
        en: "Kept:      progress on {count} {count:step|steps} this roadmap no longer has: {ids}",
        id: "Disimpan:  progres {count} langkah yang sudah tidak ada di roadmap ini: {ids}",
    }
    DoctorLeftovers {
        en: "Leftovers: temporary files from an interrupted write: {files}",
        id: "Sisa:      berkas sementara dari penulisan yang terputus: {files}",
    }
    DoctorHealthy { en: "All is well.", id: "Tidak ada masalah." }
    DoctorNotNeeded { en: "{path} reads fine: nothing was rebuilt.", id: "{path} terbaca dengan baik: tidak ada yang dibangun ulang." }
    DoctorRebuiltHistory {
        en: "Wrote a new history {path} from progress.yaml ({count} {count:change|changes}); `log` starts again from here.",
        id: "Riwayat baru {path} ditulis dari progress.yaml ({count} perubahan); `log` dimulai lagi dari sini.",
    }
    DoctorRebuiltState {
        en: "Wrote a new {path} from the history ({count} {count:change|changes} replayed).",
        id: "{path} baru ditulis dari riwayat ({count} perubahan diterapkan ulang).",
    }
    DoctorCleaned { en: "Removed {count} temporary {count:file|files}.", id: "{count} berkas sementara dihapus." }
    DoctorRestored { en: "Restored {backup} as {path}.", id: "{backup} dipulihkan sebagai {path}." }
    DoctorKeptBroken { en: "The file it replaced is kept as {path}.", id: "Berkas yang digantikan disimpan sebagai {path}." }

    // `roadmap`.
    RoadmapValid {
        en: "{path} is a valid roadmap: {count} {count:step|steps}, languages: {languages}",
        id: "{path} adalah roadmap yang valid: {count} langkah, bahasa: {languages}",
    }
    RoadmapCreated {
        en: "Wrote a starter roadmap to {path}: edit it, then check it with `smm-path roadmap validate {path}`.",
        id: "Roadmap awal ditulis ke {path}: sunting, lalu periksa dengan `smm-path roadmap validate {path}`.",
    }
    RoadmapListEmpty { en: "No progress recorded on any roadmap yet.", id: "Belum ada progres yang tercatat di roadmap mana pun." }
    RoadmapListLine { en: "{id}: {done}/{total} done ({percent}%)", id: "{id}: {done}/{total} selesai ({percent}%)" }
    RoadmapListLineUnknown { en: "{id}: {done} done", id: "{id}: {done} selesai" }
    ErrRoadmapRejected {
        en: "{path} has {count} {count:problem|problems}, listed above",
        id: "{path} memiliki {count} masalah, tercantum di atas",
    }
    ErrWouldOverwrite {
        en: "{path} already exists; nothing was written: choose another name",
        id: "{path} sudah ada; tidak ada yang ditulis: pilih nama lain",
    }

    // Exports.
    PortfolioTitle { en: "Portfolio: {title}", id: "Portofolio: {title}" }
    PortfolioFinishedOn { en: "Finished on {date}.", id: "Selesai pada {date}." }
    PortfolioEvidence { en: "Evidence", id: "Bukti" }
    PortfolioNoEvidence { en: "No evidence yet.", id: "Belum ada bukti." }
    PortfolioNothingYet { en: "No step is finished yet.", id: "Belum ada langkah yang selesai." }
    HtmlChartTitle { en: "Steps done over time", id: "Langkah selesai dari waktu ke waktu" }
    HtmlNoCompletions { en: "No step is finished yet, so there is nothing to chart.", id: "Belum ada langkah yang selesai, jadi belum ada grafik." }
    HtmlTarget { en: "target {date}", id: "target {date}" }
    HtmlGenerated { en: "Exported by smm-path on {date}.", id: "Diekspor oleh smm-path pada {date}." }

    // `import`.
    ImportWouldTake { en: "Would take from {path}:", id: "Akan diambil dari {path}:" }
    ImportTook { en: "Took from {path}:", id: "Diambil dari {path}:" }
    ImportNotes { en: "{number}. {title}: {count} {count:note|notes} added", id: "{number}. {title}: {count} catatan ditambahkan" }
    ImportHistory { en: "{count} {count:change|changes} from elsewhere added to the history", id: "{count} perubahan dari tempat lain ditambahkan ke riwayat" }
    ImportNothing {
        en: "Nothing to import: this copy already has everything in {path}.",
        id: "Tidak ada yang perlu diimpor: salinan ini sudah memuat semua isi {path}.",
    }
    ImportNothingElse {
        en: "Nothing else to import from {path}.",
        id: "Tidak ada lagi yang bisa diimpor dari {path}.",
    }
    ErrImportOldSnapshot {
        en: "it is a progress file of an older format; import an export or a history file instead",
        id: "ini berkas progres berformat lama; impor berkas ekspor atau berkas riwayat saja",
    }
    SyncSkipped { en: "Skipped {path}: {reason}", id: "{path} dilewati: {reason}" }
    ImportBadLine { en: "line {line}: {reason}", id: "baris {line}: {reason}" }
    SyncBadLine { en: "line {line} does not read ({reason}); the lines before it were taken", id: "baris {line} tidak terbaca ({reason}); baris-baris sebelumnya diambil" }
    DoctorCopyOf {
        en: "Copy:      this home is a copy of another home (device {device}), such as a new laptop or a restored backup: it records as a device of its own, so neither loses a change; `smm-path sync` shares them",
        id: "Salinan:   direktori ini salinan dari direktori lain (perangkat {device}), misalnya laptop baru atau cadangan yang dipulihkan: direktori ini mencatat sebagai perangkat sendiri, jadi tidak ada perubahan yang hilang; `smm-path sync` membagikannya",
    }
    ErrTextTooLong {
        en: "the text is {bytes} bytes long; smm-path keeps at most {limit} bytes in a note or reason: shorten it, or put a link to the longer text",
        id: "teks itu panjangnya {bytes} byte; smm-path menyimpan paling banyak {limit} byte dalam satu catatan atau alasan: persingkat, atau tulis tautan ke teks yang lebih panjang",
    }
    SyncCopyNotice {
        en: "This home is a copy of another (a new laptop, or a restored backup) that recorded as device {was}: it records as device {now} from now on, so neither loses a change.",
        id: "Direktori ini salinan dari direktori lain (laptop baru, atau cadangan yang dipulihkan) yang mencatat sebagai perangkat {was}: mulai sekarang direktori ini mencatat sebagai perangkat {now}, jadi tidak ada perubahan yang hilang.",
    }
    SyncRefused { en: "Refused {count} {count:change|changes}: {reason}", id: "{count} perubahan ditolak: {reason}" }
    SuspectBadId { en: "`{id}` is not an id smm-path would write", id: "`{id}` bukan id yang akan ditulis smm-path" }
    SuspectControl { en: "a text holds a control character (such as an escape sequence)", id: "sebuah teks memuat karakter kontrol (misalnya urutan escape)" }
    SuspectFuture { en: "the time {at} is more than a day ahead of this device's clock", id: "waktu {at} lebih dari sehari di depan jam perangkat ini" }
    SuspectSeq { en: "the sequence number {seq} is not one smm-path would write", id: "nomor urut {seq} bukan nomor yang akan ditulis smm-path" }
    SuspectTooOld { en: "the time {at} is before 1970", id: "waktu {at} sebelum tahun 1970" }
    SuspectTooLong { en: "a text is {bytes} bytes long, more than the {limit} smm-path keeps", id: "sebuah teks panjangnya {bytes} byte, melebihi batas {limit} byte smm-path" }
    SuspectIdTaken { en: "another, different change already has the id {id}", id: "perubahan lain yang berbeda sudah memakai id {id}" }
    SyncWroteGitattributes {
        en: "Wrote {path}, so that git keeps the device files' line ends as they are.",
        id: "{path} ditulis, agar git membiarkan akhir baris berkas perangkat apa adanya.",
    }
    SyncWrote { en: "Wrote {count} {count:change|changes} to {path}.", id: "{count} perubahan ditulis ke {path}." }
    ErrSyncFolder {
        en: "cannot sync with {path}: {reason}; nothing was changed there",
        id: "tidak bisa menyinkronkan dengan {path}: {reason}; tidak ada yang diubah di sana",
    }
    ErrSyncInsideHome {
        en: "the folder is inside the smm-path home; choose a folder outside it",
        id: "folder itu ada di dalam direktori smm-path; pilih folder di luarnya",
    }
    ErrImportInvalid {
        en: "cannot import {path}: {reason}; nothing was changed",
        id: "{path} tidak bisa diimpor: {reason}; tidak ada yang diubah",
    }
    ErrImportWrongRoadmap {
        en: "it is an export of the roadmap `{theirs}`, not `{ours}` (choose that one with --roadmap)",
        id: "ini ekspor roadmap `{theirs}`, bukan `{ours}` (pilih roadmap itu dengan --roadmap)",
    }
    ErrImportNotExport {
        en: "it is not an smm-path export (made by `smm-path export --format json`), history file or progress file",
        id: "ini bukan ekspor smm-path (dibuat dengan `smm-path export --format json`), berkas riwayat, atau berkas progres",
    }
    ErrImportNewer {
        en: "it has export format version {version}, from a newer smm-path: upgrade smm-path",
        id: "formatnya versi {version}, dari smm-path yang lebih baru: perbarui smm-path",
    }

    // `stats` and `plan`.
    StatsCounts {
        en: "Steps: {done} done · {in_progress} in progress · {todo} to do · {skipped} skipped",
        id: "Langkah: {done} selesai · {in_progress} sedang dikerjakan · {todo} belum dimulai · {skipped} dilewati",
    }
    StatsPace {
        en: "Pace: {recent} {recent:step|steps} a week over the last 4 weeks",
        id: "Laju: {recent} langkah per minggu dalam 4 minggu terakhir",
    }
    StatsPaceOverall { en: "; {overall} a week overall", id: "; {overall} per minggu secara keseluruhan" }
    StatsStreak {
        en: "Streak: {current} active {current:day|days} in a row now; longest {longest}",
        id: "Hari aktif beruntun: {current}; rekor {longest} hari",
    }
    StatsEstimate { en: "At this pace you finish around {date}.", id: "Dengan laju ini, Anda akan selesai sekitar {date}." }
    StatsBeyondHorizon {
        en: "At this pace the rest would take more than {years} years: a few steps a month brings a finish date into view.",
        id: "Dengan laju ini sisanya butuh lebih dari {years} tahun: beberapa langkah per bulan akan memunculkan perkiraan tanggal selesai.",
    }
    StatsNotEnoughData {
        en: "Not enough data yet for a finish date: finish steps on at least two different days.",
        id: "Data belum cukup untuk memperkirakan tanggal selesai: selesaikan langkah setidaknya pada dua hari yang berbeda.",
    }
    StatsFinished { en: "Every step is done.", id: "Semua langkah sudah selesai." }
    StatsOnTrack {
        en: "Target {date}: on track, {days} {days:day|days} to spare.",
        id: "Target {date}: sesuai rencana, {days} hari lebih cepat dari target.",
    }
    StatsBehind {
        en: "Target {date}: behind by {days} {days:day|days} at this pace.",
        id: "Target {date}: terlambat {days} hari dengan laju ini.",
    }
    StatsTargetUnknown {
        en: "Target {date}: too early to tell.",
        id: "Target {date}: masih terlalu dini untuk dinilai.",
    }
    CalendarTitle { en: "Activity, last 12 weeks:", id: "Aktivitas, 12 minggu terakhir:" }
    CalendarLegend { en: "less", id: "sedikit" }
    CalendarLegendMore { en: "more", id: "banyak" }
    PlanSet { en: "Target set: finish by {date}.", id: "Target ditetapkan: selesai paling lambat {date}." }
    PlanCleared { en: "Target removed.", id: "Target dihapus." }
    PlanUnchanged { en: "The target was already {date}; nothing changed.", id: "Targetnya memang sudah {date}; tidak ada yang berubah." }
    PlanNone { en: "No target set; nothing changed.", id: "Belum ada target; tidak ada yang berubah." }
    PlanShow {
        en: "Target: finish by {date}, {days} {days:day|days} from today.",
        id: "Target: selesai paling lambat {date}, {days} hari lagi.",
    }
    PlanShowToday { en: "Target: finish by {date}, which is today.", id: "Target: selesai paling lambat {date}, yaitu hari ini." }
    PlanShowPast {
        en: "Target: {date}, {days} {days:day|days} ago. Set a new one: smm-path plan --target YYYY-MM-DD",
        id: "Target: {date}, sudah lewat {days} hari. Tetapkan yang baru: smm-path plan --target YYYY-MM-DD",
    }
    PlanShowNone {
        en: "No target set. Set one: smm-path plan --target YYYY-MM-DD",
        id: "Belum ada target. Tetapkan: smm-path plan --target YYYY-MM-DD",
    }
    StatsLate {
        en: "Late against your plan: {count} {count:step|steps}, {list} (`smm-path plan` lists the days).",
        id: "Terlambat dari rencana: {count} langkah, {list} (`smm-path plan` menampilkan tanggalnya).",
    }
    StatsLateStep { en: "{number} (planned for {date})", id: "{number} (rencana {date})" }
    IcsStepSummary { en: "Finish step {number}: {title}", id: "Selesaikan langkah {number}: {title}" }
    IcsTargetSummary { en: "Finish the roadmap: {title}", id: "Selesaikan roadmap: {title}" }
    IcsNextAction { en: "Next: {number} {text}", id: "Berikutnya: {number} {text}" }
    IcsTargetAbout {
        en: "{done}/{total} steps done ({percent}%) when this calendar was exported. `smm-path stats` says whether you are on track.",
        id: "{done}/{total} langkah selesai ({percent}%) saat kalender ini diekspor. `smm-path stats` memberi tahu apakah Anda sesuai rencana.",
    }
    TodayHeading { en: "{date}: {done}/{total} done ({percent}%)", id: "{date}: {done}/{total} selesai ({percent}%)" }
    TodayInProgress { en: "In progress: {number}. {title}{tally}", id: "Sedang dikerjakan: {number}. {title}{tally}" }
    TodayNextStep { en: "Next step: {number}. {title}{tally}", id: "Langkah berikutnya: {number}. {title}{tally}" }
    TodayTally { en: " ({tally} actions)", id: " ({tally} tindakan)" }
    TodayActivity {
        en: "Last change: {last} · Streak: {streak} active {streak:day|days} (longest {longest})",
        id: "Perubahan terakhir: {last} · Beruntun: {streak} hari aktif (rekor {longest})",
    }
    TodayNoChangeYet { en: "none yet", id: "belum ada" }
    TodayLastChangeToday { en: "today", id: "hari ini" }
    TodayLastChangeYesterday { en: "yesterday", id: "kemarin" }
    TodayLastChangeDaysAgo { en: "{days} {days:day|days} ago", id: "{days} hari lalu" }
    TodayDueHeading { en: "Due this week:", id: "Jatuh tempo minggu ini:" }
    TodayDueStep { en: "  {number}. {title}: {date}", id: "  {number}. {title}: {date}" }
    TodayDueLate { en: "  {number}. {title}: {date} (late)", id: "  {number}. {title}: {date} (terlambat)" }
    TodayDueMore { en: "  and {count} more (`smm-path plan` lists them)", id: "  dan {count} lagi (`smm-path plan` menampilkannya)" }
    TodayDueTarget { en: "  The target: finish by {date}", id: "  Target: selesai paling lambat {date}" }
    TodayNothingDue { en: "Nothing due this week (`smm-path plan` lists the planned days).", id: "Tidak ada yang jatuh tempo minggu ini (`smm-path plan` menampilkan tanggal rencana)." }
    TodayNoPlan { en: "No step has a planned day yet: `smm-path plan --spread` gives each one.", id: "Belum ada langkah yang punya tanggal rencana: `smm-path plan --spread` memberikannya." }
    TodayOpen { en: "Open: {title} ({facts})", id: "Buka: {title} ({facts})" }
    TodayShort {
        en: "smm-path {done}/{total} · {action} · streak {streak} · {due} due",
        id: "smm-path {done}/{total} · {action} · beruntun {streak} · {due} jatuh tempo",
    }
    PlanNothingToSpread { en: "Nothing to plan: every step is done or skipped.", id: "Tidak ada yang perlu direncanakan: semua langkah sudah selesai atau dilewati." }
    PlanStepsUnchanged { en: "Those steps were already planned so; nothing changed.", id: "Langkah-langkah itu memang sudah direncanakan begitu; tidak ada yang berubah." }
    PlanLate { en: "(late)", id: "(terlambat)" }
    ErrPlanStepsNeedDay {
        en: "give the day to plan the steps for (`--by YYYY-MM-DD`), or `--clear` to remove their day",
        id: "berikan tanggal rencana langkah-langkah itu (`--by YYYY-MM-DD`), atau `--clear` untuk menghapus tanggalnya",
    }
    ErrSpreadWithoutTarget {
        en: "`--spread` spreads the steps left up to the target, and none is set: set one first (`smm-path plan --target 2027-03-31`)",
        id: "`--spread` membagi langkah yang tersisa hingga target, dan belum ada target: tetapkan dulu (`smm-path plan --target 2027-03-31`)",
    }
    ErrPastPlanDay {
        en: "{input} has already passed: plan the steps for a day still to come",
        id: "{input} sudah lewat: rencanakan langkah untuk hari yang belum tiba",
    }
    ErrPastTarget {
        en: "{input} has already passed: a target is a day still to come",
        id: "{input} sudah lewat: target harus hari yang belum tiba",
    }

    // Status notes.
    StatusVersionChanged {
        en: "This roadmap is now version {new}; your last change was on version {old}.",
        id: "Roadmap ini sekarang versi {new}; perubahan terakhir Anda pada versi {old}.",
    }
    StatusNewSteps {
        en: "New in this version: {count} {count:step|steps} ({ids}).",
        id: "Baru di versi ini: {count} langkah ({ids}).",
    }
    StatusOrphans {
        en: "Kept: progress on {count} {count:step|steps} this roadmap no longer has ({ids}); `smm-path doctor` lists them.",
        id: "Disimpan: progres {count} langkah yang sudah tidak ada di roadmap ini ({ids}); `smm-path doctor` menampilkannya.",
    }

    // Roadmap problems found by validation.
    ProblemNoSteps { en: "it has no steps", id: "tidak ada langkah sama sekali" }
    ProblemDuplicateId {
        en: "steps {first} and {second} share the id `{id}`",
        id: "langkah {first} dan {second} memakai id yang sama, `{id}`",
    }
    ProblemBadId {
        en: "step {number} has the id `{id}`: use lower-case letters, digits and dashes, starting with a letter",
        id: "langkah {number} ber-id `{id}`: gunakan huruf kecil, angka, dan tanda hubung, diawali huruf",
    }
    ProblemBadRoadmapId {
        en: "the roadmap id `{id}`: use lower-case letters, digits and dashes, starting with a letter",
        id: "id roadmap `{id}`: gunakan huruf kecil, angka, dan tanda hubung, diawali huruf",
    }
    ProblemEmptyText { en: "{place}: `{field}` is empty", id: "{place}: `{field}` kosong" }
    ProblemControlCharacter { en: "{place}: `{field}` holds a control character", id: "{place}: `{field}` memuat karakter kontrol" }
    ProblemMissingLanguage {
        en: "{place}: `{field}` has no `{lang}` text, which `languages` declares",
        id: "{place}: `{field}` tidak punya teks `{lang}`, padahal dideklarasikan di `languages`",
    }
    ProblemBadUrl {
        en: "{place}: `{field}` has the address `{url}`: use a plain http:// or https:// address",
        id: "{place}: `{field}` berisi alamat `{url}`: gunakan alamat http:// atau https:// biasa",
    }
    ProblemBadLanguage {
        en: "{place}: `{field}` has the language `{code}`: use a language code such as id or en",
        id: "{place}: `{field}` berisi bahasa `{code}`: gunakan kode bahasa seperti id atau en",
    }
    ProblemBadDate {
        en: "{place}: `{field}` is `{value}`: write a calendar day as YYYY-MM-DD, such as 2026-12-01",
        id: "{place}: `{field}` berisi `{value}`: tulis tanggal sebagai YYYY-MM-DD, misalnya 2026-12-01",
    }
    ProblemBadActionId {
        en: "{place}: `{field}` is `{key}`: use lowercase letters, digits and dashes, starting with a letter",
        id: "{place}: `{field}` berisi `{key}`: gunakan huruf kecil, angka, dan tanda hubung, diawali huruf",
    }
    ProblemDuplicateActionId {
        en: "{place}: `{field}` is `{key}`, the key of an earlier action of this step: give each action its own key",
        id: "{place}: `{field}` berisi `{key}`, kunci tindakan sebelumnya di langkah ini: beri setiap tindakan kuncinya sendiri",
    }
    ProblemFutureVersionNote {
        en: "`changes` has a note for version {version}, but the roadmap is version {current}: raise `version` or fix the note",
        id: "`changes` berisi catatan untuk versi {version}, padahal roadmap ini versi {current}: naikkan `version` atau perbaiki catatannya",
    }
    ProblemBadPhaseId {
        en: "phase {number} has the id `{id}`: use lowercase letters, digits and dashes, starting with a letter",
        id: "fase {number} ber-id `{id}`: gunakan huruf kecil, angka, dan tanda hubung, diawali huruf",
    }
    ProblemDuplicatePhaseId { en: "the phase id `{id}` is used twice", id: "id fase `{id}` dipakai dua kali" }
    ProblemEmptyPhase { en: "{place} has no steps", id: "{place} tidak memiliki langkah" }
    ProblemPhaseUnknownStep {
        en: "{place} names the step `{step}`, which this roadmap does not have",
        id: "{place} menyebut langkah `{step}`, yang tidak ada di roadmap ini",
    }
    ProblemStepInTwoPhases {
        en: "{place} names the step `{step}`, which already belongs to a phase",
        id: "{place} menyebut langkah `{step}`, yang sudah termasuk dalam sebuah fase",
    }
    ProblemStepWithoutPhase {
        en: "step {number} (`{id}`) is in no phase: with phases, every step belongs to one",
        id: "langkah {number} (`{id}`) tidak termasuk fase mana pun: jika ada fase, setiap langkah harus masuk salah satunya",
    }
    ProblemPlaceRoadmap { en: "roadmap", id: "roadmap" }
    ProblemPlacePhase { en: "phase {number} (`{id}`)", id: "fase {number} (`{id}`)" }
    ProblemPlaceStep { en: "step {number} (`{id}`)", id: "langkah {number} (`{id}`)" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(name, _)| name))
            // A plural form names the same value again.
            .map(|name| name.split_once(':').map_or(name, |(name, _)| name))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    #[test]
    fn every_message_has_both_languages_with_the_same_placeholders() {
        for key in Key::ALL {
            let (en, id) = key.texts();
            assert!(!en.trim().is_empty(), "{key:?} has no English text");
            assert!(!id.trim().is_empty(), "{key:?} has no Indonesian text");
            assert_eq!(
                placeholders(en),
                placeholders(id),
                "{key:?} placeholders differ"
            );
        }
    }

    /// Every `tr(lang, Key::X, &[("name", ...), ...])` in the source passes
    /// exactly the placeholders its entry has: a mistyped name would
    /// otherwise print `{name}` to the user unnoticed, and only for the
    /// call sites a test happens to run.
    #[test]
    fn every_call_site_passes_the_placeholders_its_message_has() {
        /// The text up to the `]` that closes the list opened before `rest`.
        fn list_body(rest: &str) -> &str {
            let mut depth = 1;
            let mut in_string = false;
            let mut escaped = false;
            for (index, c) in rest.char_indices() {
                match c {
                    _ if escaped => escaped = false,
                    '\\' if in_string => escaped = true,
                    '"' => in_string = !in_string,
                    '[' if !in_string => depth += 1,
                    ']' if !in_string => {
                        depth -= 1;
                        if depth == 0 {
                            return &rest[..index];
                        }
                    }
                    _ => {}
                }
            }
            rest
        }
        let by_name: std::collections::HashMap<String, Key> = Key::ALL
            .iter()
            .map(|key| (format!("{key:?}"), *key))
            .collect();
        let mut checked = 0;
        for file in source_files() {
            let text = std::fs::read_to_string(&file).expect("a source file");
            for (at, _) in text.match_indices("Key::") {
                let rest = &text[at + 5..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                let after = rest[name.len()..].trim_start();
                let Some(list) = after
                    .strip_prefix(',')
                    .map(str::trim_start)
                    .and_then(|after| after.strip_prefix("&["))
                else {
                    continue;
                };
                let Some(key) = by_name.get(&name) else {
                    continue;
                };
                let body = list_body(list);
                let mut passed: Vec<&str> = body
                    .match_indices("(\"")
                    // A tuple of the list, not a call inside a value.
                    .filter(|(start, _)| {
                        body[..*start].trim_end().is_empty()
                            || body[..*start].trim_end().ends_with(',')
                    })
                    .filter_map(|(start, _)| body[start + 2..].split_once('"'))
                    .filter(|(name, rest)| {
                        rest.starts_with(',')
                            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    })
                    .map(|(name, _)| name)
                    .collect();
                passed.sort_unstable();
                passed.dedup();
                let (en, _) = key.texts();
                assert_eq!(
                    passed,
                    placeholders(en),
                    "{}: Key::{name} is passed other placeholders than its text has",
                    file.display()
                );
                checked += 1;
            }
        }
        assert!(
            checked > 100,
            "only {checked} call sites found: the scan is broken"
        );
    }

    /// Every `.rs` file under `src`.
    fn source_files() -> Vec<std::path::PathBuf> {
        fn walk(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
            for entry in std::fs::read_dir(dir).expect("src is readable") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    walk(&path, files);
                } else if path.extension().is_some_and(|ext| ext == "rs") {
                    files.push(path);
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        files.sort();
        files
    }

    /// A `{...:.1}`-style float precision in a format string: `{:.1}`,
    /// `{pace:.2}`, `{x:>6.1}`.
    fn float_precisions(text: &str) -> usize {
        text.split('{')
            .skip(1)
            .filter_map(|part| part.split_once('}').map(|(inside, _)| inside))
            .filter(|inside| {
                inside.split_once(':').is_some_and(|(_, spec)| {
                    spec.rsplit_once('.').is_some_and(|(_, digits)| {
                        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
                    })
                })
            })
            .count()
    }

    /// Files that write numbers and days for a program rather than a
    /// person, each with what it writes: the only ones allowed to format a
    /// float with a fixed precision (`Float`) or a date with a strftime
    /// pattern (`Date`) themselves. Everything else goes through
    /// `format_decimal`, `format_date` and `format_date_time`.
    const MACHINE_FORMATS: &[(&str, Pattern, &str)] = &[
        ("i18n.rs", Pattern::Float, "the locale's own formatters"),
        ("i18n.rs", Pattern::Date, "the locale's own formatters"),
        (
            "report/card/mod.rs",
            Pattern::Float,
            "the card's SVG coordinates, which no one reads",
        ),
        (
            "report/export/json.rs",
            Pattern::Date,
            "JSON export: ISO 8601 days",
        ),
        (
            "report/export/csv.rs",
            Pattern::Date,
            "CSV export: ISO 8601 days for spreadsheets",
        ),
        (
            "report/export/ics.rs",
            Pattern::Date,
            "iCalendar export: RFC 5545 times in UTC",
        ),
        (
            "report/export/html.rs",
            Pattern::Float,
            "SVG coordinates of the chart",
        ),
        (
            "report/cohort/json.rs",
            Pattern::Date,
            "cohort JSON: ISO 8601 days",
        ),
        (
            "report/cohort/csv.rs",
            Pattern::Date,
            "cohort CSV: ISO 8601 days",
        ),
        (
            "report/cohort/csv.rs",
            Pattern::Float,
            "cohort CSV: the pace as a plain number",
        ),
        (
            "report/cohort/html.rs",
            Pattern::Float,
            "SVG coordinates of the funnel",
        ),
        (
            "cmd/doctor.rs",
            Pattern::Date,
            "the time stamp in a `.broken-<time>` file name",
        ),
    ];

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Pattern {
        Float,
        Date,
    }

    /// Numbers and days a person reads go through the locale's formatter:
    /// a `{:.1}` or a `.format("%Y-%m-%d")` in a renderer would write
    /// `2.0` and `2026-01-10` to an Indonesian reader. The allow-list is
    /// checked too: an entry whose file no longer needs it is an error.
    #[test]
    fn every_decimal_and_date_goes_through_the_locales_formatter() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut used = Vec::new();
        for file in source_files() {
            let text = std::fs::read_to_string(&file).expect("a source file");
            // Tests write what they like.
            let code = text
                .split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or(&text);
            let name = file
                .strip_prefix(&src)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            let found = [
                (Pattern::Float, float_precisions(code)),
                (Pattern::Date, code.matches(".format(\"%").count()),
            ];
            for (pattern, count) in found {
                if count == 0 {
                    continue;
                }
                let allowed = MACHINE_FORMATS
                    .iter()
                    .any(|(allowed, kind, _)| *allowed == name && *kind == pattern);
                assert!(
                    allowed,
                    "{name}: {count} {pattern:?} formatting outside the locale's formatter"
                );
                used.push((name.clone(), pattern));
            }
        }
        for (file, pattern, why) in MACHINE_FORMATS {
            assert!(
                used.iter()
                    .any(|(name, kind)| name == file && kind == pattern),
                "{file} ({why}) no longer formats a {pattern:?}: drop it from the list"
            );
        }
    }

    #[test]
    fn the_scan_finds_float_precisions() {
        assert_eq!(
            float_precisions("format!(\"{:.1} and {pace:.2} and {x:>6.1}\")"),
            3
        );
        assert_eq!(
            float_precisions("format!(\"{} {name} {count:>3} {:?}\")"),
            0
        );
    }

    #[test]
    fn fills_placeholders_and_leaves_unknown_ones() {
        let text = fill("{a} and {b} and {c", &[("a", &1), ("b", &"two")]);
        assert_eq!(text, "1 and two and {c");
        assert_eq!(fill("{x}", &[]), "{x}");
    }

    #[test]
    fn parser_messages_are_reworded_without_rust_types() {
        let message = "unknown field `sumary`, expected one of `id`, `title`, `summary`";
        assert_eq!(
            parser_message(Lang::Id, message),
            "kunci `sumary` tidak dikenal; yang dikenal: `id`, `title`, `summary`"
        );
        assert_eq!(
            parser_message(Lang::En, "invalid type: string \"abc\", expected u32"),
            "text \"abc\" where a whole number was expected"
        );
        assert_eq!(
            parser_message(Lang::Id, "invalid type: string \"abc\", expected u32"),
            "teks \"abc\", padahal seharusnya bilangan bulat"
        );
        assert_eq!(
            parser_message(Lang::Id, "missing field `title`"),
            "kunci `title` tidak ada"
        );
        assert_eq!(
            parser_message(
                Lang::En,
                "cannot deserialize null into string; use Option<String>"
            ),
            "an empty value where one is needed"
        );
        assert_eq!(
            parser_message(Lang::Id, "did not find expected key"),
            "pengurai YAML melaporkan: did not find expected key"
        );
    }

    #[test]
    fn picks_the_singular_form_for_one_only() {
        let text = |count: &dyn Display| fill("{count} {count:day|days}", &[("count", count)]);
        assert_eq!(text(&1), "1 day");
        assert_eq!(text(&0), "0 days");
        assert_eq!(text(&2), "2 days");
        assert_eq!(text(&11), "11 days");
        assert_eq!(text(&"1.0"), "1.0 days");
    }

    #[test]
    fn dates_follow_each_language() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        assert_eq!(format_date(Lang::Id, date), "5 Des 2026");
        assert_eq!(format_date(Lang::En, date), "Dec 5, 2026");
    }

    #[test]
    fn locale_variables_are_read_in_gettext_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(key, _)| *key == name)
                    .map(|(_, value)| value.to_string())
            }
        };
        let no_system = || None;
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "id_ID.UTF-8")]), no_system),
            Lang::Id
        );
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "en_US.UTF-8")]), no_system),
            Lang::En
        );
        assert_eq!(Lang::from_locale(env(&[]), no_system), Lang::En);
        assert_eq!(
            Lang::from_locale(
                env(&[("LANGUAGE", "id:en"), ("LANG", "en_US.UTF-8")]),
                no_system
            ),
            Lang::Id
        );
        assert_eq!(
            Lang::from_locale(
                env(&[("LANGUAGE", ""), ("LC_ALL", "en_GB"), ("LANG", "id_ID")]),
                no_system
            ),
            Lang::En
        );
        // An Indonesian Windows or Mac (id-ID), with no variable set.
        let indonesian_system = || Some("id-ID".to_string());
        assert_eq!(Lang::from_locale(env(&[]), indonesian_system), Lang::Id);
        assert_eq!(
            Lang::from_locale(env(&[]), || Some("en-US".to_string())),
            Lang::En
        );
        // A variable that names a language wins over the system's.
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "en_US.UTF-8")]), indonesian_system),
            Lang::En
        );
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "")]), indonesian_system),
            Lang::Id
        );
    }
}
