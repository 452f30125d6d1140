"""Settings the low stages need without knowing about configuration files: where numcheck
keeps installed data and caches, the live source's default address, and the settings a rate
provider is built with. :mod:`numcheck.config` reads files into :class:`~numcheck.config.Config`,
which has these fields too; keeping them here lets the rate providers sit below the
configuration instead of importing it (which made a circle config ↔ rates)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_LIVE_URL = "https://theratesapi.com/api/"  # forex-python's source


@dataclass(frozen=True)
class RateSettings:
    """What a named rate provider is built with; :class:`numcheck.config.Config` has the same
    fields (and more), so either can be passed to :func:`numcheck.conversion.rates.resolve`."""

    max_rate_age_days: int = 30
    live_url: str = DEFAULT_LIVE_URL
    live_timeout: float = 5.0


def data_dir() -> Path:
    """Where numcheck keeps data a user installed (``numcheck rates update``)."""
    env = os.environ.get("NUMCHECK_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("numcheck", appauthor=False))


def cache_dir() -> Path:
    """Where numcheck caches answers it fetched (live rates)."""
    env = os.environ.get("NUMCHECK_CACHE_DIR")
    if env:
        return Path(env)
    if os.environ.get("NUMCHECK_DATA_DIR"):
        return Path(os.environ["NUMCHECK_DATA_DIR"]) / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir("numcheck", appauthor=False))
