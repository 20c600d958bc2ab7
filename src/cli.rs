//! The command line: clap types only. Their `///` comments are the user's `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

const ABOUT: &str = "Track your career roadmap in social media management, one step at a time.";

const LONG_ABOUT: &str = "\
Track your career roadmap in social media management, one step at a time.

smm-path carries a 20-step roadmap (in Indonesian and English) and records \
your progress on it: which steps are done, when, and your notes and evidence. \
Run it without a command to see where you stand.";

const EVERYDAY: &str = "\
Everyday use:
  smm-path                 where you stand: every step, done and next
  smm-path next            the step to work on now, with its practical actions
  smm-path start 5         you began step 5
  smm-path done 5          step 5 is done (also: 1-3, 1,4,7, content-strategy)
  smm-path note 5 TEXT     keep a note or a link as evidence
  smm-path undo            take back the last change
  smm-path export -o progress.md   share your checklist

Exit codes:
  0  success (also when a step was already done and nothing changed)
  1  failure: the progress or roadmap file cannot be read, or saving failed
  2  bad usage or input: unknown step, bad date, unknown option; nothing is written

Files:
  Progress is saved in progress.yaml in the data directory
  (~/.local/share/smm-path on Linux); SMM_PATH_HOME or --home change it.";

/// smm-path's command line.
#[derive(Debug, Parser)]
// The name is fixed: clap would otherwise take it from how the program was
// started, `smm-path.exe` on Windows, in every usage line.
#[command(
    name = "smm-path",
    bin_name = "smm-path",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = EVERYDAY,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command accepts.
#[derive(Debug, Default, Args)]
pub struct GlobalArgs {
    /// Language of the output: id (Bahasa Indonesia) or en (English)
    /// [default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,

    /// Directory holding progress.yaml [env: SMM_PATH_HOME] [default: your data directory + /smm-path]
    // Read from the environment by the program, not by clap, so that an
    // empty SMM_PATH_HOME= counts as unset instead of as a missing value.
    #[arg(long, global = true, value_name = "DIR")]
    pub home: Option<PathBuf>,

    /// Track another roadmap: a YAML file in the same format as the built-in one [env: SMM_PATH_ROADMAP]
    #[arg(long, global = true, value_name = "FILE")]
    pub roadmap: Option<PathBuf>,

    /// When to colour the output (auto honours NO_COLOR, CLICOLOR and CLICOLOR_FORCE)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR or CLICOLOR=0 is set
    #[default]
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show every step with its status and date, the overall progress, and the next step
    ///
    /// This is what `smm-path` runs without a command.
    ///
    /// Examples:
    ///   smm-path status
    ///   smm-path status --short
    ///   smm-path status --json | jq .summary.percent
    #[command(verbatim_doc_comment)]
    Status(StatusArgs),

    /// Mark steps as done
    ///
    /// Examples:
    ///   smm-path done 5
    ///   smm-path done 1-3 7
    ///   smm-path done content-strategy --on 2026-03-14
    #[command(verbatim_doc_comment)]
    Done(DoneArgs),

    /// Mark steps as in progress
    ///
    /// Example:
    ///   smm-path start 6
    #[command(verbatim_doc_comment)]
    Start(StepsArgs),

    /// Skip steps that do not apply to you; they no longer count toward your progress
    ///
    /// Example:
    ///   smm-path skip 12 --reason "no ad budget yet"
    #[command(verbatim_doc_comment)]
    Skip(SkipArgs),

    /// Put steps back to "to do" (their notes are kept)
    ///
    /// Examples:
    ///   smm-path reset 5
    ///   smm-path reset --all --yes
    #[command(verbatim_doc_comment)]
    Reset(ResetArgs),

    /// Show one step in full: summary, practical actions, evidence, resources, dates and notes
    ///
    /// Example:
    ///   smm-path show 8
    #[command(verbatim_doc_comment)]
    Show(ShowArgs),

    /// Show the first step that is neither done nor skipped, with its practical actions
    Next,

    /// Add a timestamped note to a step: a thought, or a link as evidence
    ///
    /// Example:
    ///   smm-path note 5 "Portfolio live: https://example.com/me"
    #[command(verbatim_doc_comment)]
    Note(NoteArgs),

    /// Take back the last command that changed your progress, as a whole
    ///
    /// Run it again to go further back.
    Undo,

    /// Show the history of changes, newest first
    Log(LogArgs),

    /// Export your progress to share or keep: Markdown, JSON, CSV, HTML or a portfolio
    ///
    /// Examples:
    ///   smm-path export -o progress.md
    ///   smm-path export --format html -o progress.html
    ///   smm-path export --format portfolio -o portfolio.md
    #[command(verbatim_doc_comment)]
    Export(ExportArgs),

    /// Merge progress from another copy: an export, a history file, or a sync conflict copy
    ///
    /// FILE is a JSON export (`export --format json`, from a backup or
    /// another machine), a history file (`history.jsonl`, or a device file
    /// of a sync folder), or a conflict copy a sync tool left in the home
    /// (`progress.sync-conflict-*.yaml`, `history (conflicted copy).jsonl`).
    /// The changes this copy lacks are added; nothing is lost on either
    /// side: notes are the union, and for each step the later status change
    /// wins. Importing the same file twice changes nothing.
    ///
    /// Examples:
    ///   smm-path import laptop.json --dry-run
    ///   smm-path import laptop.json
    ///   smm-path import "history (conflicted copy).jsonl"
    #[command(verbatim_doc_comment)]
    Import(ImportArgs),

    /// Sync through a shared folder (Syncthing, Dropbox, a git repository...)
    ///
    /// Each device writes only its own file in DIR, <device id>.jsonl, and
    /// reads every other device's file there, taking in the changes it
    /// lacks. No two devices write the same file, so a sync tool never
    /// makes conflict copies. Run it on each device, before and after
    /// working; running it twice on each of two devices leaves them equal.
    /// Keep DIR outside the smm-path home.
    ///
    /// Examples:
    ///   smm-path sync ~/Sync/smm-path
    ///   smm-path sync ~/Dropbox/smm-path --dry-run
    #[command(verbatim_doc_comment)]
    Sync(SyncArgs),

    /// Your pace, streaks, an estimated finish date, and an activity calendar
    ///
    /// Examples:
    ///   smm-path stats
    ///   smm-path stats --calendar
    #[command(verbatim_doc_comment)]
    Stats(StatsArgs),

    /// Set (or clear) the day you mean to finish by; `stats` then says if you are on track
    ///
    /// Examples:
    ///   smm-path plan --target 2027-03-31
    ///   smm-path plan --clear
    #[command(verbatim_doc_comment)]
    Plan(PlanArgs),

    /// Check the progress files: paths, versions, history, backup and leftovers; each problem comes with the command that repairs it
    ///
    /// Exits with 1 when it finds a problem. Each repair keeps the file it
    /// replaces as <file>.broken-<time>.
    ///
    /// Examples:
    ///   smm-path doctor
    ///   smm-path doctor --restore-backup
    ///   smm-path doctor --rebuild-history
    #[command(verbatim_doc_comment)]
    Doctor(DoctorArgs),

    /// Open the roadmap as a full-screen checklist to work through with the keys
    ///
    /// Move with the arrow keys (or j/k), and press d for done, p for in
    /// progress, s to skip, r to reset, n to add a note, u to undo, Enter
    /// to read a step in full, / to search, l to switch language, ? for
    /// help, q to quit. Every key press is saved as one change, the same
    /// as the command it stands for.
    ///
    /// Example:
    ///   smm-path ui
    #[command(verbatim_doc_comment)]
    Ui,

    /// A mentor's view of many learners: progress, stuck learners, a per-step funnel and activity
    ///
    /// Each PATH is a JSON export (`smm-path export -f json`), a folder of
    /// them, or a sync folder (several devices of one learner count as one).
    /// Files of another roadmap, damaged files and duplicates are listed as
    /// skipped, with the reason. Notes are left out unless --notes is given.
    ///
    /// Examples:
    ///   smm-path cohort exports/
    ///   smm-path cohort exports/ --sort activity --stuck-days 21
    ///   smm-path cohort exports/ --format html -o cohort.html
    #[command(verbatim_doc_comment)]
    Cohort(CohortArgs),

    /// Your settings: the name exports and sync folders carry
    #[command(subcommand)]
    Config(ConfigCommand),

    /// Check, start or list roadmaps (the built-in one, or your own)
    #[command(subcommand)]
    Roadmap(RoadmapCommand),

    /// Print a shell completion script
    ///
    /// In bash, zsh and fish the script asks smm-path itself at each Tab, so
    /// step numbers and ids complete too (zsh and fish show their titles):
    /// `done` offers the steps not done yet, `start` those not in progress,
    /// `skip` those not skipped, `reset` those not "to do", `show` and
    /// `note` every step. PowerShell and elvish complete commands and options.
    ///
    /// Examples:
    ///   smm-path completions bash -o ~/.local/share/bash-completion/completions/smm-path
    ///   smm-path completions zsh -o ~/.zfunc/_smm-path
    ///   smm-path completions fish -o ~/.config/fish/completions/smm-path.fish
    ///   smm-path completions powershell | Out-String | Invoke-Expression
    #[command(verbatim_doc_comment)]
    Completions(CompletionsArgs),

    /// Print the manual page (roff) in the output language
    ///
    /// Example:
    ///   smm-path --lang en man -o ~/.local/share/man/man1/smm-path.1
    #[command(verbatim_doc_comment)]
    Man(ManArgs),
}

/// `roadmap` subcommands.
#[derive(Debug, Subcommand)]
pub enum RoadmapCommand {
    /// Check a roadmap file and report every problem, with line and column
    ///
    /// Exits with 0 only when the file is clean.
    ///
    /// Example:
    ///   smm-path roadmap validate my-path.yaml
    #[command(verbatim_doc_comment)]
    Validate(RoadmapFileArgs),

    /// Write a commented starter roadmap to FILE, to edit into your own
    ///
    /// Example:
    ///   smm-path roadmap new my-path.yaml
    ///   smm-path --roadmap my-path.yaml status
    #[command(verbatim_doc_comment)]
    New(RoadmapFileArgs),

    /// List every roadmap you have progress on, with how far along you are
    List,
}

/// A roadmap file.
#[derive(Debug, Args)]
pub struct RoadmapFileArgs {
    /// The roadmap file
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,

    /// Write to FILE (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write to FILE (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The export, history file or conflict copy to merge
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Show what would change, and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// Arguments of `sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The shared folder (created if missing)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Show what would be taken in, and write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Your name, for a mentor's `cohort` report of the folder [default: `config name`]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

/// Arguments of `stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Also show the last 12 weeks as a calendar of active days
    #[arg(long)]
    pub calendar: bool,
}

/// Arguments of `plan`.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct PlanArgs {
    /// The day to finish by (YYYY-MM-DD), today or later
    #[arg(long, value_name = "DATE")]
    pub target: Option<String>,

    /// Remove the target
    #[arg(long)]
    pub clear: bool,
}

/// Arguments of `doctor`: without one, it only looks. Each repair keeps
/// the file it replaces as `<file>.broken-<time>`.
#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct DoctorArgs {
    /// Put the backup of the previous state back in place of progress.yaml
    #[arg(long)]
    pub restore_backup: bool,

    /// Write a new history from progress.yaml, for a history that is missing, damaged or another device's
    #[arg(long)]
    pub rebuild_history: bool,

    /// Write a new progress.yaml from the history, for a progress.yaml that cannot be read
    #[arg(long)]
    pub rebuild_state: bool,

    /// Remove temporary files left by an interrupted write
    #[arg(long)]
    pub clean: bool,
}

/// Arguments of `status`.
#[derive(Debug, Args, Default)]
pub struct StatusArgs {
    /// Print the report as JSON (stable field names) instead of a table
    #[arg(long, conflicts_with = "short")]
    pub json: bool,

    /// Print one line, `smm-path 7/20 (35%) next: 8`, for prompts and status bars
    #[arg(long)]
    pub short: bool,
}

/// One or more steps.
#[derive(Debug, Args)]
pub struct StepsArgs {
    /// Steps: a number (5), a range (1-3), a list (1,4,7) or a step id
    #[arg(required = true, value_name = "STEP")]
    pub steps: Vec<String>,
}

/// Arguments of `done`.
#[derive(Debug, Args)]
pub struct DoneArgs {
    #[command(flatten)]
    pub steps: StepsArgs,

    /// Record an earlier day than today as the finish date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

/// Arguments of `skip`.
#[derive(Debug, Args)]
pub struct SkipArgs {
    #[command(flatten)]
    pub steps: StepsArgs,

    /// Why the step does not apply to you
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

/// Arguments of `reset`.
#[derive(Debug, Args)]
pub struct ResetArgs {
    /// Steps: a number (5), a range (1-3), a list (1,4,7) or a step id
    #[arg(
        value_name = "STEP",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub steps: Vec<String>,

    /// Reset every step of the roadmap (asks first on a terminal)
    #[arg(long)]
    pub all: bool,

    /// Do not ask for confirmation (needed for --all without a terminal)
    #[arg(long, short = 'y')]
    pub yes: bool,
}

/// Arguments of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The step: a number (5) or a step id
    #[arg(value_name = "STEP")]
    pub step: String,
}

/// Arguments of `note`.
#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The step: a number (5) or a step id
    #[arg(value_name = "STEP")]
    pub step: String,

    /// The note; several words are joined with spaces
    #[arg(required = true, value_name = "TEXT", num_args = 1.., allow_hyphen_values = true)]
    pub text: Vec<String>,
}

/// Arguments of `log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// Show at most this many changes
    #[arg(long, short = 'n', value_name = "COUNT")]
    pub limit: Option<usize>,
}

/// Formats `export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ExportFormat {
    /// GitHub-flavored Markdown with a task list
    #[default]
    Markdown,
    /// Everything, history included, as JSON (schema/export.schema.json)
    Json,
    /// One row per step, for a spreadsheet
    Csv,
    /// One self-contained page with a chart of steps done over time
    Html,
    /// A Markdown brag document: what you did, when, and the evidence
    Portfolio,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to write
    #[arg(long, short = 'f', value_enum, default_value_t = ExportFormat::Markdown)]
    pub format: ExportFormat,

    /// Write to FILE (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Your name in the JSON export, for a mentor's `cohort` report [default: `config name`]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

/// `config` settings.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Show or set your name, which exports and sync folders carry for a mentor's report
    ///
    /// Examples:
    ///   smm-path config name "Ayu Lestari"
    ///   smm-path config name
    #[command(verbatim_doc_comment)]
    Name(ConfigNameArgs),
}

/// Arguments of `config name`.
#[derive(Debug, Args)]
pub struct ConfigNameArgs {
    /// The name to set; without it, the name set is shown
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
}

/// How the cohort's learners are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CohortSort {
    /// Furthest along first
    #[default]
    Progress,
    /// Longest inactive first
    Activity,
    /// By name
    Name,
    /// Fastest first
    Pace,
}

/// Formats `cohort` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CohortFormat {
    /// A table fitted to the terminal
    #[default]
    Table,
    /// One row per learner (RFC 4180)
    Csv,
    /// Everything, with stable fields (schema/cohort.schema.json)
    Json,
    /// One self-contained page with charts
    Html,
}

/// Arguments of `cohort`.
#[derive(Debug, Args)]
pub struct CohortArgs {
    /// Exports (files or folders of them) and sync folders, one learner each
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How to order the learners
    #[arg(long, value_enum, default_value_t = CohortSort::Progress)]
    pub sort: CohortSort,

    /// Days in progress on one step, or without activity, after which a learner counts as stuck
    #[arg(long, value_name = "DAYS", default_value_t = 14)]
    pub stuck_days: u32,

    /// The format to write
    #[arg(long, short = 'f', value_enum, default_value_t = CohortFormat::Table)]
    pub format: CohortFormat,

    /// Write to FILE (atomically) instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also show the learners' notes (left out by default: a mentor needs the progress, not the diary)
    #[arg(long)]
    pub notes: bool,
}
