"""Properties: models survive YAML round trips; the loader only ever raises LoadError;
diff(a, a) is empty and diff(a, b) mirrors diff(b, a); compare is symmetric."""

from __future__ import annotations

import copy
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aigov_cli.compare import compare, diff
from aigov_cli.dimensions import DIMENSIONS
from aigov_cli.errors import LoadError
from aigov_cli.loader import decode, parse
from aigov_cli.models import Framework

from .conftest import load_fixture

ALPHA = load_fixture("alpha")
text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
dates = st.dates().map(lambda d: d.isoformat())
ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,15}", fullmatch=True)


@st.composite
def frameworks(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(ALPHA)
    data["name"] = draw(text)
    data["summary"] = draw(text)
    data["aliases"] = draw(st.lists(ids, max_size=3, unique=True))
    data["as_of"] = draw(dates)
    for dimension in DIMENSIONS:
        assessment = data["approach"][dimension.id]
        assessment["value"] = draw(st.sampled_from(dimension.value_ids))
        assessment["rationale"] = draw(text)
        assessment.pop("history", None)
        assessment.pop("since", None)
    for instrument in data["instruments"]:
        instrument["title"] = draw(text)
        instrument["binding"] = draw(st.booleans())
        instrument["dates"] = {"adopted": draw(dates)}
    data["funding"][0]["amount"] = draw(
        st.one_of(
            st.integers(1, 10**15), st.floats(0.01, 1e15, allow_nan=False, allow_infinity=False)
        )
    )
    return data


def model(data: dict[str, Any]) -> dict[str, Any]:
    """Validated plain data, as the commands see it."""
    return Framework.model_validate(data).model_dump(mode="json")


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(frameworks())
def test_models_round_trip_through_yaml(data: dict[str, Any]) -> None:
    original = Framework.model_validate(data)
    dumped = yaml.safe_dump(
        # allow_unicode=False: PyYAML would otherwise write NEL (U+0085) raw, which YAML
        # reads back as a line break.
        original.model_dump(mode="json", exclude_none=True),
        allow_unicode=False,
        sort_keys=False,
    )
    again = Framework.model_validate(parse(decode(dumped.encode(), "x.yaml"), "x.yaml").data)
    assert again.model_dump() == original.model_dump()


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_random_bytes_only_raise_load_error(raw: bytes) -> None:
    try:
        parse(decode(raw, "x.yaml"), "x.yaml")
    except LoadError as exc:
        assert exc.problems and str(exc.problems[0]).startswith("x.yaml")


yamlish = st.text(st.sampled_from([*"ab:-[]{},&*!|>'\"#%@` \n\t?.01", "\u202e", "é"]), max_size=80)


@settings(max_examples=300)
@given(yamlish)
def test_random_yamlish_text_only_raises_load_error(source: str) -> None:
    try:
        parse(decode(source.encode(), "x.yaml"), "x.yaml")
    except LoadError as exc:
        assert "\n" not in str(exc.problems[0])


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(frameworks(), frameworks())
def test_diff_properties(a: dict[str, Any], b: dict[str, Any]) -> None:
    left, right = model(a), model(b)
    assert not diff(left, left).differs
    for section in (None, "instruments", "obligations"):
        forward, backward = diff(left, right, section=section), diff(right, left, section=section)
        assert [r.dimension for r in forward.dimensions] == [
            r.dimension for r in backward.dimensions
        ]
        assert [[c.value for c in r.cells] for r in forward.dimensions] == [
            [c.value for c in r.cells[::-1]] for r in backward.dimensions
        ]
        swap = {"only_left": "only_right", "only_right": "only_left"}
        mirrored = {(c.section, swap.get(c.change, c.change), c.id) for c in forward.changes}
        assert mirrored == {(c.section, c.change, c.id) for c in backward.changes}


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(frameworks(), frameworks())
def test_compare_is_symmetric(a: dict[str, Any], b: dict[str, Any]) -> None:
    left, right = model(a), model(b)
    ab = compare([(left, None), (right, None)])
    ba = compare([(right, None), (left, None)])
    assert [r.differs for r in ab.rows] == [r.differs for r in ba.rows]
    assert [tuple(c.value for c in r.cells) for r in ab.rows] == [
        tuple(c.value for c in r.cells)[::-1] for r in ba.rows
    ]
