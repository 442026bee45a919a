"""Browser, for every problem: the catalog lists it, its reference solution passes all tests
in the page and its starter does not, and the catalog shows the learner's progress."""

import re

import pytest
from page_actions import by_testid, run_and_wait, set_code
from playwright.sync_api import expect

from sitebuild.paths import PROBLEMS
from sitebuild.problems import load_all

PROBLEM_LIST = load_all(PROBLEMS)


def test_catalog_lists_every_problem_easiest_first(context, site_url):
    page = context.new_page()
    page.goto(site_url)
    items = by_testid(page, "catalog").locator("li")
    expect(items).to_have_count(len(PROBLEM_LIST))
    difficulties = items.locator(".difficulty").all_text_contents()
    assert difficulties == sorted(difficulties, key=["Easy", "Medium", "Hard"].index)
    for problem in PROBLEM_LIST:
        item = page.locator(f'[data-slug="{problem.slug}"]')
        expect(item.get_by_role("link")).to_have_text(problem.title)
        expect(item).to_contain_text(problem.difficulty)
        expect(item).to_contain_text(problem.summary)
    expect(by_testid(page, "progress")).to_have_count(0)
    expect(by_testid(page, "progress-summary")).to_be_hidden()


@pytest.mark.parametrize("problem", PROBLEM_LIST, ids=lambda problem: problem.slug)
def test_reference_passes_and_starter_fails_in_the_page(context, site_url, problem):
    page = context.new_page()
    page.goto(site_url)
    page.get_by_role("link", name=problem.title).click()
    count = len(problem.suite.cases)
    starter_summary = run_and_wait(page)  # the editor opens with the starter
    assert starter_summary.endswith(f"of {count} tests passed") and starter_summary != f"{count} of {count} tests passed"
    set_code(page, (PROBLEMS / problem.slug / "solution.py").read_text())
    assert run_and_wait(page) == f"{count} of {count} tests passed"


def test_catalog_shows_solved_and_attempted_problems(context, site_url):
    solved, attempted = PROBLEM_LIST[0], PROBLEM_LIST[1]
    page = context.new_page()
    page.goto(site_url + f"problems/{solved.slug}/")
    set_code(page, (PROBLEMS / solved.slug / "solution.py").read_text())
    run_and_wait(page)
    page.goto(site_url + f"problems/{attempted.slug}/")
    run_and_wait(page)  # the starter: attempted, not solved
    page.get_by_role("link", name=re.compile("All exercises")).click()
    expect(page.locator(f'[data-slug="{solved.slug}"] [data-testid="progress"]')).to_have_text("✓ Solved")
    expect(page.locator(f'[data-slug="{attempted.slug}"] [data-testid="progress"]')).to_have_text("Attempted")
    expect(by_testid(page, "progress")).to_have_count(2)
    expect(by_testid(page, "progress-summary")).to_have_text(f"You have solved 1 of {len(PROBLEM_LIST)} exercises in this browser.")
