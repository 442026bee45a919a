"""`build.py grade` on hand-ins written to do harm (tests/corpus/hostile/, and links, a pipe,
files too large, zip bombs made here), on a machine set up for them to find: HOME holding a
private key, a folder beside it, a server listening on 127.0.0.1, a token in the environment.
Every file ends in a row with a verdict; none of it reaches the machine: files untouched, no
connection made, no secret in the CSV, nothing on the terminal, no process left, the memory
of the whole run bounded, the CSV safe to open in a spreadsheet."""

import csv
import json
import os
import shutil
import signal
import socket
import string
import subprocess
import sys
import threading
import time
import uuid
import zipfile
from pathlib import Path

import pytest
from problem_folders import CONTRASTIVE, case_names, shipped_suite, source

from grading import handin_files
from grading.grading_runtime import write_grading_runtime
from grading.handin_files import BROKEN_ZIP, LINK, NESTED_ZIP, SPECIAL, TOO_LARGE, ZIP_TOO_LARGE, find_submissions
from grading.pyodide_runner import PyodideRunner
from grading.sandbox_command import bubblewrap_works, node_command
from grading.spare_process import SpareProcess
from grading.spreadsheet_safe import spreadsheet_safe
from base.paths import REPO

HOSTILE = Path(__file__).parent / "hostile"
MARKER = f"marker-{uuid.uuid4().hex}"
TOKEN = f"token-{uuid.uuid4().hex}"
SECRET = f"-----BEGIN OPENSSH PRIVATE KEY-----\nsecret-{uuid.uuid4().hex}\n"
# The regrade and its grading processes together, at their peak (the issue: "about 2 GB").
MEMORY_LIMIT_BYTES = 2 * 1024**3
HYPERLINK = "=HYPERLINK(1)_contrastive_loss.py"


class Listener:
    """A TCP server on 127.0.0.1 that counts the connections it accepts."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()

    def close(self):
        self.server.close()


class PeakMemory:
    """The largest resident memory of a process and its descendants, sampled from /proc."""

    def __init__(self, pid):
        self.pid = pid
        self.peak = 0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self):
        while not self.done.wait(0.1):
            self.peak = max(self.peak, sum(_resident_bytes(pid) for pid in _tree(self.pid)))

    def stop(self):
        self.done.set()
        self.thread.join()


def _tree(root):
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    tree, grown = {root}, True
    while grown:
        children = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= children
        grown = bool(children)
    return tree


def _resident_bytes(pid):
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def _processes_mentioning(text):
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and text in (entry / "cmdline").read_bytes().decode("utf-8", "replace"):
                found.append(int(entry.name))
        except OSError:
            pass
    return found


def _snapshot(folder):
    """Every path below `folder` (links not followed) with its bytes, or its kind."""
    return {
        str(path.relative_to(folder)): path.read_bytes() if path.is_file() and not path.is_symlink() else os.lstat(path).st_mode
        for path in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def machine(tmp_path_factory):
    """The instructor's machine: HOME with a key and a .bashrc, a folder beside it, a server, a TMPDIR."""
    root = tmp_path_factory.mktemp("machine")
    home, outside, temp = root / "home", root / "outside", root / "tmp"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_rsa").write_text(SECRET)
    (home / ".bashrc").write_text("# the instructor's\n")
    outside.mkdir()
    (outside / "grades-2025.csv").write_text("alice,1.0\n")
    temp.mkdir()
    listener = Listener()
    yield {"root": root, "home": home, "outside": outside, "temp": temp, "port": listener.port, "listener": listener}
    listener.close()


def _write_hand_ins(folder, machine):
    """The hostile corpus filled in for this machine, and the files that are no Python at all."""
    folder.mkdir()
    values = {"secret": machine["home"] / ".ssh" / "id_rsa", "home": machine["home"], "outside": machine["outside"], "port": machine["port"], "marker": MARKER}
    for template in sorted(HOSTILE.glob("*.py")):
        (folder / template.name).write_text(string.Template(template.read_text()).substitute(values))
    (folder / HYPERLINK).write_text(source(CONTRASTIVE, "solution.py"))
    (folder / "link_to_the_key.py").symlink_to(machine["home"] / ".ssh" / "id_rsa")
    (folder / "linked_home").symlink_to(machine["home"], target_is_directory=True)
    os.mkfifo(folder / "pipe.py")
    with open(folder / "300_mb.py", "wb") as sparse:  # read whole, it would cost 300 MB
        sparse.truncate(300 * 1024 * 1024)
    with zipfile.ZipFile(folder / "zip_bomb.zip", "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("contrastive_loss.py", bytes(200 * 1024 * 1024))
    with zipfile.ZipFile(folder / "many_files.zip", "w", zipfile.ZIP_DEFLATED) as many:
        for number in range(70):
            many.writestr(f"part_{number:02d}.py", b"#" * (1024 * 1024))
    with zipfile.ZipFile(folder / "nested.zip", "w") as nested:
        nested.writestr("inner.zip", (folder / "many_files.zip").read_bytes()[:1000])
    (folder / "broken.zip").write_bytes(b"PK\x03\x04" + bytes(100) + b"PK\x05\x06" + bytes(10))


@pytest.fixture(scope="module")
def regraded(machine, tmp_path_factory):
    """The command line's run on the hostile hand-ins: (rows by file, the run, peak memory, files before)."""
    hand_ins = tmp_path_factory.mktemp("class") / "hand-ins"
    _write_hand_ins(hand_ins, machine)
    csv_path = machine["temp"].parent / "grades.csv"
    before = {"home": _snapshot(machine["home"]), "outside": _snapshot(machine["outside"])}
    environment = {"PATH": os.environ["PATH"], "HOME": str(machine["home"]), "TMPDIR": str(machine["temp"]), "SECRET_TOKEN": TOKEN}
    process = subprocess.Popen(
        [sys.executable, "build.py", "grade", "--problem", CONTRASTIVE, str(hand_ins), "--csv", str(csv_path), "--jobs", "2"],
        cwd=REPO, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    memory = PeakMemory(process.pid)
    try:
        stdout, stderr = process.communicate(timeout=600)
    finally:
        memory.stop()
        process.kill()
    with open(csv_path, newline="", encoding="utf-8") as stream:
        rows = {row["file"]: row for row in csv.DictReader(stream)}
    return {"rows": rows, "stdout": stdout, "stderr": stderr, "returncode": process.returncode, "peak": memory.peak, "before": before, "csv": csv_path.read_text()}


def test_the_regrade_finishes_and_every_file_gets_its_row(regraded):
    assert regraded["returncode"] == 0, regraded["stderr"]
    rows = regraded["rows"]
    hostile = [path.name for path in HOSTILE.glob("*.py")]
    for name in hostile:
        assert rows[name]["verdict"] == "graded", rows[name]
        assert rows[name]["total"] == str(len(case_names())), rows[name]
    assert rows["'" + HYPERLINK]["verdict"] == "graded"


def test_files_that_are_not_read_say_why(regraded):
    rows = regraded["rows"]
    assert rows["link_to_the_key.py"]["verdict"] == LINK
    assert rows["linked_home"]["verdict"] == LINK
    assert rows["pipe.py"]["verdict"] == SPECIAL
    assert rows["300_mb.py"]["verdict"] == TOO_LARGE
    assert rows["zip_bomb.zip/contrastive_loss.py"]["verdict"] == TOO_LARGE
    assert rows["many_files.zip/part_69.py"]["verdict"] == ZIP_TOO_LARGE
    assert rows["nested.zip/inner.zip"]["verdict"] == NESTED_ZIP
    assert rows["broken.zip"]["verdict"] == "not a Python text file"  # not a zip at all: read as a file
    assert all(row["message"] for name, row in rows.items() if row["verdict"].startswith("not read"))


def test_nothing_of_the_machine_is_read(regraded):
    for secret in (SECRET.splitlines()[1], TOKEN, "root:x:0:0"):
        assert secret not in regraded["csv"]
        assert secret not in regraded["stdout"] + regraded["stderr"]


def test_no_hand_in_reads_another(regraded):
    """The grading process's requests (every later file's code) never reach learner code."""
    assert '"type"' not in regraded["csv"]
    assert regraded["rows"]["reads_other_hand_ins.py"]["message"] == "RuntimeError: b''"  # os.read(0): end of file


def test_nothing_of_the_machine_is_written(regraded, machine):
    assert _snapshot(machine["home"]) == regraded["before"]["home"]
    assert _snapshot(machine["outside"]) == regraded["before"]["outside"]
    for folder in (machine["root"], REPO, Path("/tmp")):
        assert not [str(path) for path in folder.glob(f"*{MARKER}*")], folder


def test_no_connection_is_made(regraded, machine):
    assert machine["listener"].connections == 0


def test_no_process_outlives_the_regrade(regraded, machine):
    time.sleep(0.5)  # killed processes leave the process table as their parents reap them
    assert _processes_mentioning(str(machine["temp"])) == []
    assert _processes_mentioning(MARKER) == []


def test_learner_code_never_writes_to_the_terminal(regraded):
    terminal = regraded["stdout"] + regraded["stderr"]
    assert MARKER not in terminal
    assert "never awaited" not in terminal and "Traceback" not in terminal


def test_the_whole_run_stays_within_its_memory(regraded):
    assert 0 < regraded["peak"] < MEMORY_LIMIT_BYTES, f"{regraded['peak'] / 1024**2:.0f} MiB"


def test_no_cell_starts_a_formula(regraded):
    for line in csv.reader(regraded["csv"].splitlines()):
        assert not [cell for cell in line if cell[:1] in ("=", "+", "-", "@", "\t", "\r")], line


@pytest.fixture(scope="module")
def node_only(tmp_path_factory, machine):
    """A grading process with Node's permission model and nothing around it, as on macOS and
    Windows, where bubblewrap does not exist."""
    runtime = tmp_path_factory.mktemp("runtime")
    processes = SpareProcess(node_command(write_grading_runtime(runtime), runtime), runtime, shipped_suite(CONTRASTIVE).to_json())
    runner = PyodideRunner(processes)
    yield runner
    runner.close()
    processes.close()


@pytest.mark.parametrize(
    "name", ["connects_to_a_server.py", "escapes_through_javascript.py", "starts_programs.py", "calls_c_through_ctypes.py", "leaks_a_secret.py", "writes_outside.py"]
)
def test_without_bubblewrap_node_and_pyodide_still_hold(node_only, machine, name):
    before = {"home": _snapshot(machine["home"]), "outside": _snapshot(machine["outside"])}
    values = {"secret": machine["home"] / ".ssh" / "id_rsa", "home": machine["home"], "outside": machine["outside"], "port": machine["port"], "marker": MARKER}
    results = node_only.run(shipped_suite(CONTRASTIVE), string.Template((HOSTILE / name).read_text()).substitute(values))
    assert len(results["tests"]) == len(case_names())
    assert "Python stopped" not in json.dumps(results)  # each door fails as in a browser, Python goes on
    assert machine["listener"].connections == 0
    assert {"home": _snapshot(machine["home"]), "outside": _snapshot(machine["outside"])} == before
    assert SECRET.splitlines()[1] not in json.dumps(results)


def test_a_zip_member_that_does_not_inflate_to_what_it_declares_is_named_broken(tmp_path):
    with zipfile.ZipFile(tmp_path / "class.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("alice.py", "x = 1\n" * 1000)
        archive.writestr("bob.py", "y = 2\n")
    data = bytearray((tmp_path / "class.zip").read_bytes())
    start = data.index(b"alice.py") + len(b"alice.py")
    data[start + 10 : start + 20] = bytes(10)  # alice's compressed bytes damaged
    (tmp_path / "class.zip").write_bytes(bytes(data))
    alice, bob = find_submissions([tmp_path])
    assert (alice.name, alice.refused) == ("class.zip/alice.py", BROKEN_ZIP)
    assert (bob.name, bob.refused, bob.data) == ("class.zip/bob.py", "", b"y = 2\n")


def test_one_regrade_reads_a_bounded_total(tmp_path, monkeypatch):
    monkeypatch.setattr(handin_files, "MAX_TOTAL_BYTES", 30)  # two files of 13 bytes
    for name in ("a.py", "b.py", "c.py"):
        (tmp_path / name).write_text("x = 1  # ten\n")
    refused = [submission.refused for submission in find_submissions([tmp_path])]
    assert refused == ["", "", handin_files.OVER_BUDGET]


@pytest.mark.parametrize("cell", ["=HYPERLINK(1)", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_that_would_start_a_formula_starts_with_a_quote(cell):
    assert spreadsheet_safe(cell) == "'" + cell


def test_other_cells_are_left_as_they_are():
    assert [spreadsheet_safe(cell) for cell in ("alice", 3, "0.750", "", "a=b")] == ["alice", "3", "0.750", "", "a=b"]


needs_bubblewrap = pytest.mark.skipif(not (sys.platform.startswith("linux") and shutil.which("bwrap")), reason="bubblewrap is Linux's, and not installed here")


@needs_bubblewrap
def test_where_bubblewrap_is_installed_the_regrade_uses_it(regraded):
    assert bubblewrap_works(), "bwrap is installed but cannot make its sandbox here (user namespaces?)"
    assert "inside bubblewrap" in regraded["stderr"]


def _regrade_busy_in_a_loop(tmp_path):
    """The command line grading a file that loops, once its grading process has started."""
    (tmp_path / "hand-ins").mkdir()
    (tmp_path / "hand-ins" / "loops.py").write_text("while True:\n    pass\n")
    (tmp_path / "tmp").mkdir()
    environment = {**os.environ, "TMPDIR": str(tmp_path / "tmp")}
    regrade = subprocess.Popen(
        [sys.executable, "build.py", "grade", "--problem", CONTRASTIVE, str(tmp_path / "hand-ins"), "--csv", str(tmp_path / "grades.csv")],
        cwd=REPO, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 180  # loading the problems first takes a while on a busy machine
    while not _processes_mentioning(str(tmp_path / "tmp")) and time.monotonic() < deadline and regrade.poll() is None:
        time.sleep(0.1)
    if not _processes_mentioning(str(tmp_path / "tmp")):
        regrade.kill()
        pytest.fail(f"the grading process never started: {regrade.communicate()}")
    return regrade


def test_ctrl_c_stops_the_regrade_and_its_processes(tmp_path):
    regrade = _regrade_busy_in_a_loop(tmp_path)
    regrade.send_signal(signal.SIGINT)
    try:
        _, stderr = regrade.communicate(timeout=30)
    finally:
        regrade.kill()  # a regrade that did not stop must not outlive the test
    assert regrade.returncode == 130 and "Stopped." in stderr and "Traceback" not in stderr, stderr
    assert _processes_mentioning(str(tmp_path / "tmp")) == []
    assert list((tmp_path / "tmp").iterdir()) == []  # the runtime folder is removed too


@needs_bubblewrap
def test_a_regrade_killed_outright_leaves_no_process(tmp_path):
    regrade = _regrade_busy_in_a_loop(tmp_path)
    regrade.kill()
    regrade.communicate()
    deadline = time.monotonic() + 5
    while _processes_mentioning(str(tmp_path / "tmp")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_mentioning(str(tmp_path / "tmp")) == []


def test_folders_of_any_depth_are_searched_without_following_links(tmp_path):
    folders = [tmp_path / "d"]
    for _ in range(1100):  # deeper than Python's recursion limit (1000)
        folders[-1].mkdir()
        folders.append(folders[-1] / "d")
    (folders[-2] / "alice.py").write_text("x = 1\n")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    try:
        found = {submission.name: submission.refused for submission in find_submissions([tmp_path])}
        assert found == {"/".join(["d"] * 1100 + ["alice.py"]): "", "loop": LINK}
    finally:  # deepest first: pytest's own clean-up would recurse too deep
        (folders[-2] / "alice.py").unlink()
        for folder in reversed(folders[:-1]):
            folder.rmdir()
