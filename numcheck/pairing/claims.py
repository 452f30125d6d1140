"""mentions → claims: pair an amount with the equivalent the writer states for it.

Two amounts form a claim only when the text between them is a conversion cue of the
language (", equivalent to", " (", ", which is", "converted from" …, from the lexicon's data
file) — never from adjacency alone, so "a $7 billion fund and a separate €2 billion loan"
is not a claim. Both amounts must be of the same kind and in different units: "$5m (about
$4.8m after fees)" restates, it does not convert.
"""

from __future__ import annotations

import re

from ..language import Lexicon, get_lexicon, normalize_lang
from ..extraction.money import normalize_gap, preceded_by
from ..language.units import NEUTRAL, get_vocabulary
from ..model import Claim, Mention

#: "a $275 million package (about 3 billion kronor)": up to three plain words (the noun the
#: amount qualifies) may stand before the cue.
_NOUN_GAP = re.compile(r"^((?:[^\W\d_][\w'’-]*\s+){0,2}[^\W\d_][\w'’-]*)\s*(.*)$", re.S)


def _same_unit(a: Mention, b: Mention) -> bool:
    if a.unit and a.unit == b.unit:
        return True
    return bool(set(a.candidates) & set(b.candidates)) and len(a.candidates) == len(b.candidates) == 1


def _units_convertible(first: Mention, second: Mention) -> bool:
    """Quantities pair when one unit converts to the other: a length to a length, never to
    a mass; the same unit twice restates ("5 km (about 5 km)"), but "tons (tonnes)" or
    "degrees (°C)" may convert."""
    vocab = get_vocabulary(NEUTRAL)
    a = first.candidates or (first.unit,)
    b = second.candidates or (second.unit,)
    if set(a) == set(b):
        return False
    return any(vocab.compatible(x, y) for x in a for y in b if x and y)


def _pair(lex: Lexicon, first: Mention, second: Mention, text: str) -> Claim | None:
    if first.kind != second.kind:
        return None
    if first.kind == "unit":  # quantities have their own rule, sameness included
        if not _units_convertible(first, second):
            return None
    elif _same_unit(first, second):
        return None
    target_start = second.hedge_start if second.hedge_start is not None else second.start
    if target_start < first.end:
        return None
    raw = text[first.end:target_start]
    if len(raw) > 60 or "\n" in raw.strip(" \t"):
        return None
    gap = normalize_gap(raw)
    if _per_unit(lex, text, first) != _per_unit(lex, text, second):
        return None  # "£2,360 per tonne … $1.72 per lb": a price per different units
    if lex.either and preceded_by(text, first.hedge_start if first.hedge_start is not None else first.start, lex.either):
        return None  # "either 182.50 marks or 149.50 yen": alternatives
    claim = _cue_claim(lex, first, second, raw, gap)
    if claim is not None:
        return claim
    m = _NOUN_GAP.match(gap)
    if m and m.group(2) and m.group(1).split()[0] not in _stop_words(lex):
        rest = m.group(2)
        if rest in lex.cues_strong or rest in lex.cues_weak_without_hedge:
            # A noun between the amount and the cue: "package (about 3 billion kronor)".
            # Strong only when the second amount carries a hedge ("about", "some"); a bare
            # parenthesis after a noun can also be a part of the whole ("fund (€2bn of it)").
            strength = "strong" if second.hedge is not None else "weak"
            return Claim(source=first, target=second, cue=raw, strength=strength)
    return None


_WORD_AFTER = re.compile(r"[ \t\u00a0]*(/|[^\W\d_]+)[ \t\u00a0]*([^\W\d_]+)?")


def _per_unit(lex: Lexicon, text: str, m: Mention) -> str | None:
    """The unit a price is per ("per tonne" → "tonne"), from the words right after it."""
    per = lex.per
    if not per:
        return None
    w = _WORD_AFTER.match(text, m.end)
    if not w or w.group(1).lower() not in per or not w.group(2):
        return None
    return w.group(2).lower().rstrip("s")


def _stop_words(lex: Lexicon) -> frozenset[str]:
    """Words that start a new statement rather than name what the first amount is
    ("$5m and (…)"): ``[cues] not_nouns`` in the language's data file."""
    return lex.not_nouns


def _cue_claim(lex: Lexicon, first: Mention, second: Mention, raw: str, gap: str) -> Claim | None:
    if gap in lex.cues_reverse:
        return Claim(source=second, target=first, cue=raw, strength="strong")
    if gap in lex.cues_weak_without_hedge:
        strength = "strong" if second.hedge is not None else "weak"
        return Claim(source=first, target=second, cue=raw, strength=strength)
    if gap in lex.cues_strong:
        return Claim(source=first, target=second, cue=raw, strength="strong")
    return None


def find_claims(text: str, mentions: list[Mention], *, lang: str = "en") -> list[Claim]:
    """Claims among consecutive mentions. Each mention is used in at most one claim: in
    "$5m (€4.6m, or 50m kronor)" the first amount pairs with the second; the third is
    compared with the first by the chain rule below."""
    lex = get_lexicon(normalize_lang(lang))
    claims: list[Claim] = []
    used: set[int] = set()
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if i in used:
            # "X (Y, or Z)": Z is another equivalent of X, not of Y.
            prev = claims[-1] if claims else None
            if prev is not None and prev.target is a:
                c = _pair(lex, a, b, text)
                if c is not None and c.source is a:
                    claims.append(Claim(source=prev.source, target=b, cue=c.cue, strength=c.strength))
                    used.add(i + 1)
            continue
        c = _pair(lex, a, b, text)
        if c is not None:
            claims.append(c)
            used.update((i, i + 1))
    return claims


__all__ = ["find_claims", "normalize_gap"]
