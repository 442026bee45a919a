"""One short digest of a set of files, for names that must change whenever the files do."""

import hashlib


def digest_of(named_files):
    """16 hex digits from (name, path) pairs: they change when a name or a file's bytes do."""
    digest = hashlib.sha256()
    for name, path in named_files:
        digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def digest_of_text(text):
    """16 hex digits of a text: e.g. of a problem's tests.json, to tell whether two copies hold the same tests."""
    return hashlib.sha256(text.encode()).hexdigest()[:16]
