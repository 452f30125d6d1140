"""Project configuration: ``[tool.numcheck]`` in ``pyproject.toml``, or ``numcheck.toml``.

The file is searched upward from a start directory (the current directory, or the directory
of the file being checked): the first ``numcheck.toml``, or ``pyproject.toml`` that has a
``[tool.numcheck]`` table, wins; nothing found means the defaults. Command-line flags
override it. The CLI and the pytest plugin both read it through :func:`load_config`.

    # numcheck.toml (or [tool.numcheck] in pyproject.toml)
    rates = ["table:rates/house.csv", "ecb"]   # providers in order; first answer wins
    tolerance = 0.03                           # rate drift on top of the writer's rounding
    max_rate_age_days = 30                     # how stale the newest rate may be
    lang = "en"                                # language when the file does not say
    kinds = ["money", "unit", "change", "share"]  # what is checked (default: all)
    live_url = "https://theratesapi.com/api/"  # the forex-python source, for "live"
    live_timeout = 5                           # seconds per request

A relative ``table:PATH`` is relative to the configuration file, so the same file works from
any directory of the project.

Also here: where numcheck keeps its data (installed ECB histories) and its cache (live
rates): platformdirs' user directories, overridden by ``NUMCHECK_DATA_DIR`` and
``NUMCHECK_CACHE_DIR`` (tests point them at temporary directories).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import InputError
from .settings import DEFAULT_LIVE_URL, cache_dir, data_dir  # noqa: F401  (public here too)
from .tomlfile import read_toml

CONFIG_FILES = ("numcheck.toml", "pyproject.toml")


@dataclass(frozen=True)
class Config:
    """The settings in force; every field has the default numcheck uses without a file."""

    rates: tuple[str, ...] = ("ecb",)
    tolerance: float | None = None  # None: the verdict stage's default (0.03)
    max_rate_age_days: int = 30
    lang: str = "en"
    live_url: str = DEFAULT_LIVE_URL
    live_timeout: float = 5.0
    kinds: tuple[str, ...] | None = None  # None: every kind (money, unit, change, share)
    source: Path | None = None  # the file these settings came from; None: defaults

    def provider(self):
        """The configured providers as one RateProvider, with this configuration's max rate
        age and live settings: pass it as ``numcheck.check(…, rates=cfg.provider())``."""
        from .conversion.rates import resolve

        return resolve(list(self.rates), self)

    def describe(self) -> str:
        return str(self.source) if self.source else "defaults (no numcheck.toml or [tool.numcheck] found)"


_KNOWN = tuple(f.name for f in fields(Config) if f.name != "source")


def find_config_file(start_dir: str | os.PathLike | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration file at or above ``start_dir`` and its numcheck table."""
    start = Path(start_dir) if start_dir is not None else Path.cwd()
    start = start.resolve()
    if start.is_file():
        start = start.parent
    for d in (start, *start.parents):
        for name in CONFIG_FILES:
            p = d / name
            if not p.is_file():
                continue
            data = _read_toml(p)
            if name == "numcheck.toml":  # the keys at top level
                return p, data
            tool = data.get("tool", {})
            if not isinstance(tool, dict):  # "tool = 5": not the table PEP 518 says it is
                raise InputError(f"{p}: 'tool' must be a table, got {type(tool).__name__} {tool!r:.40}")
            table = tool.get("numcheck")
            if table is not None:
                return p, table
    return None


def _read_toml(p: Path) -> dict[str, Any]:
    return read_toml(p)


def load_config(start_dir: str | os.PathLike | None = None) -> Config:
    """The configuration for files under ``start_dir`` (default: the current directory)."""
    found = find_config_file(start_dir)
    if found is None:
        return Config()
    path, table = found
    return config_from_mapping(table, source=path)


def config_from_mapping(table: dict[str, Any], source: Path | None = None) -> Config:
    """Validate a ``[tool.numcheck]`` table; each problem is one line naming file and key."""
    where = f"{source}: " if source else ""
    if not isinstance(table, dict):
        raise InputError(f"{where}[tool.numcheck] must be a table")
    unknown = sorted(set(table) - set(_KNOWN))
    if unknown:
        raise InputError(f"{where}unknown key {unknown[0]!r} (known: {', '.join(_KNOWN)})")
    out: dict[str, Any] = {}
    if "rates" in table:
        out["rates"] = parse_rates(table["rates"], base_dir=source.parent if source else None, where=where)
    if "tolerance" in table:
        t = table["tolerance"]
        if isinstance(t, bool) or not isinstance(t, (int, float)) or not 0 <= t < 1:
            raise InputError(f"{where}tolerance: expected a fraction between 0 and 1 such as 0.03, got {t!r}")
        out["tolerance"] = float(t)
    if "max_rate_age_days" in table:
        n = table["max_rate_age_days"]
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise InputError(f"{where}max_rate_age_days: expected a whole number of days ≥ 0, got {n!r}")
        out["max_rate_age_days"] = n
    if "lang" in table:
        lang = table["lang"]
        if not isinstance(lang, str) or not lang.strip():
            raise InputError(f"{where}lang: expected a language tag such as \"en\", got {lang!r}")
        out["lang"] = lang.strip()
    if "live_url" in table:
        url = table["live_url"]
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise InputError(f"{where}live_url: expected an http(s) URL, got {url!r}")
        out["live_url"] = url
    if "live_timeout" in table:
        s = table["live_timeout"]
        if isinstance(s, bool) or not isinstance(s, (int, float)) or not (s > 0 and math.isfinite(s)):
            raise InputError(f"{where}live_timeout: expected seconds > 0, got {s!r}")
        out["live_timeout"] = float(s)
    if "kinds" in table:
        from .model import ALL_KINDS

        k = table["kinds"]
        items = k.split(",") if isinstance(k, str) else k
        if not isinstance(items, list) or not items or any(not isinstance(x, str) or x.strip().lower() not in ALL_KINDS for x in items):
            raise InputError(f"{where}kinds: expected a list of {', '.join(ALL_KINDS)}, got {k!r}")
        out["kinds"] = tuple(dict.fromkeys(x.strip().lower() for x in items))
    return Config(source=source, **out)


def parse_rates(value: Any, base_dir: Path | None = None, where: str = "") -> tuple[str, ...]:
    """``["table:house.csv", "ecb"]`` or ``"table:house.csv,ecb"`` → provider specs, with a
    relative table path made relative to ``base_dir`` (the configuration file's directory)."""
    if isinstance(value, str):
        items: list[Any] = [s for s in value.split(",")]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        raise InputError(f"{where}rates: expected a list of providers such as [\"ecb\"], got {value!r}")
    specs: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise InputError(f"{where}rates: expected provider names, got {item!r}")
        spec = item.strip()
        if not spec:
            continue
        if spec.startswith("table:") and base_dir is not None:
            p = Path(spec[len("table:"):])
            if not p.is_absolute():
                spec = "table:" + str(base_dir / p)
        specs.append(spec)
    if not specs:
        raise InputError(f"{where}rates: the provider list is empty")
    return tuple(specs)


__all__ = ["Config", "load_config", "find_config_file", "config_from_mapping", "parse_rates", "data_dir", "cache_dir"]
