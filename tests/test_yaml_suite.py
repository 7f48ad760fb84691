"""The YAML spec's must-fail cases: aigov rejects each cleanly (one line, exit 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import SHARED, invoke

SUITE = SHARED / "yaml-test-suite"
CASES = sorted(SUITE.glob("*.yaml")) if SUITE.is_dir() else []


@pytest.mark.skipif(not CASES, reason="shared/yaml-test-suite is not present")
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_must_fail_case_rejected_cleanly(case: Path) -> None:
    result = invoke("validate", case)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stdout.splitlines()
    assert lines, "no problem reported"
    for line in lines:
        assert line.startswith(f"{case}:"), line
    assert "Traceback" not in result.stdout + result.stderr
