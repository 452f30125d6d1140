"""Subprocess entry points, so that a timing starts from a fresh interpreter or can be cut off.

    python -m bench.probe import            → seconds for `import numcheck`
    python -m bench.probe first-check FILE  → seconds for `import numcheck` + the first check
    python -m bench.probe patho KIND BYTES  → seconds for numcheck.check on a pathological line

Each prints one JSON object on stdout.
"""

from __future__ import annotations

import json
import sys
import time

#: One line of digits and separators, built by repeating a unit up to the requested size.
PATHOLOGICAL = {
    "grouped": "1,234,567.89 ",  # many well-formed grouped figures, no currency
    "dotted": "1.",  # "1.1.1.1…": one endless run of digits and separators
    "money": "$1,234,567.89 ",  # a figure with a currency every 14 characters
}


def pathological_text(kind: str, nbytes: int) -> str:
    unit = PATHOLOGICAL[kind]
    return (unit * (nbytes // len(unit) + 1))[:nbytes]


def main(argv: list[str]) -> int:
    mode = argv[0]
    if mode == "import":
        t = time.perf_counter()
        import numcheck  # noqa: F401

        print(json.dumps({"seconds": time.perf_counter() - t}))
    elif mode == "first-check":
        text = open(argv[1], encoding="utf-8").read()
        t = time.perf_counter()
        import numcheck

        r = numcheck.check(text, date=argv[2] if len(argv) > 2 else None)
        print(json.dumps({"seconds": time.perf_counter() - t, "findings": len(r.findings)}))
    elif mode == "first-check-profile":
        import cProfile
        import io
        import pstats

        text = open(argv[1], encoding="utf-8").read()
        prof = cProfile.Profile()
        prof.enable()
        import numcheck

        numcheck.check(text, date=argv[2] if len(argv) > 2 else None)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(14)
        print(json.dumps({"seconds": 0.0, "profile": buf.getvalue()}))
    elif mode == "patho":
        import numcheck

        numcheck.check("warm-up: $5 (4 euros)")
        text = pathological_text(argv[1], int(argv[2]))
        t = time.perf_counter()
        r = numcheck.check(text)
        print(json.dumps({"seconds": time.perf_counter() - t, "mentions": len(r.mentions)}))
    else:
        print(f"unknown probe mode {mode!r}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
