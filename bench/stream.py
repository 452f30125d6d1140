"""`python -m bench.stream`: the corpus streamed k times through numcheck.check in one process.

Memory must not grow with what has been checked: each article is read from its JSONL file,
checked with its own date and language, and dropped; the corpus is never held in memory.
Each k runs in a fresh interpreter (peak RSS is per process), one k after the other:

    python -m bench.stream --k 1 --k 10          # default of `python -m bench` (scaling)
    python -m bench.stream --k 100               # 100× the corpus: ~2 hours on 2 shared cores

Prints one JSON line per k: MB checked, seconds, MB/s, peak RSS (MB), mentions found.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from .startup import ROOT, peak_rss_mb as _maxrss_mb


def peak_rss_mb() -> float:
    """This process's peak RSS since it started. Linux's VmHWM, not ru_maxrss: a child
    started by the bench keeps the bench's high-water mark in ru_maxrss across exec."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _maxrss_mb()


def _stream(corpus: Path, k: int) -> dict:
    import numcheck
    from numcheck.language import available_languages

    langs = frozenset(available_languages())
    files = sorted(corpus.glob("*.jsonl")) if corpus.is_dir() else [corpus]
    for f in files:  # warm-up, not timed: each language's data and patterns, the rate table
        with open(f, encoding="utf-8") as fh:
            for _, line in zip(range(50), fh):
                if line.strip():
                    r = json.loads(line)
                    lang = r.get("lang") or "en"
                    numcheck.check(r["text"], date=r.get("date"), lang=lang if lang in langs else "en")
    rss_start = peak_rss_mb()
    nbytes = mentions = articles = 0
    start = time.perf_counter()
    for _ in range(k):
        for f in files:
            with open(f, encoding="utf-8") as fh:
                for line in fh:
                    if not line.strip():
                        continue
                    r = json.loads(line)
                    text, lang = r["text"], r.get("lang") or "en"
                    mentions += len(numcheck.check(text, date=r.get("date"), lang=lang if lang in langs else "en").mentions)
                    nbytes += len(text.encode("utf-8"))
                    articles += 1
    seconds = time.perf_counter() - start
    return {"k": k, "articles": articles, "mb": nbytes / 1e6, "seconds": seconds, "mb_per_s": nbytes / 1e6 / seconds,
            "peak_rss_mb": peak_rss_mb(), "rss_at_start_mb": rss_start, "mentions": mentions}


def run(corpus: Path, factors: list[int], log=print, timeout: float | None = None) -> list[dict]:
    """Each k in a fresh interpreter, in turn; a run that fails or times out is reported, not raised."""
    out = []
    for k in factors:
        cmd = [sys.executable, "-m", "bench.stream", "--corpus", str(corpus), "--k", str(k), "--child"]
        try:
            p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            out.append({"k": k, "status": f"cut off after {timeout:.0f} s"})
            continue
        if p.returncode != 0:
            out.append({"k": k, "status": f"exit {p.returncode}: {(p.stderr.strip().splitlines() or [''])[-1][:200]}"})
            continue
        row = json.loads(p.stdout.strip().splitlines()[-1])
        row["status"] = "ok"
        log(f"  stream {k}×: {row['mb']:.1f} MB in {row['seconds']:.1f} s, {row['mb_per_s']:.2f} MB/s, "
            f"peak RSS {row['peak_rss_mb']:.0f} MB")
        out.append(row)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.stream", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--k", type=int, action="append", help="times the corpus is streamed (repeatable)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    factors = a.k or [1, 10]
    if any(k < 1 for k in factors):
        ap.error(f"--k must be at least 1, got {min(factors)}")
    if not a.corpus.exists():
        ap.error(f"corpus not found: {a.corpus}")
    if a.child:
        print(json.dumps(_stream(a.corpus, factors[0])))
        return 0
    for row in run(a.corpus, factors, log=lambda m: print(m, file=sys.stderr)):
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
