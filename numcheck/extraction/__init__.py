"""Extraction: text → :class:`~numcheck.model.Mention` records, every amount with its value,
rounding step, unit and hedge. Money (:mod:`.money`, currencies settled by :mod:`.currency`)
and physical quantities (:mod:`.quantities`) are read by their own scanners over one shared
number reader; the pipeline calls both directly, no registry."""

from __future__ import annotations

import math

from ..errors import InputError
from ..language import canonical_tag
from ..language.detect import language_of
from ..model import Mention
from .currency import resolve_currencies
from .money import get_scanner
from .quantities import get_quantity_scanner, scan as scan_quantities


def extract(text: str, *, lang: str | None = "en", currency_hints: dict | None = None) -> list[Mention]:
    """Every amount in ``text``, paired or not, in order of position. ``lang=None``: the
    language is guessed from the text (see language/detect.py)."""
    if not isinstance(text, str):
        raise InputError(f"text must be str, got {type(text).__name__}")
    lang, _ = language_of(text, lang)
    tag = canonical_tag(lang)
    scanner = get_scanner(tag)
    mentions = resolve_currencies(_plausible(scanner.scan(text)), text, scanner.lex, currency_hints)
    mentions.extend(_plausible(scan_quantities(text, lang)))
    mentions.sort(key=lambda x: (x.start, x.end))
    return _drop_overlaps(mentions, get_quantity_scanner(lang or "en").case_folded)


#: The largest magnitude read as an amount: far beyond any figure in news (10^100), and far
#: enough below a float's limit (10^308) that a conversion of it stays finite.
MAX_FIGURE = 1e100


def _plausible(mentions: list[Mention]) -> list[Mention]:
    """Mentions whose figures are finite numbers a conversion can use: "1" followed by 400
    zeros, or "$" and 310 nines, is no amount (its float is infinite)."""
    def ok(x: float | None) -> bool:
        return x is None or (math.isfinite(x) and abs(x) <= MAX_FIGURE)

    return [m for m in mentions if ok(m.value) and ok(m.value_max) and ok(m.step) and m.step > 0]


def _drop_overlaps(mentions: list[Mention], case_folded=lambda unit_text: False) -> list[Mention]:
    out: list[Mention] = []
    for x in mentions:
        if out and x.start < out[-1].end:
            # longer wins; on the very same span a quantity beats money: its scanner claims
            # "5 pounds" only when the context says mass ("5 pounds (2.3 kg)") — unless the
            # unit matched only by folding case and money reads the surface as written
            # ("50 Millionen DM" is Deutsche Mark; the decimetre is "dm")
            same = (x.start, x.end) == (out[-1].start, out[-1].end) and out[-1].kind == "money"
            if same and x.kind != "money" and case_folded(x.unit_text or ""):
                continue
            if (x.end - x.start) > (out[-1].end - out[-1].start) or same and x.kind != "money":
                out[-1] = x
            continue
        out.append(x)
    return out


__all__ = ["extract"]
