"""Built-in data ships in the wheel and is found by a plain, non-editable install."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import BUILTIN, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        pytest.fail(done.stdout + done.stderr)
    [built] = out.glob("aigov-*.whl")
    return built


def test_wheel_contains_every_framework_and_the_schema(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in BUILTIN.glob("*.yaml"):
        assert f"aigov_cli/frameworks/{path.name}" in names
    assert "aigov_cli/framework.schema.json" in names
    assert "aigov_cli/py.typed" in names


def test_installed_wheel_finds_builtin_data_from_any_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from aigov_cli.__main__ import main; sys.argv = ['aigov', 'validate']; main()"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    count = len(list(BUILTIN.glob("*.yaml")))
    assert done.stderr == f"aigov: {count} files valid\n"
