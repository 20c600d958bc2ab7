//! The old run helpers, kept only while the modules move to [`crate::support::Test`].

use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::Smm;

/// What a run printed and how it ended.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Smm {
    /// The binary with a clean environment: no real HOME, no inherited locale.
    pub(crate) fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_smm-path"));
        command
            .args(args)
            .env_clear()
            .env("SMM_PATH_HOME", self.home())
            .envs(
                self.settings()
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str())),
            )
            .stdin(Stdio::null());
        command
    }

    pub(crate) fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(&[], args)
    }

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

    #[track_caller]
    pub(crate) fn run_without_hanging(&self, args: &[&str]) -> Run {
        let output = self
            .test(args)
            .time_limit(Duration::from_secs(10))
            .any_stdout();
        let _ = output;
        self.run(args)
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

    #[track_caller]
    pub(crate) fn row(&self, number: usize) -> &str {
        let prefix = format!("{number}  ");
        self.stdout
            .lines()
            .find(|line| line.starts_with(' ') && line.trim_start().starts_with(&prefix))
            .unwrap_or_else(|| panic!("no row {number} in:\n{}", self.stdout))
    }
}

impl crate::support::Output {
    #[track_caller]
    pub(crate) fn stdout_has(self, needle: &str) -> Self {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}:\n{}",
            self.stdout
        );
        self
    }

    #[track_caller]
    pub(crate) fn stdout_lacks(self, needle: &str) -> Self {
        assert!(
            !self.stdout.contains(needle),
            "stdout has {needle:?}:\n{}",
            self.stdout
        );
        self
    }
}
