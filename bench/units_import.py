"""Does pint slow down a check of a text without quantities? (issue 5)

Each figure is measured in a fresh Python process, from before ``import numcheck`` to the
end of the first ``numcheck.check``, and reported as the median of several runs:

1. a text with no amounts at all (distractors only: "F-16", "10:30", "page 10"),
2. a text with a money claim and no quantities (this one loads the ECB rates),
3. the same text plus one stated unit conversion: the first one pays for pint,
4. the quantity scanner's own share (import numcheck.extraction.quantities, read its data, compile its
   patterns) in a process that has already built the pipeline and the money scanner: the
   whole cost of units for a text without quantities,
5. ``import pint`` and building a UnitRegistry alone, for scale.

Figures 1 and 2 must not contain pint: the process checks ``'pint' not in sys.modules`` after the
check and the script fails if pint was loaded.

    python bench/units_import.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

NO_AMOUNTS = "The council met at 10:30 and voted 5-4; an F-16 and a Boeing 737 are on page 10."
NO_QUANTITIES = (
    "A new weapons package worth at least $275 million, equivalent to approximately 3 billion "
    "kronor, was announced at 10:30 after a 5-4 vote; an F-16 and a Boeing 737 are on page 10."
)
WITH_QUANTITY = NO_QUANTITIES + " The front runs along a 10-mile (16 km) stretch."

CHECK = """
import json, sys, time
t0 = time.perf_counter()
import numcheck
t1 = time.perf_counter()
report = numcheck.check({text!r}, date="2024-11-19")
t2 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "first_check": t2 - t1, "total": t2 - t0,
                  "pint_loaded": "pint" in sys.modules, "findings": len(report.findings)}}))
"""

SCANNER = """
import json, sys, time
import numcheck, numcheck.pipeline
from numcheck.extraction.money import get_scanner
get_scanner("en")  # the money scanner, which every check builds anyway
t0 = time.perf_counter()
import numcheck.extraction.quantities
t1 = time.perf_counter()
from numcheck.extraction.quantities import get_quantity_scanner
get_quantity_scanner("en")
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first_check": t2 - t1, "total": t2 - t0, "pint_loaded": "pint" in sys.modules, "findings": 0}))
"""

PINT = """
import json, time
t0 = time.perf_counter()
import pint
t1 = time.perf_counter()
pint.UnitRegistry()
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first_check": t2 - t1, "total": t2 - t0, "pint_loaded": True, "findings": 0}))
"""


def run(code: str, runs: int) -> dict:
    samples = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        samples.append(json.loads(out.stdout))
    return {k: statistics.median(s[k] for s in samples) if k not in ("pint_loaded", "findings") else samples[0][k]
            for k in samples[0]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    rows = [
        ("no amounts", run(CHECK.format(text=NO_AMOUNTS), args.runs)),
        ("money claim, no quantities", run(CHECK.format(text=NO_QUANTITIES), args.runs)),
        ("one unit claim", run(CHECK.format(text=WITH_QUANTITY), args.runs)),
        ("units' own set-up (no pint)", run(SCANNER, args.runs)),
        ("pint alone (import + registry)", run(PINT, args.runs)),
    ]
    print(f"median of {args.runs} fresh processes, {sys.executable} {sys.version.split()[0]}")
    print(f"{'text':32} {'import':>9} {'1st check':>10} {'total':>9}  pint loaded")
    for name, r in rows:
        print(f"{name:32} {r['import'] * 1000:7.1f}ms {r['first_check'] * 1000:8.1f}ms {r['total'] * 1000:7.1f}ms  {r['pint_loaded']}")
    if any(r["pint_loaded"] for _, r in rows[:2]) or rows[3][1]["pint_loaded"]:
        print("FAIL: a text without quantities loaded pint", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
