"""Exchange rates: the :class:`RateProvider` interface, the default ECB history and a chain.

A provider answers one question: how many ``quote`` does one ``base`` buy on a given day.
It returns a :class:`~numcheck.model.Rate` that carries the day actually used and where it
came from, or raises :class:`~numcheck.errors.RateUnavailable` with a reason an editor can
read. Providers are built once per process and reused (see :func:`get_provider`).
"""

from __future__ import annotations

import os
import threading
from datetime import date
from typing import TYPE_CHECKING, Iterable, Protocol, Sequence, runtime_checkable

from ...errors import InputError, RateUnavailable
from ...model import Rate
from ...settings import RateSettings

if TYPE_CHECKING:  # only a type: Config has RateSettings' fields
    from ...config import Config



@runtime_checkable
class RateProvider(Protocol):
    """Anything that can give an exchange rate for a day."""

    name: str

    def rate(self, base: str, quote: str, day: date | None) -> Rate:
        """Return the rate for ``day`` (None: the latest available) or raise RateUnavailable."""
        ...

    def currencies(self, day: date | None = None) -> frozenset[str]:
        """The ISO codes this provider can quote (on ``day``, when given)."""
        ...


@runtime_checkable
class RateHistory(Protocol):
    """A provider that keeps a history of rates (ECB, euro eras, a chain holding one) can
    also say on which day a stated figure would have been right: the judging stage's
    "a stale rate?" hint and the undated-article check. Optional: a provider without it
    gives no such hint."""

    def nearest_day_for(self, base: str, quote: str, value: float, rel: float, before: date | None = None) -> date | None:
        """The day nearest the requested one whose rate makes ``value`` within ``rel``, or None;
        with ``before``, only days before it (a writer cannot use a rate not yet published)."""
        ...


class ChainProvider:
    """Providers in order; the first that answers wins.

    When all fail, the reasons of every provider are joined so the finding says why each one
    could not answer ("table: no row for USD/SEK on 2024-11-19; ecb: …").
    """

    def __init__(self, providers: Sequence[RateProvider]):
        if not providers:
            raise InputError("rate provider chain is empty")
        self.providers = tuple(providers)
        self.name = "+".join(p.name for p in self.providers)

    def rate(self, base: str, quote: str, day: date | None) -> Rate:
        reasons = []
        for p in self.providers:
            try:
                r = p.rate(base, quote, day)
            except RateUnavailable as e:
                reasons.append(f"{p.name}: {e}" if len(self.providers) > 1 else str(e))
                continue
            if reasons:  # say that earlier providers were passed over, and why
                note = "; ".join(reasons + ([r.note] if r.note else []))
                r = Rate(r.base, r.quote, r.value, r.date, r.provider, r.requested, note)
            return r
        raise RateUnavailable("; ".join(reasons))

    def currencies(self, day: date | None = None) -> frozenset[str]:
        out: set[str] = set()
        for p in self.providers:
            out |= p.currencies(day)
        return frozenset(out)

    def nearest_day_for(self, base: str, quote: str, value: float, rel: float, before: date | None = None) -> date | None:
        """The stale-rate hint of the first provider with a history to search."""
        for p in self.providers:
            if isinstance(p, RateHistory):
                return p.nearest_day_for(base, quote, value, rel, before=before) if before is not None else \
                    p.nearest_day_for(base, quote, value, rel)
        return None


_lock = threading.Lock()
_cache: dict[tuple, RateProvider] = {}

KNOWN = "ecb, live, table:PATH"


def _make(spec: str, config: "RateSettings") -> RateProvider:
    if spec == "ecb":
        from .ecb import ECBProvider

        return ECBProvider(max_age_days=config.max_rate_age_days)
    if spec == "live":
        from .live import LiveProvider

        return LiveProvider(base_url=config.live_url, timeout=config.live_timeout)
    if spec.startswith("table:"):
        from .table import TableProvider

        if not spec[len("table:"):].strip():
            raise InputError("rate provider 'table:' needs a file: table:PATH")
        return TableProvider(spec[len("table:"):].strip())
    raise InputError(f"unknown rate provider {spec!r} (known: {KNOWN})")


def _key(spec: str, config: "RateSettings") -> tuple:
    """The cache key: a table is rebuilt when its file changes (a long-running process, such
    as a pytest session, sees the desk's edits); the settings a provider uses are part of it."""
    if spec.startswith("table:"):
        path = os.path.abspath(spec[len("table:"):].strip())
        try:
            st = os.stat(path)
            stamp: tuple = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = ()
        return ("table", path, stamp)
    if spec == "ecb":
        return (spec, config.max_rate_age_days)
    if spec == "live":
        return (spec, config.live_url, config.live_timeout)
    return (spec,)


def get_provider(spec: str, config: "RateSettings | Config | None" = None) -> RateProvider:
    """The provider named by ``spec`` (``ecb``, ``live``, ``table:PATH``), built once per
    process (per settings) and reused. A bad table file raises InputError here."""
    config = config or RateSettings()
    spec = spec.strip()
    key = _key(spec, config)
    with _lock:
        p = _cache.get(key)
        if p is None:
            p = _cache[key] = _make(spec, config)
        return p


def check_rates_argument(rates: object) -> list:
    """The ``rates=`` argument as a list of names and providers, or InputError naming what
    was passed instead (``rates=5`` is no TypeError from deep inside)."""
    what = "rates must be a provider name such as 'ecb', a RateProvider or a list of them"
    if isinstance(rates, (str, RateProvider)):
        return [rates]
    if not isinstance(rates, Iterable) or isinstance(rates, (bytes, dict)):
        raise InputError(f"{what}, not {type(rates).__name__} {rates!r:.60}")
    rates = list(rates)
    for r in rates:
        if not isinstance(r, (str, RateProvider)):
            raise InputError(f"{what}, not {type(r).__name__} {r!r:.60} in the list")
    return rates


def resolve(rates: RateProvider | str | Iterable[str | RateProvider] | None, config: "RateSettings | Config | None" = None) -> RateProvider:
    """Turn the ``rates=`` argument of :func:`numcheck.check` into one provider.

    Named providers (and chains of them) convert legacy euro currencies at their fixed rates
    from their adoption day (:mod:`.eras`); a provider object passed in is used as it is.
    ``config`` supplies the settings of named providers (max rate age, live source).
    """
    from .eras import EuroEras

    if rates is None:
        rates = getattr(config, "rates", "ecb")
    if isinstance(rates, RateProvider):
        return rates
    if isinstance(rates, str):
        rates = [s for s in rates.split(",") if s.strip()] or ["ecb"]
    items = [get_provider(r, config) if isinstance(r, str) else r for r in check_rates_argument(rates)]
    if not items:
        raise InputError("rate provider chain is empty")
    return EuroEras(items[0] if len(items) == 1 else ChainProvider(items))


__all__ = ["RateProvider", "RateHistory", "ChainProvider", "Rate", "RateUnavailable", "get_provider", "resolve"]
