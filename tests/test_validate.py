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


def complete_alpha() -> dict:  # type: ignore[type-arg]
    """The alpha fixture made complete enough for --strict: rules, every topic answered."""
    from aigov_cli.vocabulary import ids

    data = load_fixture("alpha")
    for assessment in data["approach"].values():
        assessment.setdefault("rule", "LF-1")
    answered = {o["topic"] for o in data["obligations"]}
    data["obligations"] += [
        {"topic": t, "strength": "none", "rationale": "Nothing applies.", "sources": ["alpha-act"]}
        for t in ids("topic")
        if t not in answered
    ]
    return data


def test_a_complete_file_passes_strict(tmp_path: Path) -> None:
    path = write_yaml(tmp_path / "alpha.yaml", complete_alpha())
    _, problems = check_file(path, strict=True, today=dt.date(2026, 6, 2))
    assert [p for p in problems if p.is_error] == []


def test_strict_checks(tmp_path: Path) -> None:
    data = complete_alpha()
    del data["approach"]["scope"]
    data["approach"]["state_role"]["sources"] = []
    data["approach"]["risk_tiering"].pop("rule")
    data["sources"].append({"id": "unused", "title": "Unused", "publisher": "X", "date": "2020"})
    data["sources"].append(
        {"id": "press", "title": "News", "publisher": "Y", "date": "2020", "kind": "news"}
    )
    data["approach"]["content_labelling"]["sources"] = ["press"]
    data["instruments"][1]["dates"]["revoked"] = "2026-01-01"
    data["instruments"][1].pop("identifier")
    data["obligations"][0].pop("article")
    data["obligations"] = [
        o for o in data["obligations"] if o["topic"] != "whistleblower_protection"
    ]
    data["obligations"].append(
        {
            "topic": "content_labelling",
            "strength": "none",
            "rationale": "x",
            "sources": ["alpha-act"],
        }
    )
    path = write_yaml(tmp_path / "alpha.yaml", data)
    assert check_file(path)[1] == []
    _, problems = check_file(path, strict=True, today=dt.date(2027, 12, 1))
    messages = sorted(p.message for p in problems if p.is_error)
    assert messages == sorted(
        [
            "approach: dimension 'scope' is not assessed",
            "approach.state_role: assessment cites no source",
            "approach.risk_tiering: rating names no codebook rule ('rule', docs/codebook.md)",
            "approach.content_labelling.sources: rating cites no official, intergovernmental, court or academic source",
            "sources[2].id: source 'unused' is cited by no claim",
            "sources[2]: source needs a kind: one of official, intergovernmental, court, academic, news, law_firm, tracker, other",
            "as_of: as_of 2026-06-01 is more than a year old; re-check the file against its sources",
            "instruments[1].status: status in_force, but revoked on 2026-01-01",
            "instruments[1]: a binding instrument needs its official 'identifier'",
            "obligations[0]: a binding obligation needs its 'article'",
            "obligations: topic 'whistleblower_protection' is not answered: add records, or strength none with a rationale",
            "obligations: topic 'content_labelling' has both records and none",
        ]
    )


def test_obligation_checks(tmp_path: Path) -> None:
    data = load_fixture("alpha")
    data["obligations"][0]["instrument"] = "atlantis-act"
    data["obligations"][1]["applies_from"] = "2010-01-01"
    data["obligations"][2].pop("rationale")
    data["obligations"].append(dict(data["obligations"][0], instrument="alpha-act"))
    path = write_yaml(tmp_path / "alpha.yaml", data)
    messages = [f"{p.line}: {p.message}" for p in check_file(path)[1]]
    assert any(
        "names instrument 'atlantis-act', which is not in this file's instruments" in m
        for m in messages
    )
    assert any(
        "applies from 2010-01-01, before its instrument 'alpha-guidelines' existed (2019-03-01)"
        in m
        for m in messages
    )
    assert any("an obligation of strength none needs a one-line rationale" in m for m in messages)
    assert any("duplicate id 'alpha-cooperate'" in m for m in messages)
    assert all(int(m.split(":")[0]) > 0 for m in messages)  # every one at its line


def test_within_must_name_a_known_jurisdiction(tmp_path: Path) -> None:
    data = load_fixture("alpha")
    data["within"] = "atlantis"
    path = write_yaml(tmp_path / "alpha.yaml", data)
    result = invoke("validate", path)
    assert result.exit_code == 1
    assert "within: sits within 'atlantis', which is no known jurisdiction" in result.stdout
    data["within"] = "european-union"
    write_yaml(path, data)
    assert invoke("validate", path).exit_code == 0


def test_max_age_finds_a_stale_claim_at_its_line(tmp_path: Path) -> None:
    data = load_fixture("alpha")
    data["institutions"][0]["verified"] = "2024-01-15"
    path = write_yaml(tmp_path / "alpha.yaml", data)
    result = invoke("validate", path, "--max-age", "365d")
    assert result.exit_code == 1
    [line] = [x for x in result.stdout.splitlines() if "institutions[0]" in x]
    text = path.read_text().splitlines()
    number = int(line.split(":")[1])
    assert "verified:" in text[number - 1] and "2024-01-15" in text[number - 1]
    assert "last verified 2024-01-15" in line
    assert invoke("validate", "--max-age", "365d").exit_code == 0  # the built-in data is fresh


@pytest.mark.parametrize("bad", ["5x", "0d", "d", "12", "1.5y", "-3m"])
def test_max_age_needs_a_valid_duration(bad: str) -> None:
    result = invoke("validate", "--max-age", bad)
    assert result.exit_code == 2
    assert "90d (days), 12w (weeks), 6m (months) or 1y (years)" in result.stderr


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
