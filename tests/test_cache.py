"""The cache: never stale (keyed before reading, racily clean entries checked by their bytes),
never fatal (anything odd is a miss), bounded (an index per folder, pruning, `cache clear`),
and it keeps warm runs light. Coarse timestamps are simulated by replacing the stat and clock
functions the cache and loader use, so no special filesystem is needed."""

from __future__ import annotations

import json
import os
import random
import shutil
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from aigov_cli import cache, loader
from aigov_cli.loading import Loader

from .conftest import FIXTURE_FRAMEWORKS, invoke

SECOND = 1_000_000_000


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "fw"
    shutil.copytree(FIXTURE_FRAMEWORKS, folder)
    return folder


def name_of(folder: Path, framework_id: str = "alpha", *extra: str) -> str:
    out = invoke("show", framework_id, "-d", folder, "-f", "json", *extra)
    assert out.exit_code == 0, out.stderr
    return str(json.loads(out.stdout)["jurisdiction"]["name"])


def listing(folder: Path, *extra: str) -> dict[str, Any]:
    out = invoke("list", "-d", folder, "-f", "json", *extra)
    assert out.exit_code == 0, out.stderr
    return {j["id"]: (j["name"], j["values"]) for j in json.loads(out.stdout)["jurisdictions"]}


def rename(path: Path, old: str, new: str) -> None:
    """Rewrite a file in place (same inode) with one name changed."""
    text = path.read_text()
    assert old in text
    with path.open("r+") as handle:
        handle.write(text.replace(old, new))
        handle.truncate()


class CoarseClock:
    """A filesystem whose timestamps keep whole seconds, and a clock we move by hand."""

    def __init__(self, start: int = 1_800_000_000 * SECOND) -> None:
        self.now = start
        self.mtimes: dict[str, int] = {}
        self.ctimes: dict[str, int] = {}

    def touch(self, path: Path, *, mtime: int | None = None) -> None:
        """Record that `path` was written now (to the second); `mtime` puts the mtime back
        as `touch -r` does. The ctime always moves on: no call can set it."""
        second = self.now - self.now % SECOND
        self.mtimes[str(path)] = second if mtime is None else mtime
        self.ctimes[str(path)] = second

    def stat(self, path: Path) -> Any:
        real = path.stat()
        fallback = real.st_mtime_ns - real.st_mtime_ns % SECOND
        return SimpleNamespace(
            st_mtime_ns=self.mtimes.get(str(path), fallback),
            st_ctime_ns=self.ctimes.get(str(path), fallback),
            st_size=real.st_size,
            st_ino=real.st_ino,
        )

    def clock(self) -> int:
        return self.now


def test_entries_are_written_and_used(user_dir: Path) -> None:
    assert name_of(user_dir) == "Alphaland"
    root = cache.cache_dir()
    assert root is not None
    assert list((root / "data").glob("*.json")) and list((root / "index").glob("*.json"))
    assert name_of(user_dir) == "Alphaland"


def test_changed_file_is_seen_on_next_run(user_dir: Path) -> None:
    assert name_of(user_dir) == "Alphaland"
    rename(user_dir / "alpha.yaml", "name: Alphaland", "name: Alphaland Two")
    assert name_of(user_dir) == "Alphaland Two"


def test_same_size_same_mtime_change_is_seen(user_dir: Path) -> None:
    assert name_of(user_dir) == "Alphaland"
    path = user_dir / "alpha.yaml"
    before = path.stat()
    rename(path, "name: Alphaland", "name: Alphalund")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert name_of(user_dir) == "Alphalund"


def test_coarse_timestamps_rewrite_within_the_same_second(
    user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Write, read (cached), rewrite with other content of the same size within the same
    second, on a filesystem with one-second timestamps: the stat key cannot tell, so the
    racily clean entry is checked by its bytes."""
    fs = CoarseClock()
    monkeypatch.setattr(cache, "file_stat", fs.stat)
    monkeypatch.setattr(cache, "now_ns", fs.clock)
    path = user_dir / "alpha.yaml"
    fs.touch(path)
    assert name_of(user_dir) == "Alphaland"
    assert listing(user_dir)["alpha"][0] == "Alphaland"
    fs.now += SECOND // 3  # still the same second
    rename(path, "name: Alphaland", "name: Alphalund")
    fs.touch(path)
    assert fs.stat(path).st_mtime_ns == fs.mtimes[str(path)]  # the key did not change
    assert name_of(user_dir) == "Alphalund"
    assert listing(user_dir)["alpha"][0] == "Alphalund"


def test_coarse_timestamps_restored_after_a_checkout(
    user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`git checkout` then `touch -r`: new content, the old timestamps. Once an entry is old
    enough to be trusted by its key, a rewrite must change the key (the ctime moves on)."""
    fs = CoarseClock()
    monkeypatch.setattr(cache, "file_stat", fs.stat)
    monkeypatch.setattr(cache, "now_ns", fs.clock)
    path = user_dir / "alpha.yaml"
    fs.touch(path)
    assert name_of(user_dir) == "Alphaland"
    fs.now += 10 * SECOND
    assert name_of(user_dir) == "Alphaland"  # checked by its bytes, and refreshed
    fs.now += 10 * SECOND
    rename(path, "name: Alphaland", "name: Alphalund")
    fs.touch(path, mtime=fs.mtimes[str(path)])  # touch -r: the old mtime, a new ctime
    assert fs.stat(path).st_mtime_ns < fs.stat(path).st_ctime_ns
    assert name_of(user_dir) == "Alphalund"


def test_a_file_rewritten_while_it_is_read_is_not_cached(
    user_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The key is taken before reading and confirmed after: a file that changes in between
    is used for this run only, and the next run sees the new content."""
    path = user_dir / "alpha.yaml"
    real = loader.read_limited

    def read_then_rewrite(file: Path | str, display: str | None = None) -> bytes:
        raw = real(file, display)
        if Path(file) == path and b"Alphaland" in raw:
            rename(path, "name: Alphaland", "name: Alphalund")
        return raw

    monkeypatch.setattr(loader, "read_limited", read_then_rewrite)
    store = cache.Cache(tmp_path / "c")
    first = Loader(store)
    assert first.summary(path)["name"] == "Alphaland"  # what was read
    first.flush()
    monkeypatch.setattr(loader, "read_limited", real)
    second = Loader(cache.Cache(tmp_path / "c"))
    assert second.summary(path)["name"] == "Alphalund"
    assert second.data(path)["name"] == "Alphalund"


def test_the_same_rewrite_on_coarse_timestamps(
    user_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """As above, but the timestamps cannot show the change: the entry pairs the key with the
    checksum of the bytes read, and the racily clean check catches the difference."""
    fs = CoarseClock()
    path = user_dir / "alpha.yaml"
    fs.touch(path)
    real = loader.read_limited

    def read_then_rewrite(file: Path | str, display: str | None = None) -> bytes:
        raw = real(file, display)
        if Path(file) == path and b"Alphaland" in raw:
            rename(path, "name: Alphaland", "name: Alphalund")
            fs.touch(path)
        return raw

    monkeypatch.setattr(loader, "read_limited", read_then_rewrite)
    first = Loader(cache.Cache(tmp_path / "c", stat=fs.stat, clock=fs.clock))
    assert first.summary(path)["name"] == "Alphaland"
    first.flush()
    monkeypatch.setattr(loader, "read_limited", real)
    fs.now += SECOND // 2
    second = Loader(cache.Cache(tmp_path / "c", stat=fs.stat, clock=fs.clock))
    assert second.summary(path)["name"] == "Alphalund"
    assert second.data(path)["name"] == "Alphalund"


def test_randomized_rounds_always_match_no_cache(
    user_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rewrites, renames over the file, restored timestamps and concurrent runs, on
    one-second timestamps: every answer equals the uncached one."""
    fs = CoarseClock()
    monkeypatch.setattr(cache, "file_stat", fs.stat)
    monkeypatch.setattr(cache, "now_ns", fs.clock)
    rng = random.Random(20261129)
    path = user_dir / "alpha.yaml"
    names = ["Alphaland", "Alphalund", "Alphalind", "Alphalond"]
    current = "Alphaland"
    fs.touch(path)
    for round_ in range(40):
        action = rng.choice(["rewrite", "rename-over", "restore", "wait", "nothing"])
        new = rng.choice([n for n in names if n != current])
        before = fs.mtimes[str(path)]
        if action == "rewrite":
            rename(path, f"name: {current}", f"name: {new}")
            current = new
            fs.touch(path)
        elif action == "rename-over":
            other = user_dir / ".tmp-alpha"
            other.write_text(path.read_text().replace(f"name: {current}", f"name: {new}"))
            other.replace(path)
            current = new
            fs.touch(path)
        elif action == "restore":
            rename(path, f"name: {current}", f"name: {new}")
            current = new
            fs.touch(path, mtime=before)  # as touch -r would, on a coarse clock
        elif action == "wait":
            fs.now += rng.choice([1, 3]) * SECOND
        fs.now += rng.randrange(SECOND // 10)
        cached = listing(user_dir)
        assert cached == listing(user_dir, "--no-cache"), f"round {round_}: {action}"
        assert cached["alpha"][0] == current
        assert name_of(user_dir) == current


def test_concurrent_runs_while_a_file_changes(user_dir: Path, tmp_path: Path) -> None:
    """Many processes list a folder while one file is rewritten again and again: no run
    fails, and afterwards the cached answer equals the uncached one."""
    env = {**os.environ, "AIGOV_CACHE_DIR": str(tmp_path / "shared-cache")}
    path = user_dir / "alpha.yaml"

    def one(n: int) -> subprocess.CompletedProcess[str]:
        if n % 3 == 0:
            rename(path, "name: Alpha", "name: Alpha") if n % 2 else None
            text = path.read_text()
            old, new = (
                ("Alphaland", "Alphalund") if "Alphaland" in text else ("Alphalund", "Alphaland")
            )
            path.write_text(text.replace(old, new))
        return subprocess.run(
            [sys.executable, "-m", "aigov_cli", "list", "-d", str(user_dir), "-f", "json"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(one, range(18)))
    for done in results:
        assert done.returncode == 0, done.stderr
    fresh = subprocess.run(
        [sys.executable, "-m", "aigov_cli", "list", "-d", str(user_dir), "-f", "json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    uncached = subprocess.run(
        [
            sys.executable,
            "-m",
            "aigov_cli",
            "list",
            "-d",
            str(user_dir),
            "-f",
            "json",
            "--no-cache",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    assert json.loads(fresh.stdout) == json.loads(uncached.stdout)
    assert not list((tmp_path / "shared-cache").rglob("*.tmp"))


def test_added_and_removed_files_are_seen(user_dir: Path) -> None:
    assert "beta" in listing(user_dir)
    (user_dir / "beta.yaml").unlink()
    assert "beta" not in listing(user_dir)
    shutil.copy(FIXTURE_FRAMEWORKS / "beta.yaml", user_dir / "beta.yaml")
    assert "beta" in listing(user_dir)


def test_broken_file_is_never_served_from_cache(user_dir: Path) -> None:
    assert name_of(user_dir) == "Alphaland"
    path = user_dir / "alpha.yaml"
    path.write_text(path.read_text() + "oops: [\n")
    result = invoke("show", "alpha", "-d", user_dir)
    assert result.exit_code == 2 and "alpha.yaml:" in result.stderr


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"{not json",
        b'{"key": 1, "data": 2}',
        b"\x00\xff",
        b"[]",
        b"null",
        b'{"format": 2, "data": {}}',
    ],
)
def test_corrupt_entries_are_ignored_and_rebuilt(user_dir: Path, garbage: bytes) -> None:
    assert name_of(user_dir) == "Alphaland"
    root = cache.cache_dir()
    assert root is not None
    for entry in root.rglob("*.json"):
        entry.write_bytes(garbage)
    assert name_of(user_dir) == "Alphaland"
    assert "alpha" in listing(user_dir)


def _rewrite_entry(path: Path, change: Any) -> None:
    """Change a cache file's header or payload, keeping both valid JSON."""
    head, _, body = path.read_text().partition("\n")
    header, payload = json.loads(head), json.loads(body)
    change(header, payload)
    path.write_text(json.dumps(header) + "\n" + json.dumps(payload))


@pytest.mark.parametrize(
    "damage",
    [
        lambda h, d: d.clear(),
        lambda h, d: d.update(aliases=None),
        lambda h, d: d.update(approach=[]),
        lambda h, d: h.update(key="everything"),
        lambda h, d: h.update(written="soon"),
    ],
    ids=["empty-data", "aliases-null", "approach-list", "key-text", "written-text"],
)
def test_wrong_shaped_data_entries_are_misses(user_dir: Path, damage: Any) -> None:
    """JSON that parses but has the wrong shape: every later run still works."""
    assert name_of(user_dir) == "Alphaland"
    root = cache.cache_dir()
    assert root is not None
    for entry in (root / "data").glob("*.json"):
        _rewrite_entry(entry, damage)
    assert name_of(user_dir) == "Alphaland"
    assert invoke("compare", "alpha", "beta", "-d", user_dir, "-f", "json").exit_code == 0


@pytest.mark.parametrize(
    "damage",
    [
        lambda h, rows: [r.pop("summary") for r in rows.values()],
        lambda h, rows: [r["summary"].update(aliases=None) for r in rows.values()],
        lambda h, rows: rows.clear(),
        lambda h, rows: [r.update(key=None) for r in rows.values()],
    ],
    ids=["no-summary", "aliases-null", "rows-empty", "key-null"],
)
def test_wrong_shaped_index_rows_are_misses(user_dir: Path, damage: Any) -> None:
    assert listing(user_dir)["alpha"][0] == "Alphaland"
    root = cache.cache_dir()
    assert root is not None
    for index in (root / "index").glob("*.json"):
        _rewrite_entry(index, damage)
    assert listing(user_dir)["alpha"][0] == "Alphaland"
    assert invoke("show", "al", "-d", user_dir, "-f", "json").exit_code == 0  # alias lookup


def test_no_home_directory_is_not_fatal(user_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """HOME unset and a uid with no passwd entry, as in many containers."""
    import pwd

    monkeypatch.delenv("AIGOV_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)

    def no_entry(uid: int) -> Any:
        raise KeyError(uid)

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    assert cache.cache_dir() is None
    assert name_of(user_dir) == "Alphaland"
    assert invoke("cache").stdout.startswith("no cache")


@pytest.mark.parametrize("home", ["", "/", "relative/home"])
def test_an_unusable_home_means_no_cache(home: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AIGOV_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", home)
    assert cache.cache_dir() is None


def test_a_relative_xdg_cache_home_is_ignored(
    user_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AIGOV_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative-cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "aigov"
    assert name_of(user_dir) == "Alphaland"
    assert not (tmp_path / "relative-cache").exists()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "aigov"


def test_one_folder_index_per_folder(user_dir: Path, tmp_path: Path) -> None:
    """A large folder's summaries live in its own index, not in one shared file."""
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(FIXTURE_FRAMEWORKS / "beta.yaml", other / "beta.yaml")
    listing(user_dir)
    listing(other)
    root = cache.cache_dir()
    assert root is not None
    folders = {
        json.loads(p.read_text().partition("\n")[0])["folder"]
        for p in (root / "index").glob("*.json")
    }
    assert {str(user_dir), str(other)} <= folders


def test_pruning_drops_entries_for_files_that_are_gone(user_dir: Path) -> None:
    listing(user_dir)
    root = cache.cache_dir()
    assert root is not None
    before = len(list((root / "data").glob("*.json")))
    (user_dir / "beta.yaml").unlink()
    store = cache.Cache(root)
    assert store.prune(force=True) >= 1
    assert len(list((root / "data").glob("*.json"))) == before - 1


def test_cache_info_and_clear(user_dir: Path) -> None:
    listing(user_dir)
    info = invoke("cache").stdout
    assert "entries: " in info and "entries: 0" not in info
    cleared = invoke("cache", "clear")
    assert cleared.exit_code == 0 and cleared.stderr.startswith("aigov: removed ")
    assert "entries: 0" in invoke("cache").stdout
    assert name_of(user_dir) == "Alphaland"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_cache_folder(user_dir: Path) -> None:  # pragma: no cover - not as root
    folder = cache.cache_dir()
    assert folder is not None
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
    root = cache.cache_dir()
    assert root is not None and not root.exists()


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
    assert not {"pydantic", "yaml", "rich"} & imported_modules("list", env=env)
    assert "rich" in imported_modules("compare", "japan", "china", env=env)
