"""The GitHub Pages workflow publishes what `make check` and `make build` produce, with
GitHub's official Pages actions."""

import yaml

from base.paths import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"


def test_pages_workflow_checks_builds_and_deploys_the_site():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build_steps = workflow["jobs"]["build"]["steps"]
    commands = [step.get("run") for step in build_steps if "run" in step]
    assert commands == ["make check", "make build"]
    actions = [step["uses"].split("@")[0] for step in build_steps if "uses" in step]
    assert actions[-2:] == ["actions/configure-pages", "actions/upload-pages-artifact"]
    assert build_steps[-1]["with"]["path"] == "_site"
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
