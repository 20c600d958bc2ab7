#!/usr/bin/env python3
"""Times `smm-path ui` in a pseudo-terminal of 100x30, as a user sees it.

first frame: from starting the process to the first frame's title on the
  screen (the bytes the terminal receives, read as they arrive);
key press:   from writing a key to the pty to its effect on the screen.

Run by bench/run.sh; alone: bench/ui.py BINARY [ROADMAP_DIR] [RUNS].
Prints one Markdown table of medians.
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import tempfile
import termios
import time


def spawn(binary, env):
    pid, fd = pty.fork()
    if pid == 0:
        # The window size is set before the program reads it.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        os.execve(binary, [binary, "ui"], env)
    return pid, fd


def read_until(fd, needle, seen, timeout=10.0):
    """Reads until `needle` is in what was read since `seen` was emptied."""
    deadline = time.monotonic() + timeout
    while needle not in seen:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"{needle!r} never appeared")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            seen.extend(os.read(fd, 65536))
    return time.monotonic()


def measure(binary, env, title, key, effect):
    start = time.monotonic()
    pid, fd = spawn(binary, env)
    seen = bytearray()
    first = read_until(fd, title, seen) - start
    # Let the first frame finish arriving before timing the key.
    time.sleep(0.05)
    while select.select([fd], [], [], 0)[0]:
        os.read(fd, 65536)
    seen.clear()
    pressed = time.monotonic()
    os.write(fd, key)
    reflected = read_until(fd, effect, seen) - pressed
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
    return first, reflected


def main():
    binary = sys.argv[1]
    large = sys.argv[2] if len(sys.argv) > 2 else None
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    rows = []
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, SMM_PATH_HOME=home, LANG="en_US.UTF-8", TERM="xterm-256color")
        env.pop("SMM_PATH_ROADMAP", None)
        cases = [("built-in roadmap", env, b"A Career in Social Media", b"j", b"(education-and-training)")]
        if large:
            big = dict(env, SMM_PATH_HOME=f"{large}/home", SMM_PATH_ROADMAP=f"{large}/roadmap.yaml")
            cases.append(("10,000-step roadmap", big, b"Generated roadmap", b"G", "›10000".encode()))
        for name, case_env, title, key, effect in cases:
            results = [measure(binary, case_env, title, key, effect) for _ in range(runs)]
            first = statistics.median(r[0] for r in results) * 1000
            reflected = statistics.median(r[1] for r in results) * 1000
            key_name = key.decode()
            rows.append(f"| {name} | {first:.1f} ms | `{key_name}`: {reflected:.1f} ms |")
    print("| ui | first frame (median) | key press to screen (median) |")
    print("|---|---:|---:|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
