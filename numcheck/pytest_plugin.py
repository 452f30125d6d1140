"""The numcheck pytest plugin: every stated conversion in a content repository is a test.

Registered through the ``pytest11`` entry point and inactive until asked for, with
``pytest --numcheck`` or ``numcheck_paths`` in the ini. When inactive it adds options and
the ``numcheck`` fixture, nothing else: ordinary tests are collected exactly as before. This
module imports only pytest and the standard library; numcheck's pipeline is imported when a
content file is collected or the fixture is used.

One item per claim, named after it (``content/aid.md::usd-275m-to-sek``): ``inconsistent``
fails, ``unverifiable`` and ``ambiguous`` skip with their reason (fail under
``--numcheck-strict``), a claim an editor suppressed with ``<!-- numcheck: ignore reason -->``
is xfail with that reason. Files are checked when they are collected, so the rates are
loaded once per process — once per pytest-xdist worker (numcheck.rates.get_provider caches
the provider) — and never per item.
"""

from __future__ import annotations

import functools

import fnmatch
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

import pytest

# Before anything imports it: the fixture helper's asserts read like the test's own.
pytest.register_assert_rewrite("numcheck.testing")

DEFAULT_GLOBS = ("*.md", "*.markdown", "*.txt", "*.html")
EMPTY_FILE_MODES = ("none", "item")


@dataclass(frozen=True)
class Settings:
    """The plugin's configuration for one session, read once in pytest_configure."""

    active: bool
    globs: tuple[str, ...] = DEFAULT_GLOBS
    date: Date | None = None
    date_origin: str = ""  # "--numcheck-date" or "ini numcheck_date"
    lang: str | None = None
    tolerance: float | None = None  # None: numcheck's default
    strict: bool = False
    empty_item: bool = False
    config: Any = None  # the resolved numcheck configuration (numcheck.config.Config) when active

    @property
    def drift(self) -> float:
        from .judging.verdicts import DEFAULT_TOLERANCE

        return DEFAULT_TOLERANCE if self.tolerance is None else self.tolerance


_SETTINGS = pytest.StashKey[Settings]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("numcheck", "numcheck: check the conversions stated in content files")
    group.addoption("--numcheck", action="store_true", default=False,
                    help="collect content files (numcheck_paths globs) and test every stated conversion in them")
    group.addoption("--numcheck-date", metavar="YYYY-MM-DD", default=None,
                    help="article date for files without a front matter date (default: ini numcheck_date, else the latest rates)")
    group.addoption("--numcheck-lang", metavar="LANG", default=None,
                    help="language for files without front matter lang (default: ini numcheck_lang, else en)")
    group.addoption("--numcheck-tolerance", metavar="FRACTION", default=None,
                    help="relative rate drift allowed on top of the writer's rounding (default: ini numcheck_tolerance, else 0.03)")
    group.addoption("--numcheck-rates", metavar="PROVIDERS", default=None,
                    help="rate providers in order, comma-separated, e.g. table:rates/house.csv,ecb "
                         "(default: ini numcheck_rates, else [tool.numcheck] rates, else ecb)")
    group.addoption("--numcheck-strict", action="store_true", default=None,
                    help="fail unverifiable and ambiguous claims instead of skipping them (ini: numcheck_strict)")
    parser.addini("numcheck_paths", "numcheck: glob patterns of content files to check; setting it turns numcheck on "
                  f"(default when on: {' '.join(DEFAULT_GLOBS)})", type="args", default=None)
    parser.addini("numcheck_date", "numcheck: article date (YYYY-MM-DD) for files without a front matter date", default=None)
    parser.addini("numcheck_lang", "numcheck: language for files without front matter lang", default=None)
    parser.addini("numcheck_tolerance", "numcheck: relative rate drift allowed on top of rounding (e.g. 0.03)", default=None)
    parser.addini("numcheck_rates", "numcheck: rate providers in order (e.g. table:rates/house.csv ecb)", type="args", default=None)
    parser.addini("numcheck_strict", "numcheck: fail unverifiable and ambiguous claims", type="bool", default=False)
    parser.addini("numcheck_empty_files", "numcheck: 'item' gives a file without claims one passing item (default 'none')", default=None)


def _read_settings(config: pytest.Config) -> Settings:
    """Options and ini, validated: a bad value is one usage line, before anything runs.
    numcheck's modules are imported only when a date or tolerance is given."""
    ini_globs = config.getini("numcheck_paths") or []
    active = bool(config.getoption("numcheck")) or bool(ini_globs)

    def pick(option: str) -> tuple[Any, str]:
        v = config.getoption(option)
        if v is not None:
            return v, "--" + option.replace("_", "-")
        return (config.getini(option) or None), f"ini {option}"

    raw_date, date_origin = pick("numcheck_date")
    raw_tol, tol_origin = pick("numcheck_tolerance")
    raw_rates, rates_origin = pick("numcheck_rates")
    lang, lang_origin = pick("numcheck_lang")
    strict = config.getoption("numcheck_strict")
    strict_origin = "--numcheck-strict"
    if strict is None:
        strict, strict_origin = (True, "ini numcheck_strict") if config.getini("numcheck_strict") else (None, "")
    empty = (config.getini("numcheck_empty_files") or "none").strip().lower()
    if empty not in EMPTY_FILE_MODES:
        raise pytest.UsageError(f"numcheck: ini numcheck_empty_files: expected one of {', '.join(EMPTY_FILE_MODES)}, got {empty!r}")
    given = any(v is not None for v in (raw_date, raw_tol, raw_rates, lang, strict))
    if not (active or given):  # inactive and nothing asked: numcheck's modules stay unimported
        return Settings(active=False, globs=tuple(ini_globs) or DEFAULT_GLOBS, empty_item=empty == "item")
    # one configuration, as the CLI resolves it: [tool.numcheck] / numcheck.toml from the
    # rootdir < NUMCHECK_* environment < ini numcheck_* < --numcheck-* options
    from .config import resolve_config
    from .errors import InputError
    from .pipeline import _tolerance

    if raw_tol is not None:
        try:
            _tolerance(raw_tol)
        except InputError as e:
            raise pytest.UsageError(f"numcheck: {tol_origin}: {e}") from None
    if isinstance(raw_rates, str):
        raw_rates = [r for r in raw_rates.split(",") if r.strip()]
    flags = {"date": raw_date, "tolerance": raw_tol, "rates": list(raw_rates) if raw_rates else None, "lang": lang, "strict": strict}
    names = {"date": date_origin, "tolerance": tol_origin, "rates": rates_origin, "lang": lang_origin, "strict": strict_origin}
    try:
        cfg = resolve_config(config.rootpath, flags, flag_names=names)
        from .conversion.rates.ecb import parse_date

        day = parse_date(cfg.date)
    except InputError as e:
        msg = str(e)
        raise pytest.UsageError(f"numcheck: {msg}" if msg.startswith(("--", "ini ")) else f"numcheck: {msg}") from None
    return Settings(
        active=active,
        globs=tuple(ini_globs) or DEFAULT_GLOBS,
        date=day,
        date_origin=cfg.origin("date") if day else "",
        lang=cfg.lang,
        tolerance=cfg.tolerance,
        strict=bool(cfg.strict),
        empty_item=empty == "item",
        config=cfg,
    )


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_SETTINGS] = _read_settings(config)


def _settings(config: pytest.Config) -> Settings:
    s = config.stash.get(_SETTINGS, None)
    if s is None:  # pytest_configure not run (a plugin loaded late): read now
        s = config.stash[_SETTINGS] = _read_settings(config)
    return s


def pytest_report_header(config: pytest.Config) -> str | None:
    s = _settings(config)
    if not s.active:
        return None
    day = f"{s.date} ({s.date_origin})" if s.date else "latest rates"
    rates = f"; rates {','.join(s.config.rates)}" if s.config is not None else ""
    return (f"numcheck: files {' '.join(s.globs)}; date: front matter, else {day}; "
            f"lang: front matter, else {s.lang or 'en'}; tolerance {s.drift:g}; strict: {'yes' if s.strict else 'no'}{rates}")


def _matches(file_path: Path, rootpath: Path, globs: tuple[str, ...]) -> bool:
    """A glob without a slash matches the file name; one with a slash the path from rootdir."""
    rel = None
    for g in globs:
        if "/" in g:
            if rel is None:
                try:
                    rel = file_path.relative_to(rootpath).as_posix()
                except ValueError:
                    rel = file_path.as_posix()
            if fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(file_path.as_posix(), g):
                return True
        elif fnmatch.fnmatch(file_path.name, g):
            return True
    return False


def _excluded(file_path: Path, rootpath: Path, s: Settings) -> bool:
    """The configuration's ``exclude`` (``drafts/``), as the CLI reads it."""
    if s.config is None or not s.config.exclude:
        return False
    from .documents.readers import _matches as matches_glob

    try:
        rel = file_path.relative_to(rootpath).as_posix()
    except ValueError:
        rel = file_path.as_posix()
    return matches_glob(rel, list(s.config.exclude))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    s = _settings(parent.config)
    if not s.active or file_path.suffix == ".py":
        return None
    if _matches(file_path, parent.config.rootpath, s.globs) and not _excluded(file_path, parent.config.rootpath, s):
        return NumcheckFile.from_parent(parent, path=file_path)
    return None


class NumcheckFailure(Exception):
    """A claim that does not hold; its text is the whole failure report (no traceback)."""


class NumcheckFile(pytest.File):
    """A content file: one item per stated conversion."""

    def collect(self):
        from .batch import check_document
        from .documents.readers import read_document
        from .errors import NumcheckError
        from .testing import claim_name, unique_names

        s = _settings(self.config)
        try:
            doc = read_document(self.path)
        except NumcheckError as e:
            # not a collection error: that would stop the whole session, ordinary tests too
            yield NumcheckInputErrorItem.from_parent(self, name="input-error", message=self._one_line(e))
            return
        if doc.date is not None:
            day, used = doc.date, f"{doc.date.isoformat()} (front matter)"
        elif s.date is not None:
            day, used = s.date, f"{s.date.isoformat()} ({s.date_origin})"
        else:
            day, used = None, None
        lang = doc.lang or s.lang
        cfg = s.config
        try:
            if cfg is not None:
                from .batch import RateSpec

                result = check_document(doc, date=day, lang=lang, tolerance=s.tolerance, rates=RateSpec(cfg.rates, cfg),
                                        currency_hints=cfg.hints, messages=cfg.messages, kinds=cfg.kinds)
            else:
                result = check_document(doc, date=day, lang=lang, tolerance=s.tolerance, kinds=_configured_kinds(self.path))
        except NumcheckError as e:  # an unknown language in the front matter, …
            yield NumcheckInputErrorItem.from_parent(self, name="input-error", message=self._one_line(e))
            return
        assert result.report is not None
        findings = result.counted()
        if not findings:
            if s.empty_item:
                yield NumcheckEmptyItem.from_parent(self, name="no-claims")
            return
        names = unique_names(claim_name(f) for f, _ in findings)
        for name, (finding, suppressed) in zip(names, findings):
            date_used = used or _latest_words(finding)
            item = NumcheckItem.from_parent(self, name=name, finding=finding, text=doc.text,
                                            date_used=date_used, suppressed=suppressed, source=doc.original)
            if suppressed is not None:
                # strict=False: a claim that holds again is XPASS, a hint the comment is stale
                item.add_marker(pytest.mark.xfail(reason=f"numcheck: ignore: {suppressed}", strict=False))
            yield item

    def _one_line(self, error: Exception) -> str:
        """The error's one line, naming the file by its path from rootdir."""
        msg, rel = str(error), _relpath(self)
        if msg.startswith(str(self.path)):
            return rel + msg[len(str(self.path)):]
        return f"{rel}: {msg}"


def _relpath(node: pytest.Item | pytest.Collector) -> str:
    try:
        return node.path.relative_to(node.config.rootpath).as_posix()
    except ValueError:
        return str(node.path)


def _latest_words(finding) -> str:
    r = finding.rate
    if r is not None and r.date is not None:
        return f"none given: used the latest rates ({r.provider}, {r.date.isoformat()})"
    return "none given: used the latest rates"


def _skip(reason: str):
    """A skip reported at the claim's line, not at this module's."""
    try:
        return pytest.skip.Exception(reason, _use_item_location=True)
    except TypeError:  # an older pytest without item locations for skips
        return pytest.skip.Exception(reason)


class NumcheckItem(pytest.Item):
    """One stated conversion."""

    def __init__(self, *, finding, text: str, date_used: str, suppressed: str | None, source: str | None = None, **kw):
        super().__init__(**kw)
        self.finding = finding
        self.text = text
        self.source = source
        self.date_used = date_used
        self.suppressed = suppressed
        self.user_properties.append(("numcheck_verdict", finding.verdict.value))
        self.user_properties.append(("numcheck_date", date_used))

    def runtest(self) -> None:
        f = self.finding
        s = _settings(self.config)
        verdict = f.verdict.value
        if verdict == "consistent":  # shown with -rP: what was checked, against which day
            self.add_report_section("call", "numcheck", f"{verdict}: {f.message}\ndate: {self.date_used}")
            return
        if self.suppressed is not None:  # the editor's reason, whatever the verdict
            pytest.xfail(f"numcheck: ignore: {self.suppressed} ({verdict})")
        if verdict == "inconsistent" or s.strict:
            raise NumcheckFailure(verdict)
        raise _skip(f"{verdict}: {f.message} [date: {self.date_used}]")

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, NumcheckFailure):
            from .testing import explain

            return explain(self.finding, self.text, path=_relpath(self), date_used=self.date_used,
                           drift=_settings(self.config).drift, suppressed=self.suppressed, source=self.source)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        # not the bare node id: pytest -v would read its dots as "::" (see _locationline)
        return self.path, self.finding.line - 1, f"numcheck: {_relpath(self)}::{self.name}"


class NumcheckInputErrorItem(pytest.Item):
    """A content file numcheck cannot read (invalid UTF-8, bad front matter, unknown
    language): one failing item whose report is the one line naming the problem."""

    def __init__(self, *, message: str, **kw):
        super().__init__(**kw)
        self.message = message

    def runtest(self) -> None:
        raise NumcheckFailure(self.message)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, NumcheckFailure):
            return self.message
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, 0, f"numcheck: {self.nodeid}"


class NumcheckEmptyItem(pytest.Item):
    """A file without claims, as one passing item (ini ``numcheck_empty_files = item``)."""

    def runtest(self) -> None:
        self.add_report_section("call", "numcheck", "no stated conversions in this file")

    def reportinfo(self):
        return self.path, 0, f"numcheck: {self.nodeid}"


@pytest.fixture
def numcheck(request: pytest.FixtureRequest):
    """numcheck for your own tests: ``numcheck.check(text, **kw)`` → Report and
    ``numcheck.assert_consistent(text, date=..., **kw)``, with the session's
    ``--numcheck-date/-lang/-tolerance/-strict`` (or ini) as defaults. Works without
    ``--numcheck``."""
    from .testing import NumcheckHelper

    s = _settings(request.config)
    return NumcheckHelper(date=s.date, lang=s.lang, tolerance=s.tolerance, strict=s.strict)


def _configured_kinds(path) -> tuple[str, ...] | None:
    """The ``kinds`` of the project configuration nearest to the content file (all: None)."""
    return _kinds_for_dir(str(Path(path).parent))


@functools.lru_cache(maxsize=256)
def _kinds_for_dir(directory: str) -> tuple[str, ...] | None:
    from .config import load_config  # once per directory of content files, not per file

    return load_config(directory).kinds
