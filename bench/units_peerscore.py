"""Score numcheck's quantity mentions against the peer suites in ../shared/peer-suites.

For each case of a file, the expected quantity and temperature mentions are compared with
the ``kind == "unit"`` mentions of :func:`numcheck.extract`. A prediction matches an
expected mention when their spans overlap (where the suite gives spans) and they state the
same quantity: the same value once converted into the peer's unit (Duckling writes
"0.002 kg" as 2 Gram), or, where the peer's unit name is unknown to numcheck and pint, the
same value in a unit of the same dimension (the peer's subtype). Ranges match on both
ends; open bounds ("under 5 km") on their one figure. Expected mentions without a value
(a bare unit: "convert to fahrenheit") are not scored: there is no (value, unit) pair.

    python -m bench.units_peerscore [FILE ...]     # default: every unit file of the suites
"""

from __future__ import annotations

import functools
import json
import math
import os
import sys
from pathlib import Path
from typing import Any, Iterable

from numcheck.errors import InputError, NumcheckError
from numcheck.language.units import DATA, NEUTRAL, _load, get_vocabulary

#: The peer-suite files with physical quantities and temperatures.
UNIT_FILE_PREFIXES = (
    "recognizers-dimension-", "recognizers-temperature-", "duckling-distance-", "duckling-quantity-",
    "duckling-temperature-", "duckling-volume-", "quantulum3",
)
KINDS = ("quantity", "temperature")


def suites_dir(path: str | os.PathLike | None = None) -> Path:
    """The peer suites: ``path``, else $NUMCHECK_PEER_SUITES, else ../shared/peer-suites
    relative to the repository root."""
    if path:
        return Path(path)
    env = os.environ.get("NUMCHECK_PEER_SUITES")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[1].parent / "shared" / "peer-suites"


def unit_files(directory: str | os.PathLike | None = None) -> list[Path]:
    d = suites_dir(directory)
    if not d.is_dir():
        return []
    return sorted(p for p in d.glob("*.jsonl") if p.name.startswith(UNIT_FILE_PREFIXES))


@functools.lru_cache(maxsize=1)
def _peers() -> dict[str, Any]:
    return _load(DATA / "peers.toml")


@functools.lru_cache(maxsize=None)
def _known_words() -> dict[str, tuple[str, ...]]:
    """Every unit word numcheck knows, in every language it has data for."""
    words: dict[str, tuple[str, ...]] = {}
    for p in sorted(DATA.glob("*.toml")):
        if p.stem in ("common", "peers"):
            continue
        v = get_vocabulary(p.stem)
        for w, c in v.words.items():
            words.setdefault(w, c)
    v = get_vocabulary(NEUTRAL)
    for s, c in v.symbols.items():
        words.setdefault(s.lower(), c)
    return words


@functools.lru_cache(maxsize=None)
def peer_units(name: str) -> tuple[str, ...]:
    """The pint units a peer's unit label may stand for; () when unknown."""
    table = _peers().get("labels", {})
    if name in table:
        return tuple(table[name])
    low = name.strip().lower()
    words = _known_words()
    if low in words:
        return words[low]
    from numcheck.conversion.units import registry

    ureg = registry()
    for candidate in (low.replace(" ", "_"), name.strip().replace(" ", "_"), low.replace("metre", "meter").replace("litre", "liter").replace(" ", "_")):
        try:
            ureg.Unit(candidate)
        except Exception:
            continue
        return (candidate,)
    return ()


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-9)


def _convert(value: float, a: str, b: str) -> float | None:
    if a == b:
        return value
    from numcheck.conversion.units import conversion

    try:
        f, off, _ = conversion(a, b)  # pint refuses units of different dimensions
    except Exception:
        return None
    return value * f + off


def _wanted(e: dict[str, Any]) -> tuple[float | None, float | None]:
    """The expected figure(s): (min, max) of a range (quantulum3 also gives its midpoint as
    the value), else (value, None), else the one figure of an open bound."""
    r = e.get("range") or {}
    lo, hi = r.get("min"), r.get("max")
    if lo is not None and hi is not None and lo != hi:
        return lo, hi
    if e.get("value") is not None:
        return e["value"], None
    return (lo if lo is not None else hi), None


def matches(pred, e: dict[str, Any]) -> bool:
    """Does the numcheck mention ``pred`` state the expected mention ``e``?"""
    if e.get("start") is not None and e.get("end") is not None:
        if pred.end <= e["start"] or pred.start >= e["end"]:
            return False
    want, want_max = _wanted(e)
    if want is None:
        return False
    have = (pred.value, pred.value_max) if pred.value_max is not None else (pred.value, None)
    targets = peer_units(e.get("unit") or "")
    readings = pred.candidates or (pred.unit,)
    if targets:
        for t in targets:
            for r in readings:
                lo = _convert(have[0], r, t)
                hi = _convert(have[1], r, t) if have[1] is not None else None
                if lo is not None and _same(lo, want) and _same(hi, want_max):
                    return True
        return False
    # An unknown peer unit: the same figure in a unit of the same dimension.
    dim = _peers().get("subtypes", {}).get(e.get("subtype") or ("Temperature" if e.get("kind") == "temperature" else ""))
    return dim is not None and get_vocabulary(NEUTRAL).dimension(pred.unit) == dim and _same(have[0], want) and _same(have[1], want_max)


def kinds_of(path: str | os.PathLike) -> tuple[str, ...]:
    """What a file annotates: Recognizers' dimension model has no temperatures and its
    temperature model nothing else, so numcheck's other mentions are not scored there."""
    name = Path(path).name
    if "-temperature-" in name:
        return ("temperature",)
    if name.startswith("recognizers-dimension-"):
        return ("quantity",)
    return KINDS


def _scored(e: dict[str, Any], kinds: tuple[str, ...] = KINDS) -> bool:
    return e.get("kind") in kinds and not e.get("unit_only") and _wanted(e)[0] is not None


def score_cases(cases: Iterable[dict[str, Any]], lang: str | None = None, kinds: tuple[str, ...] = KINDS) -> dict[str, Any]:
    from numcheck import extract

    dims = get_vocabulary(NEUTRAL)

    def in_scope(m) -> bool:
        is_temp = dims.dimension(m.unit) == "temperature"
        return m.kind == "unit" and (("temperature" in kinds) if is_temp else ("quantity" in kinds))

    tp = fp = fn = n = scored = 0
    unsupported: dict[str, int] = {}
    misses: list[tuple[str, str]] = []
    false_alarms: list[tuple[str, str]] = []
    for case in cases:
        n += 1
        expected = [e for e in case.get("expected", ()) if _scored(e, kinds)]
        if case.get("upstream", {}).get("latent"):
            continue
        try:
            preds = [m for m in extract(case["text"], lang=lang or case.get("lang") or "en") if in_scope(m)]
        except InputError as e:
            unsupported[str(e)] = unsupported.get(str(e), 0) + 1
            fn += len(expected)
            continue
        scored += 1
        left = list(expected)
        for p in preds:
            hit = next((e for e in left if matches(p, e)), None)
            if hit is not None:
                left.remove(hit)
                tp += 1
            elif any(p.start < e["end"] and p.end > e["start"] for e in case.get("expected", ()) if e.get("start") is not None and e.get("kind") not in kinds):
                continue  # overlaps a money/age/number mention the suite expects: not scored here
            else:
                fp += 1
                false_alarms.append((case.get("id", "?"), p.text))
        fn += len(left)
        misses.extend((case.get("id", "?"), e.get("text") or "") for e in left)
    precision: float | None = tp / (tp + fp) if tp + fp else 0.0
    recall: float | None = tp / (tp + fn) if tp + fn else 0.0
    f1: float | None = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    if unsupported and scored == 0:
        precision = recall = f1 = None  # not measured: numcheck has no lexicon for the language
    out: dict[str, Any] = {
        "precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn, "cases": n,
        "misses": misses, "false_alarms": false_alarms,
    }
    if unsupported:
        out["unsupported"] = unsupported
    return out


def read_cases(path: str | os.PathLike) -> list[dict[str, Any]]:
    cases = []
    p = Path(path)
    try:
        with p.open(encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    cases.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise InputError(f"{p}:{i}: invalid JSON: {e.msg}") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror}") from None
    return cases


def score_file(path: str | os.PathLike, *, lang: str | None = None) -> dict[str, Any]:
    """precision, recall, f1, tp, fp, fn, cases (and misses, false_alarms) of one file.
    precision, recall and f1 are None when no case could be read: the file's language has
    no lexicon (``unsupported`` says so)."""
    return score_cases(read_cases(path), lang=lang, kinds=kinds_of(path))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(a) for a in args] or unit_files()
    if not paths:
        print(f"no peer-suite unit files in {suites_dir()}", file=sys.stderr)
        return 2
    print(f"{'file':40} {'cases':>5} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for p in paths:
        try:
            r = score_file(p)
        except NumcheckError as e:
            print(e, file=sys.stderr)
            continue
        if r["f1"] is None:
            print(f"{p.name:40} {r['cases']:5}    –    –    –      –      –      –  (language not supported)")
            continue
        print(f"{p.name:40} {r['cases']:5} {r['tp']:4} {r['fp']:4} {r['fn']:4} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
