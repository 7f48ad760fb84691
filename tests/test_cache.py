"""The cache of validated data: never stale, survives corruption, concurrency and
read-only folders, and can be switched off. Warm runs import neither pydantic, yaml nor
rich where they are not needed."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from aigov_cli import cache

from .conftest import FIXTURE_FRAMEWORKS, invoke


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "fw"
    shutil.copytree(FIXTURE_FRAMEWORKS, folder)
    return folder


def name_of(folder: Path, framework_id: str = "alpha") -> str:
    out = invoke("show", framework_id, "-d", folder, "-f", "json")
    assert out.exit_code == 0, out.stderr
    return json.loads(out.stdout)["jurisdiction"]["name"]


def test_entries_are_written_and_used(user_dir: Path) -> None:
    assert name_of(user_dir) == "Alphaland"
    entries = list((cache.cache_dir() / "frameworks").glob("*.json"))
    assert entries
    assert name_of(user_dir) == "Alphaland"


def test_changed_file_is_seen_on_next_run(user_dir: Path) -> None:
    assert name_of(user_dir) == "Alphaland"
    path = user_dir / "alpha.yaml"
    text = path.read_text().replace("name: Alphaland", "name: Alphaland Two")
    path.write_text(text)
    assert name_of(user_dir) == "Alphaland Two"


def test_same_size_same_mtime_change_is_seen(user_dir: Path) -> None:
    assert name_of(user_dir) == "Alphaland"
    path = user_dir / "alpha.yaml"
    before = path.stat()
    path.write_text(path.read_text().replace("name: Alphaland", "name: Alphalund"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert name_of(user_dir) == "Alphalund"


def test_added_and_removed_files_are_seen(user_dir: Path) -> None:
    listing = json.loads(invoke("list", "-d", user_dir, "-f", "json").stdout)
    assert "beta" in {j["id"] for j in listing["jurisdictions"]}
    (user_dir / "beta.yaml").unlink()
    listing = json.loads(invoke("list", "-d", user_dir, "-f", "json").stdout)
    assert "beta" not in {j["id"] for j in listing["jurisdictions"]}
    shutil.copy(FIXTURE_FRAMEWORKS / "beta.yaml", user_dir / "beta.yaml")
    listing = json.loads(invoke("list", "-d", user_dir, "-f", "json").stdout)
    assert "beta" in {j["id"] for j in listing["jurisdictions"]}


def test_broken_file_is_never_served_from_cache(user_dir: Path) -> None:
    assert name_of(user_dir) == "Alphaland"
    path = user_dir / "alpha.yaml"
    path.write_text(path.read_text() + "oops: [\n")
    result = invoke("show", "alpha", "-d", user_dir)
    assert result.exit_code == 2 and "alpha.yaml:" in result.stderr


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"key": 1, "data": 2}', b"\x00\xff"])
def test_corrupt_entries_are_ignored_and_rebuilt(user_dir: Path, garbage: bytes) -> None:
    assert name_of(user_dir) == "Alphaland"
    for entry in (cache.cache_dir() / "frameworks").glob("*.json"):
        entry.write_bytes(garbage)
    (cache.cache_dir() / "summaries.json").write_bytes(garbage)
    assert name_of(user_dir) == "Alphaland"
    listing = json.loads(invoke("list", "-d", user_dir, "-f", "json").stdout)
    assert "alpha" in {j["id"] for j in listing["jurisdictions"]}
    rebuilt = [json.loads(e.read_text()) for e in (cache.cache_dir() / "frameworks").glob("*.json")]
    assert any(isinstance(e, dict) and e.get("data", {}).get("id") == "alpha" for e in rebuilt)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_cache_folder(user_dir: Path) -> None:  # pragma: no cover - not as root
    folder = cache.cache_dir()
    folder.mkdir(parents=True)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert name_of(user_dir) == "Alphaland"
    finally:
        folder.chmod(stat.S_IRWXU)


def test_unwritable_cache_location(
    user_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("AIGOV_CACHE_DIR", str(blocker / "cache"))
    assert name_of(user_dir) == "Alphaland"
    assert name_of(user_dir) == "Alphaland"


@pytest.mark.parametrize("switch", ["flag", "env"])
def test_cache_can_be_switched_off(
    user_dir: Path, monkeypatch: pytest.MonkeyPatch, switch: str
) -> None:
    if switch == "env":
        monkeypatch.setenv("AIGOV_NO_CACHE", "1")
        result = invoke("show", "alpha", "-d", user_dir, "-f", "json")
    else:
        result = invoke("show", "alpha", "-d", user_dir, "-f", "json", "--no-cache")
    assert result.exit_code == 0
    assert not cache.cache_dir().exists()


def test_concurrent_runs_never_corrupt(user_dir: Path, tmp_path: Path) -> None:
    env = {**os.environ, "AIGOV_CACHE_DIR": str(tmp_path / "shared-cache")}

    def one(_: int) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "aigov_cli", "list", "-d", str(user_dir), "-f", "json"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(one, range(12)))
    for done in results:
        assert done.returncode == 0, done.stderr
        assert {"alpha", "beta", "japan"} <= {
            j["id"] for j in json.loads(done.stdout)["jurisdictions"]
        }
    for entry in (tmp_path / "shared-cache" / "frameworks").glob("*.json"):
        json.loads(entry.read_text())
    assert not list((tmp_path / "shared-cache" / "frameworks").glob(".entry-*"))


def imported_modules(*args: str, env: dict[str, str]) -> set[str]:
    code = (
        "import sys, io, contextlib\n"
        f"sys.argv = ['aigov', *{list(args)!r}]\n"
        "from aigov_cli.cli import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    run()\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return set(done.stdout.split())


def test_warm_runs_import_only_what_they_need(tmp_path: Path) -> None:
    env = {**os.environ, "AIGOV_CACHE_DIR": str(tmp_path / "cache")}
    cold = imported_modules("compare", "japan", "china", "-f", "json", env=env)
    assert "pydantic" in cold  # the first run validates
    warm = imported_modules("compare", "japan", "china", "-f", "json", env=env)
    assert not {"pydantic", "yaml", "rich"} & warm
    assert "rich" not in imported_modules("--help", env=env)
    assert "rich" not in imported_modules("compare", "--help", env=env)
    imported_modules("list", "-f", "csv", env=env)  # fills the summaries index
    assert not {"pydantic", "yaml", "rich"} & imported_modules("list", "-f", "csv", env=env)
    assert (tmp_path / "cache" / "summaries.json").exists()
    assert "rich" in imported_modules("compare", "japan", "china", env=env)
