"""Arithmetic checks (issue 12) on real prose and on the verdict corpus.

    python -m bench.arith corpus [--corpus ../shared/corpus] [--show inconsistent,ambiguous]
        every change/share finding in the corpus, counted by verdict; the inconsistent ones
        printed with their sentence, to be read by hand (bench/RESULTS.md lists them)
    python -m bench.arith verdicts [bench/arith_verdicts.jsonl]
        accuracy and false alarms on the labelled sentences
    python -m bench.arith speed [--corpus …] [--reps 3]
        `check` over the corpus with and without the arithmetic kinds (interleaved)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from .corpus import load, size_mb

HERE = Path(__file__).parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"


def _corpus(path: str | None) -> list:
    p = Path(path) if path else (DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else Path("/work/shared/corpus"))
    return load(p)


def cmd_corpus(args: argparse.Namespace) -> int:
    import numcheck

    arts = _corpus(args.corpus)
    counts: Counter = Counter()
    show = set(args.show.split(","))
    for a in arts:
        r = numcheck.check(a.text, date=a.date, lang=a.lang, kinds="change,share")
        for f in r.findings:
            counts[(f.kind, f.verdict.value)] += 1
            if f.verdict.value in show:
                s = max(0, a.text.rfind("\n", 0, f.source.start, ) + 1, min(f.source.start, f.target.start) - 160)
                e = min(len(a.text), max(f.source.end, f.target.end) + 60)
                ctx = a.text[s:e].replace("\n", " ")
                print(f"[{f.verdict.value}] {a.id} {f.kind}: {f.message}\n    …{ctx}…\n")
    print(f"{len(arts)} articles, {size_mb(arts):.1f} MB")
    for (kind, verdict), n in sorted(counts.items()):
        print(f"  {kind:7s} {verdict:13s} {n}")
    return 0


def cmd_verdicts(args: argparse.Namespace) -> int:
    import numcheck

    path = Path(args.file)
    rows = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip() and not l.startswith("//")]
    confusion: Counter = Counter()
    wrong = []
    for row in rows:
        r = numcheck.check(row["text"], lang=row["lang"], kinds="change,share")
        got = [f.verdict.value for f in r.findings]
        got_v = got[0] if got else "none"
        want = row["verdict"]
        confusion[(want, got_v)] += 1
        if got_v != want:
            wrong.append((row, got_v, r.findings[0].message if r.findings else ""))
    n = len(rows)
    right = sum(v for (w, g), v in confusion.items() if w == g)
    alarms = sum(v for (w, g), v in confusion.items() if g == "inconsistent" and w != "inconsistent")
    distractors = sum(v for (w, g), v in confusion.items() if w in ("none", "consistent"))
    caught = sum(v for (w, g), v in confusion.items() if w == "inconsistent" and g == "inconsistent")
    slips = sum(v for (w, g), v in confusion.items() if w == "inconsistent")
    print(f"{n} sentences: accuracy {right / n:.3f}; false alarms {alarms} of {distractors} right or distractor sentences; "
          f"slips caught {caught} of {slips}")
    for (w, g), v in sorted(confusion.items()):
        print(f"  expected {w:13s} got {g:13s} {v}")
    for row, g, msg in wrong:
        print(f"  MISS [{row['lang']}] want {row['verdict']}, got {g}: {row['text']}  → {msg}")
    return 0


def cmd_speed(args: argparse.Namespace) -> int:
    """`check` with every kind against `check` without the arithmetic kinds, article by
    article in turn (CPU time): on a shared machine, load drifts between two long blocks of
    runs by more than the difference measured; interleaving cancels the drift."""
    import numcheck

    arts = _corpus(args.corpus)
    if args.every > 1:
        arts = arts[:: args.every]
    mb = size_mb(arts)
    numcheck.check("warm-up: rose 15% to $690 from $500")
    numcheck.check("steg med 15 procent till 690 kronor från 500 kronor", lang="sv")
    clock = time.process_time
    without = with_ = 0.0
    for _ in range(args.reps):
        for a in arts:
            t = clock()
            numcheck.check(a.text, date=a.date, lang=a.lang, kinds="money,unit")
            without += clock() - t
            t = clock()
            numcheck.check(a.text, date=a.date, lang=a.lang)
            with_ += clock() - t
    print(f"{len(arts)} articles, {mb:.1f} MB, {args.reps} passes, CPU time, interleaved per article")
    print(f"  without arithmetic: {without:.2f} s  {mb * args.reps / without:.2f} MB/s")
    print(f"  with arithmetic:    {with_:.2f} s  {mb * args.reps / with_:.2f} MB/s")
    print(f"  cost of the arithmetic kinds: {(with_ / without - 1) * 100:+.1f}% time, "
          f"throughput {without / with_ * 100:.0f}% of before")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.arith")
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("--corpus")
    c.add_argument("--show", default="inconsistent")
    v = sub.add_parser("verdicts")
    v.add_argument("file", nargs="?", default=str(HERE / "arith_verdicts.jsonl"))
    s = sub.add_parser("speed")
    s.add_argument("--corpus")
    s.add_argument("--reps", type=int, default=2)
    s.add_argument("--every", type=int, default=1, help="every k-th article only")
    args = p.parse_args(argv)
    return {"corpus": cmd_corpus, "verdicts": cmd_verdicts, "speed": cmd_speed}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
