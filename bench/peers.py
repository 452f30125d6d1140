"""Adaptors: numcheck and each peer behind one interface.

Each :class:`Tool` says whether it could be loaded (a peer that fails to install or import is
reported with the reason, never skipped silently), which languages and kinds it covers, how
to extract :class:`~bench.score.Pred` from a text, and how to run it over an article for the
speed table.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import warnings
from dataclasses import dataclass, field
from typing import Callable

from .score import Pred, currency_code

ALL_KINDS = frozenset({"money", "quantity", "temperature", "age", "number"})
PEER_NAMES = ("quantulum3", "recognizers-text", "price-parser", "duckling")


@dataclass
class Tool:
    name: str
    status: str = "ok"  # "ok", or why the tool cannot run
    version: str = ""
    langs: frozenset[str] | None = None  # None: language-independent (runs on every file)
    kinds: frozenset[str] = ALL_KINDS
    extract: Callable[[str, str | None, frozenset[str]], list[Pred]] | None = None
    speed: Callable[[str], int] | None = None  # one article → number of mentions
    speed_note: str = ""
    notes: list[str] = field(default_factory=list)
    errors: int = 0  # cases where the tool raised; scored as "found nothing"

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def supports(self, lang: str | None) -> bool:
        if self.langs is None:
            return True
        return lang in self.langs

    def safe_extract(self, text: str, lang: str | None, kinds: frozenset[str]) -> list[Pred]:
        try:
            return self.extract(text, lang, kinds)  # type: ignore[misc]
        except Exception:
            self.errors += 1
            return []


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _unavailable(name: str, dist: str, exc: BaseException | None) -> Tool:
    if _version(dist) is None:
        return Tool(name, status=f"not installed (`pip install -e '.[bench]'` installs {dist})")
    return Tool(name, status=f"failed to import: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
                version=_version(dist) or "")


# -- numcheck ---------------------------------------------------------------------------------
def _numcheck_kind(m) -> str:
    if m.kind == "money":
        return "money"
    u = (m.unit or "").lower()
    if any(w in u for w in ("celsius", "fahrenheit", "kelvin")):
        return "temperature"
    return "quantity"


def numcheck_tool() -> Tool:
    import numcheck

    try:
        from numcheck.language import available_languages

        langs = frozenset(available_languages())
    except Exception:  # an older layout: English only
        langs = frozenset({"en"})

    def extract(text: str, lang: str | None, kinds: frozenset[str]) -> list[Pred]:
        out = []
        for m in numcheck.extract(text, lang=lang or "en"):
            out.append(Pred(m.value, m.unit, _numcheck_kind(m), low=m.value, high=m.value_max))
        return out

    def speed(text: str) -> int:
        return len(numcheck.extract(text))

    # price-parser's suite has no language (lang null): numcheck reads it as English.
    # Its scope is money and physical units (the conversions a writer states); ages and bare
    # numbers are not mentions for it, so those suites say "kind not covered" instead of 0.
    return Tool("numcheck", version=numcheck.__version__, langs=langs | {None},
                kinds=frozenset({"money", "quantity", "temperature"}), extract=extract, speed=speed)


# -- quantulum3 -------------------------------------------------------------------------------
def quantulum3_tool() -> Tool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "classifier dependencies not installed"
            from quantulum3 import parser
    except Exception as e:
        return _unavailable("quantulum3", "quantulum3", e)

    try:
        import sklearn  # noqa: F401

        note = "with its classifier"
    except Exception:
        note = "without its optional classifier (quantulum3[classifier] not installed)"

    def preds(text: str) -> list[Pred]:
        out = []
        for q in parser.parse(text):
            entity = q.unit.entity.name
            unc = q.uncertainty
            lo = hi = None
            if unc:
                lo, hi = q.value - unc, q.value + unc
            if entity == "currency":
                code = getattr(q.unit, "currency_code", None) or currency_code(q.unit.name)
                out.append(Pred(q.value, code, "money", lo, hi))
            elif entity == "temperature":
                out.append(Pred(q.value, q.unit.name, "temperature", lo, hi))
            elif entity == "dimensionless":
                out.append(Pred(q.value, None, "number", lo, hi))
            else:
                out.append(Pred(q.value, q.unit.name, "quantity", lo, hi))
        return out

    def extract(text: str, lang: str | None, kinds: frozenset[str]) -> list[Pred]:
        return preds(text)

    def speed(text: str) -> int:
        return len(parser.parse(text))

    return Tool("quantulum3", version=_version("quantulum3") or "", langs=frozenset({"en"}),
                kinds=frozenset({"money", "quantity", "temperature", "number"}), extract=extract, speed=speed, notes=[note])


# -- Recognizers-Text -------------------------------------------------------------------------
_CULTURES = {"en": "English", "es": "Spanish", "fr": "French", "it": "Italian", "ja": "Japanese",
             "ko": "Korean", "nl": "Dutch", "pt": "Portuguese", "tr": "Turkish", "zh": "Chinese"}
_RT_MODELS = {"money": "get_currency_model", "quantity": "get_dimension_model",
              "temperature": "get_temperature_model", "age": "get_age_model"}
_RT_KIND = {"currency": "money", "dimension": "quantity", "temperature": "temperature", "age": "age"}


def recognizers_tool() -> Tool:
    try:
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_suite import Culture
    except Exception as e:
        return _unavailable("recognizers-text", "recognizers-text-suite", e)

    cultures = {lang: getattr(Culture, name) for lang, name in _CULTURES.items() if hasattr(Culture, name)}
    recognizers: dict[str, object] = {}
    models: dict[tuple[str, str], object] = {}

    def model(lang: str, kind: str):
        key = (lang, kind)
        if key not in models:
            if lang not in recognizers:
                recognizers[lang] = NumberWithUnitRecognizer(cultures[lang])
            models[key] = getattr(recognizers[lang], _RT_MODELS[kind])()
        return models[key]

    def preds(results) -> list[Pred]:
        out = []
        for r in results:
            res = r.resolution or {}
            kind = _RT_KIND.get(r.type_name, r.type_name)
            try:
                value = float(res["value"]) if res.get("value") not in (None, "") else None
            except (TypeError, ValueError):
                value = None
            unit = res.get("unit")
            if kind == "money":
                unit = res.get("isoCurrency") or currency_code(unit)
            out.append(Pred(value, unit, kind))
        return out

    # The Python release covers fewer cultures than the .NET one; drop the ones whose models
    # do not load instead of failing every case.
    usable = set()
    broken = []
    for lang in cultures:
        try:
            model(lang, "money").parse("10 $")
            usable.add(lang)
        except Exception as e:
            broken.append(f"{lang} ({type(e).__name__})")

    def extract(text: str, lang: str | None, kinds: frozenset[str]) -> list[Pred]:
        # Only the models for the kinds the file tests: the same scope every tool is scored on,
        # and a third of the cost.
        out: list[Pred] = []
        for kind in _RT_MODELS:
            if kind in kinds:
                out.extend(preds(model(lang, kind).parse(text)))  # type: ignore[arg-type, union-attr]
        return out

    speed_kinds = ("money", "quantity", "temperature")

    def speed(text: str) -> int:
        return sum(len(model("en", k).parse(text)) for k in speed_kinds)  # type: ignore[union-attr]

    notes = [f"Python release {_version('recognizers-text-suite')}; cultures in it: {', '.join(sorted(usable))}"]
    if broken:
        notes.append("cultures whose models failed to load: " + ", ".join(broken))
    return Tool("recognizers-text", version=_version("recognizers-text-suite") or "",
                langs=frozenset(usable), kinds=frozenset(_RT_MODELS), extract=extract, speed=speed,
                speed_note="currency + dimension + temperature models", notes=notes)


# -- price-parser -----------------------------------------------------------------------------
def price_parser_tool() -> Tool:
    try:
        from price_parser import Price
    except Exception as e:
        return _unavailable("price-parser", "price-parser", e)

    def extract(text: str, lang: str | None, kinds: frozenset[str]) -> list[Pred]:
        p = Price.fromstring(text)
        if p.amount is None:
            return []
        return [Pred(float(p.amount), currency_code(p.currency), "money")]

    # price-parser reads one price out of a short string (a shop's price field); it is not a
    # running-text extractor, so it has no row in the corpus speed table.
    return Tool("price-parser", version=_version("price-parser") or "", langs=None,
                kinds=frozenset({"money"}), extract=extract, speed=None,
                notes=["one price per input string; scored on money suites in every language"])


# -- Duckling (pyduckling-native-phihos: Facebook's Haskell Duckling, compiled) ---------------
#: Duckling's dimensions for the kinds numcheck reads: money and physical quantities.
_DUCKLING_DIMS = {"amount-of-money": "money", "distance": "quantity", "volume": "quantity",
                  "quantity": "quantity", "temperature": "temperature"}


def duckling_tool() -> Tool:
    """Timed on the speed sample only (English, non-latent matches of the dimensions above):
    its accuracy on its own suites is in the peer-suite table already (the suites are its cases)."""
    try:
        import json
        import os

        import duckling
    except Exception as e:
        return _unavailable("duckling", "pyduckling-native-phihos", e)
    zoneinfo = "/usr/share/zoneinfo"
    if not os.path.isdir(zoneinfo):
        return Tool("duckling", status=f"cannot load: no time-zone database at {zoneinfo} (Duckling's context needs one)",
                    version=_version("pyduckling-native-phihos") or "")
    tz = duckling.load_time_zones(zoneinfo)
    ctx = duckling.Context(duckling.parse_ref_time(tz, "UTC", 0), duckling.default_locale_lang(duckling.parse_lang("EN")))
    dims = duckling.parse_dimensions(list(_DUCKLING_DIMS))

    def speed(text: str) -> int:
        return len(json.loads(duckling.parse_text(text, ctx, dims, False)))

    return Tool("duckling", version=_version("pyduckling-native-phihos") or "", langs=frozenset({"en"}),
                kinds=frozenset(_DUCKLING_DIMS.values()), speed=speed,
                notes=["speed only (English context; money, distance, volume, quantity, temperature)"])


_LOADERS = {"quantulum3": quantulum3_tool, "recognizers-text": recognizers_tool, "price-parser": price_parser_tool,
            "duckling": duckling_tool}


def load_peers(names: list[str]) -> list[Tool]:
    out = []
    for n in names:
        if n not in _LOADERS:
            raise SystemExit(f"unknown peer {n!r}: expected one of {', '.join(PEER_NAMES)}")
        try:
            out.append(_LOADERS[n]())
        except Exception as e:  # a loader that breaks in an unexpected place: still reported
            out.append(Tool(n, status=f"failed to load: {type(e).__name__}: {e}"))
    return out
