"""text → arithmetic claims: a stated change or share with the figures it is computed from.

Only a sentence holding a percent, points, multiple or fraction word is read at all (the
trigger pattern), so plain copy costs one regex search. In such a sentence every figure is
read (number, scale word, then "%", "points" or "times"; a money or unit mention already
found supplies currency and span), and the figures are matched against the few shapes a
writer uses, joined by the language's words:

* change: ``P to Y from X`` · ``P from X to Y`` · ``from X to Y, P`` · ``to Y from X, P``
  (P a percent, points, a multiple or "by a third"), and ``D points, or P%, to Y`` for an
  index;
* share: ``A of B …, or P`` · ``P of B …, or A`` · ``of the B …, A, or P``.

A change with nothing stated to compute it from is not a claim; neither is a percentage
followed by "of" something else ("30% of its assets").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Hedge, Mention
from .cues import Cues

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


@dataclass(frozen=True)
class ArithClaim:
    """A stated figure (``stated``) and the figures it is computed from.

    ``shape`` names the computation: "change" (old → new, stated as percent, points or a
    multiple), "index" (a change in points and in percent to a new level), "share" (part
    of whole stated as a percent), "part" (a percent or fraction of a whole stated as a
    figure). ``direction`` is +1/−1 when the words say rise/fall, else 0.
    """

    shape: str
    stated: Figure
    old: Figure | None = None
    new: Figure | None = None
    part: Figure | None = None
    whole: Figure | None = None
    direction: int = 0
    cue: str = ""
    #: "weak" when the old figure is joined by a comparison word ("compared with",
    #: "against"), which can also bring in a second comparison ("… compared with 146,610
    #: in April" after a year-on-year change): an inconsistency is then only ambiguous.
    strength: str = "strong"

    @property
    def kind(self) -> str:
        return "share" if self.shape in ("share", "part") else "change"


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


def _bounds(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The sentence around text[lo:hi]: after the previous sentence end, up to the next
    (at most 600 characters either way)."""
    floor = max(0, lo - 600)
    start = max((i + len(e) for e in _ENDS for i in (text.rfind(e, floor, lo),) if i >= 0), default=floor)
    ceil = min(len(text), hi + 600)
    end = min((i for e in _ENDS for i in (text.find(e, hi, ceil),) if i >= 0), default=ceil)
    return start, end


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
        start, end = _bounds(text, pos, pos + 1)
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
    for i in range(len(figs) - 1):
        a, b = figs[i], figs[i + 1]
        gap = gap_text(text, a.end, b.start)
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


def _level_pair(a: Figure, b: Figure) -> bool:
    """Can ``a`` and ``b`` be the old and new figure of one change?"""
    if a.kind != b.kind or a.kind not in ("num", "pct"):
        return False
    ua, ub = a.mention.unit, b.mention.unit
    if a.kind == "num" and ua and ub and ua != ub:
        return False  # "$5m … €4m": another currency, another thing
    return a.value > 0 and b.value > 0


def _change_word(f: Figure) -> bool:
    return f.kind in ("pct", "pts", "mult") or f.kind == "frac"


def _direction_before(text: str, f: Figure, floor: int, cues: Cues, n: int = 4) -> int:
    words = _WORDS.findall(text[max(floor, f.start - 60):f.start].lower())
    d = cues.direction(words[-n:])
    if d == 0 and f.sign:
        d = f.sign
    return d


def _direction_after(text: str, f: Figure, cues: Cues) -> int:
    """ "15% higher", "a 15% rise": the word right after the figure."""
    m = _NEXT_WORD.match(text[f.end:f.end + 30])
    return cues.direction([m.group(1).lower()]) if m else 0


def _followed_by_of(text: str, f: Figure, cues: Cues) -> bool:
    """ "30% of its assets": a share of something else."""
    after = _norm(text[f.end:f.end + 25])
    return any(after == o or after.startswith(o + " ") for o in cues.of)


def find(text: str, cues: Cues, mentions: list[Mention]) -> list[ArithClaim]:
    out: list[ArithClaim] = []
    for s, e, words in sentences(text, cues):
        figs = figures(text, s, e, cues, mentions, words)
        if len(figs) >= 2:
            out.extend(_claims_in(text, s, figs, cues))
    return out


def _claims_in(text: str, floor: int, figs: list[Figure], cues: Cues) -> list[ArithClaim]:
    out: list[ArithClaim] = []
    used: set[int] = set()
    n = len(figs)
    for i in range(n - 2):
        if i in used:
            continue
        f0, f1, f2 = figs[i], figs[i + 1], figs[i + 2]
        if f0.kind == f1.kind == f2.kind == "num":
            continue  # every shape has a percent, points, multiple or fraction
        g01 = gap_text(text, f0.end, f1.start)
        g12 = gap_text(text, f1.end, f2.start)
        if len(g01) > _NEAR or len(g12) > _NEAR:
            continue
        before = gap_text(text, max(figs[i - 1].end if i else floor, f0.start - 40), f0.start)
        claim = None
        if True:
            # "bajó del 14,2 % al 13,7 %, un descenso de 0,5 puntos": from-to first, as
            # "del 14,2 %" also reads "by 14.2%"
            claim = (_change_after(text, floor, before, f0, f1, f2, g01, g12, cues)
                     or _change_forward(text, floor, f0, f1, f2, g01, g12, cues)
                     or _change_middle(text, floor, f0, f1, f2, g01, g12, cues)
                     or _change_cases(text, floor, f0, f1, f2, g01, g12, cues)
                     or _index(text, floor, f0, f1, f2, g01, g12, cues)
                     or _share(text, before, f0, f1, f2, g01, g12, cues))
        if claim is not None:
            out.append(claim)
            used.update((i, i + 1, i + 2))
    return out


def _is_change(text: str, floor: int, f: Figure, cues: Cues) -> bool:
    """Is ``f`` the size of a change? A percent/points figure or "3 times" needs a
    direction word next to it or "by"; a multiple word is one; a fraction needs "by"."""
    if f.kind == "mult":
        return True
    if f.kind not in ("pct", "pts", "frac"):
        return False
    if _followed_by_of(text, f, cues):
        return False
    near = gap_text(text, max(floor, f.start - 40), f.start).split()
    if f.kind == "frac":  # "cut by a third"; not "in the first half", "for a third month"
        return bool(near) and near[-1] in cues.by and not _followed_by_word(text, f, cues)
    if f.sign or _direction_after(text, f, cues):
        return True
    if not near:
        return False
    last = near[-1]
    return last in cues.by or bool(cues.direction(near[-3:]))


def _followed_by_word(text: str, f: Figure, cues: Cues) -> bool:
    """ "a third successive month": an ordinal, not a fraction."""
    m = _NEXT_WORD.match(text[f.end:f.end + 30])
    return bool(m) and m.group(1).lower() not in cues.to + cues.from_ + cues.base


def _change_forward(text, floor, p, a, b, g01, g12, cues) -> ArithClaim | None:
    """ "rose 15% to 690 from 500" · "rose 15% from 500 to 690" · "quadrupled, from 2.5 to 7"."""
    if not _change_word(p) or not _level_pair(a, b) or not _is_change(text, floor, p, cues):
        return None
    d = _direction_before(text, p, floor, cues) or _direction_after(text, p, cues)
    if ends_with(g01, cues.to, cues, 2, cues.to_suffixes):
        base = ends_with(g12, cues.base, cues, 4, cues.from_suffixes)
        if base:
            old, new = _aligned(b, a)
            return ArithClaim("change", p, old=old, new=new, direction=d, cue=g12, strength=_strength(base, cues))
    if ends_with(g01, cues.from_, cues, 2, cues.from_suffixes) and ends_with(g12, cues.to, cues, 4, cues.to_suffixes):
        old, new = _aligned(a, b)
        return ArithClaim("change", p, old=old, new=new, direction=d, cue=g01)
    return None


def _change_middle(text, floor, b, p, a, g01, g12, cues) -> ArithClaim | None:
    """ "Revenue was $690 million, up 38% from $500 million" · "… 38% higher than the $500
    million": the new figure first, then the change, then the old one."""
    if not _change_word(p) or not _level_pair(a, b) or p.kind == "frac":
        return None
    words = g01.replace("(", " ").replace(",", " ").split()
    d = cues.direction(words) or _direction_after(text, p, cues) or p.sign
    if not d or len(words) > 4 or "," in g01.lstrip(",( "):
        return None
    # ", up", " was", ", an increase of", ", ein Plus von": change words, or one plain word
    nouns = {w for n in cues.change_nouns for w in n.split()}
    plain = [w for w in words if not (cues.direction([w]) or w in cues.by or w in nouns)]
    if len(plain) > 1 or any(w in cues.breakers or any(c.isdigit() for c in w) for w in plain):
        return None
    base = ends_with(g12, cues.base + cues.than, cues, 1, cues.from_suffixes)
    if not base:
        return None
    old, new = _aligned(a, b)
    return ArithClaim("change", p, old=old, new=new, direction=d, cue=g12, strength=_strength(base, cues))


def _case_word(text: str, f: Figure) -> str:
    """The word that carries a figure's case ending: its own unit word ("3 prosentista") or
    the next word ("500 miljoonasta")."""
    own = f.mention.text.split()
    if len(own) > 1 and own[-1].isalpha():
        return own[-1].lower()
    m = _NEXT_WORD.match(text[f.end:f.end + 40])
    return m.group(1).lower() if m else ""


def _change_cases(text, floor, p, a, b, g01, g12, cues) -> ArithClaim | None:
    """Finnish: "kasvoi 15 prosenttia 500 miljoonasta 690 miljoonaan": from and to are the
    elative and illative endings of the words after the figures."""
    if not cues.from_suffixes or not _change_word(p) or not _level_pair(a, b):
        return None
    if not _is_change(text, floor, p, cues) or len(g01.split()) > 1 or len(g12.split()) > 3:
        return None
    wa, wb = _case_word(text, a), _case_word(text, b)
    if wa.endswith(cues.from_suffixes) and wb.endswith(cues.to_suffixes):
        old, new = _aligned(a, b)
        return ArithClaim("change", p, old=old, new=new, direction=_direction_before(text, p, floor, cues), cue=g12)
    return None


def _change_after(text, floor, before, a, b, p, g01, g12, cues) -> ArithClaim | None:
    """ "from 500 to 690, a rise of 38%" · "to 690 from 500 (+38%)"."""
    if not _change_word(p) or not _level_pair(a, b):
        return None
    if _followed_by_of(text, p, cues):
        return None
    words = g12.replace("(", " ( ").replace(",", " , ").split()
    d = cues.direction(words) or p.sign
    # German puts the verb last: "hat sich von 4.000 auf 8.100 verdoppelt"
    verb_last = p.kind == "mult" and p.word and _fillers_ok(g12, cues, 2)
    if not verb_last and not _restates_change(g12, cues, d or (p.kind == "mult")):
        return None
    after = _norm(text[p.end:p.end + 20])
    if any(after == w or after.startswith(w + " ") for w in cues.base):
        return None  # "…, a drop of 42 pct from last year": a change against something else
    if _tail(before, cues.from_) and ends_with(g01, cues.to, cues, 4, cues.to_suffixes):
        old, new = _aligned(a, b)
        return ArithClaim("change", p, old=old, new=new, direction=d, cue=g12)
    if _tail(before, cues.to) and ends_with(g01, cues.from_ + cues.strong_base, cues, 4, cues.from_suffixes):
        old, new = _aligned(b, a)
        return ArithClaim("change", p, old=old, new=new, direction=d, cue=g12)
    return None


def _strength(base: str, cues: Cues) -> str:
    return "strong" if base in cues.from_ or base in cues.strong_base or base in cues.than else "weak"


def _aligned(old: Figure, new: Figure) -> tuple[Figure, Figure]:
    """ "to 690 mln dlrs from 500": a scale word written once stands for both figures."""
    a, b = old.mention, new.mention
    if a.scale != 1.0 and b.scale == 1.0 and _like(a, b):
        return old, replace(new, mention=replace(b, value=b.value * a.scale, step=b.step * a.scale, scale=a.scale))
    if b.scale != 1.0 and a.scale == 1.0 and _like(b, a):
        return replace(old, mention=replace(a, value=a.value * b.scale, step=a.step * b.scale, scale=b.scale)), new
    return old, new


def _like(scaled: Mention, bare: Mention) -> bool:
    """Is ``bare`` written at the scale of ``scaled`` ("500" next to "690 mln"), not in full
    ("900,000" next to "1.2 mln")? Its figure is within 10× of the other's."""
    m = scaled.value / scaled.scale
    return m / 10 <= bare.value <= m * 10


def _restates_change(gap: str, cues: Cues, directed) -> bool:
    """The words between the new figure and the change: ", a rise of", " (", ", up"."""
    g = gap
    unit_words = g.split()
    # the unit of the new figure may stand first: "7 tonnes, a fourfold rise"
    if not g or g[0] not in ",(–—":
        i = min((g.find(c) for c in ",(–—" if c in g), default=-1)
        if i < 0 or not _fillers_ok(g[:i], cues, 2):
            return False
        g = g[i:]
    g = g.lstrip(",(–— ").strip()
    if not g:
        return True  # "to 690 (+38%)", "to 690, 38% more"
    for w in cues.by:
        if g.endswith(" " + w):
            g = g[: -len(w)].strip()
    words = g.split()
    if len(words) > 4:
        return False
    return all(w in cues.up or w in cues.down or w in cues.change_nouns or w in cues.by
               or any(w in n.split() for n in cues.change_nouns) for w in words) and bool(directed or g in cues.change_nouns)


def _index(text, floor, d, p, y, g01, g12, cues) -> ArithClaim | None:
    """ "lost 450 points, or 1.8%, to 15,550": the old level is the new one minus the change."""
    if y.kind not in ("num", "pts") or d.kind not in ("pts", "num") or p.kind != "pct":
        return None
    if d.kind == "num" and (d.mention.unit != y.mention.unit):
        return None
    if not ends_with(g01, cues.restate, cues, 0) or not ends_with(g12, cues.to, cues, 0, cues.to_suffixes):
        return None
    direction = _direction_before(text, d, floor, cues)
    if not direction:
        return None
    return ArithClaim("index", p, old=None, new=y, part=d, direction=direction, cue=g01)


def _share(text, before, f0, f1, f2, g01, g12, cues) -> ArithClaim | None:
    if f2.kind == "pct" and _direction_after(text, f2, cues):
        return None  # "5 of its 20 stores, or 12% fewer than last year": a change, not the share
    # "18 of its 60 branches, or 30%"
    if f0.kind == "num" and f1.kind == "num" and f2.kind == "pct" and _part_whole(f0, f1):
        if ends_with(g01, cues.of, cues, 2) and ends_with(g12, cues.restate, cues, 3) and not _followed_by_of(text, f2, cues):
            return ArithClaim("share", f2, part=f0, whole=f1, cue=g12)
    # "30% of the 60 branches, or 18" · "a fifth of the 3,500 seats, or 700"
    if f0.kind in ("pct", "frac") and f1.kind == "num" and f2.kind == "num" and _part_whole(f2, f1):
        if ends_with(g01, cues.of, cues, 0) and ends_with(g12, cues.restate, cues, 3):
            return ArithClaim("part", f2, part=f0, whole=f1, cue=g12)
    # "Of the 840 schools, 210, or 25%"
    if f0.kind == "num" and f1.kind == "num" and f2.kind == "pct" and _part_whole(f1, f0):
        if _tail(before, cues.lead) and g01.endswith(",") and _fillers_ok(g01[:-1], cues, 3) \
                and ends_with(g12, cues.restate, cues, 0) and not _followed_by_of(text, f2, cues):
            return ArithClaim("share", f2, part=f1, whole=f0, cue=g12)
    return None


def _part_whole(part: Figure, whole: Figure) -> bool:
    up, uw = part.mention.unit, whole.mention.unit
    if up != uw:
        return False
    return 0 < part.value <= whole.value


__all__ = ["ArithClaim", "Figure", "find", "figures", "sentences"]
