"""Finds and reads hand-ins with limits, so that no folder or zip a learner sent can make the
regrade read outside the folders the instructor named, block, or fill the machine's memory:
.py files up to MAX_FILE_BYTES, zips whose .py files inflate to MAX_ZIP_BYTES at most (checked
from the sizes they declare before inflating, and while inflating), no symbolic link followed,
no special file opened, no zip inside a zip opened. What is not read still gets its row: a
Submission with the reason (`refused`, a CSV verdict) and the details (`why`).
"""

import os
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MIB = 1024 * 1024
MAX_FILE_BYTES = 1 * MIB  # a learner's code is a few kB; a hand-in past this is not code
MAX_ZIP_BYTES = 64 * MIB  # all the .py files of one zip, inflated
MAX_ZIP_ENTRIES = 20_000  # entries a zip may list (each costs memory to list)
MAX_TOTAL_BYTES = 256 * MIB  # everything read in one regrade
SUFFIXES = (".py", ".zip")
# Where a file is opened, it must be the file that was looked at: no link, no blocking.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)

TOO_LARGE = "not read: too large"
LINK = "not read: a symbolic link"
SPECIAL = "not read: not a regular file"
NESTED_ZIP = "not read: a zip inside a zip"
ZIP_TOO_LARGE = "not read: the zip inflates past its limit"
BROKEN_ZIP = "not read: a broken zip"
UNREADABLE = "not read: cannot be opened"
OVER_BUDGET = "not read: the regrade's reading limit is reached"
NOT_READ = (TOO_LARGE, LINK, SPECIAL, NESTED_ZIP, ZIP_TOO_LARGE, BROKEN_ZIP, UNREADABLE, OVER_BUDGET)


@dataclass
class Submission:
    name: str  # as the CSV shows it: the path below the folder it was found in (zip members below the zip)
    data: bytes = b""
    refused: str = ""  # why it was not read (one of NOT_READ), or "" when it was
    why: str = ""  # the details, for the CSV's message column

    @property
    def owner(self):
        """Who the file seems to belong to before its problem is known: the first folder (or
        zip) it sits in, a folder or a zip per learner; else its own name."""
        return PurePosixPath(PurePosixPath(self.name).parts[0]).stem


def find_submissions(paths):
    """Every submission in `paths` (files, zips, folders the instructor named), in a stable order."""
    budget = _Budget()
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            for entry, shown in sorted(_entries_below(path), key=lambda pair: pair[1]):
                found += _submissions_at(entry, shown, budget)
        elif path.exists():
            found += _submissions_at(path, PurePosixPath(path.name), budget, named=True)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return found


def _entries_below(folder):
    """(path, path as shown) of every hand-in below `folder`, without entering linked folders:
    whatever is named .py or .zip (links and special files included), links to folders, and
    folders that cannot be listed. Iterative: no depth of folders is too deep."""
    pending = [Path(folder)]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            yield current, PurePosixPath(current.relative_to(folder).as_posix())
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
            elif path.suffix in SUFFIXES or entry.is_symlink() and entry.is_dir():
                yield path, PurePosixPath(path.relative_to(folder).as_posix())


def _submissions_at(path, shown, budget, named=False):
    """The submissions in one file: itself, or a zip's .py files. A file the instructor named
    may be a link (their choice); one found in a folder may not."""
    try:
        kind = (os.stat if named else os.lstat)(path).st_mode
    except OSError as error:
        return [Submission(str(shown), refused=UNREADABLE, why=error.strerror or str(error))]
    if stat.S_ISDIR(kind):
        return [Submission(str(shown), refused=UNREADABLE, why="a folder your user may not list")]
    if stat.S_ISLNK(kind):
        return [Submission(str(shown), refused=LINK, why=f"it points to {os.readlink(path)}; the regrade reads only files inside the folders you name")]
    if not stat.S_ISREG(kind):
        return [Submission(str(shown), refused=SPECIAL, why="a device, pipe or socket: the regrade reads only regular files")]
    try:
        with open(os.open(path, OPEN_FLAGS if not named else OPEN_FLAGS & ~getattr(os, "O_NOFOLLOW", 0)), "rb") as opened:
            if not stat.S_ISREG(os.fstat(opened.fileno()).st_mode):
                return [Submission(str(shown), refused=SPECIAL, why="it changed into something else than a regular file while being read")]
            if path.suffix == ".zip" and zipfile.is_zipfile(opened):
                return _zip_members(opened, shown, budget)
            opened.seek(0)  # is_zipfile read its end
            return [_read_limited(opened, os.fstat(opened.fileno()).st_size, str(shown), budget)]
    except OSError as error:
        return [Submission(str(shown), refused=UNREADABLE, why=error.strerror or str(error))]


def _read_limited(stream, declared, name, budget):
    """A Submission of up to MAX_FILE_BYTES read from `stream` (whatever size it `declared`)."""
    if declared > MAX_FILE_BYTES:
        return Submission(name, refused=TOO_LARGE, why=f"it holds {_size(declared)}; hand-ins are read up to {_size(MAX_FILE_BYTES)}")
    if not budget.allows(declared):
        return budget.refusal(name)
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        return Submission(name, refused=TOO_LARGE, why=f"it holds more than {_size(MAX_FILE_BYTES)}, the most a hand-in is read up to")
    budget.spend(len(data))
    return Submission(name, data)


def _zip_members(stream, shown, budget):
    try:
        # The count its end record declares, before zipfile lists them all in memory.
        listed = zipfile._EndRecData(stream)[zipfile._ECD_ENTRIES_TOTAL]
        if listed > MAX_ZIP_ENTRIES:
            return [Submission(str(shown), refused=ZIP_TOO_LARGE, why=f"it lists {listed} files; a zip of hand-ins is read up to {MAX_ZIP_ENTRIES}")]
        with zipfile.ZipFile(stream) as archive:
            entries = archive.infolist()[:MAX_ZIP_ENTRIES]
            members = sorted((info for info in entries if info.filename.endswith(SUFFIXES)), key=lambda info: info.filename)
            return _read_members(archive, members, shown, budget)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, EOFError, OSError, TypeError) as error:
        return [Submission(str(shown), refused=BROKEN_ZIP, why=f"it cannot be read as a zip ({error})")]


def _read_members(archive, members, shown, budget):
    found = []
    inflated = 0
    for info in members:
        name = f"{shown}/{info.filename}"
        if info.filename.endswith(".zip"):
            found.append(Submission(name, refused=NESTED_ZIP, why="zips inside a zip are not opened: unzip it and grade its folder"))
            continue
        if info.file_size > MAX_FILE_BYTES:
            found.append(Submission(name, refused=TOO_LARGE, why=f"it inflates to {_size(info.file_size)}; hand-ins are read up to {_size(MAX_FILE_BYTES)}"))
            continue
        inflated += info.file_size
        if inflated > MAX_ZIP_BYTES:
            found.append(Submission(name, refused=ZIP_TOO_LARGE, why=f"the zip's .py files inflate past {_size(MAX_ZIP_BYTES)}; the files after that are not read"))
            continue
        try:
            with archive.open(info) as member:  # inflates no more than the size it declares
                found.append(_read_limited(member, info.file_size, name, budget))
        except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, EOFError, OSError) as error:
            found.append(Submission(name, refused=BROKEN_ZIP, why=f"this file of the zip cannot be inflated ({error})"))
    return found


class _Budget:
    """How much the regrade has read so far, against MAX_TOTAL_BYTES."""

    def __init__(self):
        self.read = 0

    def allows(self, size):
        return self.read + size <= MAX_TOTAL_BYTES

    def spend(self, size):
        self.read += size

    def refusal(self, name):
        return Submission(name, refused=OVER_BUDGET, why=f"the files before it already hold {_size(self.read)}; one regrade reads up to {_size(MAX_TOTAL_BYTES)}: grade the rest separately")


def _size(size):
    return f"{size / MIB:.1f} MiB"
