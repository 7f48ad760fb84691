"""Read framework YAML safely, keeping the line and column of every node.

PyYAML composes the document into nodes (with libyaml when present: `CSafeLoader` is about
ten times faster than the pure-Python loader that `yaml.safe_load` always uses); this
module then builds plain Python data from the nodes itself, so that it can refuse what a
framework file must never contain: duplicate keys, unknown tags, YAML 1.1 values that
silently change type (`NO`, `on`, `12:30`), timestamps with times, NaN, huge integers,
alias bombs, deep nesting. No tag ever constructs an object, so no code ever runs.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import re
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .errors import LoadError, Problem

try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - libyaml is absent on some platforms
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 200_000  # after alias expansion; a real framework file has a few thousand
MAX_INT_DIGITS = 30

Path_ = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_PLAIN_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(r"-?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


class Mark(NamedTuple):
    """Where a node starts in its file (line and column count from 1)."""

    line: int
    column: int


class Document:
    """A parsed YAML mapping with the position of each value and each mapping key.

    Positions are kept as plain (line, column) tuples: a file has thousands of nodes and
    building an object for each one was a third of the time `validate` took.
    """

    def __init__(self, path: str, data: dict[str, Any], *, has_todo: bool = False) -> None:
        self.path = path
        self.data = data
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}
        # Plain (unquoted) scalars that YAML read as something other than text, by path;
        # used to tell an author to quote a value where text was expected.
        self.typed_plain: dict[Path_, str] = {}
        self.has_todo = has_todo  # whether the text holds "TODO" at all (see `aigov new`)

    def mark(self, path: Path_, *, prefer_key: bool = False) -> Mark | None:
        """The mark of the longest prefix of `path` that has one."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefer_key and end == len(path) and prefix in self.keys:
                return Mark(*self.keys[prefix])
            if prefix in self.values:
                return Mark(*self.values[prefix])
        return None


def _mark(node: yaml.Node) -> tuple[int, int]:
    start = node.start_mark
    return (start.line + 1, start.column + 1)


class _Builder:
    """Turns composed nodes into data, recording marks and refusing surprises."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.doc = Document(path, {})
        self.nodes_built = 0
        self.active: set[int] = set()

    def fail(self, node: yaml.Node, message: str) -> LoadError:
        line, column = _mark(node)
        return LoadError([Problem(self.path, line, column, message)])

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.nodes_built += 1
        if self.nodes_built > MAX_NODES:
            raise self.fail(
                node,
                f"too many nodes after alias expansion (limit {MAX_NODES:,}); "
                "is this an alias bomb?",
            )
        if depth > MAX_DEPTH:
            raise self.fail(node, f"nesting deeper than {MAX_DEPTH} levels")
        self.doc.values[path] = _mark(node)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if id(node) in self.active:
            raise self.fail(node, "an alias refers to the node that contains it (recursive alias)")
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                self.check_tag(node, "seq")
                return [
                    self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)
                ]
            self.check_tag(node, "map")
            assert isinstance(node, yaml.MappingNode)
            return self.mapping(node, path, depth)
        finally:
            self.active.discard(id(node))

    def check_tag(self, node: yaml.Node, kind: str) -> None:
        if node.tag != _TAG + kind:
            raise self.fail(node, f"unsupported tag {node.tag!r}; framework files use plain YAML")

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise self.fail(key_node, "merge keys ('<<') are not supported; write the keys out")
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TAG + "str":
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "a collection"
                raise self.fail(key_node, f"mapping key {shown!r} is not text; quote it")
            key = key_node.value
            key_mark = _mark(key_node)
            if key in first_seen:
                raise self.fail(
                    key_node,
                    f"duplicate key {key!r} (first at line {first_seen[key][0]}, "
                    f"again at line {key_mark[0]})",
                )
            first_seen[key] = key_mark
            self.doc.keys[(*path, key)] = key_mark
            result[key] = self.build(value_node, (*path, key), depth + 1)
        return result

    def scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        tag, text = node.tag, node.value
        if tag == _TAG + "str":
            return text
        if tag == _TAG + "null":
            return None
        plain_hint = f'quote it ("{text}") if you mean text'
        if tag == _TAG + "bool":
            if text in ("true", "false"):
                self.doc.typed_plain[path] = text
                return text == "true"
            raise self.fail(
                node,
                f"{text!r} is read by YAML 1.1 as a boolean; {plain_hint}, or write true/false",
            )
        if tag == _TAG + "int":
            if not _PLAIN_INT.fullmatch(text):
                raise self.fail(node, f"{text!r} is an ambiguous YAML 1.1 number; {plain_hint}")
            if len(text.lstrip("-")) > MAX_INT_DIGITS:
                raise self.fail(node, f"integer longer than {MAX_INT_DIGITS} digits")
            self.doc.typed_plain[path] = text
            return int(text)
        if tag == _TAG + "float":
            if not _PLAIN_FLOAT.fullmatch(text):
                raise self.fail(
                    node,
                    f"{text!r} is not a plain decimal number (NaN, infinity and "
                    f"sexagesimal numbers are refused); {plain_hint}",
                )
            if len(text) > MAX_INT_DIGITS * 2:
                raise self.fail(node, "number too long")
            number = float(text)
            if math.isinf(number):
                raise self.fail(
                    node, f"{text!r} is too large for a number (it overflows to infinity)"
                )
            self.doc.typed_plain[path] = text
            return number
        if tag == _TAG + "timestamp":
            return self.timestamp(node, plain_hint)
        raise self.fail(node, f"unsupported tag {tag!r}; framework files use plain YAML")

    def timestamp(self, node: yaml.ScalarNode, plain_hint: str) -> dt.date:
        match = _DATE.fullmatch(node.value)
        if not match:
            raise self.fail(
                node,
                f"{node.value!r} is a timestamp with a time; give a date (YYYY-MM-DD) "
                f"or {plain_hint}",
            )
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            raise self.fail(node, f"{node.value!r} is not a real date") from None


def _position(text: str, offset: int) -> Mark:
    line = text.count("\n", 0, offset) + 1
    return Mark(line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def decode(raw: bytes, path: str) -> str:
    """The text of a framework file, or a LoadError saying why it is not UTF-8 YAML."""

    def fail(message: str, mark: tuple[int, int] = (1, 1)) -> LoadError:
        return LoadError([Problem(path, mark[0], mark[1], message)])

    head = raw[:64]
    utf16_shape = len(head) >= 4 and (not any(head[0::2]) or not any(head[1::2]))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or utf16_shape:
        raise fail("file is UTF-16; save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise fail("file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
    if b"\x00" in raw:
        raise fail("file contains NUL bytes; it is binary, not YAML")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8", errors="replace")
        byte = raw[exc.start]
        raise fail(
            f"not valid UTF-8 (byte 0x{byte:02x}); save it as UTF-8", _position(prefix, len(prefix))
        ) from None
    return text


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    return lines[line][column : column + 1] if line < len(lines) else ""


def parse(text: str, path: str) -> Document:
    """Parse YAML text into a Document; every failure is a LoadError with a place."""
    # Building thousands of containers triggers the cyclic garbage collector again and
    # again, though the trees built here hold no cycles: pausing it while parsing made
    # `validate` of 200 files 15% faster. Whatever cycles a hostile file makes inside
    # PyYAML are collected once it is back on.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _parse(text, path)
    finally:
        if enabled:
            gc.enable()


def _parse(text: str, path: str) -> Document:

    def fail(message: str, mark: tuple[int, int] = (1, 1)) -> LoadError:
        return LoadError([Problem(path, mark[0], mark[1], message)])

    try:
        loader = _SafeLoader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        if "expected a single document" in str(exc.context):
            raise fail("several YAML documents in one file; keep one", where) from None
        problem = (exc.problem or exc.context or "invalid YAML").replace("\n", " ")
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            raise fail(
                "tab character where YAML expects spaces (tabs cannot indent)", where
            ) from None
        context = f" ({exc.context})" if exc.context and exc.problem else ""
        raise fail(f"YAML syntax error: {problem}{context}", where) from None
    except yaml.reader.ReaderError as exc:
        # The reader names the offending character by its offset in the text.
        where = _position(text, exc.position) if isinstance(exc.position, int) else Mark(1, 1)
        raise fail(
            f"control character {_codepoint(exc.character)} is not allowed in YAML; remove it",
            where,
        ) from None
    except yaml.YAMLError as exc:
        raise fail(f"YAML error: {str(exc).splitlines()[0]}") from None
    except RecursionError:
        raise fail(f"nesting deeper than {MAX_DEPTH} levels") from None
    if root is None:
        raise fail("file is empty (or holds only comments); expected a mapping")
    if not isinstance(root, yaml.MappingNode):
        kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        raise fail(f"the top level is {kind}; a framework file is a mapping", _mark(root))
    builder = _Builder(path)
    builder.doc.data = builder.build(root, (), 0)
    builder.doc.has_todo = "TODO" in text
    return builder.doc


def read_limited(file: Path | str, display: str | None = None) -> bytes:
    """The bytes of a framework file, refusing folders, unreadable files and huge ones."""
    path = Path(file)
    shown = display or str(file)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except IsADirectoryError:
        raise LoadError([Problem(shown, message="is a folder, not a file")]) from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise LoadError([Problem(shown, message=f"cannot read file: {reason}")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise LoadError(
            [Problem(shown, 1, 1, f"file larger than {MAX_FILE_BYTES // 1024 // 1024} MiB")]
        )
    return raw


def load_file(file: Path | str, display: str | None = None) -> Document:
    """Read and parse one framework file, enforcing the size limit."""
    shown = display or str(file)
    return parse(decode(read_limited(file, display), shown), shown)


def _codepoint(character: object) -> str:
    """A character as U+XXXX, whether the reader gives it as text or as a number."""
    code = ord(character) if isinstance(character, str) and len(character) == 1 else character
    return f"U+{code:04X}" if isinstance(code, int) else repr(character)
