#!/usr/bin/env python3
"""Benchmark aigov against bare interpreter start-up (stdlib only).

P is `<python> -c pass` for the interpreter that runs aigov. Each command is run
alternately with its baseline, so that both see the same machine load, and the table
reports min, median and max of each and the ratio of medians.

    python scripts/bench.py                 # uses the aigov beside this interpreter
    python scripts/bench.py --runs 31 --files 1000
    python scripts/bench.py --big 10000     # also memory and speed over 10,000 files

It compiles aigov's bytecode first (an installed package has it; an editable checkout
run with PYTHONDONTWRITEBYTECODE=1 would otherwise recompile on every start) and warms
the cache once before timing the warm commands. The data sets are generated from the
built-in framework files, renamed, in a temporary folder. Default formats are measured
(a table, as a terminal user sees it), beside CSV where the issue compares the two.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak resident memory in KiB of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss


def paired(cmd: list[str], base: list[str], runs: int, env: dict[str, str]) -> dict[str, float]:
    """Run `cmd` and `base` alternately; summary of both and the ratio of medians."""
    times, base_times, peaks = [], [], []
    for _ in range(runs):
        t, _ = run_once(base, env)
        base_times.append(t)
        t, peak = run_once(cmd, env)
        times.append(t)
        peaks.append(peak)
    return {
        "min": min(times),
        "median": statistics.median(times),
        "max": max(times),
        "base_median": statistics.median(base_times),
        "ratio": statistics.median(times) / statistics.median(base_times),
        "peak_mib": max(peaks) / 1024,
    }


def make_dataset(folder: Path, count: int) -> None:
    """`count` framework files copied from the built-in ones, each with its own id."""
    sources = sorted((ROOT / "frameworks").glob("*.yaml"))
    for n in range(count):
        src = sources[n % len(sources)]
        new_id = f"{src.stem}-{n:04d}"
        text = src.read_text(encoding="utf-8").replace(
            f"\nid: {src.stem}\n", f"\nid: {new_id}\n", 1
        )
        (folder / f"{new_id}.yaml").write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs aigov")
    parser.add_argument("--runs", type=int, default=21, help="runs per start-up command")
    parser.add_argument("--data-runs", type=int, default=5, help="runs per data-set command")
    parser.add_argument("--files", type=int, default=1000, help="size of the generated data set")
    parser.add_argument(
        "--big", type=int, default=0, help="also measure memory over a data set this large (10000)"
    )
    parser.add_argument("--startup-only", action="store_true", help="skip the data-set commands")
    args = parser.parse_args()

    python = args.python
    aigov = [python, "-c", "from aigov_cli.__main__ import main; main()"]
    package = subprocess.run(
        [python, "-c", "import aigov_cli, os; print(os.path.dirname(aigov_cli.__file__))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    compileall.compile_dir(package, quiet=1)
    bare = [python, "-c", "pass"]
    work = Path(tempfile.mkdtemp(prefix="aigov-bench-"))
    env = {
        **os.environ,
        "AIGOV_CACHE_DIR": str(work / "cache"),
        "NO_COLOR": "1",
        "COLUMNS": "100",
        "PAGER": "cat",
    }
    env.pop("AIGOV_FRAMEWORKS_PATH", None)

    rows: list[tuple[str, dict[str, float], str, bool]] = []
    try:
        run_once([*aigov, "compare", "japan", "china"], env)  # warm the cache
        startup = [
            ("aigov compare japan china (table)", ["compare", "japan", "china"], 9),
            (
                "aigov compare japan china --format json",
                ["compare", "japan", "china", "--format", "json"],
                6,
            ),
            ("aigov --help", ["--help"], 6),
            ("aigov compare --help", ["compare", "--help"], 6),
        ]
        for label, argv, target in startup:
            result = paired([*aigov, *argv], bare, args.runs, env)
            rows.append((label, result, f"<= {target} P", result["ratio"] <= target))
        if args.startup_only:
            raise SystemExit(report(rows))
        # A long listing on a terminal against its CSV (issue 18: within 2x).
        csv_times = paired([*aigov, "timeline", "--format", "csv"], bare, args.data_runs, env)
        rows.append(("aigov timeline --format csv (built-in data)", csv_times, "", True))
        table = paired([*aigov, "timeline"], bare, args.data_runs, env)
        rows.append(
            (
                "aigov timeline (table, default)",
                table,
                "<= 2x its CSV",
                table["median"] <= 2 * csv_times["median"],
            )
        )
        data = work / "data"
        data.mkdir()
        make_dataset(data, args.files)
        parse = [
            python,
            "-c",
            "import sys, yaml, pathlib\n"
            "for f in sorted(pathlib.Path(sys.argv[1]).glob('*.yaml')):\n"
            "    yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)",
            str(data),
        ]
        result = paired([*aigov, "validate", str(data)], parse, args.data_runs, env)
        rows.append(
            (
                f"aigov validate DIR ({args.files} files) vs bare libyaml parse",
                result,
                "<= 1.5 x parse",
                result["ratio"] <= 1.5,
            )
        )
        rows += listing_rows(aigov, bare, data, args.files, args.data_runs, env)
        if args.big:
            big = work / "big"
            big.mkdir()
            make_dataset(big, args.big)
            rows += listing_rows(aigov, bare, big, args.big, 1, env, work / "big-cache")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report(rows)


def listing_rows(
    aigov: list[str],
    bare: list[str],
    data: Path,
    files: int,
    runs: int,
    env: dict[str, str],
    cache: Path | None = None,
) -> list[tuple[str, dict[str, float], str, bool]]:
    """Cold and warm `list` (table and CSV) and warm `compare --all` over a data set."""
    env = {**env, "AIGOV_CACHE_DIR": str(cache)} if cache else env
    shutil.rmtree(env["AIGOV_CACHE_DIR"], ignore_errors=True)
    listing = [*aigov, "list", "--frameworks-dir", str(data)]
    seconds, peak = run_once(listing, env)  # the first run validates every file
    cold = {
        "min": seconds,
        "median": seconds,
        "max": seconds,
        "base_median": run_once(bare, env)[0],
        "ratio": seconds / run_once(bare, env)[0],
        "peak_mib": peak / 1024,
    }
    mib = sum(f.stat().st_size for f in data.glob("*.yaml")) / 2**20
    rows = [
        (
            f"aigov list ({files} files, {mib:.0f} MiB of YAML), cold",
            cold,
            "< 200 MiB",
            cold["peak_mib"] < 200,
        )
    ]
    csv = paired([*listing, "--format", "csv"], bare, runs, env)
    rows.append((f"aigov list ({files} files) --format csv, warm", csv, "", True))
    table = paired(listing, bare, runs, env)
    rows.append(
        (
            f"aigov list ({files} files) (table), warm",
            table,
            "<= 2x its CSV",
            table["median"] <= 2 * csv["median"],
        )
    )
    compare = [*aigov, "compare", "--all", "--frameworks-dir", str(data), "--format", "json"]
    run_once(compare, env)
    result = paired(compare, bare, runs, env)
    rows.append(
        (
            f"aigov compare --all ({files} files) --format json, warm",
            result,
            "< 500 MiB",
            result["peak_mib"] < 500,
        )
    )
    return rows


def report(rows: list[tuple[str, dict[str, float], str, bool]]) -> int:
    """Print the table; 0 when every target is met."""
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}"
    )
    p_median = statistics.median(r["base_median"] for _, r, _, _ in rows[:4])  # start-up rows
    print(f"P = `python -c pass` with the same interpreter, median {p_median * 1000:.1f} ms")
    print()
    print(
        "| command | min ms | median ms | max ms | baseline median ms | ratio | peak MiB | target | met |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for label, r, target, met in rows:
        print(
            f"| {label} | {r['min'] * 1000:.1f} | {r['median'] * 1000:.1f} | {r['max'] * 1000:.1f} "
            f"| {r['base_median'] * 1000:.1f} | {r['ratio']:.2f} | {r['peak_mib']:.0f} | {target} "
            f"| {'yes' if met else 'NO'} |"
        )
    return 0 if all(met for *_, met in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
