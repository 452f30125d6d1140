"""Helpers for the language tests: a fixed-rate provider so verdicts do not depend on the bundled history."""

from __future__ import annotations

from datetime import date


from numcheck.errors import RateUnavailable
from numcheck.model import Rate

# Units of each currency per euro (round figures close to November 2024).
PER_EUR = {"EUR": 1.0, "USD": 1.06, "SEK": 11.6, "NOK": 11.7, "DKK": 7.46, "CAD": 1.48,
           "AUD": 1.63, "GBP": 0.835, "CHF": 0.93, "JPY": 163.0, "NZD": 1.8, "HKD": 8.25,
           "SGD": 1.42}


class FixedRates:
    name = "fixed"

    def rate(self, base: str, quote: str, day: date | None) -> Rate:
        if base not in PER_EUR or quote not in PER_EUR:
            raise RateUnavailable(f"no fixed rate for {base}/{quote}")
        return Rate(base, quote, PER_EUR[quote] / PER_EUR[base], day, self.name, day)

    def currencies(self, day: date | None = None) -> frozenset[str]:
        return frozenset(PER_EUR)


