"""Completion, CI annotations, pre-commit, the Python API, the HTML report, and help."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from aigov_cli import api
from aigov_cli.cli import app

from .conftest import FIXTURE_FRAMEWORKS, ROOT, invoke


def complete(
    shell: str, words: str, tmp_path: Path, importtime: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "_AIGOV_COMPLETE": f"complete_{shell}",
        "AIGOV_CACHE_DIR": str(tmp_path / "cache"),
    }
    if shell == "bash":
        env |= {"COMP_WORDS": words, "COMP_CWORD": str(len(words.split()) - 1)}
    else:
        env |= {"_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    flags = ["-X", "importtime"] if importtime else []
    return subprocess.run(
        [sys.executable, *flags, "-m", "aigov_cli"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_offers_jurisdiction_ids(shell: str, tmp_path: Path) -> None:
    done = complete(shell, "aigov compare ja", tmp_path)
    assert "japan" in done.stdout, done.stdout + done.stderr


def test_completion_of_commands_options_and_aliases(tmp_path: Path) -> None:
    assert "compare" in complete("bash", "aigov comp", tmp_path).stdout.split()
    assert "--only-differences" in complete("bash", "aigov compare --only", tmp_path).stdout.split()
    assert "jp" in complete("bash", "aigov show j", tmp_path).stdout.split()


def test_completion_stays_fast_when_data_is_unchanged(tmp_path: Path) -> None:
    complete("bash", "aigov compare ja", tmp_path)  # fills the summaries index
    done = complete("bash", "aigov compare ja", tmp_path, importtime=True)
    assert "japan" in done.stdout
    imported = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines()}
    assert not {"pydantic", "yaml", "rich"} & imported


def test_validate_github_annotation_has_file_line_col(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: 1\nid: broken\nname: NO\n")
    result = invoke("validate", "--format", "github", broken)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"::error file={broken},line=3,col=7::'NO' is read by YAML 1.1")


def test_validate_json_records_every_problem(tmp_path: Path) -> None:
    broken = tmp_path / "alpha.yaml"
    broken.write_text(
        (FIXTURE_FRAMEWORKS / "alpha.yaml").read_text().replace("kind: national", "kind: planet")
    )
    body = json.loads(invoke("validate", "--format", "json", broken, FIXTURE_FRAMEWORKS).stdout)
    assert body["valid"] is False and body["files"] == 3
    [problem] = body["problems"]
    assert set(problem) == {"file", "line", "column", "path", "message", "level"}
    assert problem["line"] == 6 and "kind" in problem["message"]


def test_pre_commit_hook_runs_against_a_sample_repository(tmp_path: Path) -> None:
    tool = Path(sys.executable).with_name("pre-commit")
    if not tool.exists() or shutil.which("git") is None:
        pytest.skip("pre-commit or git not installed")
    repo = tmp_path / "sample"
    (repo / "frameworks").mkdir(parents=True)
    shutil.copy(FIXTURE_FRAMEWORKS / "alpha.yaml", repo / "frameworks" / "alpha.yaml")
    (repo / "frameworks" / "broken.yaml").write_text("schema_version: 1\nid: broken\nbogus: [\n")
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "sample"], cwd=repo, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    done = subprocess.run(
        [str(tool), "try-repo", str(ROOT), "aigov-validate", "--all-files"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "frameworks/broken.yaml:4:1: YAML syntax error" in done.stdout
    assert "alpha.yaml" not in done.stdout.split("exit code: 1", 1)[1]


def test_python_api_gives_the_cli_results(tmp_path: Path) -> None:
    gov = api.open([FIXTURE_FRAMEWORKS])
    assert {"alpha", "beta", "japan"} <= set(gov.ids())
    assert gov.get("al")["id"] == "alpha"
    result = gov.compare(["japan", "china"])
    cli = json.loads(invoke("compare", "japan", "china", "-f", "json").stdout)
    assert api.to_data(result) == cli
    assert gov.diff("japan@2024-04-01", "japan").differs
    assert not gov.diff("japan", "japan").differs
    assert api.render(gov.compare(["alpha", "beta"]), "markdown").startswith("| ≠ | Dimension |")
    nearest = gov.similar("alpha", top=2).neighbours
    assert len(nearest) == 2 and nearest[0].distance <= nearest[1].distance
    assert "alpha" not in [n.jurisdiction.id for n in nearest]
    assert gov.map(["alpha", "beta"]).points[0].x_value == "hybrid"
    assert gov.timeline(["alpha"]).events[0].date == "2019-03-01"
    assert gov.sources(["alpha"]).entries[0].cited_by
    assert gov.listing(["legal_form=hard_law"]).items
    assert gov.show("alpha", ["summary"]).sections == ("summary",)
    broken = tmp_path / "alpha.yaml"
    broken.write_text("id: [\n")
    [problem] = api.validate([broken]).problems
    assert (problem.line, problem.column) == (2, 1)
    with pytest.raises(api.AigovError):
        gov.get("atlantis")


def test_package_is_typed() -> None:
    assert (ROOT / "src" / "aigov_cli" / "py.typed").exists()


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_report_is_one_self_contained_html_file(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = invoke("report", "japan", "china", "eu", "-o", target)
    assert result.exit_code == 0, result.stderr
    page = target.read_text()
    parser = _Collect()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "link" not in tags and "iframe" not in tags
    for tag, attrs in parser.tags:
        for name in ("src", "srcset"):
            assert name not in attrs, tag
        if attrs.get("href"):
            assert attrs["href"].startswith(("#", "https://", "http://")), attrs["href"]
    assert "@import" not in page and "url(" not in page
    assert {"table", "svg", "ol", "style"} <= set(tags)
    ids = {a.get("id") for _, a in parser.tags}
    assert {"comparison", "map", "timeline", "sources", "source-1"} <= ids
    text = " ".join(parser.text)
    assert "Japan" in text and "European Union" in text and "≠" in text
    assert 'name="viewport"' in page and "@media print" in page


def test_report_escapes_hostile_data(tmp_path: Path) -> None:
    folder = tmp_path / "fw"
    shutil.copytree(FIXTURE_FRAMEWORKS, folder)
    path = folder / "alpha.yaml"
    path.write_text(
        path.read_text()
        .replace("name: Alphaland", 'name: "<script>alert(1)</script>"')
        .replace("https://example.org/alpha-act", 'https://example.org/a?<b>=\\"x')
    )
    target = tmp_path / "report.html"
    assert invoke("report", "alpha", "beta", "-d", folder, "-o", target).exit_code == 0
    page = target.read_text()
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_report_renders_in_chromium(tmp_path: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed")
    target = tmp_path / "report.html"
    invoke("report", "japan", "china", "-o", target)
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--hide-scrollbars",
            "--window-size=1200,1600",
            f"--screenshot={shot}",
            target.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kB


COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)  # type: ignore[union-attr]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    summary = " ".join(result.stdout.split("\n\n")[1].split())
    assert summary[0].isupper() and summary.endswith("."), summary
    assert len(summary) < 100, summary  # one line in the command list
    assert "Examples:" in result.stdout
    assert f"aigov {command}" in result.stdout.split("Examples:", 1)[1]


def test_readme_documents_every_command_and_no_stale_flag() -> None:
    readme = (ROOT / "README.md").read_text()
    for command in COMMANDS:
        assert re.search(rf"^### `aigov {command}\b", readme, re.MULTILINE), command
    known = set()
    for command in COMMANDS:
        known |= set(re.findall(r"--[a-z][a-z-]+", invoke(command, "--help").stdout))
    known |= set(re.findall(r"--[a-z][a-z-]+", invoke("--help").stdout))
    mentioned = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", readme))
    ignored = {"--all-files", "--headless", "--screenshot", "--write"}  # not aigov options
    assert mentioned - known - ignored == set()


def test_readme_lists_every_builtin_jurisdiction() -> None:
    """The README's table is the one the script generates from the data."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "table", ROOT / "scripts" / "jurisdictions_table.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = (ROOT / "README.md").read_text()
    assert module.replaced(readme) == readme, "run scripts/jurisdictions_table.py --write"
    for path in sorted((ROOT / "frameworks").glob("*.yaml")):
        assert f"| `{path.stem}` |" in readme, path.stem
