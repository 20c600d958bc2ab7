//! The command line: clap types only, the structure without the words.
//! Every command's and option's text, in English and Indonesian, is in
//! `i18n/help.rs`, keyed by command path and argument id; `cli_lang.rs`
//! puts it in at run time, and its test fails when a command or option
//! here has no text there, or has a `///` comment (which clap would show,
//! in English only).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

#[derive(Debug, Parser)]
// The name is fixed: clap would otherwise take it from how the program was
// started, `smm-path.exe` on Windows, in every usage line.
#[command(
    name = "smm-path",
    bin_name = "smm-path",
    version,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

// Options every command accepts.
#[derive(Debug, Default, Args)]
pub struct GlobalArgs {
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,

    // Read from the environment by the program, not by clap, so that an
    // empty SMM_PATH_HOME= counts as unset instead of as a missing value.
    #[arg(long, global = true, value_name = "DIR")]
    pub home: Option<PathBuf>,

    #[arg(long, global = true, value_name = "FILE")]
    pub roadmap: Option<PathBuf>,

    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

// When to use colour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    Status(StatusArgs),

    Done(DoneArgs),

    Start(StartArgs),

    Skip(SkipArgs),

    Reset(ResetArgs),

    Show(ShowArgs),

    Next,

    Today(TodayArgs),

    Note(NoteArgs),

    Check(ActionsArgs),

    Uncheck(ActionsArgs),

    Used(ResourcesArgs),

    Unused(ResourcesArgs),

    Undo,

    Log(LogArgs),

    Export(ExportArgs),

    Import(ImportArgs),

    Sync(SyncArgs),

    Stats(StatsArgs),

    Card(CardArgs),

    Plan(PlanArgs),

    Doctor(DoctorArgs),

    Ui,

    Cohort(CohortArgs),

    #[command(subcommand)]
    Config(ConfigCommand),

    #[command(subcommand)]
    Roadmap(RoadmapCommand),

    Completions(CompletionsArgs),

    Man(ManArgs),
}

// `roadmap` subcommands.
#[derive(Debug, Subcommand)]
pub enum RoadmapCommand {
    Validate(RoadmapFileArgs),

    New(RoadmapFileArgs),

    List,
}

// A roadmap file.
#[derive(Debug, Args)]
pub struct RoadmapFileArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,

    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

// Arguments of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

// Arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    #[arg(long)]
    pub dry_run: bool,
}

// Arguments of `sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    #[arg(long)]
    pub dry_run: bool,

    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

// Arguments of `stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    #[arg(long)]
    pub calendar: bool,
}

// Arguments of `plan`: without one, it shows the target and the planned days.
#[derive(Debug, Args)]
pub struct PlanArgs {
    #[arg(value_name = "STEP", conflicts_with_all = ["target", "spread"])]
    pub steps: Vec<String>,

    #[arg(
        long,
        value_name = "DATE",
        requires = "steps",
        conflicts_with = "clear"
    )]
    pub by: Option<String>,

    #[arg(long, value_name = "DATE", conflicts_with_all = ["clear", "spread"])]
    pub target: Option<String>,

    #[arg(long, conflicts_with = "clear")]
    pub spread: bool,

    #[arg(long)]
    pub clear: bool,
}

// Arguments of `doctor`: without one, it only looks. Each repair keeps
// the file it replaces as `<file>.broken-<time>`.
#[derive(Debug, Args)]
#[group(multiple = false)]
pub struct DoctorArgs {
    #[arg(long)]
    pub restore_backup: bool,

    #[arg(long)]
    pub rebuild_history: bool,

    #[arg(long)]
    pub rebuild_state: bool,

    #[arg(long)]
    pub clean: bool,
}

// Arguments of `status`.
#[derive(Debug, Args, Default)]
pub struct StatusArgs {
    #[arg(long, conflicts_with = "short")]
    pub json: bool,

    #[arg(long)]
    pub short: bool,
}

// One or more steps.
#[derive(Debug, Args)]
pub struct StepsArgs {
    #[arg(required = true, value_name = "STEP")]
    pub steps: Vec<String>,
}

// Arguments of `done`.
#[derive(Debug, Args)]
pub struct DoneArgs {
    #[command(flatten)]
    pub steps: StepsArgs,

    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

// Arguments of `start`.
#[derive(Debug, Args)]
pub struct StartArgs {
    #[command(flatten)]
    pub steps: StepsArgs,

    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

// Arguments of `skip`.
#[derive(Debug, Args)]
pub struct SkipArgs {
    #[command(flatten)]
    pub steps: StepsArgs,

    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,

    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
}

// Arguments of `reset`.
#[derive(Debug, Args)]
pub struct ResetArgs {
    #[arg(
        value_name = "STEP",
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub steps: Vec<String>,

    #[arg(long)]
    pub all: bool,

    #[arg(long, short = 'y')]
    pub yes: bool,
}

// Arguments of `show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    #[arg(value_name = "STEP")]
    pub step: String,
}

// Arguments of `today`.
#[derive(Debug, Args)]
pub struct TodayArgs {
    #[arg(long)]
    pub short: bool,
}

// Arguments of `note`.
#[derive(Debug, Args)]
pub struct NoteArgs {
    #[arg(value_name = "STEP")]
    pub step: String,

    #[arg(long)]
    pub evidence: bool,

    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,

    #[arg(long, value_name = "NUMBER", conflicts_with = "delete")]
    pub edit: Option<usize>,

    #[arg(long, value_name = "NUMBER", conflicts_with_all = ["evidence", "on", "text"])]
    pub delete: Option<usize>,

    #[arg(
        required_unless_present = "delete",
        value_name = "TEXT",
        num_args = 1..,
        allow_hyphen_values = true
    )]
    pub text: Vec<String>,
}

// Practical actions inside steps, for `check` and `uncheck`.
#[derive(Debug, Args)]
pub struct ActionsArgs {
    #[arg(required = true, value_name = "ACTION")]
    pub actions: Vec<String>,
}

// Resources of steps, for `used` and `unused`.
#[derive(Debug, Args)]
pub struct ResourcesArgs {
    #[arg(required = true, value_name = "RESOURCE")]
    pub resources: Vec<String>,
}

// Arguments of `log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    #[arg(long, short = 'n', value_name = "COUNT")]
    pub limit: Option<usize>,
}

// Formats `export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ExportFormat {
    #[default]
    Markdown,
    Json,
    Csv,
    Html,
    Portfolio,
    Ics,
}

// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, short = 'f', value_enum, default_value_t = ExportFormat::Markdown)]
    pub format: ExportFormat,

    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    #[arg(long, conflicts_with = "name")]
    pub no_name: bool,

    #[arg(long)]
    pub no_progress: bool,
}

// The platforms' picture sizes `card` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CardSize {
    #[default]
    Linkedin,
    Square,
    Story,
}

// Formats `card` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CardFormat {
    Png,
    Svg,
}

// Arguments of `card`.
#[derive(Debug, Args)]
pub struct CardArgs {
    #[arg(long, value_enum, default_value_t = CardSize::Linkedin)]
    pub size: CardSize,

    // None: from the output file's name, else PNG.
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<CardFormat>,

    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[arg(long)]
    pub no_name: bool,
}

// `config` settings.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    Name(ConfigNameArgs),
}

// Arguments of `config name`.
#[derive(Debug, Args)]
pub struct ConfigNameArgs {
    #[arg(value_name = "NAME")]
    pub name: Option<String>,
}

// How the cohort's learners are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CohortSort {
    #[default]
    Progress,
    Activity,
    Name,
    Pace,
}

// Formats `cohort` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CohortFormat {
    #[default]
    Table,
    Csv,
    Json,
    Html,
}

// Arguments of `cohort`.
#[derive(Debug, Args)]
pub struct CohortArgs {
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[arg(long, value_enum, default_value_t = CohortSort::Progress)]
    pub sort: CohortSort,

    #[arg(long, value_name = "DAYS", default_value_t = 14)]
    pub stuck_days: u32,

    #[arg(long, short = 'f', value_enum, default_value_t = CohortFormat::Table)]
    pub format: CohortFormat,

    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[arg(long)]
    pub notes: bool,
}
