"""Browser: two courses on one origin, as GitHub Pages serves the project sites of one account
(https://<user>.github.io/course-a/ and .../course-b/), course B another version of the kit.
Each keeps its own drafts, progress and offline copy; neither visit deletes the other's caches;
code and progress saved by kits from before this separation go to the first course that reads them."""

import shutil
import zipfile

import pytest
from page_actions import (
    FULL_STORAGE,
    by_testid,
    open_exercise,
    run_and_wait,
    set_code,
    wait_for_editor_text,
    wait_for_service_worker,
    wait_until_ready,
)
from playwright.sync_api import expect
from problem_folders import CONTRASTIVE, EXERCISE_PATH, SLUGS

from base.paths import SITE_PYODIDE
from sitebuild.authoring.serve import serve_in_background
from sitebuild.site.service_worker import write_service_worker

COURSE_A_DRAFT = "def contrastive_loss(x1, x2, label, margin=1.0):\n    return 1.0  # typed in course A\n"
COURSE_B_DRAFT = "def contrastive_loss(x1, x2, label, margin=1.0):\n    return 2.0  # typed in course B\n"
OLD_KIT_DRAFT = "def contrastive_loss(x1, x2, label, margin=1.0):\n    return 3.0  # saved by the old kit\n"
# What a kit from before the separation left in the origin's storage.
OLD_KIT_STORAGE = {f"ml-exercise-kit:draft:{CONTRASTIVE}": OLD_KIT_DRAFT, f"ml-exercise-kit:progress:{CONTRASTIVE}": "solved"}
CACHE_NAMES = "() => caches.keys()"
# The caches of older kits were named for the whole origin: one runtime (the last site opened
# removed the others'), and one cache of pages that every site put its pages in.
OLD_KIT_RUNTIME = "ml-exercise-kit-runtime-0123456789abcdef"
OLD_KIT_PAGES = "ml-exercise-kit-pages"
OLD_KIT_CACHES = {
    OLD_KIT_RUNTIME: ["/course-a/pyodide/pyodide.asm.wasm"],
    OLD_KIT_PAGES: ["/course-a/", "/course-a/assets/app.js", "/course-b/", "/course-b/assets/app.js"],
}
LEAVE_CACHES = """async (cached) => {
  for (const [name, paths] of Object.entries(cached)) {
    const cache = await caches.open(name);
    for (const path of paths) await cache.put(new URL(path, location.origin).href, new Response("old kit"));
  }
}"""
CACHED_PATHS = "async (name) => (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname).sort()"


def another_version_of(site, out):
    """A copy of the built site whose runtime differs by one file, so its service worker has another version."""
    shutil.copytree(site, out)
    (out / SITE_PYODIDE / "another-version.txt").write_text(out.name)
    write_service_worker(out)
    return out


@pytest.fixture(scope="module")
def versions(built_site, tmp_path_factory):
    """The built site and two other versions of it."""
    folder = tmp_path_factory.mktemp("versions")
    return {"built": built_site, "b": another_version_of(built_site, folder / "b"), "a2": another_version_of(built_site, folder / "a2")}


class Origin:
    """One local server serving course A and course B under their own sub-paths; A can be republished."""

    def __init__(self, folder, versions):
        self.folder = folder
        self.publish("course-a", versions["built"])
        self.publish("course-b", versions["b"])
        self.server, self.url = serve_in_background(folder)
        self.course_a, self.course_b = f"{self.url}course-a/", f"{self.url}course-b/"

    def publish(self, course, site):
        link = self.folder / course
        link.unlink(missing_ok=True)
        link.symlink_to(site, target_is_directory=True)


@pytest.fixture
def origin(tmp_path, versions):
    origin = Origin(tmp_path, versions)
    yield origin
    origin.server.shutdown()


def progress_badge(page, slug=CONTRASTIVE):
    return page.locator(f'[data-slug="{slug}"] [data-testid="progress"]')


def open_with_python(context, course):
    page = open_exercise(context, course)
    wait_until_ready(page)
    wait_for_service_worker(page)
    return page


def leave_in_origin_storage(context, origin, script, arg):
    """Runs `script` in a page of the origin that is no course, to leave what an older kit left there."""
    page = context.new_page()
    page.goto(origin.url + "no-course-here")
    page.evaluate(script, arg)
    page.close()


def leave_old_kit_storage(context, origin):
    script = "items => Object.entries(items).forEach(([key, value]) => localStorage.setItem(key, value))"
    leave_in_origin_storage(context, origin, script, OLD_KIT_STORAGE)


def test_two_courses_keep_drafts_progress_and_offline_copies_apart(context, origin, reference_solution, starter_code):
    course_a, course_b = origin.course_a, origin.course_b
    a = open_with_python(context, course_a)
    set_code(a, reference_solution)
    assert run_and_wait(a) == "4 of 4 tests passed"
    set_code(a, COURSE_A_DRAFT)
    caches_after_a = a.evaluate(CACHE_NAMES)

    b = open_exercise(context, course_b)
    wait_for_editor_text(b, starter_code)
    wait_until_ready(b)
    wait_for_service_worker(b)  # B's service worker is active: its clean-up has run
    assert run_and_wait(b).endswith("of 4 tests passed")  # the starter: attempted
    set_code(b, COURSE_B_DRAFT)
    assert set(caches_after_a) < set(b.evaluate(CACHE_NAMES))

    a.reload()
    wait_for_editor_text(a, COURSE_A_DRAFT)
    a.goto(course_a)
    expect(progress_badge(a)).to_have_text("✓ Solved")
    expect(by_testid(a, "progress-summary")).to_have_text(f"You have solved 1 of {len(SLUGS)} exercises in this browser.")
    b.goto(course_b)
    expect(progress_badge(b)).to_have_text("Attempted")
    expect(by_testid(b, "progress-summary")).to_have_text(f"You have solved 0 of {len(SLUGS)} exercises in this browser.")
    with b.expect_download() as handed_in:
        by_testid(b, "download-all").click()  # the catalog's hand-in of every exercise: course B's code only
    with zipfile.ZipFile(handed_in.value.path()) as archive:
        assert [info.filename for info in archive.infolist()] == ["contrastive_loss.py"]
        assert archive.read("contrastive_loss.py").decode().endswith(COURSE_B_DRAFT)

    # The light/dark choice is the learner's, not a course's: it follows them across courses.
    by_testid(a, "theme-toggle").click()
    expect(a.locator("html")).to_have_attribute("data-theme", "dark")
    b.reload()
    expect(b.locator("html")).to_have_attribute("data-theme", "dark")

    context.set_offline(True)
    for page, course, draft in ((a, course_a, COURSE_A_DRAFT), (b, course_b, COURSE_B_DRAFT)):
        page.goto(course + EXERCISE_PATH)
        wait_for_editor_text(page, draft)
        wait_until_ready(page)
        set_code(page, reference_solution)
        assert run_and_wait(page) == "4 of 4 tests passed"
    context.set_offline(False)


def test_a_new_version_of_one_course_replaces_its_own_runtime_and_keeps_the_other_course(context, origin, versions):
    course_a, course_b = origin.course_a, origin.course_b
    a = open_with_python(context, course_a)
    caches_of_a = set(a.evaluate(CACHE_NAMES))
    b = open_with_python(context, course_b)
    caches_of_b = set(b.evaluate(CACHE_NAMES)) - caches_of_a

    origin.publish("course-a", versions["a2"])
    a.reload()  # the page registers its service worker again: the new version installs, then cleans up
    a.wait_for_function(
        "async (old) => { const names = await caches.keys(); return !old.every((name) => names.includes(name)); }",
        arg=sorted(caches_of_a),
        timeout=60_000,
    )
    remaining = set(a.evaluate(CACHE_NAMES))
    assert caches_of_b <= remaining
    assert len(remaining) == len(caches_of_a) + len(caches_of_b)  # A's old runtime is gone, its new one there

    context.set_offline(True)
    for page, course in ((a, course_a), (b, course_b)):
        page.goto(course + EXERCISE_PATH)
        wait_until_ready(page)
    context.set_offline(False)


def test_code_and_progress_of_an_older_kit_go_to_the_first_course_that_opens_them(context, origin, starter_code):
    course_a, course_b = origin.course_a, origin.course_b
    leave_old_kit_storage(context, origin)
    a = open_exercise(context, course_a)
    wait_for_editor_text(a, OLD_KIT_DRAFT)
    a.goto(course_a)
    expect(progress_badge(a)).to_have_text("✓ Solved")

    b = open_exercise(context, course_b)
    wait_for_editor_text(b, starter_code)
    b.goto(course_b)
    expect(by_testid(b, "progress-summary")).to_have_text(f"You have solved 0 of {len(SLUGS)} exercises in this browser.")
    expect(by_testid(b, "progress-summary")).to_be_hidden()
    expect(by_testid(b, "progress")).to_have_count(0)
    expect(by_testid(b, "download-all-area")).to_be_hidden()  # no code of course B to hand in

    # Moved, not lent: course A keeps them on later visits.
    a.goto(course_a + EXERCISE_PATH)
    wait_for_editor_text(a, OLD_KIT_DRAFT)


def test_code_of_an_older_kit_is_shown_while_storage_is_too_full_to_move_it(context, origin, starter_code):
    course_a, course_b = origin.course_a, origin.course_b
    leave_old_kit_storage(context, origin)
    full = open_exercise(context, course_a, FULL_STORAGE)
    wait_for_editor_text(full, OLD_KIT_DRAFT)
    expect(by_testid(full, "notice")).to_be_hidden()
    full.close()
    # Once there is room, the code moves to course A.
    wait_for_editor_text(open_exercise(context, course_a), OLD_KIT_DRAFT)
    wait_for_editor_text(open_exercise(context, course_b), starter_code)


def test_a_course_takes_its_own_files_out_of_an_older_kits_caches_and_leaves_the_other_courses(context, origin):
    # Course B is still the older kit, and offline it reads its pages from the shared cache.
    leave_in_origin_storage(context, origin, LEAVE_CACHES, OLD_KIT_CACHES)
    a = open_with_python(context, origin.course_a)
    assert OLD_KIT_RUNTIME not in a.evaluate(CACHE_NAMES)
    assert a.evaluate(CACHED_PATHS, OLD_KIT_PAGES) == ["/course-b/", "/course-b/assets/app.js"]
