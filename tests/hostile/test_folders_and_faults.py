"""Odd folders and failing outputs: skipped or reported, never a hang, nothing lost."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from aigov_cli import output

from ..conftest import FIXTURE_FRAMEWORKS, invoke


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "fw"
    shutil.copytree(FIXTURE_FRAMEWORKS, target)
    return target


def ids(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {j["id"] for j in json.loads(result.stdout)["jurisdictions"]}


def test_symlink_loops_are_skipped_with_a_warning(folder: Path) -> None:
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    result = invoke("list", "-d", folder, "-f", "json")
    assert result.exit_code == 0
    assert {"alpha", "beta"} <= ids(result)
    assert "warning:" in result.stderr and "loop.yaml" in result.stderr
    validated = invoke("validate", folder)
    assert "Traceback" not in validated.stderr


def test_other_files_and_subfolders_are_ignored(folder: Path) -> None:
    (folder / "README.md").write_text("# notes")
    (folder / "data.json").write_text("{}")
    (folder / "nested").mkdir()
    (folder / "nested" / "gamma.yaml").write_text("not: [valid")
    result = invoke("list", "-d", folder, "-f", "json")
    assert result.exit_code == 0
    assert "gamma" not in ids(result)


def test_same_id_in_two_user_folders_names_both(folder: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(folder / "alpha.yaml", other / "alpha.yaml")
    result = invoke("list", "-d", folder, "-d", other)
    assert result.exit_code == 2
    assert (
        str(folder / "alpha.yaml") in result.stderr and str(other / "alpha.yaml") in result.stderr
    )


def test_yml_and_yaml_with_one_id_names_both(folder: Path) -> None:
    shutil.copy(folder / "alpha.yaml", folder / "alpha.yml")
    result = invoke("list", "-d", folder)
    assert result.exit_code == 2 and "two framework files with id 'alpha'" in result.stderr


def test_missing_frameworks_folder(tmp_path: Path) -> None:
    result = invoke("list", "-d", tmp_path / "nope")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(folder: Path) -> None:  # pragma: no cover - not as root
    (folder / "alpha.yaml").chmod(0)
    result = invoke("show", "alpha", "-d", folder)
    assert result.exit_code == 2 and "cannot read file" in result.stderr


def test_unreadable_file_reported_cleanly(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.name == "alpha.yaml":
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = invoke("show", "alpha", "-d", folder, "--no-cache")
    assert result.exit_code == 2
    assert result.stderr == f"aigov: {folder / 'alpha.yaml'}: cannot read file: Permission denied\n"


def test_full_disk_is_a_clear_error(tmp_path: Path) -> None:
    full = Path("/dev/full")
    if not full.exists():
        pytest.skip("/dev/full is not available")
    result = invoke("list", "-o", full)
    assert result.exit_code == 2
    assert result.stderr == "aigov: /dev/full: cannot write: No space left on device\n"
    assert full.exists() and not full.is_file()  # the device was not replaced


def test_failed_write_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "table.csv"
    target.parent.mkdir()
    target.write_text("previous content")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", no_space)
    result = invoke("list", "-f", "csv", "-o", target)
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert target.read_text() == "previous content"
    assert [p.name for p in target.parent.iterdir()] == ["table.csv"]


def test_read_only_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = invoke("list", "-o", tmp_path / "out.txt")
    assert result.exit_code == 2
    assert "cannot write: Permission denied" in result.stderr
    assert not (tmp_path / "out.txt").exists()


def test_output_to_a_pipe_or_terminal_device(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    import threading

    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text()))
    reader.start()
    result = invoke("list", "-f", "csv", "-o", fifo)
    reader.join(timeout=30)
    assert result.exit_code == 0
    assert received and received[0].startswith("id,name,kind")
    assert fifo.exists() and not fifo.is_file()
