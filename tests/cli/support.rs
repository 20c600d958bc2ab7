//! The harness: a temporary smm-path home ([`Smm`]) and [`Test`], a builder
//! that runs the real binary in it and checks the exact stdout, stderr, exit
//! status and files a run should leave, pointing at the calling test when
//! anything differs. After casey/just's `tests/test.rs`.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// What separates a folder from a file name in the paths smm-path prints:
/// `/`, or `\` on Windows. Tests write `{home}{SEP}progress.yaml`.
pub(crate) const SEP: &str = std::path::MAIN_SEPARATOR_STR;

/// The moment tests pretend it is, unless a test asks for the real clock.
pub(crate) const NOW: &str = "2026-12-05T14:30:00+07:00";

/// `status` in a home with no progress yet, in English: the table many
/// tests expect after going back to the start.
pub(crate) const FRESH_STATUS: &str = "
    A Career in Social Media Management

      #  Step                               Status    Date
    ───────────────────────────────────────────────────────
         Foundations                        0/5 done
      1  Understand Social Media Platforms  ○ to do
      2  Education and Training             ○ to do
      3  Develop Your Creativity            ○ to do
      4  Choose a Niche or Industry         ○ to do
      5  Build a Personal Portfolio         ○ to do
         Production                         0/5 done
      6  Understand the Target Audience     ○ to do
      7  Analysis and Market Research       ○ to do
      8  Content Strategy                   ○ to do
      9  Create Quality Content             ○ to do
     10  A Consistent Posting Schedule      ○ to do
         Growth                             0/5 done
     11  Engagement and Responsiveness      ○ to do
     12  Paid Social Advertising            ○ to do
     13  Campaigns and Contests             ○ to do
     14  Measurement and Analytics          ○ to do
     15  Customer Service                   ○ to do
         Professional                       0/5 done
     16  Continuous Learning                ○ to do
     17  Collaboration and Networking       ○ to do
     18  Marketing Yourself                 ○ to do
     19  Compliance and Ethics              ○ to do
     20  Feedback and Evaluation            ○ to do

    0/20 done (0%) ░░░░░░░░░░░░░░░░░░░░
    Next: 1. Understand Social Media Platforms
    Mark it done with `smm-path done 1`.
";

/// [`FRESH_STATUS`] in Indonesian.
pub(crate) const FRESH_STATUS_ID: &str = "
    Pekerjaan Manajemen Media Sosial

     No.  Langkah                        Status           Tanggal
    ──────────────────────────────────────────────────────────────
          Fondasi                        0/5 selesai
       1  Pahami Platform Media Sosial   ○ belum dimulai
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

    0/20 selesai (0%) ░░░░░░░░░░░░░░░░░░░░
    Berikutnya: 1. Pahami Platform Media Sosial
    Tandai selesai dengan `smm-path done 1`.
";

/// How long a run may take before the test fails instead of hanging: a
/// safety net, far above what the slowest run needs.
const TIME_LIMIT: Duration = Duration::from_mins(2);

/// One isolated smm-path home and the settings to run the binary with.
pub(crate) struct Smm {
    home: TempDir,
    env: Vec<(String, String)>,
}

impl Smm {
    /// A fresh, empty home; English; the clock pinned to [`NOW`].
    pub(crate) fn new() -> Smm {
        Smm {
            home: temporary_home(),
            env: vec![
                ("LANG".into(), "en_US.UTF-8".into()),
                ("SMM_PATH_NOW".into(), NOW.into()),
            ],
        }
    }

    /// Sets an environment variable for every later run.
    pub(crate) fn env(mut self, name: &str, value: &str) -> Smm {
        self.env.retain(|(key, _)| key != name);
        self.env.push((name.into(), value.into()));
        self
    }

    /// Lets runs use the real clock.
    pub(crate) fn real_clock(mut self) -> Smm {
        self.env.retain(|(key, _)| key != "SMM_PATH_NOW");
        self
    }

    /// A run of the binary in this home with `args`, to be told what it
    /// should print and leave behind, then [`Test::run`].
    pub(crate) fn test(&self, args: &[&str]) -> Test<'_> {
        Test::new(self).args(args)
    }

    /// Runs `args` to set a test up: it must succeed with nothing on stderr;
    /// what it printed is returned, not checked.
    #[track_caller]
    pub(crate) fn ok(&self, args: &[&str]) -> Output {
        self.test(args).any_stdout().run()
    }

    /// [`Smm::ok`] with the clock pinned at `moment` (RFC 3339).
    #[track_caller]
    pub(crate) fn ok_at(&self, moment: &str, args: &[&str]) -> Output {
        self.test(args).at(moment).any_stdout().run()
    }

    /// `program` (a shell, tmux) run as a user who installed smm-path would
    /// run it: this home's settings in a clean environment, the binary under
    /// test first on PATH, and a HOME of its own inside the temporary home
    /// (shells write their history and settings there).
    pub(crate) fn user_command(&self, program: &str) -> Command {
        let binary = Path::new(env!("CARGO_BIN_EXE_smm-path"));
        let user_home = self.path("user");
        std::fs::create_dir_all(&user_home).expect("create the user's home");
        let mut path = OsString::from(binary.parent().expect("the binary's folder"));
        if let Some(system) = std::env::var_os("PATH") {
            path.push(":");
            path.push(system);
        }
        let mut command = Command::new(program);
        command
            .env_clear()
            .env("PATH", path)
            .env("HOME", &user_home)
            .env("SMM_PATH_HOME", self.home())
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .current_dir(self.home())
            .stdin(Stdio::null());
        command
    }

    pub(crate) fn home(&self) -> &Path {
        self.home.path()
    }

    /// `name` inside the home.
    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.home().join(name)
    }

    pub(crate) fn state_path(&self) -> PathBuf {
        self.path("progress.yaml")
    }

    /// The state file's bytes, if it exists.
    pub(crate) fn state(&self) -> Option<Vec<u8>> {
        std::fs::read(self.state_path()).ok()
    }

    pub(crate) fn state_text(&self) -> String {
        String::from_utf8(self.state().expect("state file exists")).expect("state is UTF-8")
    }

    pub(crate) fn write_state(&self, contents: impl AsRef<[u8]>) {
        std::fs::write(self.state_path(), contents).expect("write state");
    }

    /// The names of the files in the home directory, sorted.
    pub(crate) fn file_names(&self) -> Vec<String> {
        file_names(self.home())
    }

    /// Writes a file into the home directory and returns its path.
    pub(crate) fn write_file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// The device id this home records its changes as.
    pub(crate) fn device(&self) -> String {
        self.state_text()
            .lines()
            .find_map(|line| line.strip_prefix("device: "))
            .expect("a device line")
            .to_string()
    }

    /// `status --json`, read back, without what names the moment of the run.
    #[track_caller]
    pub(crate) fn status_json(&self) -> serde_json::Value {
        let mut json = self.ok(&["status", "--json"]).json();
        if let Some(object) = json.as_object_mut() {
            object.remove("generated_at");
        }
        json
    }

    /// The status of step `number`, as `status --json` names it.
    #[track_caller]
    pub(crate) fn step_status(&self, number: usize) -> String {
        self.status_json()["steps"][number - 1]["status"]
            .as_str()
            .expect("status")
            .to_string()
    }

    /// The texts of step `number`'s notes.
    #[track_caller]
    pub(crate) fn notes_of(&self, number: usize) -> Vec<String> {
        self.status_json()["steps"][number - 1]["notes"]
            .as_array()
            .map(|notes| {
                notes
                    .iter()
                    .map(|note| note["text"].as_str().expect("text").to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// What `doctor` says of this home when all is well and its history
    /// holds `changes` changes; the backup is named if there is one.
    pub(crate) fn all_is_well(&self, changes: usize) -> String {
        let home = self.home().display();
        let backup = if self.path("progress.yaml.bak").exists() {
            format!(
                "{home}{SEP}progress.yaml.bak: the state before the last change, format version 7"
            )
        } else {
            "none yet (one is kept from the second change on)".to_string()
        };
        let changes = match changes {
            1 => "1 change".to_string(),
            n => format!("{n} changes"),
        };
        format!(
            "Home:      {home}\n\
             Roadmap:   social-media-manager, version 4 (built in)\n\
             Progress:  {home}{SEP}progress.yaml: format version 7, reads fine\n\
             History:   {home}{SEP}history.jsonl: {changes}, whole\n\
             Backup:    {backup}\n\
             All is well.\n"
        )
    }

    /// Writes this home's JSON export to `path`.
    #[track_caller]
    pub(crate) fn export_to(&self, path: &Path) {
        self.test(&["export", "-f", "json", "-o"])
            .arg(path)
            .expected_stdout(format!("Exported to {}.\n", path.display()))
            .run();
    }

    /// Sends this home's changes to `other` as a learner would by hand:
    /// an export, through a file in `folder`, imported there.
    pub(crate) fn send_to(&self, other: &Smm, folder: &Path) {
        let file = folder.join("progress.json");
        self.export_to(&file);
        other.test(&["import"]).arg(&file).any_stdout().run();
    }

    /// A copy of this home made as a person would, with the same settings:
    /// a new laptop. `-a` keeps the files' modification times, as `cp -a`,
    /// a backup tool or Explorer does; `-r` gives them the time of the copy,
    /// as `cp -r` does. Either way every file is a new one in a new folder.
    pub(crate) fn copied_with(&self, cp_flag: &str) -> Smm {
        let copy = Smm {
            home: temporary_home(),
            env: self.env.clone(),
        };
        let keep_times = match cp_flag {
            "-a" => true,
            "-r" => false,
            other => panic!("copied_with takes -a or -r, not {other}"),
        };
        copy_tree(self.home(), copy.home(), keep_times);
        copy
    }
}

/// Copies the folder `from` into `to`, file by file (modes come along, as
/// with `cp`), with the modification times when `keep_times`.
fn copy_tree(from: &Path, to: &Path, keep_times: bool) {
    for entry in std::fs::read_dir(from).expect("read the home") {
        let entry = entry.expect("entry");
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        if entry.file_type().expect("file type").is_dir() {
            std::fs::create_dir(&target).expect("make a folder of the copy");
            copy_tree(&source, &target, keep_times);
            continue;
        }
        std::fs::copy(&source, &target).expect("copy a file");
        if keep_times {
            let modified = entry
                .metadata()
                .and_then(|metadata| metadata.modified())
                .expect("modification time");
            std::fs::File::options()
                .write(true)
                .open(&target)
                .and_then(|file| file.set_modified(modified))
                .expect("keep the modification time");
        }
    }
}

fn temporary_home() -> TempDir {
    tempfile::Builder::new()
        .prefix("smm-path-test")
        .tempdir()
        .expect("create a temporary directory")
}

/// The names of the entries of `dir`, sorted.
pub(crate) fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read the directory")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// What a stream must hold.
enum Expected {
    /// Exactly this text.
    Exact(String),
    /// These parts: for output that cannot be stated whole.
    Parts(Vec<String>),
}

impl Expected {
    /// What is wrong with `actual`, if anything.
    fn mismatch(&self, stream: &str, actual: &str) -> Option<String> {
        match self {
            Expected::Exact(expected) if expected != actual => Some(format!(
                "{stream} differs{}:\n--- expected\n{expected}--- actual\n{actual}--- actual as a literal\n{actual:?}\n",
                first_difference(expected, actual)
            )),
            Expected::Exact(_) => None,
            Expected::Parts(parts) => {
                let missing: Vec<&String> = parts.iter().filter(|p| !actual.contains(*p)).collect();
                (!missing.is_empty()).then(|| format!("{stream} lacks {missing:?}:\n{actual}"))
            }
        }
    }
}

/// " at line N" for the first line where two texts part.
fn first_difference(expected: &str, actual: &str) -> String {
    expected
        .split_inclusive('\n')
        .zip(actual.split_inclusive('\n'))
        .position(|(a, b)| a != b)
        .map(|index| format!(" at line {}", index + 1))
        .unwrap_or_default()
}

/// How a run must end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Code(i32),
    /// A crash point's `abort()`: SIGABRT on Unix.
    Abort,
}

#[cfg(unix)]
fn ending(status: ExitStatus) -> Option<Ending> {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => Some(Ending::Code(code)),
        (None, Some(6)) => Some(Ending::Abort),
        _ => None,
    }
}

/// On Windows `abort()` is `__fastfail`, which ends the process with
/// STATUS_STACK_BUFFER_OVERRUN: no exit code a program returns by itself.
#[cfg(windows)]
fn ending(status: ExitStatus) -> Option<Ending> {
    const FAST_FAIL: u32 = 0xC000_0409;
    match status.code() {
        Some(code) if code.cast_unsigned() == FAST_FAIL => Some(Ending::Abort),
        Some(code) => Some(Ending::Code(code)),
        None => None,
    }
}

/// One run of the binary: its arguments and environment, and the exact
/// stdout, stderr, status and files it must leave. By default: success,
/// nothing on stdout, nothing on stderr.
#[must_use = "a Test runs nothing until .run()"]
pub(crate) struct Test<'a> {
    smm: &'a Smm,
    args: Vec<OsString>,
    env: Vec<(String, String)>,
    current_dir: Option<PathBuf>,
    stdin: Option<String>,
    /// Where stdout goes instead of being read back: a closed pipe, `/dev/full`.
    stdout_file: Option<std::fs::File>,
    by_nobody: bool,
    time_limit: Duration,
    status: Ending,
    stdout: Option<Expected>,
    stderr: Option<Expected>,
    files: Vec<(PathBuf, Option<Vec<u8>>)>,
    unchanged: Vec<(PathBuf, Option<Vec<u8>>)>,
}

impl<'a> Test<'a> {
    pub(crate) fn new(smm: &'a Smm) -> Test<'a> {
        Test {
            smm,
            args: Vec::new(),
            env: Vec::new(),
            current_dir: None,
            stdin: None,
            stdout_file: None,
            by_nobody: false,
            time_limit: TIME_LIMIT,
            status: Ending::Code(0),
            stdout: Some(Expected::Exact(String::new())),
            stderr: Some(Expected::Exact(String::new())),
            files: Vec::new(),
            unchanged: Vec::new(),
        }
    }

    /// Sends stdout to `file` instead of reading it back (it then counts as empty).
    pub(crate) fn stdout_to(mut self, file: impl Into<std::fs::File>) -> Self {
        self.stdout_file = Some(file.into());
        self
    }

    /// One more argument: text, or a path as it is.
    pub(crate) fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> Self {
        self.args.push(arg.as_ref().to_owned());
        self
    }

    pub(crate) fn args(mut self, args: &[&str]) -> Self {
        self.args.extend(args.iter().map(OsString::from));
        self
    }

    /// Sets an environment variable for this run only.
    pub(crate) fn env(mut self, name: &str, value: &str) -> Self {
        self.env.push((name.into(), value.into()));
        self
    }

    /// Runs with the clock pinned at `moment` (RFC 3339).
    pub(crate) fn at(self, moment: &str) -> Self {
        self.env("SMM_PATH_NOW", moment)
    }

    /// Gives `text` on stdin (by default stdin is empty, as in a pipe).
    pub(crate) fn stdin(mut self, text: &str) -> Self {
        self.stdin = Some(text.into());
        self
    }

    /// Runs in `dir` instead of the home.
    pub(crate) fn current_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.current_dir = Some(dir.into());
        self
    }

    /// Runs as the user `nobody`, through setpriv: for root, who file
    /// permissions do not stop.
    pub(crate) fn by_nobody(mut self) -> Self {
        self.by_nobody = true;
        self
    }

    /// Fails the test if the run has not ended within `limit` (a FIFO read
    /// by mistake blocks forever).
    pub(crate) fn time_limit(mut self, limit: Duration) -> Self {
        self.time_limit = limit;
        self
    }

    /// The exit code the run must end with.
    pub(crate) fn expected_status(mut self, code: i32) -> Self {
        self.status = Ending::Code(code);
        self
    }

    /// The run must be aborted (SIGABRT), as a crash point does.
    pub(crate) fn expected_abort(mut self) -> Self {
        self.status = Ending::Abort;
        self
    }

    /// The exact stdout. A text that starts with a line break is a block:
    /// that line break, the closing line's indentation and the lines'
    /// common indentation are not part of it.
    pub(crate) fn expected_stdout(mut self, text: impl AsRef<str>) -> Self {
        self.stdout = Some(Expected::Exact(unindent(text.as_ref())));
        self
    }

    /// The exact stderr, written as for [`Test::expected_stdout`].
    pub(crate) fn expected_stderr(mut self, text: impl AsRef<str>) -> Self {
        self.stderr = Some(Expected::Exact(unindent(text.as_ref())));
        self
    }

    /// Stdout is not checked: the caller reads it back with a parser.
    pub(crate) fn any_stdout(mut self) -> Self {
        self.stdout = None;
        self
    }

    /// Stderr must hold `part`, instead of being stated whole: only where
    /// the whole cannot be stated, as for a parser's message that differs
    /// with the place a file was cut.
    pub(crate) fn stderr_contains(mut self, part: &str) -> Self {
        match &mut self.stderr {
            Some(Expected::Parts(parts)) => parts.push(part.into()),
            _ => self.stderr = Some(Expected::Parts(vec![part.into()])),
        }
        self
    }

    /// Stderr is not checked here: the caller checks it itself (snapshotted
    /// with stdout, or a property every one of many errors must have).
    pub(crate) fn any_stderr(mut self) -> Self {
        self.stderr = None;
        self
    }

    /// After the run, the file at `path` (in the home, unless absolute)
    /// holds exactly `contents`.
    pub(crate) fn expected_file(
        mut self,
        path: impl AsRef<Path>,
        contents: impl AsRef<[u8]>,
    ) -> Self {
        let path = self.smm.home().join(path);
        self.files.push((path, Some(contents.as_ref().to_vec())));
        self
    }

    /// After the run, nothing is at `path` (in the home, unless absolute).
    pub(crate) fn expected_no_file(mut self, path: impl AsRef<Path>) -> Self {
        let path = self.smm.home().join(path);
        self.files.push((path, None));
        self
    }

    /// The file at `path` (in the home, unless absolute) is after the run
    /// what it was before, byte for byte, or still absent.
    pub(crate) fn expected_unchanged(mut self, path: impl AsRef<Path>) -> Self {
        let path = self.smm.home().join(path);
        let before = std::fs::read(&path).ok();
        self.unchanged.push((path, before));
        self
    }

    /// The progress files are as they were: the run wrote nothing.
    pub(crate) fn writes_nothing(self) -> Self {
        self.expected_unchanged("progress.yaml")
            .expected_unchanged("history.jsonl")
    }

    fn command(&self) -> Command {
        let binary = env!("CARGO_BIN_EXE_smm-path");
        let mut command = if self.by_nobody {
            let mut command = Command::new("setpriv");
            command.args(["--reuid=65534", "--regid=65534", "--clear-groups", binary]);
            command
        } else {
            Command::new(binary)
        };
        // A clean environment: no real HOME, no inherited locale.
        command
            .args(&self.args)
            .env_clear()
            .env("SMM_PATH_HOME", self.smm.home())
            .envs(self.smm.env.iter().map(|(k, v)| (k, v)))
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .current_dir(self.current_dir.as_deref().unwrap_or(self.smm.home()))
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(match &self.stdout_file {
                Some(file) => Stdio::from(file.try_clone().expect("a second handle")),
                None => Stdio::piped(),
            })
            .stderr(Stdio::piped());
        command
    }

    /// Starts the run; [`Running::wait`] checks it.
    #[track_caller]
    pub(crate) fn spawn(self) -> Running<'a> {
        let mut child = self.command().spawn().expect("start smm-path");
        if let Some(text) = &self.stdin {
            let mut stdin = child.stdin.take().expect("stdin");
            let text = text.clone();
            // A thread, so a program that does not read cannot block the test.
            std::thread::spawn(move || stdin.write_all(text.as_bytes()));
        }
        let stdout = match child.stdout.take() {
            Some(stdout) => read_all(stdout),
            None => std::thread::spawn(Vec::new),
        };
        let stderr = read_all(child.stderr.take().expect("stderr"));
        Running {
            test: self,
            child,
            stdout,
            stderr,
            started: Instant::now(),
        }
    }

    /// Runs and checks everything stated; what it printed, for more checks.
    #[track_caller]
    pub(crate) fn run(self) -> Output {
        self.spawn().wait()
    }
}

fn read_all(mut stream: impl Read + Send + 'static) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stream
            .read_to_end(&mut bytes)
            .expect("read smm-path's output");
        bytes
    })
}

/// A run under way.
pub(crate) struct Running<'a> {
    test: Test<'a>,
    child: Child,
    stdout: JoinHandle<Vec<u8>>,
    stderr: JoinHandle<Vec<u8>>,
    started: Instant,
}

impl Running<'_> {
    /// Waits for the run to end, then checks what it was told to expect.
    #[track_caller]
    pub(crate) fn wait(mut self) -> Output {
        let status = self.wait_within_the_limit();
        let output = Output {
            stdout: String::from_utf8(self.stdout.join().expect("stdout reader"))
                .expect("stdout is UTF-8"),
            stderr: String::from_utf8(self.stderr.join().expect("stderr reader"))
                .expect("stderr is UTF-8"),
        };
        let test = &self.test;
        let mut problems = Vec::new();
        let ended = ending(status);
        if ended != Some(test.status) {
            problems.push(format!("expected {:?}, ended with {status}", test.status));
        }
        if let Some(stdout) = &test.stdout {
            problems.extend(stdout.mismatch("stdout", &output.stdout));
        }
        if let Some(stderr) = &test.stderr {
            problems.extend(stderr.mismatch("stderr", &output.stderr));
        }
        for (path, expected) in &test.files {
            let actual = std::fs::read(path).ok();
            if actual != *expected {
                problems.push(format!(
                    "{} holds {:?}, expected {:?}",
                    path.display(),
                    actual.as_deref().map(String::from_utf8_lossy),
                    expected.as_deref().map(String::from_utf8_lossy),
                ));
            }
        }
        for (path, before) in &test.unchanged {
            if std::fs::read(path).ok() != *before {
                problems.push(format!("{} was changed", path.display()));
            }
        }
        if !problems.is_empty() {
            let args: Vec<_> = test.args.iter().map(|arg| arg.to_string_lossy()).collect();
            panic!("smm-path {args:?}:\n{}", problems.join("\n"));
        }
        output
    }

    /// Kills the run, whether or not it has ended by now, checking nothing
    /// else; true when the kill is what ended it.
    pub(crate) fn kill(mut self) -> bool {
        let running = matches!(self.child.try_wait(), Ok(None));
        let _ = self.child.kill();
        let status = self.child.wait().expect("wait for smm-path");
        // On Unix the status says so (SIGKILL); on Windows a killed process
        // ends with exit code 1 like a failed one, so what counts is that
        // it was still running when the kill was sent.
        #[cfg(unix)]
        let killed = {
            let _ = running;
            std::os::unix::process::ExitStatusExt::signal(&status) == Some(9)
        };
        #[cfg(not(unix))]
        let killed = running && !status.success();
        killed
    }

    #[track_caller]
    fn wait_within_the_limit(&mut self) -> ExitStatus {
        let mut pause = Duration::from_micros(500);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for smm-path") {
                return status;
            }
            if self.started.elapsed() > self.test.time_limit {
                let _ = self.child.kill();
                let _ = self.child.wait();
                let args: Vec<_> = self.test.args.iter().map(|a| a.to_string_lossy()).collect();
                panic!(
                    "smm-path {args:?} hung: no end within {:?}",
                    self.test.time_limit
                );
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(5));
        }
    }
}

/// Starts every run at once, then waits for each and checks it.
#[track_caller]
pub(crate) fn run_all_at_once(tests: Vec<Test<'_>>) -> Vec<Output> {
    let running: Vec<Running<'_>> = tests.into_iter().map(Test::spawn).collect();
    running.into_iter().map(Running::wait).collect()
}

/// What a run printed.
#[derive(Debug)]
pub(crate) struct Output {
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Output {
    /// Stdout read as JSON.
    #[track_caller]
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|error| panic!("stdout is not JSON ({error}):\n{}", self.stdout))
    }

    /// Checks stdout against `text`, written as for
    /// [`Test::expected_stdout`]: for what can only be stated once the run
    /// is over, such as a device id the run chose.
    #[track_caller]
    pub(crate) fn assert_stdout(&self, text: impl AsRef<str>) {
        if let Some(problem) =
            Expected::Exact(unindent(text.as_ref())).mismatch("stdout", &self.stdout)
        {
            panic!("{problem}");
        }
    }

    /// The table row of step `number` in `status` output.
    #[track_caller]
    pub(crate) fn row(&self, number: usize) -> &str {
        // The number is right-aligned in its column, two spaces before the title.
        let prefix = format!("{number}  ");
        self.stdout
            .lines()
            .find(|line| line.starts_with(' ') && line.trim_start().starts_with(&prefix))
            .unwrap_or_else(|| panic!("no row {number} in:\n{}", self.stdout))
    }
}

/// `text` as written in a test: a text that starts with a line break is an
/// indented block (see [`Test::expected_stdout`]); any other is as it is.
fn unindent(text: &str) -> String {
    let Some(block) = text.strip_prefix('\n') else {
        return text.to_string();
    };
    let lines: Vec<&str> = block.split_inclusive('\n').collect();
    let indent = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out = String::new();
    for (index, line) in lines.iter().enumerate() {
        let last = index == lines.len() - 1;
        if line.trim().is_empty() {
            if !last {
                out.push('\n');
            }
        } else {
            out.push_str(&line[indent..]);
        }
    }
    out
}

/// The command `doctor` gives to rename `path` to its name with `suffix`
/// added, in the shell of this platform: PowerShell on Windows (where
/// `mv` with POSIX quotes is no command), a POSIX shell elsewhere.
pub(crate) fn renaming(path: &Path, suffix: &str) -> String {
    let shown = path.display();
    if cfg!(windows) {
        let name = path.file_name().expect("a file name").to_string_lossy();
        format!("Rename-Item -LiteralPath '{shown}' -NewName '{name}{suffix}'")
    } else {
        format!("mv '{shown}' '{shown}{suffix}'")
    }
}

/// The command `doctor` gives to delete `path`, as [`renaming`] does.
pub(crate) fn removing(path: &Path) -> String {
    if cfg!(windows) {
        format!("Remove-Item -LiteralPath '{}'", path.display())
    } else {
        format!("rm '{}'", path.display())
    }
}

/// The command `doctor` gives to merge the conflict copy `path`: one
/// single-quoted word in either shell, a `'` in it written the shell's way
/// (`'\''` in a POSIX shell, `''` in PowerShell). A Dropbox copy's name
/// holds one: "Ayu's conflicted copy".
pub(crate) fn importing(path: &Path) -> String {
    let shown = path.display().to_string();
    let quoted = if cfg!(windows) {
        shown.replace('\'', "''")
    } else {
        shown.replace('\'', "'\\''")
    };
    format!("smm-path import '{quoted}'")
}

/// The built-in roadmap's source, for tests that derive custom roadmaps from it.
pub(crate) fn builtin_roadmap() -> &'static str {
    include_str!("../../roadmap/social-media-manager.yaml")
}

/// Checks `json` against the JSON schema `schema` (its text), and returns
/// the validator for more checks.
#[track_caller]
pub(crate) fn assert_matches_schema(
    schema: &str,
    json: &serde_json::Value,
) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(schema).expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(json)
        .map(|error| error.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    validator
}

/// The rows of `export -f csv` (headers left out) in a fresh home that
/// tracks the roadmap `yaml`.
#[track_caller]
pub(crate) fn csv_export_of_roadmap(yaml: &str) -> Vec<csv::StringRecord> {
    let smm = Smm::new();
    let roadmap = smm.write_file("roadmap.yaml", yaml);
    let text = smm
        .test(&["--roadmap"])
        .arg(&roadmap)
        .args(&["export", "-f", "csv"])
        .any_stdout()
        .run()
        .stdout;
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|row| row.expect("a CSV row"))
        .collect()
}

/// Headless Chromium as the tests run it, with its own profile in the
/// home; `None`, having said "skipped" for `what`, where Chromium is not
/// installed (.ci/run installs it).
pub(crate) fn headless_chromium(smm: &Smm, what: &str) -> Option<Command> {
    let Some(chromium) = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|path| Path::new(path).exists())
    else {
        eprintln!("skipped: no Chromium here (apt-get install chromium) to {what}");
        return None;
    };
    let mut command = Command::new(chromium);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!(
            "--user-data-dir={}",
            smm.path("chromium-profile").display()
        ));
    Some(command)
}

/// What a Chromium command printed, once it has succeeded.
#[track_caller]
pub(crate) fn run_chromium(command: &mut Command) -> Vec<u8> {
    let output = command.output().expect("run chromium");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Opens `page` in headless Chromium and checks it draws a real picture;
/// says "skipped" and passes where Chromium is not installed.
pub(crate) fn assert_draws_in_chromium(smm: &Smm, page: &Path) {
    let what = format!("draw {}", page.display());
    let Some(mut chromium) = headless_chromium(smm, &what) else {
        return;
    };
    let shot = smm.path("shot.png");
    run_chromium(
        chromium
            .arg("--window-size=900,1400")
            .arg(format!("--screenshot={}", shot.display()))
            .arg(format!("file://{}", page.display())),
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "an empty page? {} bytes",
        png.len()
    );
}

/// Whether the binary under test has its crash points (the `fault-injection`
/// feature), asked of the binary itself: a `done 1` told to crash after its
/// history line ends in an abort only when they are compiled in. The test
/// suite turns the feature on through the crate's dev-dependency on itself,
/// which `cargo package` strips, so the packaged crate's tests build a
/// binary without them. Asked once per test run.
pub(crate) fn has_crash_points() -> bool {
    static ANSWER: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ANSWER.get_or_init(|| {
        let home = temporary_home();
        let status = Command::new(env!("CARGO_BIN_EXE_smm-path"))
            .args(["done", "1"])
            .env_clear()
            .env("SMM_PATH_HOME", home.path())
            .env("SMM_PATH_NOW", NOW)
            .env("SMM_PATH_CRASH_AT", "after-history")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("start smm-path");
        !status.success()
    })
}

/// [`has_crash_points`], saying "skipped" (and why) when it is false, for a
/// test that then returns early and passes.
pub(crate) fn crash_points_or_skip() -> bool {
    let present = has_crash_points();
    if !present {
        eprintln!(
            "skipped: this smm-path is built without its crash points (the fault-injection \
             feature, which the crate's dev-dependency on itself turns on and `cargo package` strips)"
        );
    }
    present
}
