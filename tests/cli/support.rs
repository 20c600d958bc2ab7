//! The harness: a temporary smm-path home, a builder to run the binary in it,
//! and assertions that point at the calling test when they fail.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tempfile::TempDir;

/// The moment tests pretend it is, unless a test asks for the real clock.
pub(crate) const NOW: &str = "2026-12-05T14:30:00+07:00";

/// One isolated smm-path home and the settings to run the binary with.
pub(crate) struct Smm {
    home: TempDir,
    env: Vec<(String, String)>,
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Smm {
    /// A fresh, empty home; English; the clock pinned to [`NOW`].
    pub(crate) fn new() -> Smm {
        let home = tempfile::Builder::new()
            .prefix("smm-path-test")
            .tempdir()
            .expect("create a temporary directory");
        Smm {
            home,
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

    pub(crate) fn home(&self) -> &Path {
        self.home.path()
    }

    pub(crate) fn state_path(&self) -> PathBuf {
        self.home().join("progress.yaml")
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
        let mut names: Vec<String> = std::fs::read_dir(self.home())
            .expect("home")
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

    /// Writes a file into the home directory and returns its path.
    pub(crate) fn write_file(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.home().join(name);
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// A copy of this home made as a person would (`cp -a` keeps times
    /// and modes, `cp -r` does not), with the same settings: a new laptop.
    pub(crate) fn copied_with(&self, cp_flag: &str) -> Smm {
        let copy = Smm {
            home: tempfile::Builder::new()
                .prefix("smm-path-test")
                .tempdir()
                .expect("create a temporary directory"),
            env: self.env.clone(),
        };
        let mut source = self.home().as_os_str().to_owned();
        source.push("/.");
        let status = Command::new("cp")
            .arg(cp_flag)
            .arg(source)
            .arg(copy.home())
            .status()
            .expect("run cp");
        assert!(status.success(), "cp {cp_flag} failed");
        copy
    }

    /// The binary with a clean environment: no real HOME, no inherited locale.
    pub(crate) fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_smm-path"));
        command
            .args(args)
            .env_clear()
            .env("SMM_PATH_HOME", self.home())
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdin(Stdio::null());
        command
    }

    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(&[], args)
    }

    /// Runs with extra environment variables for this run only.
    pub(crate) fn run_with_env(&self, extra: &[(&str, &str)], args: &[&str]) -> Run {
        let output = self
            .command(args)
            .envs(extra.iter().copied())
            .output()
            .expect("run smm-path");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Runs, failing the test if smm-path has not ended within ten seconds
    /// (a FIFO read by mistake blocks forever).
    #[track_caller]
    pub(crate) fn run_without_hanging(&self, args: &[&str]) -> Run {
        let mut child = self
            .command(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run smm-path");
        let start = std::time::Instant::now();
        while child.try_wait().expect("wait for smm-path").is_none() {
            if start.elapsed() > std::time::Duration::from_secs(10) {
                let _ = child.kill();
                panic!("smm-path {args:?} hung");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let output = child.wait_with_output().expect("smm-path's output");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Runs with the clock pinned at `when` (RFC 3339) and expects exit code 0.
    #[track_caller]
    pub(crate) fn ok_at(&self, when: &str, args: &[&str]) -> Run {
        self.run_with_env(&[("SMM_PATH_NOW", when)], args).success()
    }

    /// Runs and expects exit code 0.
    #[track_caller]
    pub(crate) fn ok(&self, args: &[&str]) -> Run {
        self.run(args).success()
    }
}

impl Run {
    #[track_caller]
    pub(crate) fn success(self) -> Run {
        assert_eq!(self.code, 0, "expected success, got {self:#?}");
        self
    }

    #[track_caller]
    pub(crate) fn failure(self, code: i32) -> Run {
        assert_eq!(self.code, code, "expected exit code {code}, got {self:#?}");
        self
    }

    #[track_caller]
    pub(crate) fn stdout_has(self, needle: &str) -> Run {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub(crate) fn stdout_lacks(self, needle: &str) -> Run {
        assert!(
            !self.stdout.contains(needle),
            "stdout has {needle:?}:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub(crate) fn stderr_has(self, needle: &str) -> Run {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    /// A usage error: one line on stderr, nothing on stdout.
    #[track_caller]
    pub(crate) fn one_line_error(self) -> Run {
        assert_eq!(
            self.stderr.trim_end().lines().count(),
            1,
            "not one line: {:?}",
            self.stderr
        );
        assert!(
            self.stderr.starts_with("error: "),
            "no error prefix: {:?}",
            self.stderr
        );
        assert!(
            self.stdout.is_empty(),
            "stdout not empty: {:?}",
            self.stdout
        );
        self
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

/// The built-in roadmap's source, for tests that derive custom roadmaps from it.
pub(crate) fn builtin_roadmap() -> &'static str {
    include_str!("../../roadmap/social-media-manager.yaml")
}

/// Opens `page` in headless Chromium and checks it draws a real picture;
/// says "skipped" and passes where Chromium is not installed (.ci/run installs it).
pub(crate) fn assert_draws_in_chromium(smm: &Smm, page: &Path) {
    let Some(chromium) = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|path| Path::new(path).exists())
    else {
        eprintln!(
            "skipped: no Chromium here (apt-get install chromium) to draw {}",
            page.display()
        );
        return;
    };
    let shot = smm.home().join("shot.png");
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=900,1400",
        ])
        .arg(format!(
            "--user-data-dir={}",
            smm.home().join("chromium-profile").display()
        ))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "an empty page? {} bytes",
        png.len()
    );
}
