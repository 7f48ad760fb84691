"""The loader: positions, refusals, limits. Every failure is a LoadError with a place."""

from __future__ import annotations

import datetime as dt

import pytest

from aigov_cli import loader
from aigov_cli.errors import LoadError
from aigov_cli.loader import decode, parse


def problem(text: str) -> str:
    with pytest.raises(LoadError) as info:
        parse(decode(text.encode("utf-8") if isinstance(text, str) else text, "f.yaml"), "f.yaml")
    [only] = info.value.problems
    return str(only)


def test_positions_of_values_and_keys() -> None:
    doc = parse("a: 1\nb:\n  c: [x, y]\n  d: text\n", "f.yaml")
    assert doc.data == {"a": 1, "b": {"c": ["x", "y"], "d": "text"}}
    assert doc.mark(("b", "c", 1)) == (3, 10)
    assert doc.mark(("b", "d"), prefer_key=True) == (4, 3)
    assert doc.mark(("b", "d")) == (4, 6)
    assert doc.mark(("b", "missing", 0)) == doc.mark(("b",))


def test_duplicate_key_names_both_lines() -> None:
    assert problem("a: 1\nb: 2\na: 3\n") == (
        "f.yaml:3:1: duplicate key 'a' (first at line 1, again at line 3)"
    )


@pytest.mark.parametrize("text", ["NO", "on", "Off", "yes"])
def test_yaml11_booleans_must_be_quoted(text: str) -> None:
    assert f"{text!r} is read by YAML 1.1 as a boolean; quote it" in problem(f"a: {text}\n")


@pytest.mark.parametrize("text", ["12:30", "0x1F", "017", "1_000"])
def test_ambiguous_numbers_must_be_quoted(text: str) -> None:
    assert "quote it" in problem(f"a: {text}\n")


@pytest.mark.parametrize("text", [".nan", ".inf", "-.inf", "190:20:30.15"])
def test_nan_infinity_sexagesimal_refused(text: str) -> None:
    assert "NaN, infinity and sexagesimal" in problem(f"a: {text}\n")


def test_huge_integer_refused() -> None:
    assert "integer longer than 30 digits" in problem("a: " + "9" * 5000 + "\n")


def test_plain_values_keep_their_types() -> None:
    doc = parse("a: true\nb: 12\nc: 1.5\nd: 2024-02-14\ne: ~\nf: '12:30'\n", "f.yaml")
    assert doc.data == {
        "a": True,
        "b": 12,
        "c": 1.5,
        "d": dt.date(2024, 2, 14),
        "e": None,
        "f": "12:30",
    }
    assert doc.typed_plain[("b",)] == "12"


def test_timestamp_with_time_refused() -> None:
    assert "timestamp with a time" in problem("a: 2024-02-14 10:00:00\n")


def test_impossible_date_refused() -> None:
    assert "'2024-02-30' is not a real date" in problem("a: 2024-02-30\n")


@pytest.mark.parametrize(
    "tag",
    ["!!python/object/apply:os.system ['echo hi']", "!custom x", "!!binary aGk=", "!!set {a}"],
)
def test_unknown_tags_never_construct(tag: str) -> None:
    assert "unsupported tag" in problem(f"a: {tag}\n")


def test_merge_keys_refused() -> None:
    assert "merge keys" in problem("base: &b {x: 1}\nother:\n  <<: *b\n")


def test_alias_bomb_stops_at_node_limit() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    assert "too many nodes after alias expansion" in problem("\n".join(lines) + "\n")


def test_recursive_alias_refused() -> None:
    assert "recursive alias" in problem("a: &x [1, *x]\n")


def test_deep_nesting_refused() -> None:
    assert "nesting deeper than" in problem("a: " + "[" * 40 + "]" * 40 + "\n")


def test_very_deep_nesting_is_a_syntax_error_not_a_crash() -> None:
    message = problem("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert message.startswith("f.yaml:1:")


def test_file_size_limit(tmp_path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: " + b"x" * (loader.MAX_FILE_BYTES + 10) + b"\n")
    with pytest.raises(LoadError, match="file larger than 2 MiB"):
        loader.load_file(big)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\xef\xbb\xbfa: 1\n", "byte-order mark"),
        ("a: 1\n".encode("utf-16"), "UTF-16"),
        ("a: caf\xe9\n".encode("latin-1"), "not valid UTF-8 (byte 0xe9)"),
        (b"\x00\x01\x02binary", "NUL bytes"),
        ("a: 1\n".encode("utf-16-le"), "UTF-16"),
        (b"a: 1\n\x00\x00", "NUL bytes"),
        (b"a:\n\tb: 1\n", "tabs cannot indent"),
    ],
)
def test_encodings_and_tabs(raw: bytes, message: str) -> None:
    assert message in problem(raw)  # type: ignore[arg-type]


def test_latin1_error_points_at_the_byte() -> None:
    assert problem("a: 1\nb: caf\xe9\n".encode("latin-1")).startswith("f.yaml:2:7:")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "file is empty"),
        ("# only a comment\n", "file is empty"),
        ("- a\n- b\n", "the top level is a list"),
        ("just text\n", "the top level is a single value"),
        ("a: 1\n---\nb: 2\n", "several YAML documents"),
        ("a: [1, 2\n", "YAML syntax error"),
        ("a: 1\n b: 2\n", "YAML syntax error"),
        ("? [a]\n: 1\n", "is not text"),
        ("1: x\n", "mapping key '1' is not text"),
    ],
)
def test_shapes_that_are_not_a_framework(text: str, message: str) -> None:
    assert message in problem(text)


def test_syntax_error_has_line_and_column() -> None:
    assert problem("a: 1\nb: [1, 2\nc: 3\n").startswith("f.yaml:3:")
