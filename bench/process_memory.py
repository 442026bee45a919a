"""The private memory of the browser's renderer process that runs the exercise page. A
dedicated worker runs in its page's process, and Python's heap is WebAssembly memory that no
CDP call reports, so this is where Python's memory (and a leak in it) shows. Linux only."""

import os
from pathlib import Path

PROC = Path("/proc")


def largest_renderer_bytes():
    """RssAnon of the largest renderer process started by this process (through Playwright),
    or None where /proc is missing. With one page open, the page running Python is by far the
    largest; other people's browsers on the machine are not our descendants."""
    if not PROC.is_dir():
        return None
    sizes = [_private_bytes(pid) for pid in _descendants(os.getpid()) if "--type=renderer" in _command_line(pid)]
    sizes = [size for size in sizes if size is not None]
    return max(sizes, default=None)


def _descendants(root):
    children = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # the process ended while we looked
            children.setdefault(parent, []).append(int(entry.name))
    found, pending = [], [root]
    while pending:
        for child in children.get(pending.pop(), []):
            found.append(child)
            pending.append(child)
    return found


def _command_line(pid):
    try:
        return (PROC / str(pid) / "cmdline").read_text()
    except OSError:
        return ""


def _private_bytes(pid):
    try:
        status = (PROC / str(pid) / "status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) * 1024
    return None
