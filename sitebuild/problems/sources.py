"""Reads a problem folder's text files, so that a file that is not UTF-8, or not valid Python,
fails the build naming the file, the line and the fix instead of raising."""

import ast

from base.errors import BuildError
from base.paths import shown


def read_text(path):
    """The file's text, with Windows line endings and a leading byte-order mark taken out."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise BuildError(
            f"{shown(path)}, line {line}",
            f"it is not UTF-8 text (byte {data[error.start]:#04x} cannot be read)",
            "save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)",
        ) from None
    return text.replace("\r\n", "\n")


def parse_python(path, text):
    """The module's syntax tree; a syntax error fails the build at its line."""
    try:
        return ast.parse(text, shown(path))
    except SyntaxError as error:
        raise BuildError(
            f"{shown(path)}, line {error.lineno}", f"it is not valid Python ({error.msg})", "fix the syntax on that line"
        ) from None
    except ValueError as error:  # a NUL byte in the source
        raise BuildError(shown(path), f"it is not valid Python ({error})", "remove the NUL characters from the file") from None
