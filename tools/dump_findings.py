"""Dump every mention and finding numcheck gives on a corpus, one JSON line per article, so that
two versions of the extraction can be compared line by line (issue 15: the candidate filter must
not lose anything). Usage: python tools/dump_findings.py CORPUS_DIR OUT.jsonl; python tools/dump_findings.py --diff A.jsonl B.jsonl"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numcheck  # noqa: E402
from bench.corpus import load  # noqa: E402


def main(corpus: str, out: str) -> None:
    langs = {"en", "sv", "de", "fr", "es", "da", "nb", "fi"}
    start = time.perf_counter()
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for a in load(Path(corpus)):
            lang = a.lang if a.lang in langs else "en"
            try:
                r = numcheck.check(a.text, date=a.date, lang=lang)
                report = r.to_dict()
                report["mentions"] = [dataclasses.asdict(m) for m in r.mentions]
            except Exception as e:  # a crash is a difference too
                report = {"error": f"{type(e).__name__}: {e}"}
            mentions = report.get("mentions", [])
            n += len(mentions)
            fh.write(json.dumps({"id": a.id, "report": report}, ensure_ascii=False, default=str) + "\n")
    print(f"{n} mentions, {time.perf_counter() - start:.1f} s", file=sys.stderr)


def diff(before: str, after: str) -> int:
    """The articles whose mentions or findings differ between two dumps, printed; their count."""
    with open(before, encoding="utf-8") as a, open(after, encoding="utf-8") as b:
        n = 0
        for x, y in zip(a, b, strict=True):
            if x != y:
                n += 1
                print(json.loads(x)["id"])
    print(f"{n} articles differ", file=sys.stderr)
    return n


if __name__ == "__main__":
    if sys.argv[1] == "--diff":
        sys.exit(1 if diff(*sys.argv[2:4]) else 0)
    main(*sys.argv[1:3])
