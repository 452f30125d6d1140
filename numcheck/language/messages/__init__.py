"""Findings' messages in the article's language and number style.

One small data file per language (``data/<lang>.toml``) holds a one-line template per verdict
and per explanation ("a scale slip", "suggest …"); a key a language lacks falls back to
English (``data/en.toml``). Numbers are written as the language writes them, from CLDR through
babel: decimal commas, "47 500", "3,01 miljarder"; amounts in the locale's own currency carry
its symbol ("kr"), others their ISO code. The English templates reproduce numcheck's English
messages exactly, so ``messages="en"`` (or an English article) reads as it always has.

A :class:`Phrase` is an explanation already written in English (a ``str``) that also keeps
its template key and parameters, so it can be written again in another language.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


class Num:
    """A number to be written in the reader's style: ``Num(3.01e9, "SEK")``."""

    __slots__ = ("value", "unit", "digits", "kind")

    def __init__(self, value: float, unit: str | None = None, digits: int = 3, kind: str = "amount"):
        self.value, self.unit, self.digits, self.kind = value, unit, digits, kind


class Phrase(str):
    """An English message part that can be rendered in another language."""

    key: str
    params: dict

    def __new__(cls, key: str, **params: Any) -> "Phrase":
        obj = super().__new__(cls, render(key, params, "en"))
        obj.key, obj.params = key, params
        return obj

    def localized(self, lang: str) -> str:
        return render(self.key, self.params, lang)


@lru_cache(maxsize=None)
def templates(lang: str) -> dict[str, Any]:
    from ...tomlfile import read_toml

    p = DATA / f"{lang}.toml"
    return read_toml(p) if p.is_file() else {}


def languages() -> list[str]:
    return sorted(p.stem for p in DATA.glob("*.toml"))


def template(key: str, lang: str) -> str:
    t = templates(lang).get("templates", {}).get(key)
    if t is None:
        t = templates("en")["templates"][key]
    return t


def quote(s: str, lang: str = "en") -> str:
    q = templates(lang).get("quotes") or templates("en")["quotes"]
    return f"{q['open']}{s}{q['close']}"


def render(key: str, params: dict, lang: str) -> str:
    values = {k: fmt(v, lang) for k, v in params.items()}
    return template(key, lang).format(**values)


def fmt(v: Any, lang: str) -> str:
    if isinstance(v, Phrase):
        return v.localized(lang)
    if isinstance(v, Num):
        if v.kind == "rate":
            return number(v.value, lang, digits=5, compact=False)
        if v.kind == "percent":
            return percent(v.value, lang)
        if v.kind == "times":
            return number(v.value, lang, digits=v.digits)
        return amount(v.value, v.unit, lang, digits=v.digits)
    if isinstance(v, tuple) and v and v[0] == "quote":
        return quote(v[1], lang)
    return str(v)


# -- numbers --------------------------------------------------------------------------------


def amount(value: float | None, unit: str | None, lang: str, digits: int = 3) -> str:
    from ..formatting import human

    if lang == "en" or value is None:
        return human(value, unit, digits) if value is not None else "?"
    text = number(value, lang, digits=digits)
    return f"{text} {unit_label(unit, lang)}" if unit else text


def number(value: float, lang: str, digits: int = 3, compact: bool = True) -> str:
    from ..formatting import human, rate_text

    if lang == "en":
        return rate_text(value) if not compact else human(value, None, digits)
    if value is None or not math.isfinite(value):
        return "?"
    try:
        return _babel_number(value, lang, digits, compact)
    except Exception:  # a figure beyond what CLDR's patterns round (1e40): written as in English
        return human(value, None, digits) if compact else rate_text(value)


def _babel_number(value: float, lang: str, digits: int, compact: bool) -> str:
    from babel.numbers import format_compact_decimal, format_decimal

    if compact and abs(value) >= 1e6:
        return format_compact_decimal(_sig(value, digits), format_type="long", locale=lang, fraction_digits=digits - 1)
    if abs(value) >= 1000:
        return format_decimal(round(value), locale=lang, format="#,##0")
    decimals = max(0, digits - 1 - int(math.floor(math.log10(abs(value))))) if value else 0
    text = format_decimal(round(value, decimals), locale=lang, format="#,##0." + "#" * max(decimals, 1))
    return text


def _sig(x: float, digits: int) -> float:
    if x == 0:
        return 0.0
    power = int(math.floor(math.log10(abs(x)))) - digits + 1
    return round(x / 10**power) * 10**power


def percent(x: float, lang: str) -> str:
    from ..formatting import percent as en_percent

    if lang == "en":
        return en_percent(x)
    from babel.numbers import format_percent

    try:
        return format_percent(x, locale=lang, format="#,##0.0%" if abs(x) < 0.1 else "#,##0%")
    except Exception:  # beyond CLDR's rounding: as in English
        return en_percent(x)


@lru_cache(maxsize=None)
def _local_currencies(lang: str) -> frozenset[str]:
    """The currencies whose symbol a reader of ``lang`` knows as their own ("kr" in sv)."""
    from babel import Locale
    from babel.numbers import get_territory_currencies

    out = {"EUR"}
    try:
        loc = Locale.parse(lang)
        territory = loc.territory or {"sv": "SE", "nb": "NO", "da": "DK", "fi": "FI", "de": "DE", "fr": "FR",
                                      "es": "ES", "nl": "NL", "it": "IT", "pt": "BR"}.get(loc.language)
        if territory:
            out.update(get_territory_currencies(territory))
    except Exception:  # an unknown locale: ISO codes everywhere
        pass
    return frozenset(out)


def unit_label(unit: str | None, lang: str) -> str:
    from ..formatting import UNIT_LABELS

    if not unit:
        return ""
    if unit in UNIT_LABELS:
        return UNIT_LABELS[unit]
    if re.fullmatch(r"[A-Z]{3}", unit) and unit in _local_currencies(lang):
        from babel.numbers import get_currency_symbol

        try:
            return get_currency_symbol(unit, locale=lang)
        except Exception:
            return unit
    return unit


def localize_label(label: str, lang: str) -> str:
    """A conversion's label ("10.951 SEK/USD (ECB, 2024-11-19)", "1 mi = 1.609 km") with
    the language's decimal mark."""
    if lang == "en":
        return label
    from babel.numbers import get_decimal_symbol

    mark = get_decimal_symbol(lang)
    return re.sub(r"(?<=\d)\.(?=\d)", mark, label) if mark != "." else label


__all__ = ["Phrase", "Num", "render", "template", "quote", "amount", "number", "percent", "languages", "localize_label"]
