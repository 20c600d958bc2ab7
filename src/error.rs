//! Everything that can go wrong, its exit code, and its message in the user's language.

use std::io;
use std::path::PathBuf;

use crate::control::quoted_path;
use crate::i18n::{Key, Lang, tr, word};
use crate::plain_file::FileProblem;
use crate::progress::{SCHEMA_VERSION, SelectorError, StoreError};
use crate::roadmap::{Place, Problem, RoadmapError};

/// The exit codes smm-path promises to scripts (also listed in the README and `--help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// The command did what was asked (including "already done, nothing changed").
    Success = 0,
    /// Something outside the command line failed: an unreadable state or roadmap, a failed write.
    Failure = 1,
    /// The command line was wrong: bad step, bad date, unknown option. Nothing was written.
    Usage = 2,
}

/// A failed command.
#[derive(Debug)]
pub enum Error {
    Selector(SelectorError),
    InvalidDate {
        input: String,
    },
    /// A learner name that is empty, too long or holds a control character.
    BadName {
        name: String,
    },
    /// `cohort` read no learner at all.
    NoLearners,
    /// `smm-path ui` without a terminal to draw on.
    NoTerminal,
    /// A range or list where one step is needed (`note 1-3`).
    OneStepOnly {
        input: String,
        count: usize,
    },
    /// `done --on` a day before the step was started.
    FinishBeforeStart {
        number: usize,
        started: String,
        input: String,
    },
    FutureDate {
        input: String,
    },
    PastTarget {
        input: String,
    },
    EmptyNote,
    /// SMM_PATH_NOW is set but is not an RFC 3339 time.
    InvalidNow {
        value: String,
    },
    /// Text typed with a control character in it (an escape sequence).
    ControlCharacter,
    /// A note or reason over [`crate::progress::MAX_TEXT_BYTES`].
    TextTooLong {
        bytes: usize,
    },
    ResetAllNeedsYes,
    Store(StoreError),
    Roadmap(RoadmapError),
    NoDataDir,
    ExportWrite {
        path: PathBuf,
        reason: String,
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
    Output(io::Error),
}

impl From<SelectorError> for Error {
    fn from(error: SelectorError) -> Self {
        Error::Selector(error)
    }
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
}

impl From<StoreError> for Error {
    fn from(error: StoreError) -> Self {
        Error::Store(error)
    }
}

impl From<RoadmapError> for Error {
    fn from(error: RoadmapError) -> Self {
        Error::Roadmap(error)
    }
}

impl From<io::Error> for Error {
    fn from(error: io::Error) -> Self {
        Error::Output(error)
    }
}

impl Error {
    /// The exit code this error ends the process with.
    pub fn exit_status(&self) -> ExitStatus {
        match self {
            Error::Selector(_)
            | Error::InvalidDate { .. }
            | Error::FutureDate { .. }
            | Error::FinishBeforeStart { .. }
            | Error::OneStepOnly { .. }
            | Error::NoTerminal
            | Error::BadName { .. }
            | Error::PastTarget { .. }
            | Error::EmptyNote
            | Error::ControlCharacter
            | Error::TextTooLong { .. }
            | Error::InvalidNow { .. }
            | Error::ResetAllNeedsYes
            | Error::WouldOverwrite { .. } => ExitStatus::Usage,
            Error::Store(_)
            | Error::Roadmap(_)
            | Error::NoDataDir
            | Error::ExportWrite { .. }
            | Error::Unhealthy
            | Error::RoadmapRejected { .. }
            | Error::ImportInvalid { .. }
            | Error::SyncFolder { .. }
            | Error::NoLearners
            | Error::Output(_) => ExitStatus::Failure,
        }
    }

    /// Writing to a closed pipe (`smm-path log | head`) is how pipes end, not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(error) if error.kind() == io::ErrorKind::BrokenPipe)
    }

    /// The message for the user, without the `error:` prefix.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Error::Selector(error) => render_selector(lang, error),
            Error::InvalidDate { input } => tr(lang, Key::ErrInvalidDate, &[("input", input)]),
            Error::FutureDate { input } => tr(lang, Key::ErrFutureDate, &[("input", input)]),
            Error::NoTerminal => word(lang, Key::ErrNoTerminal).to_string(),
            Error::BadName { name } => tr(
                lang,
                Key::ErrBadName,
                &[
                    ("name", &crate::control::escaped(name)),
                    ("max", &crate::progress::config::MAX_NAME_CHARS),
                ],
            ),
            Error::NoLearners => word(lang, Key::ErrNoLearners).to_string(),
            Error::OneStepOnly { input, count } => tr(
                lang,
                Key::ErrOneStepOnly,
                &[("input", input), ("count", count)],
            ),
            Error::FinishBeforeStart {
                number,
                started,
                input,
            } => tr(
                lang,
                Key::ErrFinishBeforeStart,
                &[("number", number), ("started", started), ("input", input)],
            ),
            Error::PastTarget { input } => tr(lang, Key::ErrPastTarget, &[("input", input)]),
            Error::EmptyNote => word(lang, Key::ErrEmptyNote).to_string(),
            Error::ControlCharacter => word(lang, Key::ErrControlCharacter).to_string(),
            Error::TextTooLong { bytes } => tr(
                lang,
                Key::ErrTextTooLong,
                &[
                    ("bytes", bytes),
                    ("limit", &crate::progress::MAX_TEXT_BYTES),
                ],
            ),
            Error::InvalidNow { value } => tr(lang, Key::ErrInvalidNow, &[("value", value)]),
            Error::ResetAllNeedsYes => word(lang, Key::ErrResetAllNeedsYes).to_string(),
            Error::Store(error) => render_store(lang, error),
            Error::Roadmap(error) => render_roadmap(lang, error),
            Error::NoDataDir => word(lang, Key::ErrNoDataDir).to_string(),
            Error::ExportWrite { path, reason } => tr(
                lang,
                Key::ErrExportWrite,
                &[("path", &quoted_path(path)), ("reason", reason)],
            ),
            Error::Output(error) => tr(lang, Key::ErrOutput, &[("reason", error)]),
            Error::Unhealthy => word(lang, Key::ErrUnhealthy).to_string(),
            Error::RoadmapRejected { path, count } => tr(
                lang,
                Key::ErrRoadmapRejected,
                &[("path", &quoted_path(path)), ("count", count)],
            ),
            Error::ImportInvalid { path, reason } => tr(
                lang,
                Key::ErrImportInvalid,
                &[("path", &quoted_path(path)), ("reason", reason)],
            ),
            Error::SyncFolder { path, reason } => tr(
                lang,
                Key::ErrSyncFolder,
                &[("path", &quoted_path(path)), ("reason", reason)],
            ),
            Error::WouldOverwrite { path } => tr(
                lang,
                Key::ErrWouldOverwrite,
                &[("path", &quoted_path(path))],
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
        SelectorError::UnknownId { id, suggestion } => {
            let mut message = tr(lang, Key::ErrUnknownStepId, &[("id", id)]);
            if let Some(suggestion) = suggestion {
                message.push_str("; ");
                message.push_str(&tr(lang, Key::ErrDidYouMean, &[("suggestion", suggestion)]));
            }
            message
        }
    }
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
            ErrorKind::NotADirectory => word(lang, Key::IoNotDirectory).to_string(),
            ErrorKind::IsADirectory => word(lang, Key::FileIsDirectory).to_string(),
            ErrorKind::InvalidData => word(lang, Key::IoInvalidData).to_string(),
            other => tr(lang, Key::IoOther, &[("kind", &format!("{other:?}"))]),
        },
    }
}

pub(crate) fn render_store(lang: Lang, error: &StoreError) -> String {
    match error {
        StoreError::Unreadable { path, reason } => tr(
            lang,
            Key::ErrStateUnreadable,
            &[
                ("path", &quoted_path(path)),
                ("reason", &render_file_problem(lang, reason)),
            ],
        ),
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
        StoreError::Lock { path, reason } => tr(
            lang,
            Key::ErrStateLock,
            &[
                ("path", &quoted_path(path)),
                ("reason", &render_file_problem(lang, reason)),
            ],
        ),
        StoreError::Write { path, reason } => tr(
            lang,
            Key::ErrStateWrite,
            &[
                ("path", &quoted_path(path)),
                ("reason", &render_file_problem(lang, reason)),
            ],
        ),
    }
}

fn render_roadmap(lang: Lang, error: &RoadmapError) -> String {
    match error {
        RoadmapError::Unreadable { path, reason } => tr(
            lang,
            Key::ErrRoadmapUnreadable,
            &[
                ("path", &quoted_path(path)),
                ("reason", &render_file_problem(lang, reason)),
            ],
        ),
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
                .replace("<input>", &quoted_path(path).to_string())
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
    match place {
        Place::Roadmap => word(lang, Key::ProblemPlaceRoadmap).to_string(),
        Place::Phase { number, id } => tr(
            lang,
            Key::ProblemPlacePhase,
            &[("number", number), ("id", id)],
        ),
        Place::Step { number, id } => tr(
            lang,
            Key::ProblemPlaceStep,
            &[("number", number), ("id", id)],
        ),
    }
}

/// One roadmap problem in words.
pub fn render_problem(lang: Lang, problem: &Problem) -> String {
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
