"""`aigov validate`: every problem as file:line:col, exit 0/1/2, never a traceback."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from aigov_cli.validation import check_file

from .conftest import BUILTIN, FIXTURE_FRAMEWORKS, invoke, load_fixture, write_yaml


def test_builtin_files_are_valid() -> None:
    result = invoke("validate")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert result.stderr.endswith("files valid\n")


def test_builtin_files_pass_strict() -> None:
    result = invoke("validate", "--strict")
    assert result.exit_code == 0, result.stdout


def copy_builtin(tmp_path: Path, name: str = "japan") -> Path:
    target = tmp_path / f"{name}.yaml"
    shutil.copy(BUILTIN / f"{name}.yaml", target)
    return target


def test_unknown_key_reported_at_its_line(tmp_path: Path) -> None:
    path = copy_builtin(tmp_path)
    lines = path.read_text(encoding="utf-8").count("\n")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("surprise: 1\n")
    result = invoke("validate", path)
    assert result.exit_code == 1
    assert result.stdout == f"{path}:{lines + 1}:1: surprise: unknown key 'surprise'\n"
    assert "Traceback" not in result.stdout + result.stderr


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    path = copy_builtin(tmp_path)
    text = path.read_text(encoding="utf-8")
    first = text.splitlines().index("name: Japan") + 1
    path.write_text(text + "name: Japan again\n", encoding="utf-8")
    result = invoke("validate", path)
    assert result.exit_code == 1
    total = text.count("\n") + 1
    assert f"duplicate key 'name' (first at line {first}, again at line {total})" in result.stdout
    assert result.stdout.startswith(f"{path}:{total}:1: ")


def test_syntax_error_has_file_line_col(tmp_path: Path) -> None:
    path = copy_builtin(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + "broken: [1, 2\n", encoding="utf-8")
    result = invoke("validate", path)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{path}:")
    assert "YAML syntax error" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_wrong_value_reported_at_value(tmp_path: Path) -> None:
    data = load_fixture("alpha")
    data["approach"]["scope"]["value"] = "everything"
    path = write_yaml(tmp_path / "alpha.yaml", data)
    result = invoke("validate", path)
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    line_no = int(line.split(":")[1])
    assert "value: everything" in path.read_text().splitlines()[line_no - 1]
    assert "approach.scope.value: expected one of horizontal, sectoral" in line


def test_every_problem_reported_sorted(tmp_path: Path) -> None:
    data = load_fixture("alpha")
    data["kind"] = "planet"
    data["approach"]["scope"]["value"] = "everything"
    data["instruments"][0]["binding"] = "yes"
    path = write_yaml(tmp_path / "alpha.yaml", data)
    result = invoke("validate", path)
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines == sorted(lines, key=lambda s: int(s.split(":")[1]))
    assert result.stderr == "aigov: 3 problems in 1 of 1 file\n"


def test_unquoted_values_where_text_expected(tmp_path: Path) -> None:
    path = tmp_path / "alpha.yaml"
    text = (FIXTURE_FRAMEWORKS / "alpha.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("name: Alphaland", "name: 2024-01-01"), encoding="utf-8")
    result = invoke("validate", path)
    assert 'name: expected text, found an unquoted date; quote it ("2024-01-01")' in result.stdout


def test_number_where_text_expected_suggests_quotes(tmp_path: Path) -> None:
    path = tmp_path / "alpha.yaml"
    text = (FIXTURE_FRAMEWORKS / "alpha.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("name: Alphaland", "name: 1.0"), encoding="utf-8")
    result = invoke("validate", path)
    assert 'but YAML read 1.0 as a number; quote it ("1.0")' in result.stdout


def test_cross_references(tmp_path: Path) -> None:
    data = load_fixture("alpha")
    data["instruments"][1]["sources"] = ["nowhere"]
    data["instruments"][1]["id"] = "alpha-guidelines"
    path = write_yaml(tmp_path / "alpha.yaml", data)
    _, problems = check_file(path)
    messages = [p.message for p in problems]
    assert any("cites 'nowhere', which is not in the bibliography" in m for m in messages)
    assert any("duplicate id 'alpha-guidelines'" in m for m in messages)


def test_id_must_match_file_name(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "other.yaml", load_fixture("alpha"))
    _, problems = check_file(path)
    assert [p.message for p in problems] == ["id: id 'alpha' differs from the file name 'other'"]


def test_strict_checks(tmp_path: Path) -> None:
    data = load_fixture("alpha")
    del data["approach"]["scope"]
    data["approach"]["state_role"]["sources"] = []
    data["sources"].append({"id": "unused", "title": "Unused", "publisher": "X", "date": "2020"})
    data["instruments"][1]["dates"]["revoked"] = "2026-01-01"
    path = write_yaml(tmp_path / "alpha.yaml", data)
    assert check_file(path)[1] == []
    _, problems = check_file(path, strict=True, today=dt.date(2027, 12, 1))
    messages = sorted(p.message for p in problems)
    assert messages == sorted(
        [
            "approach: dimension 'scope' is not assessed",
            "approach.state_role: assessment cites no source",
            "sources[2].id: source 'unused' is cited by no claim",
            "as_of: as_of 2026-06-01 is more than a year old; re-check the file against its sources",
            "instruments[1].status: status in_force, but revoked on 2026-01-01",
        ]
    )


def test_history_must_be_ordered(tmp_path: Path) -> None:
    data = load_fixture("alpha")
    data["approach"]["legal_form"]["history"][0]["since"] = "2026-01-01"
    path = write_yaml(tmp_path / "alpha.yaml", data)
    _, problems = check_file(path)
    assert "history must run oldest first" in problems[0].message


def test_folder_is_searched_recursively(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write_yaml(tmp_path / "sub" / "alpha.yaml", load_fixture("alpha"))
    (tmp_path / "notes.txt").write_text("ignored")
    result = invoke("validate", tmp_path)
    assert result.exit_code == 0
    assert result.stderr == "aigov: 1 file valid\n"


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("validate", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert result.stderr == f"aigov: {tmp_path / 'nope.yaml'}: no such file or folder\n"


def test_unknown_option_is_a_usage_error() -> None:
    result = invoke("validate", "--bogus")
    assert result.exit_code == 2


@pytest.mark.parametrize("fmt", ["json", "github"])
def test_machine_formats(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "alpha.yaml"
    path.write_text("id: [\n", encoding="utf-8")
    result = invoke("validate", "--format", fmt, path)
    assert result.exit_code == 1
    if fmt == "github":
        assert result.stdout.startswith(f"::error file={path},line=2,col=1::YAML syntax error")
    else:
        import json

        body = json.loads(result.stdout)
        assert body["valid"] is False and body["problems"][0]["line"] == 2
