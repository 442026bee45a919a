"""Browser: the learner hands in their code as a file (Download on the exercise page, or every
exercise at once from the catalog), and the instructor's regrade (`build.py grade`) of that
file gives the verdicts the page showed."""

import csv
import subprocess
import sys
import zipfile

from known_mistakes import CONTRASTIVE as KNOWN
from page_actions import by_testid, open_exercise, run_and_wait, set_code, statuses
from playwright.sync_api import expect
from problem_folders import CONTRASTIVE, SLUGS, case_names, source

from grading.handin import read_header
from base.paths import REPO, site_problem_dir

HALF_LOSS = KNOWN.code("half on both terms")


def download(page, testid, folder):
    with page.expect_download() as download_info:
        by_testid(page, testid).click()
    saved = folder / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    return saved


def regrade(folder, csv_path):
    completed = subprocess.run(
        [sys.executable, "build.py", "grade", str(folder), "--csv", str(csv_path), "--jobs", "2"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
    with open(csv_path, newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def test_a_handed_in_file_regrades_to_the_verdicts_the_page_showed(context, site_url, tmp_path):
    page = open_exercise(context, site_url)
    set_code(page, HALF_LOSS)
    assert run_and_wait(page) == "2 of 4 tests passed"
    shown = statuses(page)
    handed_in = download(page, "download-code", tmp_path)
    assert handed_in.name == "contrastive_loss.py"
    text = handed_in.read_text()
    header = read_header(text)
    assert header.problem == CONTRASTIVE and header.claimed_statuses == shown and header.claimed_names == case_names()
    assert "as seen in the browser, not a grade" in text
    assert text.endswith(HALF_LOSS)
    compile(text, handed_in.name, "exec")  # still a plain Python file

    [row] = regrade(tmp_path, tmp_path / "grades.csv")
    assert [row[f"{CONTRASTIVE}: {name}"] for name in case_names()] == shown
    assert (row["problem"], row["passed"], row["total"], row["browser claim"]) == (CONTRASTIVE, "2", "4", "matches")
    assert "exactly half" in row["mistake"]


def test_code_edited_after_the_run_claims_no_browser_results(context, site_url, tmp_path):
    page = open_exercise(context, site_url)
    set_code(page, HALF_LOSS)
    run_and_wait(page)
    set_code(page, HALF_LOSS + "\n# edited after the run\n")
    header = read_header(download(page, "download-code", tmp_path).read_text())
    assert header.claimed_statuses is None


def test_the_catalog_downloads_every_exercise_worked_on_as_one_zip(context, site_url, tmp_path):
    worked_on = SLUGS[:2]
    page = context.new_page()
    page.goto(site_url)
    expect(by_testid(page, "download-all")).to_be_hidden()
    for slug in worked_on:
        page.goto(site_url + site_problem_dir(slug))
        set_code(page, source(slug, "solution.py"))
        run_and_wait(page)
    page.goto(site_url)
    hand_ins = tmp_path / "hand-ins"
    (hand_ins / "alice").mkdir(parents=True)  # a folder per learner, as the instructor collected them
    archive = download(page, "download-all", hand_ins / "alice")
    with zipfile.ZipFile(archive) as opened:
        assert sorted(opened.namelist()) == sorted(f"{slug.replace('-', '_')}.py" for slug in worked_on)
    rows = regrade(hand_ins, tmp_path / "grades.csv")
    assert sorted(row["problem"] for row in rows) == sorted(worked_on)
    for row in rows:
        assert row["passed"] == row["total"] and row["browser claim"] == "matches"
        assert row["learner"] == "alice"
