"""Fills the HTML templates: one exercise page per problem and the catalog at the site root."""

import html
import json
import re

import numpy as np

import harness
from harness.display import show_value

from base import paths
from sitebuild.problems.load import DIFFICULTIES
from base.digest import digest_of_text
from sitebuild.boot.boot_files import BOOT_MANIFEST
from .service_worker import SERVICE_WORKER
from .statement import render_statement
from base.version import KIT_VERSION

PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
# Every page runs only this site's own scripts. KaTeX's HTML and CodeMirror need inline
# styles; the favicon is a data: URL. The worker (where WebAssembly runs) is governed by
# its own response's headers, not by this meta tag.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "worker-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
)


def fill(template, values):
    """Replaces every {{name}}; values are inserted as given, so callers escape them. Every
    page starts its <head> with the same {{page_head}} (static/page_head.html)."""
    template = template.replace("{{page_head}}", paths.PAGE_HEAD.read_text(encoding="utf-8").rstrip("\n"))
    values = {"content_security_policy": CONTENT_SECURITY_POLICY, **values}

    def value_for(match):
        return values[match.group(1)]

    return PLACEHOLDER.sub(value_for, template)


def problem_page(problem, app_chunks=()):
    """The exercise page; `app_chunks` are the script chunks app.js imports (under assets/)."""
    site_dir = paths.site_problem_dir(problem.slug)
    root = paths.relative_root(site_dir)
    # The inputs exactly as the page's tests receive them, through tests.json.
    shipped = harness.Suite.from_json(problem.suite.to_json())
    examples = shipped.examples_suite()
    config = {
        "slug": problem.slug,
        "starter": problem.starter,
        "testNames": [case.name for case in problem.suite.cases],
        # "Try in console" on a failed test: the call, with its inputs (None: SHOW_INPUTS = False).
        "testCalls": [shipped.call_source(index) for index in range(len(shipped.cases))] if shipped.show_inputs else None,
        "examples": [
            {"name": case.name, "input": case.code or _show_inputs(case.args), "expected": show_value(case.expected), "call": examples.call_source(index)}
            for index, case in enumerate(problem.suite.examples)
        ],
        "timeLimitSeconds": problem.suite.time_limit_seconds,
        "handIn": hand_in_facts(problem),
        "urls": {
            "worker": root + paths.SITE_ASSETS + "worker.js",
            "pyodide": root + paths.SITE_PYODIDE,
            "pythonBoot": root + paths.SITE_PYODIDE + BOOT_MANIFEST,
            "serviceWorker": root + SERVICE_WORKER,
            "tests": "tests.json",
        },
    }
    return fill(
        paths.PAGE_TEMPLATE.read_text(encoding="utf-8"),
        {
            "root": root,
            "title": html.escape(problem.title),
            "difficulty": html.escape(problem.difficulty),
            "signature": html.escape(problem.signature),
            "statement": render_statement(problem.statement_markdown, f"problems/{problem.slug}/statement.md"),
            "test_count": str(len(problem.suite.cases)),
            "config": _script_safe_json(config),
            "module_preloads": "\n".join(f'  <link rel="modulepreload" href="{root}{paths.SITE_ASSETS}{html.escape(chunk)}">' for chunk in app_chunks),
        },
    )


def hand_in_facts(problem):
    """What a hand-in file's header says of the kit and the tests (static/handin/handin.js writes it)."""
    return {"kitVersion": KIT_VERSION, "testsDigest": digest_of_text(problem.suite.to_json())}


def catalog_page(problems):
    """The site root: every problem, easiest first, then by title."""
    problems = sorted(problems, key=lambda problem: (DIFFICULTIES.index(problem.difficulty), problem.title.lower()))
    items = "\n".join(
        f'<li class="catalog-item" data-slug="{html.escape(problem.slug)}"><div class="catalog-item__heading">'
        f'<a href="{paths.site_problem_dir(problem.slug)}">{html.escape(problem.title)}</a>'
        f' <span class="difficulty difficulty--{problem.difficulty.lower()}">{html.escape(problem.difficulty)}</span></div>'
        f'<p>{html.escape(problem.summary)}</p></li>'
        for problem in problems
    )
    config = {"handIn": {problem.slug: hand_in_facts(problem) for problem in problems}}
    return fill(paths.CATALOG_TEMPLATE.read_text(encoding="utf-8"), {"root": "", "problems": items, "config": _script_safe_json(config)})


def _show_inputs(args):
    """An example's inputs as the learner would write them: one `name = value` line each."""
    return "\n".join(f"{name} = {value.tolist() if isinstance(value, np.ndarray) else value!r}" for name, value in args.items())


def _script_safe_json(value):
    """JSON that can sit inside <script>: "</" cannot end the element early."""
    return json.dumps(value).replace("</", "<\\/")
