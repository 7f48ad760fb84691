"""The JSON Schema: generated from the models, committed, and accepted by validators."""

from __future__ import annotations

import json

import jsonschema
import pytest

from aigov_cli.loader import load_file
from aigov_cli.models import json_schema

from .conftest import BUILTIN, ROOT, invoke

COMMITTED = ROOT / "schema" / "framework.schema.json"


def test_committed_schema_matches_models() -> None:
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert committed == json_schema(), "run: aigov schema -o schema/framework.schema.json"


def test_schema_command_prints_a_valid_2020_12_schema() -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", sorted(BUILTIN.glob("*.yaml")), ids=lambda p: p.stem)
def test_builtin_files_valid_under_schema(path) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(load_file(path).data, default=str))
    jsonschema.Draft202012Validator(json_schema()).validate(data)


@pytest.mark.parametrize("path", sorted(BUILTIN.glob("*.yaml")), ids=lambda p: p.stem)
def test_builtin_files_point_editors_at_the_schema(path) -> None:  # type: ignore[no-untyped-def]
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/framework.schema.json"


def test_check_jsonschema_accepts_builtin_files() -> None:
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    beside = Path(sys.executable).with_name("check-jsonschema")
    tool = str(beside) if beside.exists() else shutil.which("check-jsonschema")
    if tool is None:
        pytest.skip("check-jsonschema not installed")
    files = [str(p) for p in sorted(BUILTIN.glob("*.yaml"))]
    done = subprocess.run(
        [tool, "--schemafile", str(COMMITTED), *files],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
