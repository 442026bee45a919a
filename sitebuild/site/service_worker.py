"""Writes sw.js at the site root: static/service_worker.js, preceded by the manifest of the
files it caches (a service worker's scope is its own folder, so it must sit at the root).
The plain boot's own files are fetched by few browsers (WebKit): they are kept once fetched
rather than downloaded by everyone at install."""

import json

from base.digest import digest_of
from base.paths import SITE_PYODIDE, STATIC
from sitebuild.boot.boot_files import PLAIN_BOOT_FILES

SERVICE_WORKER = "sw.js"
# Not worth caching: debugging aids, and files only GitHub Pages reads.
NOT_CACHED_SUFFIXES = (".map",)
NOT_CACHED_NAMES = (SERVICE_WORKER, ".nojekyll")


def write_service_worker(site):
    files = sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.suffix not in NOT_CACHED_SUFFIXES and path.name not in NOT_CACHED_NAMES
    )
    on_demand = [f"{SITE_PYODIDE}{name}" for name in PLAIN_BOOT_FILES]
    runtime = [name for name in files if name.startswith(SITE_PYODIDE) and name not in on_demand]
    pages = [_url_of(name) for name in files if not name.startswith(SITE_PYODIDE)]
    manifest = {"version": _runtime_version(site, runtime + on_demand), "runtime": runtime, "runtimeOnDemand": on_demand, "pages": pages}
    source = (STATIC / "service_worker.js").read_text(encoding="utf-8")
    (site / SERVICE_WORKER).write_text(f"const MANIFEST = {json.dumps(manifest)};\n{source}", encoding="utf-8")


def _url_of(name):
    """Pages are visited as their folder (problems/x/), not as problems/x/index.html."""
    if name == "index.html":
        return "./"
    return name[: -len("index.html")] if name.endswith("/index.html") else name


def _runtime_version(site, runtime):
    """Changes whenever a runtime file does, so an updated runtime replaces the cached one."""
    return digest_of((name, site / name) for name in runtime)
