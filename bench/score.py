"""One matching rule for every tool: precision, recall and F1 of (value, currency or unit).

A predicted mention matches an expected one when

* the value is equal within 1e-6 relative (for an expected range, both ends; for an open
  range, its one bound; a fractional unit such as "50 cents" also matches 0.5), and
* the unit is compatible: for money, the ISO code when the expected mention has one
  (otherwise the value alone decides, as the suites leave "$", "£", "kroner" without a
  code on purpose); for other kinds, the unit names agree once normalized (aliases in
  ``aliases.toml``, then pint; temperatures by keyword).

Matching is one-to-one and greedy in the suite's order. Predictions are first limited to
the kinds the file tests (a currency file does not count a tool's distances against it),
the same way for every tool.
"""

from __future__ import annotations

import functools
import json
import math
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

HERE = Path(__file__).parent
REL_TOL = 1e-6


@dataclass(frozen=True)
class Pred:
    """One mention as a tool reported it, normalized for matching."""

    value: float | None
    unit: str | None  # ISO 4217 for money; a unit name otherwise; None when unknown
    kind: str  # money | quantity | temperature | age | number
    low: float | None = None  # a range's ends, when the tool reports one
    high: float | None = None

    @property
    def ends(self) -> tuple[float | None, float | None]:
        lo = self.low if self.low is not None else self.value
        hi = self.high if self.high is not None else self.value
        return lo, hi


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    cases: int = 0

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.cases += other.cases

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "cases": self.cases,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@functools.lru_cache(maxsize=1)
def aliases() -> dict:
    with open(HERE / "aliases.toml", "rb") as f:
        return tomllib.load(f)


def currency_code(raw: str | None) -> str | None:
    """A peer's currency as written → ISO code, when the form has one dominant meaning."""
    if not raw:
        return None
    s = raw.strip()
    if re.fullmatch(r"[A-Za-z]{3}", s) and s.upper() not in ("TLV",):
        return s.upper()
    return aliases()["currency"].get(s.lower())


#: Unit names neither the alias tables nor pint know ("Décimètres", "Microgramme"): for an
#: expected unit spelled like that the value decides, for every tool alike, rather than the
#: gaps of the bench's alias tables.
_UNRESOLVED: set[str] = set()

_TEMP = (("fahrenheit", "degF"), ("celsius", "degC"), ("centigrad", "degC"), ("kelvin", "kelvin"))


@functools.lru_cache(maxsize=None)
def unit_names(raw: str | None, kind: str) -> frozenset[str]:
    """Canonical names a unit can stand for ("M" → meter or mile); empty when unknown."""
    if not raw:
        return frozenset()
    s = raw.strip()
    if s.lower().startswith("custom:"):
        s = s[7:]
    low = re.sub(r"[_\s]+", " ", s.lower()).strip()
    if kind == "temperature":
        low = _strip_accents(low)
        for word, name in _TEMP:
            if word in low:
                return frozenset({name})
        # "Degree", "Grado", "Degré", "Graden": a degree on no named scale
        bare = re.sub(r"\b(degrees?|degres?|grados?|graus?|gradi|grad(en)?|graad)\b|°", "", low).strip()
        if bare in ("c",):
            return frozenset({"degC"})
        if bare in ("f",):
            return frozenset({"degF"})
        if bare in ("k",):
            return frozenset({"kelvin"})
        if bare == "":
            return frozenset({"degC", "degF", "degree"})  # "Degree": any temperature scale
        return frozenset({low})
    alias = aliases()["unit"].get(low)
    if alias:
        return frozenset(alias.split("|"))
    words = _strip_accents(low).split()
    if any(w in aliases()["unit_words"] for w in words):
        low = " ".join(aliases()["unit_words"].get(w, w) for w in words)
        alias = aliases()["unit"].get(low)
        if alias:
            return frozenset(alias.split("|"))
    for spelling in (low, low.replace(" ", "_")):  # "oil barrel" / pint's "oil_barrel"
        try:
            name = _pint_name(spelling)
        except Exception:
            continue
        alias = aliases()["unit"].get(name)
        return frozenset(alias.split("|")) if alias else frozenset({name})
    _UNRESOLVED.add(low)
    return frozenset({low})  # not a pint unit: compare the normalized spelling


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def _ureg():
    import pint

    return pint.UnitRegistry()


@functools.lru_cache(maxsize=None)
def _pint_name(low: str) -> str:
    return str(_ureg().parse_units(low))


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


def value_matches(exp: dict, pred: Pred) -> bool:
    lo, hi = pred.ends
    rng = exp.get("range")
    v = exp.get("value")
    if v is not None:
        if _close(pred.value, v) and (pred.high is None or _close(hi, v) or rng):
            return True
        if exp.get("fractional_unit") and (_close(pred.value * 100 if pred.value is not None else None, v)):
            return True
        if rng and rng.get("min") is not None and rng.get("max") is not None:
            return _close(lo, rng["min"]) and _close(hi, rng["max"])
        return False
    if not rng:
        return False
    mn, mx = rng.get("min"), rng.get("max")
    if mn is not None and mx is not None:
        return _close(lo, mn) and _close(hi, mx)
    bound = mn if mn is not None else mx
    return _close(pred.value, bound) or _close(hi, bound)


def unit_matches(exp: dict, pred: Pred) -> bool:
    kind = exp.get("kind")
    if kind == "money":
        iso = exp.get("iso_currency")
        if exp.get("currency_from_hint") or exp.get("currency_not_checked"):
            iso = None
        if not iso:
            return True
        return pred.kind == "money" and pred.unit == iso
    if kind == "number":
        return pred.kind == "number" or not pred.unit
    want = unit_names(exp.get("unit"), kind)
    have = unit_names(pred.unit, kind)
    if not want or want <= _UNRESOLVED:
        return True
    return bool(want & have)


@functools.lru_cache(maxsize=None)
def _factor(src: str, dst: str) -> float | None:
    """How many ``dst`` one ``src`` is, when pint knows both and they measure the same thing."""
    try:
        u = _ureg()
        return float(u.Quantity(1.0, src).to(dst).magnitude)
    except Exception:
        return None


def converted_matches(exp: dict, pred: Pred) -> bool:
    """"12 ft 2 in" may come out as 146 inches or as 12.17 feet: the same length. A quantity
    matches when the predicted value, converted into the expected unit by pint, is equal."""
    if exp.get("kind") != "quantity" or exp.get("value") is None or pred.value is None or pred.high is not None:
        return False
    for a in unit_names(pred.unit, "quantity"):
        for b in unit_names(exp.get("unit"), "quantity"):
            f = _factor(a, b)
            if f is not None and _close(pred.value * f, exp["value"]):
                return True
    return False


def matches(exp: dict, pred: Pred) -> bool:
    return (value_matches(exp, pred) and unit_matches(exp, pred)) or converted_matches(exp, pred)


def scorable(exp: dict) -> bool:
    """Bare unit mentions ("convert 10 celsius to fahrenheit" → "fahrenheit") carry no value."""
    return not exp.get("unit_only") and (exp.get("value") is not None or bool(exp.get("range")))


def score_case(expected: list[dict], preds: Iterable[Pred], kinds: frozenset[str]) -> Tally:
    exp = [e for e in expected if scorable(e)]
    pool = [p for p in preds if p.value is not None and p.kind in kinds]
    used = [False] * len(pool)
    tp = 0
    for e in exp:
        for i, p in enumerate(pool):
            if not used[i] and matches(e, p):
                used[i] = True
                tp += 1
                break
    return Tally(tp=tp, fp=len(pool) - tp, fn=len(exp) - tp, cases=1)


@dataclass(frozen=True)
class Suite:
    path: Path
    lang: str | None
    kinds: frozenset[str]
    cases: tuple[dict, ...]

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def expected_mentions(self) -> int:
        return sum(1 for c in self.cases for e in c["expected"] if scorable(e))


def load_suite(path: Path) -> Suite:
    cases = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{n}: not JSON: {e.msg}") from None
            # Duckling's latent cases ("5" → 5 Unnamed) pass upstream only with latent
            # parsing switched on; its README advises skipping them.
            if (case.get("upstream") or {}).get("latent"):
                continue
            cases.append(case)
    langs = {c.get("lang") for c in cases}
    kinds = frozenset(e.get("kind") for c in cases for e in c["expected"] if e.get("kind"))
    return Suite(path, langs.pop() if len(langs) == 1 else None, kinds or frozenset({"money"}), tuple(cases))


def score_suite(suite: Suite, extract: Callable[[str, str | None], list[Pred]]) -> Tally:
    total = Tally()
    for case in suite.cases:
        total.add(score_case(case["expected"], extract(case["text"], case.get("lang")), suite.kinds))
    return total
