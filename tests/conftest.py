"""Shared fixtures: a CLI runner with stderr kept apart, fixture frameworks, helpers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from aigov_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
FIXTURE_FRAMEWORKS = FIXTURES / "frameworks"
BUILTIN = ROOT / "frameworks"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's frameworks path, cache or colour settings."""
    monkeypatch.delenv("AIGOV_FRAMEWORKS_PATH", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("AIGOV_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "100")


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(*args: str | os.PathLike[str]):  # type: ignore[no-untyped-def]
    """Run the CLI in-process; stdout and stderr stay apart."""
    return CliRunner().invoke(app, [str(a) for a in args])


def run_aigov(
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    input: bytes | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run aigov as a real process (for exit codes, pipes, terminals)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "aigov_cli", *args],
        capture_output=True,
        env=full_env,
        cwd=cwd,
        input=input,
        timeout=60,
        check=False,
    )


def load_fixture(name: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((FIXTURE_FRAMEWORKS / f"{name}.yaml").read_text(encoding="utf-8"))


def write_yaml(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def fixture_dir(tmp_path: Path) -> Path:
    """A copy of the fixture frameworks folder that a test may change."""
    target = tmp_path / "frameworks"
    shutil.copytree(FIXTURE_FRAMEWORKS, target)
    return target


def fixture_api():  # type: ignore[no-untyped-def]
    """The API over the fixture frameworks only (no built-in files, no cache)."""
    from aigov_cli.api import Frameworks
    from aigov_cli.catalog import Catalog
    from aigov_cli.loading import Loader
    from aigov_cli.registry import discover

    return Frameworks(Catalog(discover([FIXTURE_FRAMEWORKS], include_builtin=False), Loader(None)))
