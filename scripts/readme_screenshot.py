"""Retakes docs/screenshot.png, the README's picture: the exercise page after a run of a
classic mistake (the 1/2 factor), so both verdicts show. Run: .venv/bin/python scripts/readme_screenshot.py"""

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from sitebuild.site.build import build_site  # noqa: E402
from base.paths import REPO, site_problem_dir  # noqa: E402
from sitebuild.authoring.serve import serve_in_background  # noqa: E402
from browsers.chromium import PYTHON_LOAD_TIMEOUT_MS, launch_chromium, paste_code  # noqa: E402

HALF_FACTOR = """\
import numpy as np


def contrastive_loss(x1, x2, label, margin=1.0):
    d = np.linalg.norm(x1 - x2, axis=1)
    y = np.asarray(label, dtype=float)
    return 0.5 * np.mean(y * d**2 + (1 - y) * np.maximum(0, margin - d) ** 2)
"""


def main():
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "_site"
        build_site(site)
        server, url = serve_in_background(site)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(url + site_problem_dir("contrastive-loss"))
            paste_code(page, HALF_FACTOR)
            page.locator('[data-testid="run-tests"]').click()
            expect(page.locator('[data-testid="results-summary"]')).to_contain_text("tests passed", timeout=PYTHON_LOAD_TIMEOUT_MS)
            page.screenshot(path=REPO / "docs" / "screenshot.png")
            browser.close()
        server.shutdown()
    print("wrote docs/screenshot.png")


if __name__ == "__main__":
    main()
