//! `smm-path ui` from the outside: refused without a terminal, and driven
//! with real key presses in tmux.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::Smm;

#[test]
fn without_a_terminal_it_says_to_use_the_commands() {
    let smm = Smm::new();
    smm.test(&["ui"])
        .expected_status(2)
        .expected_stderr(
            "error: smm-path ui needs a terminal (standard input and output must both be one); without one, use the commands, such as `smm-path status` and `smm-path done 5`\n",
        )
        .expected_no_file("progress.yaml")
        .run();
    // Keys piped in on stdin make no terminal either.
    smm.test(&["ui"])
        .env("LANG", "id_ID.UTF-8")
        .stdin("d\nq\n")
        .expected_status(2)
        .expected_stderr(
            "kesalahan: smm-path ui memerlukan terminal (masukan dan keluaran standar harus terminal); tanpa terminal, gunakan perintah seperti `smm-path status` dan `smm-path done 5`\n",
        )
        .expected_no_file("progress.yaml")
        .run();
}

/// Runs tmux with `args`; `None` when tmux is not installed.
fn tmux(socket: &str, args: &[&str]) -> Option<String> {
    let output = Command::new("tmux")
        .arg("-L")
        .arg(socket)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Waits until the pane shows `text`; the pane's last capture either way.
fn wait_for(socket: &str, text: &str) -> (bool, String) {
    let start = Instant::now();
    loop {
        let pane = tmux(socket, &["capture-pane", "-p", "-t", "ui"]).unwrap_or_default();
        if pane.contains(text) {
            return (true, pane);
        }
        if start.elapsed() > Duration::from_secs(10) {
            return (false, pane);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Starts `smm-path ui` in a detached 100x30 tmux session named `ui` on
/// its own server, with `env` set and `then` run after it ends; false
/// (after saying so) when tmux is not installed.
fn start_ui(socket: &str, smm: &Smm, env: &str, then: &str) -> bool {
    let binary = env!("CARGO_BIN_EXE_smm-path");
    let command = format!(
        "env SMM_PATH_HOME='{}' LANG=en_US.UTF-8 TERM=xterm-256color {env} '{binary}' ui{then}",
        smm.home().display()
    );
    let started = tmux(
        socket,
        &[
            "new-session",
            "-d",
            "-s",
            "ui",
            "-x",
            "100",
            "-y",
            "30",
            &command,
        ],
    );
    if started.is_none() {
        eprintln!("skipped: tmux is not installed here (.ci/run installs it)");
    }
    started.is_some()
}

/// Presses `q`, waits for the program (and with it the session) to end,
/// and stops the tmux server; whether it ended in time.
fn quit(socket: &str) -> bool {
    tmux(socket, &["send-keys", "-t", "ui", "q"]);
    let start = Instant::now();
    while Command::new("tmux")
        .args(["-L", socket, "has-session", "-t", "ui"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
        && start.elapsed() < Duration::from_secs(10)
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    let ended = start.elapsed() < Duration::from_secs(10);
    tmux(socket, &["kill-server"]);
    ended
}

#[test]
#[cfg_attr(windows, ignore = "tmux and stty drive a Unix terminal")]
fn keys_pressed_in_a_real_terminal_are_saved_as_changes() {
    let smm = Smm::new();
    let socket = format!("smm-path-test-{}", std::process::id());
    if !start_ui(&socket, &smm, "SMM_PATH_NOW=2026-12-05T10:00:00+07:00", "") {
        return;
    }
    let (shown, pane) = wait_for(&socket, "A Career in Social Media Management");
    assert!(shown, "the view did not come up:\n{pane}");
    tmux(&socket, &["send-keys", "-t", "ui", "Down"]);
    tmux(&socket, &["send-keys", "-t", "ui", "d"]);
    let (saved, pane) = wait_for(&socket, "2. Education and Training: to do → done");
    let ended = quit(&socket);
    assert!(ended, "q did not end the view");
    assert!(saved, "no change message:\n{pane}");
    assert_eq!(smm.step_status(2), "done");
    smm.test(&["log"])
        .expected_stdout(
            "
            Dec 5, 2026 10:00  ui: done 2
                2. Education and Training: to do → done
            ",
        )
        .run();
    smm.test(&["undo"])
        .expected_stdout(
            "
            Undid `ui: done 2` from Dec 5, 2026 10:00:
                2. Education and Training: done → to do
            ",
        )
        .run();
}

#[test]
#[cfg_attr(windows, ignore = "tmux and stty drive a Unix terminal")]
fn a_panic_hands_the_terminal_back_as_it_was() {
    if !crate::support::crash_points_or_skip() {
        return;
    }
    let smm = Smm::new();
    let socket = format!("smm-path-panic-{}", std::process::id());
    if !start_ui(
        &socket,
        &smm,
        "SMM_PATH_CRASH_AT=ui-panic",
        "; echo EXITED:$?; sleep 30",
    ) {
        return;
    }
    let (exited, pane) = wait_for(&socket, "EXITED:");
    let alternate = tmux(
        &socket,
        &[
            "display",
            "-p",
            "-t",
            "ui",
            "#{alternate_on} #{mouse_any_flag}",
        ],
    );
    let tty = tmux(&socket, &["display", "-p", "-t", "ui", "#{pane_tty}"]).unwrap_or_default();
    let modes = Command::new("stty")
        .args(["-F", tty.trim(), "-a"])
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).into_owned())
        .unwrap_or_default();
    tmux(&socket, &["kill-server"]);
    assert!(exited, "the program did not end:\n{pane}");
    assert!(pane.contains("injected by SMM_PATH_CRASH_AT"), "{pane}");
    assert!(pane.contains("EXITED:101"), "{pane}");
    assert_eq!(
        alternate.as_deref().map(str::trim),
        Some("0 0"),
        "still in the alternate screen or capturing the mouse"
    );
    assert!(
        modes.contains(" icanon") && modes.contains(" echo"),
        "the terminal was left raw: {modes}"
    );
}

#[test]
#[cfg_attr(windows, ignore = "tmux and stty drive a Unix terminal")]
fn tab_and_space_in_a_real_terminal_tick_an_action() {
    let smm = Smm::new();
    let socket = format!("smm-path-tick-{}", std::process::id());
    if !start_ui(&socket, &smm, "SMM_PATH_NOW=2026-12-05T10:00:00+07:00", "") {
        return;
    }
    let (shown, pane) = wait_for(&socket, "A Career in Social Media Management");
    assert!(shown, "the view did not come up:\n{pane}");
    for key in ["Down", "Down", "Down", "Down", "Tab"] {
        tmux(&socket, &["send-keys", "-t", "ui", key]);
    }
    // The cursor is in step 5's actions when the footer says how to tick.
    let (in_actions, pane) = wait_for(&socket, "Space/Enter tick or untick");
    tmux(&socket, &["send-keys", "-t", "ui", "Down"]);
    tmux(&socket, &["send-keys", "-t", "ui", "Space"]);
    let (ticked, ticked_pane) = wait_for(&socket, "Ticked 5.2: Make a simple portfolio page");
    let ended = quit(&socket);
    assert!(in_actions, "Tab did not move into the actions:\n{pane}");
    assert!(ticked, "no tick message:\n{ticked_pane}");
    assert!(ticked_pane.contains("[x] 5.2"), "{ticked_pane}");
    assert!(ended, "q did not end the view");
    let status = smm.ok(&["status"]).stdout;
    assert!(
        status.contains("  5  Build a Personal Portfolio         ○ to do 1/4"),
        "{status}"
    );
    smm.test(&["log"])
        .expected_stdout(
            "
            Dec 5, 2026 10:00  ui: check 5.2
                Ticked 5.2: Make a simple portfolio page (Notion, Google Sites or Linktree).
            ",
        )
        .run();
}
