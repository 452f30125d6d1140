"""The figure syntax of hand-done arithmetic, per language: patterns compiled once from the
language's arithmetic words (:mod:`.words`) and its number syntax (the money scanner's
digit patterns and scale words)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..lexicon import get_lexicon, normalize_lang
from ..mentions import MoneyScanner, _alt, digits_pattern, foreign_decimal_pattern, get_scanner
from .words import ArithmeticWords, get_words

_SP = r"[ \u00a0\u202f]"


@dataclass(frozen=True)
class Cues:
    """A language's arithmetic words (every attribute of :class:`ArithmeticWords` reads
    through) with the patterns that find its figures."""

    words: ArithmeticWords
    figure: re.Pattern  # one figure: number, scale, then %, points or times
    word_pattern: re.Pattern  # multiples and fractions written in words
    unit_trigger: re.Pattern  # a figure with its percent, points or times word: "15 pct"
    scanner: MoneyScanner  # number parsing and hedges of the language

    def __getattr__(self, name: str):
        return getattr(self.words, name)

    def direction(self, words: list[str]) -> int:
        return self.words.direction(words)


@functools.lru_cache(maxsize=None)
def get_cues(lang: str) -> Cues:
    base = normalize_lang(lang)
    w = get_words(base)
    lex = get_lexicon(base)
    digits = digits_pattern(lex)
    foreign = foreign_decimal_pattern(lex)
    scales = [s for s in lex.scales if len(s) > 1 or s.isupper()]
    scale = rf"(?:(?i:{_alt([s for s in scales if len(s) > 3 or s.islower()])})|{_alt([s for s in scales if not (len(s) > 3 or s.islower())])})(?![^\W\d_])"
    word_end = r"(?![^\W\d_])"
    percent_words = [p for p in w.percent if p != "%"]
    pct = rf"(?:%|(?i:{_alt(percent_words)}){word_end})"
    pts = rf"(?i:{_alt(w.points)}){word_end}"
    tim = rf"(?i:{_alt(w.times)}){word_end}" if w.times else "(?!)"
    figure = re.compile(
        rf"(?<![^\W_])(?P<sign>[+\u2212\u2013-](?=\d))?(?P<num>{foreign}|{digits})"
        rf"(?:(?:{_SP}|-)?(?P<scale>{scale}))?"
        rf"(?:{_SP}?(?P<pct>{pct})(?:{_SP}(?P<pts2>{pts}))?|(?:{_SP}|-)(?P<pts>{pts})|(?:{_SP}|-)?(?P<times>{tim}))?"
    )
    return Cues(
        words=w,
        figure=figure,
        word_pattern=re.compile(rf"(?i)(?<![^\W\d_])(?P<w>{_alt(list(w.multiples) + list(w.fractions))}){word_end}"),
        unit_trigger=re.compile(rf"\d[ \u00a0\u202f-]?(?:%|(?i:{_alt(percent_words + list(w.points) + list(w.times))}))"),
        scanner=get_scanner(base),
    )


__all__ = ["Cues", "get_cues"]
