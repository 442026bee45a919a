"""The local server: the site under a sub-path, as GitHub Pages serves a project site, and
`make serve`'s live reload: an edit to a problem rebuilds the site and reloads the open page."""

import shutil
import threading
import time
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from sitebuild.authoring.live_reload import LiveReload
from base.paths import PROBLEMS
from sitebuild.authoring.serve import make_server, serve_in_background
from sitebuild.site.build import build_site


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_site_is_served_only_under_its_sub_path(built_site):
    server, url = serve_in_background(built_site, "/kit/")
    try:
        assert url.endswith("/kit/")
        assert status_of(url) == 200
        assert status_of(url + "problems/contrastive-loss/") == 200
        assert status_of(url.replace("/kit/", "/problems/contrastive-loss/")) == 404
    finally:
        server.shutdown()


@pytest.fixture
def live_site(tmp_path):
    """A copy of one problem, built and served with live reload, as `make serve` does."""
    problems = tmp_path / "problems"
    shutil.copytree(PROBLEMS / "contrastive-loss", problems / "contrastive-loss")
    site = tmp_path / "_site"
    build_site(site, problems)
    live_reload = LiveReload(site, problems, watched=(problems,))
    server = make_server(site, 0, live_reload=live_reload)
    live_reload.start()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield problems / "contrastive-loss", f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_an_edited_statement_shows_in_the_open_page(live_site, context):
    folder, url = live_site
    page = context.new_page()
    page.goto(url + "problems/contrastive-loss/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Contrastive loss")
    statement = folder / "statement.md"
    statement.write_text(statement.read_text().replace("title: Contrastive loss", "title: Contrastive loss, edited"))
    expect(heading).to_have_text("Contrastive loss, edited", timeout=15_000)


class Printed:
    """What the server printed so far (capfd hands each line out once), waited on with a deadline."""

    def __init__(self, capfd):
        self.capfd = capfd
        self.text = ""

    def wait_for(self, wanted, timeout=30):
        deadline = time.monotonic() + timeout
        while wanted not in self.text:
            assert time.monotonic() < deadline, f"the server did not print {wanted!r} within {timeout} s; it printed:\n{self.text}"
            time.sleep(POLL_SECONDS)  # the interval between two looks, not a wait for the build
            self.text += self.capfd.readouterr().out
        return self.text


POLL_SECONDS = 0.1


def test_a_broken_edit_keeps_the_last_good_site(live_site, context, capfd):
    folder, url = live_site
    page = context.new_page()
    page.goto(url + "problems/contrastive-loss/")
    (folder / "tests.py").write_text("CASES = 'oops'\n")
    printed = Printed(capfd).wait_for("Build failed; still serving the last good site.")
    assert "tests.py: CASES is a str, not a list\n  How to fix: define CASES = [Case(" in printed
    assert "Traceback" not in printed
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contrastive loss")


def test_a_rebuild_that_would_hang_is_stopped_and_the_site_stays_served(live_site, context, capfd):
    folder, url = live_site
    page = context.new_page()
    page.goto(url + "problems/contrastive-loss/")
    solution = folder / "solution.py"
    solution.write_text(solution.read_text().replace("    distance = ", "    while True:\n        pass\n    distance = ", 1))
    printed = Printed(capfd)
    printed.wait_for("rebuilding…")
    assert status_of(url + "problems/contrastive-loss/") == 200  # answered while the rebuild waits out the 5 s limit
    printed.wait_for("Build failed; still serving the last good site.")
    assert "solution.py: it did not finish within 5 s when the build called contrastive_loss on case" in printed.text
    assert "Traceback" not in printed.text
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contrastive loss")
