"""Currency eras: legacy euro currencies at their irrevocable conversion rates.

From the day a country joined the euro its old currency is worth a fixed number of euros
forever ("1 million marks" in 2001 is €511,292). The rates and adoption days are data
(``data/euro_legacy.toml``). Before adoption, the legacy currency's market rate comes from
the wrapped provider, which knows where it has quotes (the ECB quoted the later adopters —
SIT, CYP, … HRK, BGN — until their last day).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from ...errors import RateUnavailable
from ...model import Rate

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@dataclass(frozen=True)
class LegacyCurrency:
    code: str
    name: str
    per_euro: float  # units of the legacy currency per euro, fixed
    adopted: date  # first day it is converted at the fixed rate
    peg: bool = False  # a currency of its own pegged to the euro (the CFA francs), not replaced by it


@lru_cache(maxsize=1)
def legacy_currencies() -> dict[str, LegacyCurrency]:
    raw = tomllib.loads(resources.files(__package__).joinpath("data/euro_legacy.toml").read_text(encoding="utf-8"))
    out = {}
    for code, row in raw.items():
        out[code] = LegacyCurrency(code, row["name"], float(row["rate"]), row["adopted"], bool(row.get("peg", False)))
    return out


def _fmt(x: float) -> str:
    return f"{x:.6g}"


class EuroEras:
    """Wraps a provider: a legacy euro currency on or after its adoption day converts through
    EUR at its fixed rate; everything else is the wrapped provider's answer, unchanged."""

    def __init__(self, inner):
        self.inner = inner
        self.name = inner.name
        self.legacy = legacy_currencies()

    def __getattr__(self, attr: str):  # the wrapped provider's own attributes (history, …)
        if attr == "inner":
            raise AttributeError(attr)
        return getattr(self.inner, attr)

    def _fixed(self, code: str, day: date | None) -> LegacyCurrency | None:
        lc = self.legacy.get(code)
        if lc is None:
            return None
        return lc if (day or date.today()) >= lc.adopted else None

    def _per_euro(self, code: str, fixed: LegacyCurrency | None, day: date | None) -> tuple[float, Rate | None]:
        """Units of ``code`` per euro: its fixed rate, 1 for the euro, else the market rate."""
        if fixed is not None:
            return fixed.per_euro, None
        if code == "EUR":
            return 1.0, None
        market = self.inner.rate("EUR", code, day)
        return market.value, market

    def rate(self, base: str, quote: str, day: date | None) -> Rate:
        fb, fq = self._fixed(base, day), self._fixed(quote, day)
        if fb is None and fq is None:
            return self.inner.rate(base, quote, day)
        notes = [
            f"{lc.code} converted at its {'fixed euro peg' if lc.peg else 'irrevocable euro rate'}, {_fmt(lc.per_euro)} {lc.code}/EUR since {lc.adopted}"
            for lc in (fb, fq)
            if lc is not None
        ]
        if day is None:
            self._undated_market_leg(base, quote, fb, fq)
        # base → EUR → quote; only the non-legacy leg needs a market rate
        base_per_eur, m1 = self._per_euro(base, fb, day)
        quote_per_eur, m2 = self._per_euro(quote, fq, day)
        market = m2 or m1
        value = quote_per_eur / base_per_eur
        if market is None:
            return Rate(base, quote, value, day, "euro fixed rates", day, "; ".join(notes))
        if market.note:
            notes.append(market.note)
        return Rate(base, quote, value, market.date, f"{market.provider} + euro fixed rate", market.requested, "; ".join(notes))

    @staticmethod
    def _undated_market_leg(base: str, quote: str, fb: LegacyCurrency | None, fq: LegacyCurrency | None) -> None:
        """With no article date, a replaced currency against one the euro did not fix (pesetas
        against dollars) has no knowable rate: the copy was written before the euro replaced it,
        and today's dollar rate says nothing about that day's. Unverifiable, not a verdict at the
        latest rate (which made a correct 1990 conversion look 3× off). A peg (CFA francs) is a
        living currency and takes the latest rate like any other."""
        replaced = [lc for lc in (fb, fq) if lc is not None and not lc.peg]
        other = quote if fb is not None else base
        if not replaced or other == "EUR" or (fb is not None and fq is not None):
            return
        lc = replaced[0]
        raise RateUnavailable(
            f"{lc.code} was replaced by the euro on {lc.adopted}; with no article date, "
            f"its {other} rate on the day the copy was written cannot be known: give the article's date"
        )

    def currencies(self, day: date | None = None) -> frozenset[str]:
        fixed = {c for c in self.legacy if self._fixed(c, day)}
        return self.inner.currencies(day) | fixed | ({"EUR"} if fixed else set())

    def nearest_day_for(self, base: str, quote: str, value: float, rel: float, before: date | None = None) -> date | None:
        fn = getattr(self.inner, "nearest_day_for", None)
        if fn is None or base in self.legacy or quote in self.legacy:
            return None
        return fn(base, quote, value, rel, before=before) if before is not None else fn(base, quote, value, rel)


__all__ = ["EuroEras", "LegacyCurrency", "legacy_currencies"]
