"""The one place that knows where things live, in the repository and in the built site."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROBLEMS = REPO / "problems"
STATIC = REPO / "static"
HARNESS = REPO / "harness"
# Read by the page and by the tools alike: Python's boot code, and the formats between hosts.
PYTHON_BOOT_CODE = REPO / "python_boot"
FORMATS = REPO / "formats"
PAGE_TEMPLATE = REPO / "index.html"
CATALOG_TEMPLATE = STATIC / "catalog.html"
PAGE_HEAD = STATIC / "page_head.html"  # the start of every page's <head>
NODE_MODULES = REPO / "node_modules"
PYODIDE_NPM = NODE_MODULES / "pyodide"
KATEX_DIST = NODE_MODULES / "katex" / "dist"
VENDORED_PYODIDE_PACKAGES = REPO / "vendor" / "pyodide-packages"
DEFAULT_OUT = REPO / "_site"
CACHE = REPO / ".cache"  # build products worth keeping between builds (the Python snapshot)

# Inside the built site, relative to its root.
SITE_ASSETS = "assets/"
SITE_PYODIDE = "pyodide/"
SITE_KATEX = "assets/katex/"


def site_problem_dir(slug):
    return f"problems/{slug}/"


def shown(path):
    """A path as a person should see it in a message: relative to the repository when inside it."""
    path = Path(path)
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)


def relative_root(site_path):
    """The relative URL from a page at `site_path` back to the site root, e.g. "../../"."""
    return "../" * site_path.count("/")
