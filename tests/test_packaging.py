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


def test_console_script_in_a_fresh_venv(wheel: Path, tmp_path: Path) -> None:
    """`pip install` of the wheel into a new venv, then `aigov` from another folder."""
    import json
    import sysconfig
    import venv

    import jsonschema

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # The dependencies come from this environment (no network needed); aigov itself only
    # from the wheel.
    Path(purelib, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    aigov = env_dir / "bin" / "aigov"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "AIGOV_CACHE_DIR": str(tmp_path / "cache"),
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(aigov), *args],
            cwd=elsewhere,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    done = run("validate")
    assert done.returncode == 0, done.stderr
    assert "files valid" in done.stderr
    jsonschema.Draft202012Validator.check_schema(json.loads(run("schema").stdout))
    compared = run("compare", "japan", "china")
    assert compared.returncode == 0 and "Legal form" in compared.stdout
    where = subprocess.run(
        [str(python), "-c", "import aigov_cli; print(aigov_cli.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    assert str(env_dir) in where  # the installed copy, not the source tree
