"""Every class of bad framework file, through validate, show and compare, in every format.

Each file in files/ (and each generated below, for the large or binary ones) must give:
one line per problem naming the file and, where YAML or the schema gives one, line:col;
exit 1 from validate and 2 from the other commands; never a traceback; no code run.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from aigov_cli.cli.options import Format

from ..conftest import invoke

FILES = Path(__file__).parent / "files"

# file name -> a fragment of the expected message
EXPECTED = {
    "syntax-unclosed-flow.yaml": "YAML syntax error",
    "syntax-bad-indent.yaml": "YAML syntax error",
    "syntax-unterminated-quote.yaml": "YAML syntax error",
    "syntax-bad-escape.yaml": "YAML syntax error",
    "syntax-undefined-alias.yaml": "YAML syntax error",
    "duplicate-key.yaml": "duplicate key 'id' (first at line 2, again at line 3)",
    "missing-fields.yaml": "missing required key 'kind'",
    "null-field.yaml": "name: value is empty (null)",
    "mistyped-fields.yaml": "schema_version: expected one of 1",
    "unknown-field.yaml": "unknown key 'whatever'",
    "yaml11-no.yaml": "'NO' is read by YAML 1.1 as a boolean; quote it",
    "yaml11-on.yaml": "'on' is read by YAML 1.1 as a boolean; quote it",
    "yaml11-sexagesimal.yaml": "'12:30' is an ambiguous YAML 1.1 number; quote it",
    "yaml11-timestamp-as-text.yaml": "summary: expected text, found an unquoted date; quote it",
    "yaml11-nan.yaml": "NaN, infinity and sexagesimal numbers are refused",
    "alias-self-reference.yaml": "recursive alias",
    "empty.yaml": "file is empty",
    "comment-only.yaml": "file is empty",
    "top-level-list.yaml": "the top level is a list",
    "top-level-scalar.yaml": "the top level is a single value",
    "several-documents.yaml": "several YAML documents in one file",
    "tag-python-object.yaml": "unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    "tag-python-name.yaml": "unsupported tag",
    "tag-unknown.yaml": "unsupported tag '!custom'",
    "tabs.yaml": "tabs cannot indent",
    "merge-key.yaml": "merge keys",
}


def generated(folder: Path) -> dict[str, str]:
    """Write the large and binary cases; return their expected message fragments."""
    cases = {
        "utf16.yaml": ("schema_version: 1\n".encode("utf-16"), "file is UTF-16"),
        "latin1.yaml": ("name: caf\xe9\n".encode("latin-1"), "not valid UTF-8 (byte 0xe9)"),
        "bom.yaml": (b"\xef\xbb\xbfschema_version: 1\n", "byte-order mark"),
        "binary.yaml": (bytes(range(256)) * 4, "NUL bytes"),
        "big-integer.yaml": (b"schema_version: " + b"7" * 5000 + b"\n", "longer than 30 digits"),
        "alias-bomb.yaml": (_alias_bomb(), "alias bomb"),
        "deep-flow.yaml": (b"a: " + b"[" * 10_000 + b"]" * 10_000 + b"\n", "YAML syntax error"),
        "deep-block.yaml": (_deep_block(60), "nesting deeper than 32 levels"),
        "huge.yaml": (b"summary: '" + b"x" * (3 * 1024 * 1024) + b"'\n", "file larger than 2 MiB"),
    }
    for name, (raw, _) in cases.items():
        (folder / name).write_bytes(raw)
    return {name: message for name, (_, message) in cases.items()}


def _alias_bomb() -> bytes:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return ("\n".join(lines) + "\n").encode()


def _deep_block(depth: int) -> bytes:
    return "".join(f"{'  ' * i}k{i}:\n" for i in range(depth)).encode() + b"  " * depth + b"v\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, str]:
    folder = tmp_path_factory.mktemp("corpus")
    for path in FILES.glob("*.yaml"):
        (folder / path.name).write_bytes(path.read_bytes())
    expected = {**EXPECTED, **generated(folder)}
    return {folder / name: message for name, message in expected.items()}


def test_every_corpus_file_has_an_expectation() -> None:
    assert {p.name for p in FILES.glob("*.yaml")} == set(EXPECTED)


LINE = re.compile(r"^(?P<file>[^:]+\.yaml)(:(?P<line>\d+):(?P<col>\d+))?: (?P<message>.+)$")


def test_validate_reports_each_class(corpus: dict[Path, str]) -> None:
    for path, message in corpus.items():
        result = invoke("validate", path)
        assert result.exit_code == 1, (path.name, result.stdout, result.stderr)
        lines = result.stdout.splitlines()
        assert lines, path.name
        for line in lines:
            match = LINE.match(line)
            assert match and match["file"] == str(path), line
        assert message in result.stdout, (path.name, result.stdout)
        assert "Traceback" not in result.stdout + result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_places_are_given_where_yaml_knows_them(corpus: dict[Path, str]) -> None:
    for path in corpus:
        first = invoke("validate", path).stdout.splitlines()[0]
        assert LINE.match(first)["line"], first  # type: ignore[index]


@pytest.mark.parametrize("fmt", [f.value for f in Format])
def test_show_and_compare_refuse_each_class(
    corpus: dict[Path, str], tmp_path: Path, fmt: str
) -> None:
    for path, message in corpus.items():
        folder = tmp_path / path.stem
        folder.mkdir()
        target = folder / "hostile.yaml"
        target.write_bytes(path.read_bytes())
        for args in (
            ["show", "hostile"],
            ["compare", "hostile", "japan"],
            ["diff", "japan", "hostile"],
        ):
            result = invoke(*args, "-d", folder, "--format", fmt)
            assert result.exit_code == 2, (path.name, args, result.stderr)
            assert result.stdout == ""
            lines = result.stderr.splitlines()
            assert lines and all(line.startswith(f"aigov: {target}") for line in lines), (
                result.stderr
            )
            assert message in result.stderr, (path.name, result.stderr)
            assert "Traceback" not in result.stderr


def test_no_code_ever_runs(corpus: dict[Path, str]) -> None:
    marker = Path("/tmp/aigov-pwned")
    marker.unlink(missing_ok=True)
    for path in corpus:
        invoke("validate", path)
    assert not marker.exists()


def test_worst_cases_stay_within_time_and_memory(corpus: dict[Path, str]) -> None:
    """In a real process capped at 2 GiB; the timeout only guards against a hang."""
    worst = [
        p
        for p in corpus
        if p.name
        in {"alias-bomb.yaml", "deep-flow.yaml", "huge.yaml", "big-integer.yaml", "binary.yaml"}
    ]

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    done = subprocess.run(
        [sys.executable, "-m", "aigov_cli", "validate", *map(str, worst)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=cap,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert len(done.stdout.splitlines()) == len(worst)
    assert "Traceback" not in done.stderr


def test_source_never_uses_unsafe_yaml_loading() -> None:
    source = "\n".join(
        p.read_text() for p in Path(__file__).parents[2].joinpath("src").rglob("*.py")
    )
    for forbidden in (
        "yaml.load(",
        "yaml.unsafe_load",
        "FullLoader",
        "UnsafeLoader",
        "yaml.Loader",
    ):
        assert forbidden not in source


def test_yaml_bytes_are_never_executed_through_env(tmp_path: Path) -> None:
    env = {**os.environ, "AIGOV_FRAMEWORKS_PATH": str(FILES)}
    done = subprocess.run(
        [sys.executable, "-m", "aigov_cli", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
