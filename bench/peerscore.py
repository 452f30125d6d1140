"""Score numcheck's extractor against the peer test suites (../shared/peer-suites).

Each suite file is JSONL, one case a line: ``text``, ``lang`` (null for price-parser: read
as English) and the ``expected`` mentions another library's tests demand. Only
``kind == "money"`` entries are scored, as (value, currency) pairs:

* a predicted mention matches an expected one when the values are equal within 1e-6
  relative and the currencies are equal — when the expected entry has an ISO code
  (``iso_currency``); when it has none ("Dollar", "Krone": ambiguous on purpose upstream)
  the value alone decides. Spans need not overlap. Each mention matches at most once.
* a case's regional locale (Duckling's ``upstream.locale``, "en_AU") is passed on as the
  language tag ("en-AU"), as a desk would;
* an expected range ("between $10 and $20", "under $10") is matched by its lower bound,
  or its upper bound when it has no lower one; numcheck reads "from $10 to $20" as a change
  (two amounts, or the second alone), so either bound of a two-sided range matches, and a
  second mention at its other bound is the same amount read apart, not spurious; a range
  numcheck reads (``value_max``) matches by either of its bounds too ("7-9 lakh rupees" is
  700,000–900,000 INR; upstream stores 7–900,000: the upper bounds agree);
* a sub-unit (``fractional_unit``: "50 cents" stored as 50 Cent; or price-parser's unit
  "¢": "1 ¢" stored as 1 ¢) also matches its value in the currency (0.5, 0.01), which is how
  numcheck reads it;
* a suite's own label for a currency ISO 4217 codes otherwise (Duckling's "PTS" for the
  peseta) is read through aliases.toml's ``[suite_currency]`` ("PTS" = ESP) and then must
  match as a code does;
* bare currency words with no amount (``unit_only``) and Duckling's ``latent`` cases
  (bare numbers upstream accepts only in a special mode) are left out;
* cases that count coins ("a quarter", "ten dimes", "two nickels": ``COIN_WORDS``) are left
  out: in news copy "a quarter" is a fraction or three months and "nickel" a metal, never an
  amount of money, so numcheck deliberately does not read them as money.

    python -m bench.peerscore ../shared/peer-suites/duckling-money-sv.jsonl ...
    python -m bench.peerscore --all            # every money file in the default folder

Languages numcheck does not support are read with ``lang=None`` (guessed, which falls back
to English), so the "beyond" files measure how far the language-neutral scanner carries.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable, Iterable

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DIR = REPO.parent / "shared" / "peer-suites"
MONEY_GLOBS = ("duckling-money-*.jsonl", "recognizers-currency-*.jsonl", "price-parser.jsonl")


# English coin names Duckling reads as money; never money in news copy (see module docstring)
COIN_WORDS = re.compile(r"\b(?:quarters?|dimes?|nickels?)\b", re.IGNORECASE)


def suites_dir() -> Path:
    """$NUMCHECK_PEER_SUITES, else ../shared/peer-suites relative to the repository root."""
    env = os.environ.get("NUMCHECK_PEER_SUITES")
    return Path(env) if env else DEFAULT_DIR


def money_files(folder: Path | None = None) -> list[Path]:
    folder = folder or suites_dir()
    out: list[Path] = []
    for pattern in MONEY_GLOBS:
        out.extend(sorted(folder.glob(pattern)))
    return out


def _extract_default(text: str, lang: str | None) -> list[Any]:
    import numcheck
    from numcheck.language import available_languages, normalize_lang

    if lang is not None and normalize_lang(lang) not in available_languages():
        lang = None  # not supported: guess (English when nothing tells)
    return numcheck.extract(text, lang=lang)


def _suite_currency(label: Any) -> str | None:
    """The ISO code of a suite's own currency label ("PTS": the peseta, ESP), from
    aliases.toml's [suite_currency]; None for the labels that stay ambiguous ("Dollar")."""
    from bench.score import aliases

    return aliases().get("suite_currency", {}).get(label) if isinstance(label, str) else None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def _expected_value(e: dict) -> float | None:
    if e.get("value") is not None:
        return float(e["value"])
    rng = e.get("range") or {}
    for bound in ("min", "max"):
        if rng.get(bound) is not None:
            return float(rng[bound])
    return None


def _range_bounds(e: dict) -> tuple[float, ...]:
    rng = e.get("range") or {}
    if rng.get("min") is not None and rng.get("max") is not None:
        return (float(rng["min"]), float(rng["max"]))
    return ()


def _pred_fields(m: Any) -> tuple[str, float, str | None, tuple[float, ...]]:
    """kind, value, unit and every value the prediction stands for (both bounds of a range)."""
    if isinstance(m, dict):
        kind, value, unit, top = m.get("kind", "money"), float(m["value"]), m.get("unit"), m.get("value_max")
    else:
        kind, value, unit, top = getattr(m, "kind", "money"), float(m.value), getattr(m, "unit", None), getattr(m, "value_max", None)
    return kind, value, unit, (value,) if top is None else (value, float(top))


def score_cases(cases: Iterable[dict], extract_fn: Callable[[str, str | None], list[Any]] | None = None,
                misses: list | None = None) -> dict:
    """Precision/recall/F1 over ``cases`` (parsed JSONL records); see the module docstring."""
    fn = extract_fn or _extract_default
    tp = fp = fn_ = n = 0
    for case in cases:
        if (case.get("upstream") or {}).get("latent"):
            continue
        if COIN_WORDS.search(case["text"]):
            continue  # coin counts: never money in news copy
        expected = [e for e in case.get("expected", []) if e.get("kind") == "money" and not e.get("unit_only")]
        expected = [e for e in expected if _expected_value(e) is not None]
        if not expected and any(e.get("kind") != "money" for e in case.get("expected", [])):
            continue  # a case about another kind of amount
        n += 1
        lang = case.get("lang") or "en"
        locale = (case.get("upstream") or {}).get("locale")
        if isinstance(locale, str) and "_" in locale and locale.split("_")[0] == lang:
            lang = locale.replace("_", "-")  # Duckling's regional corpora: en_AU reads "$" as AUD
        preds = [p for p in (_pred_fields(m) for m in fn(case["text"], lang)) if p[0] == "money"]
        used = [False] * len(preds)
        case_fn = []
        for e in expected:
            value = _expected_value(e)
            iso = e.get("iso_currency") or _suite_currency(e.get("unit"))
            hit = None
            # a sub-unit ("50 cents") is stored upstream in the sub-unit (50); numcheck reads it
            # in the currency (0.50): either counts
            sub = e.get("fractional_unit") or e.get("unit") == "¢"
            values = (value, value / 100) if sub else (value,)
            bounds = _range_bounds(e)
            values += bounds
            for i, (_k, _v, unit, vs) in enumerate(preds):
                if not used[i] and any(_close(v, x) for v in vs for x in values) and (iso is None or unit == iso):
                    hit = i
                    break
            if hit is not None and bounds:
                for j, (_k, v, unit, _vs) in enumerate(preds):  # the other bound, read as its own amount
                    if j != hit and not used[j] and any(_close(v, x) for x in bounds) and (iso is None or unit == iso):
                        used[j] = True
                        break
            if hit is None:
                fn_ += 1
                case_fn.append(e)
            else:
                used[hit] = True
                tp += 1
        extra = [p for p, u in zip(preds, used) if not u]
        fp += len(extra)
        if misses is not None and (case_fn or extra):
            misses.append({"id": case.get("id"), "text": case["text"],
                           "missed": [(_expected_value(e), e.get("iso_currency") or e.get("unit")) for e in case_fn],
                           "spurious": [(v, u) for _k, v, u, _vs in extra]})
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn_) if tp + fn_ else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn_, "cases": n}


def read_cases(path: str | Path) -> list[dict]:
    """The records of a suite file; one clear line naming file and line for bad input."""
    from numcheck.errors import InputError

    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    out = []
    for no, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{no}: not JSON ({e.msg})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            raise InputError(f"{path}:{no}: a record needs a 'text' string")
        out.append(rec)
    return out


def score_file(path: str | Path, extract_fn: Callable[[str, str | None], list[Any]] | None = None,
               misses: list | None = None) -> dict:
    """Score ``extract_fn(text, lang)`` (default: numcheck.extract) against one suite file:
    {"precision", "recall", "f1", "tp", "fp", "fn", "cases"}."""
    return score_cases(read_cases(path), extract_fn, misses)


def main(argv: list[str] | None = None) -> int:
    from numcheck.errors import NumcheckError

    ap = argparse.ArgumentParser(prog="python -m bench.peerscore", description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", help="suite files (JSONL)")
    ap.add_argument("--all", action="store_true", help="every money file in $NUMCHECK_PEER_SUITES or ../shared/peer-suites")
    ap.add_argument("--misses", type=int, default=0, metavar="N", help="show N missed/spurious cases per file")
    args = ap.parse_args(argv)
    if args.all and not suites_dir().is_dir():
        print(f"error: {suites_dir()}: no such folder (set NUMCHECK_PEER_SUITES)", file=sys.stderr)
        return 2
    paths = [Path(p) for p in args.paths] + (money_files() if args.all else [])
    if not paths:
        ap.error("give suite files or --all")
    print(f"{'file':36} {'cases':>5} {'tp':>5} {'fp':>5} {'fn':>5} {'prec':>6} {'recall':>6} {'f1':>6}")
    tot = {"tp": 0, "fp": 0, "fn": 0, "cases": 0}
    try:
        for p in paths:
            misses: list = []
            r = score_file(p, misses=misses)
            for k in tot:
                tot[k] += r[k]
            print(f"{p.name:36} {r['cases']:5d} {r['tp']:5d} {r['fp']:5d} {r['fn']:5d} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}")
            for m in misses[: args.misses]:
                print(f"    {m['text']!r}: missed {m['missed']} spurious {m['spurious']}")
    except NumcheckError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if len(paths) > 1:
        p = tot["tp"] / (tot["tp"] + tot["fp"]) if tot["tp"] + tot["fp"] else 1.0
        r = tot["tp"] / (tot["tp"] + tot["fn"]) if tot["tp"] + tot["fn"] else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{'total':36} {tot['cases']:5d} {tot['tp']:5d} {tot['fp']:5d} {tot['fn']:5d} {p:6.3f} {r:6.3f} {f:6.3f}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
