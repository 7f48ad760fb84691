"""YAML: the same data as the JSON renderer, as a YAML document."""

from __future__ import annotations

import re
from typing import Any

import yaml

from .data import materialized, to_data
from .escape import has_dangerous

# PyYAML writes these characters raw even in double quotes; escape them there ourselves.
_RAW_IN_QUOTES = re.compile("[\x85\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if has_dangerous(text) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_str)


def render(result: Any) -> str:
    """The result as YAML text."""
    text = yaml.dump(
        materialized(to_data(result)),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    return _RAW_IN_QUOTES.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
