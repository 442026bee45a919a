"""Browser, for every problem: the catalog lists it, its reference solution passes all tests
in the page and its starter does not, and the catalog shows the learner's progress."""

import re

import pytest
from page_actions import by_testid, run_and_wait, set_code
from playwright.sync_api import expect
from problem_folders import SLUGS, problem, source

from base.paths import site_problem_dir
from sitebuild.problems.load import DIFFICULTIES


def test_catalog_lists_every_problem_easiest_first(context, site_url):
    page = context.new_page()
    page.goto(site_url)
    items = by_testid(page, "catalog").locator("li")
    expect(items).to_have_count(len(SLUGS))
    difficulties = items.locator(".difficulty").all_text_contents()
    assert difficulties == sorted(difficulties, key=DIFFICULTIES.index)
    for slug in SLUGS:
        item = page.locator(f'[data-slug="{slug}"]')
        expect(item.get_by_role("link")).to_have_text(problem(slug).title)
        expect(item).to_contain_text(problem(slug).difficulty)
        expect(item).to_contain_text(problem(slug).summary)
    expect(by_testid(page, "progress")).to_have_count(0)
    expect(by_testid(page, "progress-summary")).to_be_hidden()


@pytest.mark.parametrize("slug", SLUGS)
def test_reference_passes_and_starter_fails_in_the_page(context, site_url, slug):
    page = context.new_page()
    page.goto(site_url)
    page.get_by_role("link", name=problem(slug).title, exact=True).click()
    count = len(problem(slug).suite.cases)
    starter_summary = run_and_wait(page)  # the editor opens with the starter
    assert starter_summary.endswith(f"of {count} tests passed") and starter_summary != f"{count} of {count} tests passed"
    set_code(page, source(slug, "solution.py"))
    assert run_and_wait(page) == f"{count} of {count} tests passed"


def test_catalog_shows_solved_and_attempted_problems(context, site_url):
    solved, attempted = SLUGS[0], SLUGS[1]
    page = context.new_page()
    page.goto(site_url + site_problem_dir(solved))
    set_code(page, source(solved, "solution.py"))
    run_and_wait(page)
    page.goto(site_url + site_problem_dir(attempted))
    run_and_wait(page)  # the starter: attempted, not solved
    page.get_by_role("link", name=re.compile("All exercises")).click()
    expect(page.locator(f'[data-slug="{solved}"] [data-testid="progress"]')).to_have_text("✓ Solved")
    expect(page.locator(f'[data-slug="{attempted}"] [data-testid="progress"]')).to_have_text("Attempted")
    expect(by_testid(page, "progress")).to_have_count(2)
    expect(by_testid(page, "progress-summary")).to_have_text(f"You have solved 1 of {len(SLUGS)} exercises in this browser.")
