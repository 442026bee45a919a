"""`make serve` while editing: rebuilds the site when a source file changes and tells open
pages to reload (through a server-sent event), so an instructor sees an edit at once.
Only the local server uses this; nothing of it is written into the built site."""

import threading
import time
import traceback

from base.errors import BuildError
from base.paths import FORMATS, HARNESS, PAGE_TEMPLATE, PROBLEMS, PYTHON_BOOT_CODE, STATIC
from sitebuild.site.build import build_site

WATCHED = (PROBLEMS, STATIC, HARNESS, PAGE_TEMPLATE, PYTHON_BOOT_CODE, FORMATS)
POLL_SECONDS = 0.3
EVENTS_PATH = "/__live-reload"
SCRIPT_PATH = "/__live-reload.js"
SCRIPT = f'new EventSource("{EVENTS_PATH}").onmessage = () => location.reload();\n'
SCRIPT_TAG = f'<script src="{SCRIPT_PATH}"></script>'


class LiveReload:
    def __init__(self, out_dir, problems_dir=PROBLEMS, watched=WATCHED):
        self.out_dir = out_dir
        self.problems_dir = problems_dir
        self.watched = watched
        self.version = 0
        self.changed = threading.Condition()

    def start(self):
        threading.Thread(target=self._watch, daemon=True).start()

    def wait_for_change(self, version, timeout):
        """The newest site version, waiting up to `timeout` seconds for one newer than `version`."""
        with self.changed:
            self.changed.wait_for(lambda: self.version != version, timeout)
            return self.version

    @staticmethod
    def inject(html):
        return html.replace("</head>", f"  {SCRIPT_TAG}\n</head>", 1)

    def _watch(self):
        seen = _fingerprint(self.watched)
        while True:
            time.sleep(POLL_SECONDS)
            now = _fingerprint(self.watched)
            if now != seen:
                seen = now
                self._rebuild()

    def _rebuild(self):
        print("A file changed; rebuilding…", flush=True)
        started = time.monotonic()
        try:
            build_site(self.out_dir, self.problems_dir)
        except BuildError as error:
            print(f"Build failed; still serving the last good site. {error}", flush=True)
            return
        except Exception:  # noqa: BLE001 - a bug in the kit must not stop the watching
            print(f"Build crashed (a bug in the kit, not in the problem folder); still serving the last good site.\n{traceback.format_exc()}", flush=True)
            return
        print(f"Rebuilt in {time.monotonic() - started:.1f} s; reloading open pages.", flush=True)
        with self.changed:
            self.version += 1
            self.changed.notify_all()


def _fingerprint(watched):
    """Every watched file with its modification time and size: any edit, addition or removal changes it."""
    files = []
    for root in watched:
        paths = [root] if root.is_file() else sorted(path for path in root.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
        files += [(str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in paths if path.exists()]
    return tuple(files)
