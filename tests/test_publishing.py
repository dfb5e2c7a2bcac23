"""What goes to a public address is the student edition: the publish
workflow puts it on GitHub Pages unless the teacher chooses otherwise, and
``./run.sh build`` makes it when SITE_URL names a published address. The
build says in one line which edition it made and whether it holds answers.
The project's own files, not the engine's: run on the project, with the
tiny library as the site."""

from __future__ import annotations

import os
import re
import subprocess

import pytest
import yaml

from support import ROOT, log_of, mkdocs, project, soup

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
STUDENT = "Built the student edition: no model answers, teacher notes or review page"
CLASSROOM = "Built the classroom edition: it holds the model answers, teacher notes and the review page"


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """The project's configuration and theme, with the tiny library as docs/."""
    return project(tmp_path_factory.mktemp("publishing") / "project")


def workflow() -> dict:
    # PyYAML reads the key "on" as True.
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def value(expression: str, context: dict) -> str:
    """A GitHub Actions expression of the form ``${{ a || b || 'literal' }}``,
    as GitHub works it out: the first operand that is not empty."""
    inner = re.fullmatch(r"\$\{\{(.*)\}\}", expression.strip())
    assert inner, f"not an expression GitHub works out: {expression}"
    for operand in inner.group(1).split("||"):
        operand = operand.strip()
        found = operand[1:-1] if operand.startswith("'") else context.get(operand, "")
        if found:
            return found
    return ""


def pages_step(steps: list[dict]) -> dict:
    """The step that builds what upload-pages-artifact publishes."""
    upload = next(i for i, step in enumerate(steps) if str(step.get("uses", "")).startswith("actions/upload-pages-artifact"))
    path = steps[upload]["with"]["path"]
    builds = [step for step in steps[:upload] if "run.sh build" in str(step.get("run", ""))]
    assert builds and path == "site", "the Pages artifact is not what ./run.sh build makes"
    return builds[-1]


@pytest.mark.parametrize("context, edition", [
    ({}, "student"),  # a fresh fork: no input (a push), no repository variable
    ({"vars.PAGES_EDITION": "classroom"}, "classroom"),
    ({"inputs.edition": "classroom"}, "classroom"),
    ({"inputs.edition": "student", "vars.PAGES_EDITION": "classroom"}, "student"),
], ids=["a fresh fork", "the repository variable", "run by hand", "run by hand, over the variable"])
def test_the_workflow_puts_the_student_edition_on_pages_unless_told(context, edition):
    flow = workflow()
    pages_edition = value(flow["env"]["PAGES_EDITION"], context)
    step = pages_step(flow["jobs"]["build"]["steps"])
    assert value(step["env"]["SITE_EDITION"], {"env.PAGES_EDITION": pages_edition}) == edition
    assert step["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")


def test_run_by_hand_the_workflow_offers_the_student_edition_first():
    edition = workflow()[True]["workflow_dispatch"]["inputs"]["edition"]
    assert edition["default"] == "student" and edition["options"][0] == "student"


def test_the_classroom_offline_copy_is_an_artifact_of_private_repositories_only():
    steps = workflow()["jobs"]["build"]["steps"]
    classroom = [step for step in steps if "make_offline.py" in str(step.get("run", "")) and "--student" not in step["run"]]
    uploads = [step for step in steps if "study-site-offline.zip" in str(step.get("with", {}).get("path", ""))]
    assert classroom and uploads
    assert all(step.get("if") == "github.event.repository.private" for step in classroom + uploads)


def run_sh_build(library, tmp_path, **env) -> tuple[subprocess.CompletedProcess, object]:
    """``./run.sh build`` of the tiny library into tmp_path/site, without PDFs."""
    environment = {key: v for key, v in os.environ.items() if key not in ("SITE_EDITION", "SITE_URL")}
    environment |= {"SITE_PDFS": "false", **env}
    result = subprocess.run([str(ROOT / "run.sh"), "build", "-f", str(library / "mkdocs.yml"), "-d", str(tmp_path / "site")],
                            env=environment, capture_output=True, text=True)
    assert result.returncode == 0, log_of(result)
    return result, tmp_path / "site"


def test_run_sh_builds_the_student_edition_for_a_published_address(library, tmp_path):
    result, site = run_sh_build(library, tmp_path, SITE_URL="https://teacher.example.org/reading/")
    assert [line.split("worksheet: ", 1)[-1] for line in log_of(result).splitlines() if "Built the" in line] == [
        STUDENT + "; it may go to any address, public ones included."]
    assert not (site / "review").exists()
    assert soup(site, "bikes/questions/").select(".model-answer, .teacher-notes") == []


def test_run_sh_builds_the_classroom_edition_for_the_teachers_own_use(library, tmp_path):
    result, site = run_sh_build(library, tmp_path)
    assert CLASSROOM in log_of(result)
    assert (site / "review" / "index.html").exists()


def test_run_sh_builds_the_classroom_edition_at_an_address_when_told(library, tmp_path):
    result, site = run_sh_build(library, tmp_path, SITE_URL="https://intranet.example.org/", SITE_EDITION="classroom")
    assert CLASSROOM in log_of(result)
    assert soup(site, "bikes/questions/").select(".model-answer")


def test_a_plain_mkdocs_build_says_which_edition_it_made(library, tmp_path):
    result = mkdocs(library, "build", "-d", str(tmp_path / "site"), edition="student")
    assert [line.split("worksheet: ", 1)[1] for line in log_of(result).splitlines() if "Built the" in line] == [
        STUDENT + "; it may go to any address, public ones included."]
