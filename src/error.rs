//! Everything that can go wrong, its exit code, and its message in the user's language.

use std::fmt::Display;
use std::io;
use std::path::{Path, PathBuf};

use crate::control::quoted_path;
use crate::i18n::{Key, Lang, format_date, tr, word};
use crate::plain_file::FileProblem;
use crate::progress::{MarkKind, SCHEMA_VERSION, SelectorError, StoreError};
use crate::roadmap::{Place, Problem, RoadmapError};

/// The exit codes smm-path promises to scripts. What each means, in both
/// languages, is written once, in the catalogue's
/// [`EXIT_CODES`](crate::i18n::help::EXIT_CODES): `--help` renders it, and
/// tests check it names these codes and the README's table says the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExitStatus {
    Success = 0,
    Failure = 1,
    Usage = 2,
}

/// A failed command.
///
/// What it tells the user and the exit code it ends with are decided
/// together, in one arm of [`Error::describe`]: adding an error is a variant
/// here, its arm there, and its message in the catalogue. `Display` is the
/// English message; the CLI renders it in the user's language with
/// [`Error::render`]. A message already words its cause (the catalogue puts
/// it mid-sentence), so `source()` is for code that inspects the cause, not
/// for printing a chain of messages.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.render(Lang::En))]
pub(crate) enum Error {
    #[error(transparent)]
    Selector(#[from] SelectorError),
    InvalidDate {
        input: String,
    },
    /// A learner name that is empty, too long or holds a control character.
    BadName {
        name: String,
    },
    /// `cohort` read no learner at all.
    NoLearners,
    /// An export option given with a format it does not apply to.
    OnlyForPortfolio {
        option: &'static str,
        format: &'static str,
    },
    /// `smm-path ui` without a terminal to draw on.
    NoTerminal,
    /// The terminal failed the full-screen view while it ran.
    Terminal(#[source] io::Error),
    /// A range or list where one step is needed (`note 1-3`).
    OneStepOnly {
        input: String,
        count: usize,
    },
    /// `done --on` a day before the step was started. Both days are
    /// written in the user's language, as one message shows them side by side.
    FinishBeforeStart {
        number: usize,
        started: chrono::NaiveDate,
        on: chrono::NaiveDate,
    },
    FutureDate {
        input: String,
    },
    PastTarget {
        input: String,
    },
    EmptyNote,
    /// `plan STEP --by` a day already gone.
    PastPlanDay {
        input: String,
    },
    /// `plan STEP` with neither `--by` nor `--clear`.
    PlanStepsNeedDay,
    /// `plan --spread` with no target to spread up to.
    SpreadWithoutTarget,
    /// `note --edit N` or `--delete N` with no note N on the step (or one
    /// from before the history, which no change can name).
    NoSuchNote {
        step: usize,
        number: usize,
        count: usize,
    },
    /// `--evidence` among a note's words, where it would not be the flag.
    EvidenceAmongWords,
    /// `--on` among a note's words, where it would not be the option.
    OnAmongWords,
    /// `--edit` or `--delete` among a note's words.
    NoteFlagAmongWords {
        flag: String,
    },
    /// SMM_PATH_NOW is set but is not an RFC 3339 time.
    InvalidNow {
        value: String,
    },
    /// SMM_PATH_COMPLETE names a shell the dynamic completion does not serve.
    UnknownCompletionShell {
        value: String,
    },
    /// Text typed with a control character in it (an escape sequence).
    ControlCharacter,
    /// A note or reason over [`crate::progress::MAX_TEXT_BYTES`].
    TextTooLong {
        bytes: usize,
    },
    ResetAllNeedsYes,
    /// The answer to `reset --all`'s question could not be read.
    ConfirmationRead(#[source] io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Roadmap(#[from] RoadmapError),
    NoDataDir,
    /// A path argument starts with `~` and no home folder is known to put there.
    NoHomeFolder {
        path: PathBuf,
    },
    /// `export -o FILE` could not write FILE.
    ExportWrite {
        path: PathBuf,
        source: io::Error,
    },
    /// `export -o FILE` named one of the progress files.
    ExportOwnFile {
        path: PathBuf,
    },
    /// `-o PATH` named a folder (an existing one, or a path ending in a
    /// separator) where a file name is needed.
    OutputIsFolder {
        path: PathBuf,
    },
    /// `card` would print a PNG's bytes on a terminal.
    CardPngToTerminal,
    /// `card -o FILE` without `-f`, FILE ending in neither `.png` nor `.svg`.
    CardFormatUnknown {
        path: PathBuf,
    },
    /// `card -f FORMAT -o FILE`, FILE named for the other format.
    CardFormatMismatch {
        path: PathBuf,
        extension: &'static str,
        format: &'static str,
    },
    /// The renderer failed on the card's own SVG: a bug, not the user's doing.
    CardDraw {
        reason: String,
    },
    /// `roadmap new FILE` could not write FILE.
    RoadmapNewWrite {
        path: PathBuf,
        source: io::Error,
    },
    /// `doctor` found something wrong (and said what).
    Unhealthy,
    /// `roadmap validate` found problems (and listed them).
    RoadmapRejected {
        path: PathBuf,
        count: usize,
    },
    /// A file given to `import` that is not an export of this roadmap.
    ImportInvalid {
        path: PathBuf,
        reason: String,
    },
    /// The sync folder cannot be used.
    SyncFolder {
        path: PathBuf,
        reason: String,
    },
    /// A file that would be overwritten.
    WouldOverwrite {
        path: PathBuf,
    },
    /// Standard output could not be written.
    Output(#[source] io::Error),
}

impl Error {
    /// Why a note or reason typed in is refused, if it is.
    pub(crate) fn check_typed_text(text: &str) -> Result<(), Error> {
        match crate::progress::check_text(text) {
            Ok(()) => Ok(()),
            Err(crate::progress::Suspect::TooLong(bytes)) => Err(Error::TextTooLong { bytes }),
            Err(_) => Err(Error::ControlCharacter),
        }
    }

    /// The exit code this error ends the process with.
    pub(crate) fn exit_status(&self) -> ExitStatus {
        self.describe(Lang::En).0
    }

    /// Writing to a closed pipe (`smm-path log | head`) is how pipes end, not a failure.
    pub(crate) fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(error) if error.kind() == io::ErrorKind::BrokenPipe)
    }

    /// The message for the user, without the `error:` prefix.
    pub(crate) fn render(&self, lang: Lang) -> String {
        self.describe(lang).1
    }

    /// The exit code and the message in `lang`, decided in one place.
    fn describe(&self, lang: Lang) -> (ExitStatus, String) {
        use ExitStatus::{Failure, Usage};
        let text = |key: Key| word(lang, key).to_string();
        let fill = |key: Key, args: &[(&str, &dyn Display)]| tr(lang, key, args);
        match self {
            Error::Selector(error) => (Usage, render_selector(lang, error)),
            Error::InvalidDate { input } => (Usage, fill(Key::ErrInvalidDate, &[("input", input)])),
            Error::FutureDate { input } => (Usage, fill(Key::ErrFutureDate, &[("input", input)])),
            Error::NoTerminal => (Usage, text(Key::ErrNoTerminal)),
            Error::Terminal(error) => (Failure, io_failure(lang, Key::ErrTerminal, error)),
            Error::BadName { name } => {
                // Every control shown: the tab and the line feed, which the
                // terminal escaping lets through, too.
                let shown = crate::control::escaped(name)
                    .replace('\t', "\\t")
                    .replace('\n', "\\n");
                let max = crate::progress::config::MAX_NAME_CHARS;
                (
                    Usage,
                    fill(Key::ErrBadName, &[("name", &shown), ("max", &max)]),
                )
            }
            Error::NoLearners => (Failure, text(Key::ErrNoLearners)),
            Error::OnlyForPortfolio { option, format } => (
                Usage,
                fill(
                    Key::ErrOnlyForPortfolio,
                    &[("option", option), ("format", format)],
                ),
            ),
            Error::OneStepOnly { input, count } => (
                Usage,
                fill(Key::ErrOneStepOnly, &[("input", input), ("count", count)]),
            ),
            Error::FinishBeforeStart {
                number,
                started,
                on,
            } => (
                Usage,
                fill(
                    Key::ErrFinishBeforeStart,
                    &[
                        ("number", number),
                        ("started", &format_date(lang, *started)),
                        ("on", &format_date(lang, *on)),
                    ],
                ),
            ),
            Error::PastTarget { input } => (Usage, fill(Key::ErrPastTarget, &[("input", input)])),
            Error::EmptyNote => (Usage, text(Key::ErrEmptyNote)),
            Error::PlanStepsNeedDay => (Usage, text(Key::ErrPlanStepsNeedDay)),
            Error::PastPlanDay { input } => (Usage, fill(Key::ErrPastPlanDay, &[("input", input)])),
            Error::SpreadWithoutTarget => (Usage, text(Key::ErrSpreadWithoutTarget)),
            Error::NoSuchNote {
                step,
                number,
                count,
            } => (
                Usage,
                fill(
                    Key::ErrNoSuchNote,
                    &[("step", step), ("number", number), ("count", count)],
                ),
            ),
            Error::EvidenceAmongWords => (Usage, text(Key::ErrEvidenceAmongWords)),
            Error::OnAmongWords => (Usage, text(Key::ErrOnAmongWords)),
            Error::NoteFlagAmongWords { flag } => {
                (Usage, fill(Key::ErrNoteFlagAmongWords, &[("flag", flag)]))
            }
            Error::ControlCharacter => (Usage, text(Key::ErrControlCharacter)),
            Error::TextTooLong { bytes } => (
                Usage,
                fill(
                    Key::ErrTextTooLong,
                    &[
                        ("bytes", bytes),
                        ("limit", &crate::progress::MAX_TEXT_BYTES),
                    ],
                ),
            ),
            Error::InvalidNow { value } => (Usage, fill(Key::ErrInvalidNow, &[("value", value)])),
            Error::UnknownCompletionShell { value } => (
                Usage,
                fill(Key::ErrUnknownCompletionShell, &[("value", value)]),
            ),
            Error::ResetAllNeedsYes => (Usage, text(Key::ErrResetAllNeedsYes)),
            Error::ConfirmationRead(error) => {
                (Failure, io_failure(lang, Key::ErrConfirmationRead, error))
            }
            Error::Store(error) => (Failure, render_store(lang, error)),
            Error::Roadmap(error) => (Failure, render_roadmap(lang, error)),
            Error::NoDataDir => (Failure, text(Key::ErrNoDataDir)),
            Error::NoHomeFolder { path } => (
                Usage,
                fill(Key::ErrNoHomeFolder, &[("path", &quoted_path(path))]),
            ),
            Error::ExportWrite { path, source } => {
                let reason = write_reason(lang, source);
                (
                    Failure,
                    about_file(lang, Key::ErrExportWrite, path, &reason),
                )
            }
            Error::ExportOwnFile { path } => (
                Failure,
                fill(Key::ErrExportOwnFile, &[("path", &quoted_path(path))]),
            ),
            Error::OutputIsFolder { path } => (
                Usage,
                fill(Key::ErrOutputIsFolder, &[("path", &quoted_path(path))]),
            ),
            Error::CardPngToTerminal => (Usage, text(Key::ErrCardPngToTerminal)),
            Error::CardFormatUnknown { path } => (
                Usage,
                fill(Key::ErrCardFormatUnknown, &[("path", &quoted_path(path))]),
            ),
            Error::CardFormatMismatch {
                path,
                extension,
                format,
            } => (
                Usage,
                fill(
                    Key::ErrCardFormatMismatch,
                    &[
                        ("path", &quoted_path(path)),
                        ("extension", extension),
                        ("format", format),
                    ],
                ),
            ),
            Error::CardDraw { reason } => (Failure, fill(Key::ErrCardDraw, &[("reason", reason)])),
            Error::RoadmapNewWrite { path, source } => {
                let reason = write_reason(lang, source);
                (
                    Failure,
                    about_file(lang, Key::ErrRoadmapNewWrite, path, &reason),
                )
            }
            Error::Output(error) => (Failure, io_failure(lang, Key::ErrOutput, error)),
            Error::Unhealthy => (Failure, text(Key::ErrUnhealthy)),
            Error::RoadmapRejected { path, count } => (
                Failure,
                fill(
                    Key::ErrRoadmapRejected,
                    &[("path", &quoted_path(path)), ("count", count)],
                ),
            ),
            Error::ImportInvalid { path, reason } => (
                Failure,
                about_file(lang, Key::ErrImportInvalid, path, reason),
            ),
            Error::SyncFolder { path, reason } => {
                (Failure, about_file(lang, Key::ErrSyncFolder, path, reason))
            }
            Error::WouldOverwrite { path } => (
                Usage,
                fill(Key::ErrWouldOverwrite, &[("path", &quoted_path(path))]),
            ),
        }
    }
}

/// The sub-errors' `Display` is their English message, as the CLI would
/// print it, so `std::error::Error` says what smm-path says. It is written
/// here, beside the rendering in any language, rather than in the modules
/// that define them, which know nothing of this one.
macro_rules! display_in_english {
    ($($error:ty => $render:path),* $(,)?) => {$(
        impl std::fmt::Display for $error {
            fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str(&$render(Lang::En, self))
            }
        }
    )*};
}

display_in_english! {
    SelectorError => render_selector,
    FileProblem => render_file_problem,
    StoreError => render_store,
    RoadmapError => render_roadmap,
}

/// An I/O error in the catalogue's words, by its kind (no English system text).
pub(crate) fn io_reason(lang: Lang, error: &io::Error) -> String {
    render_file_problem(lang, &FileProblem::Io(error.kind()))
}

/// Why a file could not be written: as [`io_reason`], except that a file
/// being written "not found" means its folder is missing.
fn write_reason(lang: Lang, error: &io::Error) -> String {
    if error.kind() == io::ErrorKind::NotFound {
        word(lang, Key::IoNoFolder).to_string()
    } else {
        io_reason(lang, error)
    }
}

/// A message saying what failed, with the I/O error as its `{reason}`.
fn io_failure(lang: Lang, key: Key, error: &io::Error) -> String {
    tr(lang, key, &[("reason", &io_reason(lang, error))])
}

/// A message naming a file and why it could not be used.
fn about_file(lang: Lang, key: Key, path: &Path, reason: &dyn Display) -> String {
    tr(
        lang,
        key,
        &[("path", &quoted_path(path)), ("reason", reason)],
    )
}

/// A message naming a file and why it could not be read or written.
fn with_file_problem(lang: Lang, key: Key, path: &Path, reason: &FileProblem) -> String {
    about_file(lang, key, path, &render_file_problem(lang, reason))
}

fn render_selector(lang: Lang, error: &SelectorError) -> String {
    match error {
        SelectorError::Invalid { input } => tr(lang, Key::ErrInvalidSelector, &[("input", input)]),
        SelectorError::Reversed { input, suggestion } => tr(
            lang,
            Key::ErrReversedRange,
            &[("input", input), ("suggestion", suggestion)],
        ),
        SelectorError::OutOfRange { number, count } => tr(
            lang,
            Key::ErrStepOutOfRange,
            &[("number", number), ("count", count)],
        ),
        SelectorError::UnknownId { id, suggestion } => with_suggestion(
            lang,
            tr(lang, Key::ErrUnknownStepId, &[("id", id)]),
            suggestion.as_ref(),
        ),
        SelectorError::InvalidItem { input, kind } => {
            let key = match kind {
                MarkKind::Action => Key::ErrInvalidAction,
                MarkKind::Resource => Key::ErrInvalidResource,
            };
            tr(lang, key, &[("input", input)])
        }
        SelectorError::NotAnItem {
            input,
            step,
            count,
            kind,
        } => {
            let key = match kind {
                MarkKind::Action => Key::ErrStepNotAction,
                MarkKind::Resource => Key::ErrStepNotResource,
            };
            tr(
                lang,
                key,
                &[("input", input), ("step", step), ("count", count)],
            )
        }
        SelectorError::NoItems { step, kind } => {
            let key = match kind {
                MarkKind::Action => Key::ErrNoActions,
                MarkKind::Resource => Key::ErrNoResources,
            };
            tr(lang, key, &[("step", step)])
        }
        SelectorError::ItemOutOfRange {
            step,
            number,
            count,
            kind,
        } => {
            let key = match kind {
                MarkKind::Action => Key::ErrActionOutOfRange,
                MarkKind::Resource => Key::ErrResourceOutOfRange,
            };
            tr(
                lang,
                key,
                &[("step", step), ("number", number), ("count", count)],
            )
        }
        SelectorError::UnknownItem {
            step,
            key,
            suggestion,
        } => with_suggestion(
            lang,
            tr(
                lang,
                Key::ErrUnknownActionName,
                &[("step", step), ("key", key)],
            ),
            suggestion
                .as_ref()
                .map(|key| format!("{step}.{key}"))
                .as_ref(),
        ),
    }
}

/// A message, then "did you mean `suggestion`?" when there is one.
fn with_suggestion(lang: Lang, mut message: String, suggestion: Option<&String>) -> String {
    if let Some(suggestion) = suggestion {
        message.push_str("; ");
        message.push_str(&tr(lang, Key::ErrDidYouMean, &[("suggestion", suggestion)]));
    }
    message
}

/// Why a file could not be read or written, in the catalogue's words.
pub(crate) fn render_file_problem(lang: Lang, problem: &FileProblem) -> String {
    use std::io::ErrorKind;
    match problem {
        FileProblem::NotPlainFile => word(lang, Key::FileNotPlain).to_string(),
        FileProblem::IsDirectory => word(lang, Key::FileIsDirectory).to_string(),
        FileProblem::IsLink => word(lang, Key::FileIsLink).to_string(),
        FileProblem::TooLarge { size, limit } => {
            tr(lang, Key::FileTooLarge, &[("size", size), ("limit", limit)])
        }
        FileProblem::Io(kind) => match kind {
            ErrorKind::NotFound => word(lang, Key::IoNotFound).to_string(),
            ErrorKind::PermissionDenied => word(lang, Key::IoPermissionDenied).to_string(),
            ErrorKind::AlreadyExists => word(lang, Key::IoAlreadyExists).to_string(),
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
                word(lang, Key::IoStorageFull).to_string()
            }
            ErrorKind::ReadOnlyFilesystem => word(lang, Key::IoReadOnly).to_string(),
            ErrorKind::ResourceBusy => word(lang, Key::IoInUse).to_string(),
            ErrorKind::NotADirectory => word(lang, Key::IoNotDirectory).to_string(),
            ErrorKind::IsADirectory => word(lang, Key::FileIsDirectory).to_string(),
            ErrorKind::InvalidData => word(lang, Key::IoInvalidData).to_string(),
            ErrorKind::Unsupported => word(lang, Key::IoUnsupported).to_string(),
            ErrorKind::TimedOut => word(lang, Key::IoTimedOut).to_string(),
            ErrorKind::FileTooLarge => word(lang, Key::IoFileTooLarge).to_string(),
            // The kind's name is a code to search for, not prose to translate.
            other => tr(lang, Key::IoOther, &[("kind", &format!("{other:?}"))]),
        },
    }
}

pub(crate) fn render_store(lang: Lang, error: &StoreError) -> String {
    match error {
        StoreError::Unreadable { path, reason } => {
            with_file_problem(lang, Key::ErrStateUnreadable, path, reason)
        }
        StoreError::NotUtf8 { path } => {
            tr(lang, Key::ErrStateNotUtf8, &[("path", &quoted_path(path))])
        }
        StoreError::Invalid {
            path,
            line,
            column,
            reason,
        } => tr(
            lang,
            Key::ErrStateInvalid,
            &[
                ("path", &quoted_path(path)),
                ("line", line),
                ("column", column),
                ("reason", &crate::i18n::parser_message(lang, reason)),
            ],
        ),
        StoreError::NewerVersion { path, version } => tr(
            lang,
            Key::ErrStateNewerVersion,
            &[
                ("path", &quoted_path(path)),
                ("version", version),
                ("supported", &SCHEMA_VERSION),
            ],
        ),
        StoreError::CutShort { path } => {
            tr(lang, Key::ErrStateCutShort, &[("path", &quoted_path(path))])
        }
        StoreError::TooLarge { path, size, limit } => tr(
            lang,
            Key::ErrStateTooLarge,
            &[
                ("path", &quoted_path(path)),
                ("size", &(size / (1024 * 1024))),
                ("limit", &(limit / (1024 * 1024))),
            ],
        ),
        StoreError::HistoryDamaged { path, line, reason } => tr(
            lang,
            Key::ErrHistoryDamaged,
            &[
                ("path", &quoted_path(path)),
                ("line", line),
                ("reason", &reason.describe(lang)),
            ],
        ),
        StoreError::HistoryBehind { path, has, needs } => tr(
            lang,
            Key::ErrHistoryBehind,
            &[("path", &quoted_path(path)), ("has", has), ("needs", needs)],
        ),
        StoreError::WouldBeTooLarge { path, limit } => tr(
            lang,
            Key::ErrStateWouldBeTooLarge,
            &[
                ("path", &quoted_path(path)),
                ("limit", &(limit / (1024 * 1024))),
            ],
        ),
        StoreError::HistoryMismatch { path } => tr(
            lang,
            Key::ErrHistoryMismatch,
            &[("path", &quoted_path(path))],
        ),
        StoreError::HomeNotDirectory { path } => tr(
            lang,
            Key::ErrHomeNotDirectory,
            &[("path", &quoted_path(path))],
        ),
        StoreError::NothingToRebuildFrom { path } => tr(
            lang,
            Key::ErrNothingToRebuildFrom,
            &[("path", &quoted_path(path))],
        ),
        StoreError::Lock { path, reason } => {
            with_file_problem(lang, Key::ErrStateLock, path, reason)
        }
        StoreError::Write { path, reason } => {
            with_file_problem(lang, Key::ErrStateWrite, path, reason)
        }
    }
}

fn render_roadmap(lang: Lang, error: &RoadmapError) -> String {
    match error {
        RoadmapError::Unreadable { path, reason } => {
            with_file_problem(lang, Key::ErrRoadmapUnreadable, path, reason)
        }
        RoadmapError::Syntax { path, error } => {
            let header = tr(
                lang,
                Key::ErrRoadmapSyntax,
                &[
                    ("path", &quoted_path(path)),
                    ("line", &error.line),
                    ("column", &error.column),
                ],
            );
            // The report's first line repeats the message; the rest is the
            // snippet, whose caret line repeats it again.
            let message = crate::i18n::parser_message(lang, &error.message);
            let snippet = error.report.lines().skip(1).collect::<Vec<_>>().join("\n");
            let snippet = snippet
                .replace("<input>", &quoted_path(path).clone())
                .replace(&error.message, &message);
            format!("{header} {message}\n{snippet}")
        }
        RoadmapError::Invalid { path, problems } => {
            let mut message = tr(
                lang,
                Key::ErrRoadmapProblems,
                &[("path", &quoted_path(path)), ("count", &problems.len())],
            );
            for problem in problems {
                message.push_str("\n  - ");
                message.push_str(&render_problem(lang, problem));
            }
            message
        }
    }
}

fn render_place(lang: Lang, place: &Place) -> String {
    let (key, number, id) = match place {
        Place::Roadmap => return word(lang, Key::ProblemPlaceRoadmap).to_string(),
        Place::Phase { number, id } => (Key::ProblemPlacePhase, number, id),
        Place::Step { number, id } => (Key::ProblemPlaceStep, number, id),
    };
    tr(lang, key, &[("number", number), ("id", id)])
}

/// One roadmap problem in words.
pub(crate) fn render_problem(lang: Lang, problem: &Problem) -> String {
    match problem {
        Problem::NoSteps => word(lang, Key::ProblemNoSteps).to_string(),
        Problem::BadRoadmapId { id } => tr(lang, Key::ProblemBadRoadmapId, &[("id", id)]),
        Problem::BadStepId { number, id } => {
            tr(lang, Key::ProblemBadId, &[("number", number), ("id", id)])
        }
        Problem::DuplicateId { id, first, second } => tr(
            lang,
            Key::ProblemDuplicateId,
            &[("id", id), ("first", first), ("second", second)],
        ),
        Problem::EmptyText { place, field } => tr(
            lang,
            Key::ProblemEmptyText,
            &[("place", &render_place(lang, place)), ("field", field)],
        ),
        Problem::ControlCharacter { place, field } => tr(
            lang,
            Key::ProblemControlCharacter,
            &[("place", &render_place(lang, place)), ("field", field)],
        ),
        Problem::MissingLanguage {
            place,
            field,
            lang: code,
        } => tr(
            lang,
            Key::ProblemMissingLanguage,
            &[
                ("place", &render_place(lang, place)),
                ("field", field),
                ("lang", code),
            ],
        ),
        Problem::BadUrl { place, field, url } => tr(
            lang,
            Key::ProblemBadUrl,
            &[
                ("place", &render_place(lang, place)),
                ("field", field),
                ("url", &crate::control::escaped(url)),
            ],
        ),
        Problem::BadLanguage { place, field, code } => tr(
            lang,
            Key::ProblemBadLanguage,
            &[
                ("place", &render_place(lang, place)),
                ("field", field),
                ("code", &crate::control::escaped(code)),
            ],
        ),
        Problem::BadDate {
            place,
            field,
            value,
        } => tr(
            lang,
            Key::ProblemBadDate,
            &[
                ("place", &render_place(lang, place)),
                ("field", field),
                ("value", &crate::control::escaped(value)),
            ],
        ),
        Problem::BadActionKey { place, field, key } => tr(
            lang,
            Key::ProblemBadActionId,
            &[
                ("place", &render_place(lang, place)),
                ("field", field),
                ("key", &crate::control::escaped(key)),
            ],
        ),
        Problem::DuplicateActionKey { place, field, key } => tr(
            lang,
            Key::ProblemDuplicateActionId,
            &[
                ("place", &render_place(lang, place)),
                ("field", field),
                ("key", &crate::control::escaped(key)),
            ],
        ),
        Problem::Unparsed { message, .. } => crate::i18n::parser_message(lang, message),
        Problem::FutureVersionNote { version, current } => tr(
            lang,
            Key::ProblemFutureVersionNote,
            &[("version", version), ("current", current)],
        ),
        Problem::BadPhaseId { number, id } => tr(
            lang,
            Key::ProblemBadPhaseId,
            &[("number", number), ("id", id)],
        ),
        Problem::DuplicatePhaseId { id } => tr(lang, Key::ProblemDuplicatePhaseId, &[("id", id)]),
        Problem::EmptyPhase { place } => tr(
            lang,
            Key::ProblemEmptyPhase,
            &[("place", &render_place(lang, place))],
        ),
        Problem::PhaseUnknownStep { place, step } => tr(
            lang,
            Key::ProblemPhaseUnknownStep,
            &[("place", &render_place(lang, place)), ("step", step)],
        ),
        Problem::StepInTwoPhases { place, step } => tr(
            lang,
            Key::ProblemStepInTwoPhases,
            &[("place", &render_place(lang, place)), ("step", step)],
        ),
        Problem::StepWithoutPhase { number, id } => tr(
            lang,
            Key::ProblemStepWithoutPhase,
            &[("number", number), ("id", id)],
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::error::Error as _;

    use super::*;

    /// The system's own words (`No such file or directory (os error 2)`)
    /// never reach an Indonesian message: every reason is the catalogue's.
    #[test]
    fn the_systems_errors_are_worded_by_kind_in_both_languages() {
        use io::ErrorKind::*;
        let kinds = [
            NotFound,
            PermissionDenied,
            AlreadyExists,
            StorageFull,
            ReadOnlyFilesystem,
            NotADirectory,
            IsADirectory,
            InvalidData,
            ResourceBusy,
            Unsupported,
            TimedOut,
            FileTooLarge,
        ];
        for kind in kinds {
            let error = io::Error::from(kind);
            let system = error.to_string();
            let indonesian = io_reason(Lang::Id, &error);
            let english = io_reason(Lang::En, &error);
            assert!(!indonesian.contains(&system), "{kind:?}: {indonesian}");
            assert!(
                !indonesian.contains("system reported"),
                "{kind:?}: {indonesian}"
            );
            assert!(
                !english.contains("system reported"),
                "{kind:?} has no words: {english}"
            );
            assert_ne!(indonesian, english, "{kind:?}");
        }
        // What a raw OS error carries (its number and the system's
        // sentence) stays out of the message too.
        let raw = io::Error::from_raw_os_error(2);
        assert_eq!(io_reason(Lang::Id, &raw), "tidak ada");
    }

    #[test]
    fn display_is_the_english_message_and_the_io_error_its_source() {
        let error = Error::RoadmapNewWrite {
            path: PathBuf::from("mine.yaml"),
            source: io::Error::from(io::ErrorKind::PermissionDenied),
        };
        assert_eq!(
            error.to_string(),
            "cannot write the starter roadmap mine.yaml: permission denied"
        );
        assert_eq!(
            error.render(Lang::Id),
            "roadmap awal mine.yaml tidak bisa ditulis: izin ditolak"
        );
        assert_eq!(error.exit_status(), ExitStatus::Failure);
        let source = error
            .source()
            .and_then(|source| source.downcast_ref::<io::Error>());
        assert_eq!(
            source.map(io::Error::kind),
            Some(io::ErrorKind::PermissionDenied)
        );
    }

    #[test]
    fn a_store_error_reads_as_itself_and_leads_to_its_file_problem() {
        let error = Error::from(StoreError::Write {
            path: PathBuf::from("progress.yaml"),
            reason: FileProblem::Io(io::ErrorKind::StorageFull),
        });
        assert_eq!(
            error.to_string(),
            "cannot save progress to progress.yaml: the disk is full; the previous progress is unchanged"
        );
        let source = error
            .source()
            .and_then(|source| source.downcast_ref::<FileProblem>());
        assert_eq!(source, Some(&FileProblem::Io(io::ErrorKind::StorageFull)));
    }

    #[test]
    fn only_a_closed_pipe_on_the_output_is_how_output_ends() {
        let pipe = || io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(Error::Output(pipe()).is_broken_pipe());
        assert!(!Error::Terminal(pipe()).is_broken_pipe());
        assert!(!Error::ConfirmationRead(pipe()).is_broken_pipe());
        assert_eq!(Error::Terminal(pipe()).exit_status(), ExitStatus::Failure);
        assert_eq!(ExitStatus::Usage, Error::ResetAllNeedsYes.exit_status());
    }

    #[test]
    fn the_exit_codes_are_the_ones_the_catalogue_explains() {
        let explained: Vec<u8> = crate::i18n::help::EXIT_CODES
            .iter()
            .map(|text| text.code)
            .collect();
        let codes = [ExitStatus::Success, ExitStatus::Failure, ExitStatus::Usage];
        assert_eq!(explained, codes.map(|status| status as u8));
    }
}
