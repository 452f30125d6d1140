"""figures → arithmetic claims: a stated change or share with the figures it is computed from.

The figures of a candidate sentence (:mod:`numcheck.extraction.figures`) are matched
against the few shapes a writer uses, joined by the language's words:

* change: ``P to Y from X`` · ``P from X to Y`` · ``from X to Y, P`` · ``to Y from X, P`` ·
  ``Y, up P from X`` · ``Y … P higher than X`` (P a percent, points, a multiple or "by a
  third"), ``D points, or P%, to Y`` for an index; Finnish by case endings;
* share: ``A of B …, or P`` · ``P of B …, or A`` · ``of the B …, A, or P``.

A change with nothing stated to compute it from is not a claim; neither is a percentage
followed by "of" something else ("30% of its assets").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..extraction.figures import (_NEAR, _NEXT_WORD, _WORDS, Cues, Figure, _fillers_ok, _norm, _tail, ends_with,
                                  figures, gap_text, get_cues, sentences)
from ..model import Mention

#: A Finnish case ending written on digits after a colon: "120:sta", "360:een".
_COLON_CASE = re.compile(r":([^\W\d_]{1,6})(?![^\W\d_])")


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
                     or _change_cases_after(text, floor, f0, f1, f2, g01, g12, cues)
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
    colon = _COLON_CASE.match(text, f.end)
    if colon:  # "120:sta 360:een": the ending written on the digits
        return colon.group(1).lower()
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
    if wa.endswith(cues.to_suffixes) and wb.endswith(cues.from_suffixes):
        # "kasvoi 20 prosenttia 600 miljoonaan euroon 500 miljoonasta": to first, then from
        old, new = _aligned(b, a)
        return ArithClaim("change", p, old=old, new=new, direction=_direction_before(text, p, floor, cues), cue=g12)
    return None


def _change_cases_after(text, floor, a, b, p, g01, g12, cues) -> ArithClaim | None:
    """Finnish, the change last: "kasvoi 500 miljoonasta 690 miljoonaan eli 38 prosenttia",
    "laski 9,6 prosentista 9 prosenttiin, eli 0,6 prosenttiyksikköä"."""
    if not cues.from_suffixes or not _change_word(p) or not _level_pair(a, b) or _followed_by_of(text, p, cues):
        return None
    if len(g01.split()) > 1:
        return None
    wa, wb = _case_word(text, a), _case_word(text, b)
    if not (wa.endswith(cues.from_suffixes) and wb.endswith(cues.to_suffixes)):
        return None
    words = g12.replace("(", " ").replace(",", " ").split()
    if words and words[0] == wb:
        words = words[1:]  # "690 miljoonaan eli": the case word of the new figure
    restate = {w for r in cues.restate for w in r.replace("(", " ").replace(",", " ").split()}
    if not words or len(words) > 2 or not all(w in restate or w in cues.change_nouns or cues.direction([w])
                                              for w in words):
        return None
    d = cues.direction(words) or _direction_before(text, a, floor, cues) or p.sign
    if not d and p.kind != "mult":
        return None
    old, new = _aligned(a, b)
    return ArithClaim("change", p, old=old, new=new, direction=d, cue=g12)


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
        # "kletterte von 480 auf 648 Millionen und damit um 35 Prozent": a phrase of the
        # language's data, the direction said by the verb before the figures
        phrase = " ".join(g12.split())
        if not (" " in phrase and phrase in cues.change_nouns and _direction_before(text, a, floor, cues)):
            return None
        d = d or _direction_before(text, a, floor, cues)
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
    if d.kind == "pct" and p.kind in ("pts", "num"):
        d, p = p, d  # "jumped 2.5%, or 400 points, to 16,400"
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
    # Finnish, the whole in the elative: "Yhtiön 150 myymälästä 30 eli 20 prosenttia"
    if cues.from_suffixes and f0.kind == "num" and f1.kind == "num" and f2.kind == "pct" and _part_whole(f1, f0):
        if len(g01.split()) <= 1 and _case_word(text, f0).endswith(cues.from_suffixes) \
                and not _case_word(text, f1).endswith(cues.to_suffixes) \
                and ends_with(g12, cues.restate, cues, 0) and not _followed_by_of(text, f2, cues):
            return ArithClaim("share", f2, part=f1, whole=f0, cue=g12)
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


def find_arithmetic(text: str, mentions: list[Mention], *, lang: str = "en") -> list[ArithClaim]:
    """Every change and share claim of ``text`` (``mentions``: the money and unit amounts
    already found, which give figures their currency), in order."""
    return find(text, get_cues(lang), mentions)


__all__ = ["ArithClaim", "find", "find_arithmetic"]

