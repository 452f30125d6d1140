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
#: Punctuation that sets a second amount in apposition: "40 miljoner dollar, cirka 420
#: miljoner kronor, till bygget", "$100 million -- about €92 million", "…; about …". It
#: states an equivalent only when the second amount carries a hedge (a bare comma joins
#: lists: "$5m, €7m and ¥9m"); the currencies must differ, as for every claim.
_APPOSITION = frozenset({",", ";", "–", ", –", ",–", "(", ", ("})


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
    if second.value_max is not None and lex.range_between:
        # "(entre 18 y 27 millones de euros)", "(da 18 a 27 milioni)": the word that opens
        # the second range belongs to it, not to the cue
        for w in lex.range_between:
            head = gap[: len(gap) - len(w)]
            if gap.endswith(w) and head and not head[-1].isalpha():
                gap = head.rstrip()
                break
    per_a, per_b = _per_unit(lex, text, first), _per_unit(lex, text, second)
    bare = _PER_PHRASE.sub("", gap, count=1) if per_a is not None else gap
    if per_a != per_b and not (per_b is None and (_explicit_cue(lex, gap) or bare in ("(", "[") and (
            second.hedge is not None or _CLOSE_PAREN.match(text, second.end)))):
        # "£2,360 per tonne … $1.72 per lb": a price per different units. A price whose
        # equivalent is stated outright keeps its unit ("883 stg per tonne, equivalent to
        # 1,417 dlrs", "1,000 ringgit per tonne (about 250 stg)"); "195 rand or 94 dlrs a
        # month" does not pair.
        return None
    if lex.either and preceded_by(text, first.hedge_start if first.hedge_start is not None else first.start, lex.either):
        return None  # "either 182.50 marks or 149.50 yen": alternatives
    if per_a is not None and per_b is None:
        gap = _PER_PHRASE.sub("", gap, count=1)  # "per tonne, equivalent to" → ", equivalent to"
    if gap == "–" and second.hedge is None and not _closes(text, second.end):
        return None  # "24.3 billion punts -- 10,000 dlrs for every man": a dash that runs on
    claim = _cue_claim(lex, first, second, raw, gap, _closes(text, second.end))
    if claim is not None:
        return claim
    if gap in _APPOSITION and second.hedge is not None and second.hedge_start is not None and _closes(text, second.end):
        return Claim(source=first, target=second, cue=raw, strength="strong")
    if gap == ";" and _in_one_bracket(text, first.start, second.end):
        # "(150 million km; 93 million miles)": equivalents listed in one bracket
        return Claim(source=first, target=second, cue=raw, strength="strong")
    if gap == "," and second.hedge is None and _shared_per(lex, text, second.end):
        # "a fix of 418.50 dlrs, 258.653 stg, an ounce": one price in two currencies; a
        # bare comma, so the pairing stays uncertain
        return Claim(source=first, target=second, cue=raw, strength="weak")
    m = _NOUN_GAP.match(gap)
    if m and m.group(2) and m.group(1).split()[0] not in _stop_words(lex):
        rest = written = m.group(2)
        bare = _LEAD.sub("", rest)
        if bare != rest and any(c.isalpha() for c in bare) and (bare in lex.cues_strong or bare in lex.cues_weak_without_hedge):
            rest = bare  # "a €1.2m loan – equivalent to about $1.8m": a word cue after a dash
        if rest in lex.cues_strong or rest in lex.cues_weak_without_hedge:
            # A noun between the amount and the cue: "package (about 3 billion kronor)".
            # Strong when the second amount carries a hedge ("about", "some") or the cue is
            # a word that says "equivalent" ("værd, svarende til"); a bare parenthesis after
            # a noun can also be a part of the whole ("fund (€2bn of it)").
            explicit = _explicit_cue(lex, written) or (rest is bare and rest in lex.cues_strong)
            strength = "strong" if second.hedge is not None or explicit else "weak"
            return Claim(source=first, target=second, cue=raw, strength=strength)
        if (rest in _APPOSITION and len(m.group(1).split()) == 1 and second.hedge is not None
                and second.hedge_start is not None and _closes(text, second.end)):
            # one word closing the first amount's phrase, then a hedged apposition: "is 25
            # miljard dollar waard, zo'n 23 miljard euro", "a $40m grant, about €37m."
            return Claim(source=first, target=second, cue=raw, strength="strong")
    return None


_CLOSE = re.compile(r"[ \t\u00a0\u202f]*(?:[,.;:)\]–—-]|\n|$)")


_OPEN = {"(": ")", "[": "]"}


def _in_one_bracket(text: str, start: int, end: int) -> bool:
    """Do ``start`` and ``end`` lie in one bracket, opened before start (in the same
    sentence) and closed right after end?"""
    before = text[max(0, start - 80):start]
    i = max(before.rfind("("), before.rfind("["))
    if i < 0 or any(c in before[i + 1:] for c in ").]") and not re.search(r"\d\.\d", before[i + 1:]):
        return False
    close = _OPEN[before[i]]
    return re.match(rf"[ \t\u00a0\u202f]*\{close}", text[end:end + 4]) is not None


def _shared_per(lex: Lexicon, text: str, end: int) -> bool:
    """ "…, an ounce": a per-unit phrase after a comma that closes a pair of amounts."""
    per = lex.per
    m = re.match(r",[ \t\u00a0]*([^\W\d_]+)[ \t\u00a0]+[^\W\d_]+", text[end:end + 30])
    return bool(per and m and m.group(1).lower() in per and m.group(1) != "/")


def _closes(text: str, end: int) -> bool:
    """Does the apposition close right after the second amount (a comma, a full stop, a
    dash, a bracket, the end)? "31.5 mln Australian dlrs, some seven mln stg above book
    value" runs on: the second amount is a difference, not an equivalent."""
    return _CLOSE.match(text, end) is not None


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


_LEAD = re.compile(r"^[–,;(]\s*")
_PER_PHRASE = re.compile(r"^(?:[^\W\d_]+|/)\s*[^\W\d_]+\s*")


def _explicit_cue(lex: Lexicon, gap: str) -> bool:
    """A strong cue made of words ("equivalent to", "motsvarande"), not punctuation alone.
    The gap is read after a per-unit phrase too: "per tonne, equivalent to"."""
    rest = _PER_PHRASE.sub("", gap, count=1) if not gap.startswith((",", "(", "–", ";")) else gap
    return rest in lex.cues_strong and any(c.isalpha() for c in rest) and rest not in lex.cues_weak_without_hedge


def _cue_claim(lex: Lexicon, first: Mention, second: Mention, raw: str, gap: str, closes: bool = False) -> Claim | None:
    if gap not in lex.cues_strong and gap not in lex.cues_reverse and gap not in lex.cues_weak_without_hedge:
        # "-- the equivalent of about", "; equivalent to": a word cue after a dash, comma,
        # semicolon or bracket is the same cue
        bare = _LEAD.sub("", gap)
        if bare != gap and any(c.isalpha() for c in bare) and (bare in lex.cues_strong or bare in lex.cues_reverse):
            gap = bare
    if gap in lex.cues_reverse:
        return Claim(source=second, target=first, cue=raw, strength="strong")
    if gap in lex.cues_weak_without_hedge:
        # ", or 310 mln dlrs," / ", eller 476 miljarder kronor.": set off by commas and
        # closed right after, the second amount is an apposition (the wire's way to state a
        # conversion); "$5, or €10 for members" runs on and stays uncertain
        apposed = closes and gap.startswith(",") and any(c.isalpha() for c in gap)
        strength = "strong" if second.hedge is not None or apposed else "weak"
        return Claim(source=first, target=second, cue=raw, strength=strength)
    if gap in lex.cues_strong:
        return Claim(source=first, target=second, cue=raw, strength="strong")
    return None


def _in_same_brackets(prev: Claim, b: Mention, text: str) -> Claim | None:
    """ "€50,000 (£43,000; US$54,000)": a further equivalent in the parenthesis that holds
    the first one, after a semicolon or a comma (as a claim of ``prev.target`` → ``b``; the
    caller pairs ``b`` with the original source)."""
    a = prev.target
    if not prev.cue.strip().endswith(("(", "[")) or b.kind != a.kind or _same_unit(prev.source, b):
        return None
    raw = text[a.end:b.hedge_start if b.hedge_start is not None else b.start]
    if normalize_gap(raw) not in (";", ","):
        return None
    # the bracket is still open at b, and closes after it
    if _CLOSE_BRACKET.match(text, b.end) is None:
        return None
    return Claim(source=a, target=b, cue=raw, strength="strong")


_CLOSE_BRACKET = re.compile(r"[ \t\u00a0\u202f]*[;,)\]]")
#: "$60 per barrel (€54)": a bare bracket around the second amount alone
_CLOSE_PAREN = re.compile(r"[ \t\u00a0\u202f]*[)\]]")


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
                c = _pair(lex, a, b, text) or _in_same_brackets(prev, b, text)
                if c is not None and c.source is a:
                    claims.append(Claim(source=prev.source, target=b, cue=c.cue, strength=c.strength))
                    used.add(i + 1)
            continue
        c = _pair(lex, a, b, text)
        if c is not None:
            claims.append(c)
            used.update((i, i + 1))
        elif _per_article(a, b) and i + 2 < len(mentions):
            # "$60 a barrel (€54)": the unit read from "a barrel" is the price's unit, not
            # an amount; the price pairs with the amount after it
            c = _pair(lex, a, mentions[i + 2], text)
            if c is not None:
                claims.append(c)
                used.update((i, i + 1, i + 2))
    return claims


def _per_article(price: Mention, unit: Mention) -> bool:
    """ "a barrel" right after a money amount: the unit of a price, written with an article."""
    return (price.kind == "money" and unit.kind == "unit" and bool(unit.number_text)
            and unit.number_text.isalpha() and unit.start - price.end <= 2)


__all__ = ["find_claims", "normalize_gap"]
