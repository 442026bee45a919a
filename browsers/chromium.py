"""How the kit's tools (the tests, `make bench`, scripts/) drive a browser: Debian's Chromium
through Playwright, started with the settings this machine needs, and the editor filled the
way a learner pastes code into it."""

import shutil

# Without the background-networking flags Chromium keeps trying hosts a closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# How long a tool waits for Python to load in a page: a cold start on a busy 2-core machine.
PYTHON_LOAD_TIMEOUT_MS = 90_000
EDITOR = '[data-testid="editor"] .cm-content'


def launch_chromium(playwright):
    """Debian's Chromium (Playwright's own browser download is not used)."""
    executable = shutil.which("chromium")
    if not executable:
        raise RuntimeError("Chromium is not installed: run `sudo apt-get install chromium` (make test does it when run as root).")
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


def paste_code(page, code):
    """Selects everything in the exercise page's editor and pastes `code` over it."""
    page.locator(EDITOR).click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(code)
