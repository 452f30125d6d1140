"""text → the figures of hand-done arithmetic: "15%", "690 million", "1.5 points", "doubled".

The patterns are compiled once per language (:func:`get_cues`) from the language's
arithmetic words (:mod:`numcheck.language.arithmetic`) and its number syntax (the money
scanner's digit patterns and scale words). Only sentences that may hold a claim are read
(:func:`sentences`: a percent, points or times figure and two more figures, or a multiple
or fraction word); in them every figure is read with its scale word, hedge and unit (a
money mention found there supplies currency and span). Years, days next to month names and
the two ends of a range are left out. The claims are made in :mod:`numcheck.pairing.arithmetic`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from ..language import get_lexicon, normalize_lang
from ..language.arithmetic import ArithmeticWords, get_words
from ..model import Hedge, Mention
from .money import MoneyScanner, _alt, digits_pattern, foreign_decimal_pattern, get_scanner

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
    #: words ending in a full stop that end no sentence: scale words ("mio.", "Mrd."), always
    #: followed by what they count; currency abbreviations ("kr.") and hedges ("ca.") unless
    #: a capital follows — from the language's lexicon
    abbreviations: tuple = (frozenset(), frozenset())

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
        abbreviations=(frozenset(w.lower() for w in lex.scales if w.endswith(".") and " " not in w),
                       frozenset(w.lower() for w in (*lex.symbols, *lex.hedges) if w.endswith(".") and " " not in w)),
    )


_SPACES = re.compile(r"[\s\u00a0\u202f]+")
#: Where a sentence ends: ., !, ? or ; before a space, or a blank line / line break.
_SENTENCE_END = re.compile(r"[.!?;](?=[\s\"”’)\]]+)|\n")
_YEAR = re.compile(r"(1[89]|20)\d\d")
_SYMBOLS = "$€£¥"


@dataclass(frozen=True)
class Figure:
    """One figure of a sentence: a level ("690 million", "$500m", "4.5%") or a change
    ("15%", "1.5 points", "doubled", "3 times", "a third")."""

    mention: Mention
    kind: str  # "num", "pct", "pts", "mult", "frac"
    sign: int = 0  # a written "+" or "−"
    points: float = 1.0  # for "pts": the size of one point in percentage points
    word: bool = False  # written in words ("doubled", "a third")

    @property
    def start(self) -> int:
        return self.mention.hedge_start if self.mention.hedge_start is not None else self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def value(self) -> float:
        return self.mention.value



_LAST_WORD = re.compile(r"([^\W\d_]+)\.?[ \u00a0]*$")
#: The word right after a figure (a "." between: "30. Mai").
_NEXT_WORD = re.compile(r"\.?[\s\u00a0]*([^\W\d_]+)")
_WORDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")


#: A written figure, grouped or not: "399,000", "1.5", "12".
_FIGURE = re.compile(r"\d[\d,.\u00a0\u202f' ]*\d|\d")


#: How sentences end, for str.rfind/find (C speed, and only around a trigger).
_ENDS = (". ", "! ", "? ", "; ", "\n")


def _bounds(text: str, lo: int, hi: int, abbreviations: tuple = (frozenset(), frozenset())) -> tuple[int, int]:
    """The sentence around text[lo:hi]: after the previous sentence end, up to the next
    (at most 600 characters either way). A full stop after an abbreviation of the language
    ("til 600 mio. kr. fra 500 mio. kr.", "auf 600 Mio. Euro") ends no sentence."""
    floor = max(0, lo - 600)
    ceil = min(len(text), hi + 600)
    starts, ends = [], []
    for e in _ENDS:
        i = text.rfind(e, floor, lo)
        while i >= 0 and not _ends_here(text, i, e, abbreviations):
            i = text.rfind(e, floor, i)
        if i >= 0:
            starts.append(i + len(e))
        i = text.find(e, hi, ceil)
        while i >= 0 and not _ends_here(text, i, e, abbreviations):
            i = text.find(e, i + 1, ceil)
        if i >= 0:
            ends.append(i)
    return max(starts, default=floor), min(ends, default=ceil)


def _ends_here(text: str, i: int, end: str, abbreviations: tuple) -> bool:
    scales, others = abbreviations
    if end != ". " or not (scales or others):
        return True
    k = i
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    word = text[k:i + 1].lower()
    if word in scales:
        return False
    if word in others:
        nxt = text[i + 2:i + 3]
        return nxt.isupper()
    return True


def sentences(text: str, cues: Cues) -> list[tuple[int, int, bool]]:
    """The sentences that may hold a claim, in order, as (start, end, words): a percent,
    points or times figure and two more figures, or a multiple or fraction in words
    ("doubled", "a fifth"; ``words`` says to read those) and two figures. Found from the
    triggers — a regex that starts with a digit, and substring search for the word stems —
    never with a regex of the trigger words tried at every character of the text."""
    hits = [(m.start(), False) for m in cues.unit_trigger.finditer(text)]
    low = text.lower()
    for k in cues.word_stems:
        i = low.find(k)
        while i >= 0:
            hits.append((i, True))
            i = low.find(k, i + len(k))
    # "a third" is a claim only as a change ("by a third") or a part ("a fifth of the seats");
    # "the third quarter", "the first half" are not
    of = cues.of_first
    for k in cues.fraction_stems:
        i = low.find(k)
        while i >= 0:
            after = low[i + len(k):i + len(k) + 16]
            if any(f" {o} " in after for o in of) or any(b in low[max(0, i - 10):i].split() for b in cues.by):
                hits.append((i, True))
            i = low.find(k, i + len(k))
    if not hits:
        return []
    hits.sort()
    spans: list[tuple[int, int, bool]] = []
    count = _FIGURE.findall
    for pos, word in hits:
        if spans and pos < spans[-1][1]:
            if word and not spans[-1][2]:
                spans[-1] = (spans[-1][0], spans[-1][1], True)
            continue
        start, end = _bounds(text, pos, pos + 1, cues.abbreviations)
        if len(count(text, start, end)) >= (2 if word else 3):
            spans.append((start, end, word))
    return spans


#: The most text between two figures of one claim ("… pct to 690 mln dlrs in 1986 from").
_NEAR = 120


def _ends_between(text: str, a: int, b: int) -> bool:
    gap = text[a:b]
    return any(e in gap for e in _ENDS)


def _figure_matches(text: str, start: int, end: int, cues: Cues):
    """The figure pattern tried where a digit run starts (or at a sign before it), not at
    every character."""
    match = cues.figure.match
    last = start
    for d in _DIGITS.finditer(text, start, end):
        p = d.start()
        if p < last:
            continue
        m = None
        if p > start and text[p - 1] in "+\u2212\u2013-":
            m = match(text, p - 1, end)
        if m is None or m.group("num") is None:
            m = match(text, p, end)
        if m is None or m.group("num") is None:
            last = d.end()
            continue
        last = m.end()
        yield m


def figures(text: str, start: int, end: int, cues: Cues, mentions: list[Mention], words: bool = True) -> list[Figure]:
    """Every figure of text[start:end], in order (multiples and fractions in words only
    when ``words``)."""
    sc = cues.scanner
    out: list[Figure] = []
    inside = [m for m in mentions if m.end > start and m.start < end]
    for m in _figure_matches(text, start, end, cues):
        num = m.group("num")
        if num is None:
            continue
        try:
            value, step = sc.parse_digits(num)
        except ValueError:
            continue
        scale_word = m.group("scale") or ""
        scale = 10.0 ** sc.power(scale_word) if scale_word else 1.0
        kind, unit, pts = "num", None, 1.0
        if m.group("pct"):
            kind, unit = "pct", "%"
            if m.group("pts2"):
                kind, unit, pts = "pts", "pt", cues.points[_norm(m.group("pts2"))]
        elif m.group("pts"):
            kind, unit, pts = "pts", "pt", cues.points[_norm(m.group("pts"))]
        elif m.group("times"):
            kind, unit = "mult", "×"
        sign = {"+": 1}.get(m.group("sign") or "", -1 if m.group("sign") else 0)
        s, e = m.start("num"), m.end()
        if kind == "num" and not scale_word and _YEAR.fullmatch(num):
            continue  # "in 1986", "from 1985 to 1990": years are not levels
        if kind == "num" and not scale_word and len(num) <= 2 and _next_to_month(text, s, e, cues):
            continue  # "the week ended May 30", "am 3. Mai": days are not levels
        mention = Mention(text=text[s:e], start=s, end=e, value=value * scale, unit=unit, kind="number",
                          step=step * scale, number_text=num, number_start=s, scale_text=scale_word, scale=scale)
        if kind == "num":
            # a money or unit mention already read there gives the currency, span and hedge
            for mm in inside:
                # not a range or a span over two figures ("de 400 a 300 millones"): each
                # figure is read on its own then
                if mm.number_start == s and not mm.is_range and not any(c.isdigit() for c in text[e:mm.end]):
                    mention = replace(mm, kind="number")
                    break
        if mention.hedge is None:
            mention = _hedged(text, mention, cues)
        mention = _not_a_hedge(mention, cues)
        out.append(Figure(mention, kind, sign, pts))
    for m in (cues.word_pattern.finditer(text, start, end) if words else ()):
        w = _norm(m.group("w"))
        if w in cues.multiples:
            kind, value, unit = "mult", cues.multiples[w], "×"
        else:
            kind, value, unit = "frac", cues.fractions[w], None
        mention = Mention(text=m.group("w"), start=m.start(), end=m.end(), value=value, unit=unit, kind="number",
                          step=0.0, number_text=m.group("w"), number_start=m.start())
        out.append(Figure(_hedged(text, mention, cues), kind, 0, 1.0, True))
    out.sort(key=lambda f: f.mention.start)
    # a figure inside another one (a money mention covering two figures) is dropped
    kept: list[Figure] = []
    for f in out:
        if kept and f.mention.start < kept[-1].mention.end:
            continue
        kept.append(f)
    return _without_ranges(text, kept, cues)


def _without_ranges(text: str, figs: list[Figure], cues: Cues) -> list[Figure]:
    """ "21.1 to 22.7 pct lower", "between 9.9 and 10.1 mln": the two ends of a range are
    one figure the arithmetic cannot use; both are dropped (no claim rather than a wrong one)."""
    drop: set[int] = set()
    figs = list(figs)
    for i in range(len(figs) - 1):
        a, b = figs[i], figs[i + 1]
        gap = gap_text(text, a.end, b.start)
        if (a.kind == "num" and b.kind == "pct" and not a.mention.unit and a.mention.scale == 1.0
                and gap in cues.to and _tail(gap_text(text, max(0, a.start - 30), a.start), cues.from_)):
            # "from 20 to 25 percent", "von 20 auf 25 Prozent": the percent word is written once
            figs[i] = replace(a, kind="pct", mention=replace(a.mention, unit="%"))
            continue
        if gap not in cues.range_joiners and gap not in ("-", "\u2013", "\u2014"):
            continue
        if not gap[0].isalpha() and text[a.end:b.start] != gap:
            continue  # "210 – 25% –": a dash with spaces sets off an aside, "10–12%" is a range
        between = tuple(w for w in cues.scanner._between if w not in cues.from_)  # "between", not "from"
        if a.kind == "num" and b.kind in ("pct", "pts") or _tail(gap_text(text, max(0, a.start - 30), a.start), between):
            drop.update((i, i + 1))
    return [f for i, f in enumerate(figs) if i not in drop]


def _next_to_month(text: str, s: int, e: int, cues: Cues) -> bool:
    before = _LAST_WORD.search(text[max(0, s - 20):s])
    after = _NEXT_WORD.match(text[e:e + 20])
    return bool(before and before.group(1).lower() in cues.months or after and after.group(1).lower() in cues.months)


def _not_a_hedge(m: Mention, cues: Cues) -> Mention:
    """ "hasta 690 millones", "tot 690 miljoen": "up to" is also the "to" of a change; the
    words of a change are cues here, not hedges."""
    if m.hedge_text and m.hedge_text.lower() in cues.to + cues.from_ + cues.base:
        return replace(m, hedge=None, hedge_text=None, hedge_start=None)
    return m


def _hedged(text: str, mention: Mention, cues: Cues) -> Mention:
    h = cues.scanner.hedge_before(text, mention.start)
    if h is None:
        return mention
    return replace(mention, hedge=h[0], hedge_text=h[1], hedge_start=h[2])


def _norm(s: str) -> str:
    return _SPACES.sub(" ", s).strip().lower()


def gap_text(text: str, a: int, b: int) -> str:
    g = _norm(text[a:b])
    return g.replace(" ,", ",").replace("( ", "(")


def ends_with(gap: str, phrases: tuple[str, ...], cues: Cues, fillers: int = 3, suffixes: tuple[str, ...] = ()) -> str | None:
    """The phrase of ``phrases`` the gap ends with, after at most ``fillers`` plain words
    (the unit of the figure before: "mln dlrs from"); None when it does not end so."""
    gap = gap.rstrip(", ")  # "ou seja, 30%": a comma before the figure is punctuation
    for p in phrases:
        if gap == p:
            return p
        if not gap.endswith(p):
            continue
        before = gap[: len(gap) - len(p)]
        if p[0].isalnum() and before and before[-1].isalnum():
            continue  # "into" does not end with "to"
        if _fillers_ok(before, cues, fillers):
            return p
    if suffixes:  # Finnish: the case ending of the last word ("miljoonasta") is the cue
        words = gap.split()
        if words and any(words[-1].endswith(s) for s in suffixes) and _fillers_ok(" ".join(words[:-1]), cues, fillers - 1):
            return words[-1]
    return None


def _tail(gap: str, phrases: tuple[str, ...]) -> str | None:
    """The phrase the text before a figure ends with, as whole words ("… sales went from")."""
    for p in phrases:
        if gap == p or (gap.endswith(p) and (not p[0].isalnum() or not gap[-len(p) - 1].isalnum())):
            return p
    return None


def _fillers_ok(before: str, cues: Cues, limit: int) -> bool:
    if "," in before.strip().lstrip(","):
        return False  # a clause between: ", un descenso de" is not "from"
    words = [w.strip(",") for w in before.split()]
    words = [w for w in words if w and w not in _SYMBOLS]
    if len(words) > limit:
        return False
    return not any(w in cues.breakers or any(c.isdigit() for c in w) for w in words)




__all__ = ["Cues", "Figure", "get_cues", "figures", "sentences", "gap_text", "ends_with"]
