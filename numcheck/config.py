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

One resolved configuration: the file, then ``NUMCHECK_<KEY>`` environment variables, then
flags or arguments (:func:`resolve_config`). The CLI, the pytest plugin, the library's file
API (``numcheck.check_file``) and the HTTP service all resolve it the same way, and each
value remembers where it came from (``Config.origin(key)``; ``numcheck config`` prints them).

Also here: where numcheck keeps its data (installed ECB histories) and its cache (live
rates): platformdirs' user directories, overridden by ``NUMCHECK_DATA_DIR`` and
``NUMCHECK_CACHE_DIR`` (tests point them at temporary directories).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field, fields, replace
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
    include: tuple[str, ...] = ()  # globs of content files in directories (empty: the default suffixes)
    exclude: tuple[str, ...] = ()  # globs (and folder names, as .gitignore) to skip
    severity: tuple[tuple[str, str], ...] = ()  # verdict → level overrides ("ambiguous", "error")
    baseline: str | None = None  # a baseline file (relative paths: to the configuration file)
    jobs: int = 1
    kinds: tuple[str, ...] | None = None  # None: every kind (money, unit, change, share)
    currency_hints: tuple[tuple[str, tuple[str, ...]], ...] = ()  # ("$", ("CAD",)), ("kr", ("NOK", "DKK"))
    date: str | None = None  # the article date for files whose front matter does not say
    strict: bool = False  # ambiguous and unverifiable fail too; unused ignore comments are reported
    messages: str = "article"  # messages in the article's language ("article") or always "en"
    source: Path | None = None  # the file these settings came from; None: defaults
    #: key → where its value came from ("default", "pyproject.toml", "env NUMCHECK_JOBS", "--jobs")
    origins: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def origin(self, key: str) -> str:
        return self.origins.get(key, "default")

    @property
    def severity_map(self) -> dict[str, str]:
        return dict(self.severity)

    @property
    def hints(self) -> dict[str, list[str]] | None:
        return {k: list(v) for k, v in self.currency_hints} or None

    def provider(self):
        """The configured providers as one RateProvider, with this configuration's max rate
        age and live settings: pass it as ``numcheck.check(…, rates=cfg.provider())``."""
        from .conversion.rates import resolve

        return resolve(list(self.rates), self)

    def describe(self) -> str:
        return str(self.source) if self.source else "defaults (no numcheck.toml or [tool.numcheck] found)"


_KNOWN = tuple(f.name for f in fields(Config) if f.name not in ("source", "origins"))


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
    """The configuration for files under ``start_dir`` (default: the current directory):
    the file, then ``NUMCHECK_<KEY>`` environment variables (see :func:`resolve_config`)."""
    return resolve_config(start_dir)


def load_file_config(start_dir: str | os.PathLike | None = None) -> Config:
    """The configuration file's settings alone (no environment)."""
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
    base_dir = source.parent if source else None
    out = {k: validate(k, v, where=where, base_dir=base_dir) for k, v in table.items()}
    label = source.name if source else "mapping"
    return Config(source=source, origins={k: f"{label} ({source})" if source else label for k in out}, **out)


def validate(key: str, value: Any, *, where: str = "", base_dir: Path | None = None) -> Any:
    """One configuration value, checked and typed as :class:`Config` holds it. ``where``
    starts the error line ("pyproject.toml: ", "NUMCHECK_JOBS: ", "--jobs: ")."""
    if key == "rates":
        return parse_rates(value, base_dir=base_dir, where=where)
    if key == "tolerance":
        t = value
        if isinstance(t, bool) or not isinstance(t, (int, float)) or not 0 <= t < 1:
            raise InputError(f"{where}tolerance: expected a fraction between 0 and 1 such as 0.03, got {t!r}")
        return float(t)
    if key in ("max_rate_age_days", "jobs"):
        n = value
        low = 1 if key == "jobs" else 0
        if isinstance(n, bool) or not isinstance(n, int) or n < low:
            what = "a number of processes ≥ 1" if key == "jobs" else "a whole number of days ≥ 0"
            raise InputError(f"{where}{key}: expected {what}, got {n!r}")
        return n
    if key in ("lang", "date", "baseline"):
        if not isinstance(value, str) or not value.strip():
            example = {"lang": 'a language tag such as "en"', "date": "a date YYYY-MM-DD",
                       "baseline": "a file name"}[key]
            raise InputError(f"{where}{key}: expected {example}, got {value!r}")
        v = value.strip()
        if key == "date":
            from .conversion.rates.ecb import parse_date

            try:
                parse_date(v)
            except InputError as e:
                raise InputError(f"{where}{e}") from None
        if key == "baseline" and base_dir is not None and not Path(v).is_absolute():
            v = str(base_dir / v)
        return v
    if key == "live_url":
        url = value
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise InputError(f"{where}live_url: expected an http(s) URL, got {url!r}")
        return url
    if key == "live_timeout":
        s = value
        if isinstance(s, bool) or not isinstance(s, (int, float)) or not (s > 0 and math.isfinite(s)):
            raise InputError(f"{where}live_timeout: expected seconds > 0, got {s!r}")
        return float(s)
    if key in ("include", "exclude"):
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)) or not all(isinstance(i, str) for i in items):
            raise InputError(f"{where}{key}: expected a list of globs such as [\"drafts/\"], got {value!r}")
        return tuple(i.strip() for i in items if i.strip())
    if key == "severity":
        from .checkrun import parse_severity

        if not isinstance(value, (str, dict, list, tuple)):
            raise InputError(f"{where}severity: expected a table such as {{ambiguous = \"error\"}}, got {value!r}")
        try:
            full = parse_severity(value)
            given = parse_severity_given(value)
        except InputError as e:
            raise InputError(f"{where}{e}") from None
        return tuple((k, full[k]) for k in given)
    if key == "currency_hints":
        return _parse_hints(value, where)
    if key == "strict":
        if isinstance(value, str) and value.strip().lower() in _BOOLS:
            return _BOOLS[value.strip().lower()]
        if not isinstance(value, bool):
            raise InputError(f"{where}strict: expected true or false, got {value!r}")
        return value
    if key == "messages":
        if value not in ("article", "en"):
            raise InputError(f"{where}messages: expected \"article\" (the article's language) or \"en\", got {value!r}")
        return value
    if key == "kinds":
        from .model import ALL_KINDS

        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)) or not items or not all(isinstance(x, str) for x in items):
            raise InputError(f"{where}kinds: expected a list of {', '.join(ALL_KINDS)}, got {value!r}")
        for x in items:
            if x.strip().lower() not in ALL_KINDS:
                raise InputError(f"{where}invalid kind {x.strip()!r}: expected some of {', '.join(ALL_KINDS)}")
        return tuple(dict.fromkeys(x.strip().lower() for x in items))
    raise InputError(f"{where}unknown key {key!r} (known: {', '.join(_KNOWN)})")


_BOOLS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def parse_severity_given(value: Any) -> list[str]:
    """The verdicts a severity setting names, in order (the rest keep their defaults)."""
    if isinstance(value, dict):
        return [str(k).strip().lower() for k in value]
    parts = [value] if isinstance(value, str) else list(value)
    return [p.split("=", 1)[0].strip().lower() for spec in parts for p in str(spec).split(",") if p.strip()]


def _parse_hints(value: Any, where: str = "") -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``{"$": "CAD", "kr": ["NOK", "DKK"]}`` or ``"$=CAD,kr=NOK|DKK"`` (a flag, the environment)."""
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        value = ",".join(value)
    if isinstance(value, str):
        table: dict[str, Any] = {}
        for part in value.split(","):
            if not part.strip():
                continue
            if "=" not in part:
                raise InputError(f"{where}currency_hints: expected SYMBOL=CODE such as $=CAD, got {part.strip()!r}")
            k, v = part.split("=", 1)
            table[k.strip()] = [c.strip() for c in v.split("|") if c.strip()]
        value = table
    if not isinstance(value, dict):
        raise InputError(f"{where}currency_hints: expected a table such as {{\"$\" = \"CAD\"}}, got {value!r}")
    out = []
    for k, v in value.items():
        codes = [v] if isinstance(v, str) else v
        if not k or not isinstance(codes, (list, tuple)) or not codes:
            raise InputError(f"{where}currency_hints: expected currency codes for {k!r}, got {v!r}")
        norm = []
        for c in codes:
            if not isinstance(c, str) or len(c.strip()) != 3 or not c.strip().isalpha():
                raise InputError(f"{where}currency_hints: {k!r}: invalid currency code {c!r}: expected an ISO 4217 code such as CAD")
            norm.append(c.strip().upper())
        out.append((str(k), tuple(norm)))
    return tuple(out)


#: how an environment variable's text becomes a value ``validate`` accepts
def _from_env(key: str, text: str) -> Any:
    if key in ("tolerance", "live_timeout"):
        try:
            return float(text)
        except ValueError:
            return text
    if key in ("max_rate_age_days", "jobs"):
        try:
            return int(text)
        except ValueError:
            return text
    return text


ENV_PREFIX = "NUMCHECK_"


def env_name(key: str) -> str:
    return ENV_PREFIX + key.upper()


def resolve_config(start_dir: str | os.PathLike | None = None, flags: dict[str, Any] | None = None, *,
                   env: dict[str, str] | None = None, flag_names: dict[str, str] | None = None) -> Config:
    """The configuration in force: defaults < the nearest configuration file at or above
    ``start_dir`` < ``NUMCHECK_<KEY>`` environment variables < ``flags`` (None values are
    not given). ``flag_names`` says how each flag is called, for the origin and for errors
    ("--jobs"; default "argument KEY"). Every problem is one InputError line."""
    cfg = load_file_config(start_dir)
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    origins = dict(cfg.origins)
    for key in _KNOWN:
        name = env_name(key)
        text = env.get(name)
        if text is None or text == "":
            continue
        values[key] = validate(key, _from_env(key, text), where=f"{name}: ")
        origins[key] = f"env {name}"
    for key, value in (flags or {}).items():
        if value is None:
            continue
        if key not in _KNOWN:
            raise InputError(f"unknown setting {key!r} (known: {', '.join(_KNOWN)})")
        name = (flag_names or {}).get(key, f"argument {key}")
        prev = dict(values.get(key, getattr(cfg, key))) if key == "severity" else None
        values[key] = validate(key, _from_env(key, value) if isinstance(value, str) else value, where=f"{name}: ")
        if prev is not None:  # per verdict: a flag changes the verdicts it names, not the others
            values[key] = tuple((prev | dict(values[key])).items())
        origins[key] = name
    return replace(cfg, origins=origins, **values)


def describe_config(cfg: Config) -> list[tuple[str, Any, str]]:
    """(key, value, origin) for every key, as ``numcheck config`` prints them."""
    out = []
    for key in _KNOWN:
        value = getattr(cfg, key)
        if key == "severity":
            from .checkrun import parse_severity

            value = parse_severity(dict(value))
        elif key == "currency_hints":
            value = {k: list(v) for k, v in value}
        elif isinstance(value, tuple):
            value = list(value)
        elif key == "tolerance" and value is None:
            from .judging.verdicts import DEFAULT_TOLERANCE

            value = DEFAULT_TOLERANCE
        out.append((key, value, cfg.origin(key)))
    return out


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


__all__ = ["Config", "load_config", "load_file_config", "resolve_config", "describe_config", "validate", "env_name", "find_config_file", "config_from_mapping", "parse_rates", "data_dir", "cache_dir"]
