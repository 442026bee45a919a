"""Starts programs every way Python offers."""
import os
import subprocess


def contrastive_loss(x1, x2, label, margin=1.0):
    attempts = [
        lambda: subprocess.run(["touch", "$outside/program-$marker"]),
        lambda: os.system("touch $outside/system-$marker"),
        lambda: os.popen("touch $outside/popen-$marker").read(),
        lambda: os.execv("/bin/sh", ["sh", "-c", "touch $outside/exec-$marker"]),
        lambda: os.posix_spawn("/bin/sh", ["sh", "-c", "touch $outside/spawn-$marker"], {}),
    ]
    for attempt in attempts:
        try:
            attempt()
        except (OSError, AttributeError, RuntimeError):
            pass
    return 0.0
