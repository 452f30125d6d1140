"""`python -m bench.audit`: archive-audit throughput on the whole corpus, three ways.

    numcheck audit CORPUS/*.jsonl --out findings.parquet                   one process
    numcheck audit CORPUS/*.jsonl --out findings.parquet --jobs 2          two processes
    numcheck audit CORPUS/*.jsonl --out findings.parquet --engine spark    Spark local[2]

each end to end (read the JSONL, check, write Parquet, print the summary), in turn, and the
cost of starting Spark (a SparkSession on local[2]) measured on its own. The three tables are
compared row for row: the figures only count if every engine wrote the same findings.
The results replace the "Archive audits" block of bench/RESULTS.md (``python -m bench`` keeps
that block when it rewrites the file). Needs the spark extra.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- bench.audit:start -->", "<!-- bench.audit:end -->"


def keep_block(new_md: str, old_path: Path) -> str:
    """``new_md`` with the audit block of the file it replaces (python -m bench rewrites
    RESULTS.md whole; this section is measured by a different command)."""
    try:
        old = old_path.read_text(encoding="utf-8")
    except OSError:
        return new_md
    if START not in old or END not in old or START in new_md:
        return new_md
    block = old[old.index(START):old.index(END) + len(END)]
    return new_md.rstrip("\n") + "\n\n" + block + "\n"


def write_block(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else "# numcheck benchmark results\n"
    body = f"{START}\n{block.rstrip()}\n{END}"
    if START in text and END in text:
        text = text[:text.index(START)] + body + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + body + "\n"
    path.write_text(text, encoding="utf-8")


def _run(argv: list[str]) -> tuple[float, str]:
    from numcheck.cli import main

    out, err = io.StringIO(), io.StringIO()
    t = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    dt = time.perf_counter() - t
    if code != 0:
        raise SystemExit(f"numcheck {' '.join(argv)} exited {code}: {err.getvalue().strip()}")
    return dt, out.getvalue()


def _rows(path: Path) -> list[tuple]:
    import pyarrow.parquet as pq

    from numcheck.archive import NAMES

    t = pq.read_table(path)  # a file (local) or a directory of part files (Spark)
    cols = [t.column(n).to_pylist() for n in NAMES]
    return sorted((tuple(tuple(v) if isinstance(v, list) else v for v in row) for row in zip(*cols)), key=repr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.audit", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--reps", type=int, default=3, help="runs of each engine, in turn (median)")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    a = ap.parse_args(argv)
    inputs = [str(p) for p in sorted(a.corpus.glob("*.jsonl"))]
    if not inputs:
        raise SystemExit(f"{a.corpus}: no *.jsonl corpus files")
    n_articles = sum(1 for p in inputs for line in open(p, encoding="utf-8") if line.strip())
    mb = sum(os.path.getsize(p) for p in inputs) / 1e6

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    from numcheck.spark import session

    load0 = os.getloadavg()
    t = time.perf_counter()
    spark = session("local[2]", conf={"spark.ui.enabled": "false", "spark.ui.showConsoleProgress": "false"})
    spark_start = time.perf_counter() - t
    log(f"SparkSession local[2]: {spark_start:.1f} s")
    tmp = Path(tempfile.mkdtemp(prefix="numcheck-bench-audit-"))
    engines = [("one process (`--engine local`)", ["--progress", "never"]),
               ("`--engine local --jobs 2`", ["--jobs", "2", "--progress", "never"]),
               ("Spark `local[2]` (`--engine spark`)", ["--engine", "spark"])]
    times: dict[str, list[float]] = {name: [] for name, _ in engines}
    tables: dict[str, list[tuple]] = {}
    summaries: dict[str, str] = {}
    for rep in range(a.reps):
        for i, (name, extra) in enumerate(engines):
            out = tmp / f"e{i}-r{rep}.parquet"
            dt, summary = _run(["audit", *inputs, "--out", str(out), *extra])
            times[name].append(dt)
            log(f"{name}: {dt:.1f} s ({n_articles / dt:.0f} articles/s)")
            if rep == 0:
                tables[name], summaries[name] = _rows(out), summary
    load1 = os.getloadavg()
    spark.stop()
    names = [n for n, _ in engines]
    same = all(tables[n] == tables[names[0]] for n in names[1:]) and all(summaries[n] == summaries[names[0]] for n in names[1:])
    findings = len(tables[names[0]])
    errors = sum(1 for r in tables[names[0]] if r[5] == "error")
    base = statistics.median(times[names[0]])
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    lines = [
        "## Archive audits (`numcheck audit`, `python -m bench.audit`)",
        "",
        f"The whole corpus ({n_articles:,} articles, {mb:.1f} MB of JSONL) end to end: read the JSONL, check every "
        "article with its own date and language, write the findings table as Parquet, print the summary. "
        f"Median of {a.reps} runs per engine, engines in turn. Machine: {os.cpu_count()} CPUs "
        f"(shared with other jobs; load average {load0[0]:.2f} before, {load1[0]:.2f} after), Python "
        f"{platform.python_version()}, numcheck at commit {commit}, "
        f"pyspark {__import__('pyspark').__version__}, measured {time.strftime('%Y-%m-%d %H:%M')}.",
        "",
        "| engine | runs (s), in order | median s | fastest s | articles/s (median) | articles/s (fastest) | × one process (median) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for n in names:
        med = statistics.median(times[n])
        best = min(times[n])
        lines.append(f"| {n} | {', '.join(f'{x:.1f}' for x in times[n])} | {med:.1f} | {best:.1f} | {n_articles / med:,.0f} "
                     f"| {n_articles / best:,.0f} | {base / med:.2f}× |")
    lines += [
        "",
        f"Starting Spark (a SparkSession on `local[2]`, JVM included) took **{spark_start:.1f} s**, not in the figures "
        "above. The first Spark run also starts the Python workers and loads numcheck's data in them "
        "(once per worker, not per article); later runs reuse the workers, as a long job's tasks do.",
        "",
        f"Same findings on every engine: **{'yes' if same else 'NO'}** — {findings:,} rows "
        f"({errors} error rows), compared row for row, and the same summary table.",
    ]
    write_block(a.out, "\n".join(lines))
    log(f"wrote the archive-audit block of {a.out}")
    print("\n".join(lines))
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
