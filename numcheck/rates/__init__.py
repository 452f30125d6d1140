"""Exchange rates: the :class:`RateProvider` interface, the default ECB history and a chain.

A provider answers one question: how many ``quote`` does one ``base`` buy on a given day.
It returns a :class:`~numcheck.model.Rate` that carries the day actually used and where it
came from, or raises :class:`~numcheck.errors.RateUnavailable` with a reason an editor can
read. Providers are built once per process and reused (see :func:`get_provider`).
"""

from __future__ import annotations

import threading
from datetime import date
from typing import Iterable, Protocol, Sequence, runtime_checkable

from ..errors import InputError, RateUnavailable
from ..model import Rate


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


_lock = threading.Lock()
_cache: dict[str, RateProvider] = {}


def _make(spec: str) -> RateProvider:
    if spec == "ecb":
        from .ecb import ECBProvider

        return ECBProvider()
    raise InputError(f"unknown rate provider {spec!r} (known: ecb)")


def get_provider(spec: str) -> RateProvider:
    """The provider named by ``spec``, built once per process and reused."""
    with _lock:
        p = _cache.get(spec)
        if p is None:
            p = _cache[spec] = _make(spec)
        return p


def resolve(rates: RateProvider | str | Iterable[str | RateProvider] | None) -> RateProvider:
    """Turn the ``rates=`` argument of :func:`numcheck.check` into one provider."""
    if rates is None:
        return get_provider("ecb")
    if isinstance(rates, str):
        return get_provider(rates)
    if isinstance(rates, RateProvider):
        return rates
    items = [get_provider(r) if isinstance(r, str) else r for r in rates]
    if len(items) == 1:
        return items[0]
    return ChainProvider(items)


__all__ = ["RateProvider", "ChainProvider", "Rate", "RateUnavailable", "get_provider", "resolve"]
