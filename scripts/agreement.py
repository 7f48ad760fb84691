"""Agreement between two ratings of the same jurisdictions: per dimension, the percent of
jurisdictions rated alike and Cohen's kappa (linearly weighted for ordered scales, plain for
`scope`, whose values have no order). Standard library only.

    aigov list --format json > first.json
    python scripts/agreement.py first.json second.json [--markdown]

Each file is either `aigov list --format json` output, or a mapping
{jurisdiction: {dimension: value | {"value": value, ...}}}. The scales come from
`aigov dimensions --format json` when given with --dimensions FILE, otherwise from the
package (which needs aigov installed).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any


def ratings(path: Path) -> dict[str, dict[str, str]]:
    """{jurisdiction: {dimension: value}} from either accepted shape."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and data.get("command") == "list":
        return {j["id"]: {d: v for d, v in j["values"].items() if v} for j in data["jurisdictions"]}
    found: dict[str, dict[str, str]] = {}
    for jurisdiction, values in data.items():
        found[jurisdiction] = {
            d: (v["value"] if isinstance(v, dict) else v) for d, v in values.items() if v
        }
    return found


def scales(path: Path | None) -> dict[str, tuple[list[str], bool]]:
    """{dimension: (ordered value ids, whether the order means something)}."""
    if path is not None:
        dims = json.loads(path.read_text(encoding="utf-8"))["dimensions"]
        return {d["id"]: ([v["id"] for v in d["values"]], d["ordered"]) for d in dims}
    from aigov_cli.dimensions import DIMENSIONS

    return {d.id: (list(d.value_ids), d.ordered) for d in DIMENSIONS}


def kappa(pairs: list[tuple[str, str]], values: list[str], ordered: bool) -> float | None:
    """Cohen's kappa of paired ratings; linear weights when the scale is ordered."""
    n = len(pairs)
    if n == 0:
        return None
    k = len(values)
    index = {v: i for i, v in enumerate(values)}

    def weight(a: str, b: str) -> float:
        if not ordered or k < 2:
            return 1.0 if a == b else 0.0
        return 1.0 - abs(index[a] - index[b]) / (k - 1)

    observed = sum(weight(a, b) for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[a] * second[b] * weight(a, b) for a in values for b in values) / (n * n)
    if expected >= 1.0:
        return 1.0 if observed >= 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def report(
    a: dict[str, dict[str, str]], b: dict[str, dict[str, str]], dims: dict[str, Any]
) -> list[dict[str, Any]]:
    """One row per dimension: n, percent agreement, kappa, and the disagreements."""
    rows = []
    common = sorted(set(a) & set(b))
    for dimension, (values, ordered) in dims.items():
        pairs = [
            (a[j][dimension], b[j][dimension])
            for j in common
            if dimension in a[j]
            and dimension in b[j]
            and a[j][dimension] in values
            and b[j][dimension] in values
        ]
        same = sum(x == y for x, y in pairs)
        rows.append(
            {
                "dimension": dimension,
                "n": len(pairs),
                "agreement": same / len(pairs) if pairs else None,
                "kappa": kappa(pairs, values, ordered),
                "weighted": ordered,
                "disagreements": [
                    (j, a[j][dimension], b[j][dimension])
                    for j in common
                    if dimension in a[j]
                    and dimension in b[j]
                    and a[j][dimension] != b[j][dimension]
                ],
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--dimensions", type=Path, help="`aigov dimensions --format json` output")
    parser.add_argument("--markdown", action="store_true", help="a table for docs/codebook.md")
    args = parser.parse_args()
    rows = report(ratings(args.first), ratings(args.second), scales(args.dimensions))
    if args.markdown:
        print("| dimension | n | agreement | Cohen's kappa |")
        print("|---|---|---|---|")
        for r in rows:
            kind = "weighted" if r["weighted"] else "unweighted"
            print(
                f"| {r['dimension']} | {r['n']} | {r['agreement']:.0%} | {r['kappa']:.2f} ({kind}) |"
            )
        return
    print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
