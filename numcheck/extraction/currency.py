"""Which currency an ambiguous symbol or word stands for ("$", "kr", "kroner", "dollar").

The scanner gives every mention the currencies its written form can mean (one when the
form is explicit: "US$", "C$", "Swedish kronor", "SEK"; a language's own reading when the
language decides: "kr" in Swedish copy). For the rest this module decides, strongest
evidence first:

1. an explicit qualifier: already one candidate, nothing to do;
2. the document's language and region: the region's readings ("en-US": "$" is USD,
   "en-CA": CAD) and the language's ("sv": "kr" is SEK; "nb": NOK; "da": DKK);
3. the caller's ``currency_hints`` ({"$": "CAD"}, {"kr": "NOK"}, or codes lists);
4. the text itself: names of the countries whose money the candidates are ("Canada",
   "Canadian", "Kanada"; from CLDR, in ``generated/<lang>.json`` ``evidence``);
5. the language's fallback reading ("$" in English copy: USD) — unless the text names
   another candidate's country, when the mention keeps both readings and the verdict stage
   reports it ambiguous (or the one verdict every reading gives).
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Mapping, Sequence

from ..errors import InputError
from ..language import Lexicon
from ..model import Mention

Hints = Mapping[str, "str | Sequence[str]"]


def check_hints(hints: object) -> dict[str, tuple[str, ...]]:
    """``currency_hints`` as {surface: codes}; one clear line for anything else."""
    if hints is None:
        return {}
    if not isinstance(hints, Mapping):
        raise InputError(f"currency_hints must be a dict such as {{'$': 'CAD'}}, got {type(hints).__name__}")
    out: dict[str, tuple[str, ...]] = {}
    for k, v in hints.items():
        codes = (v,) if isinstance(v, str) else tuple(v) if isinstance(v, (list, tuple)) else None
        if not isinstance(k, str) or not codes or not all(isinstance(c, str) and re.fullmatch(r"[A-Z]{3}", c) for c in codes):
            raise InputError(f"invalid currency_hints entry {k!r}: {v!r} (expected an ISO 4217 code such as 'CAD' or a list of them)")
        out[k.strip()] = codes
        out.setdefault(k.strip().lower(), codes)
    return out


@functools.lru_cache(maxsize=None)
def _evidence_regex(lang: str) -> tuple[re.Pattern | None, dict[str, tuple[str, ...]]]:
    from ..language import get_lexicon

    lex = get_lexicon(lang)
    owners: dict[str, list[str]] = {}
    for code, words in lex.evidence.items():
        for w in words:
            owners.setdefault(w.lower(), []).append(code)
    if not owners:
        return None, {}
    from .money import _alt  # a trie: one pass over the text, whatever the list's length

    alt = _alt(owners)
    # a word start, any ending: "Kanadas", "kanadensiska", "Canada's"
    return re.compile(rf"(?i)(?<![^\W\d_])(?:{alt})"), {k: tuple(v) for k, v in owners.items()}


def countries_named(text: str, lex: Lexicon) -> list[str]:
    """Currencies whose country the text names, in order of first mention."""
    rx, owners = _evidence_regex(lex.lang)
    if rx is None:
        return []
    seen: dict[str, None] = {}
    for m in rx.finditer(text):
        for code in owners.get(m.group(0).lower(), ()):
            seen.setdefault(code, None)
    return list(seen)


def _lookup(table: Mapping[str, object], surface: str):
    key = surface.strip()
    return table.get(key) if key in table else table.get(key.lower())


def resolve_currencies(mentions: list[Mention], text: str, lex: Lexicon, hints: Hints | None = None) -> list[Mention]:
    hint_table = check_hints(hints)
    named: list[str] | None = None
    out: list[Mention] = []
    for m in mentions:
        if m.kind != "money" or len(m.candidates) <= 1:
            out.append(m)
            continue
        surface = m.unit_text
        cands = m.candidates
        decided: tuple[str, ...] | None = None
        region = _lookup(lex.region_defaults, surface)
        if region:
            decided = (region,)
        elif _lookup(lex.defaults, surface):
            decided = (_lookup(lex.defaults, surface),)
        elif _lookup(hint_table, surface):
            decided = tuple(_lookup(hint_table, surface))
        else:
            if named is None:
                named = countries_named(text, lex)
            evidence = [c for c in named if c in cands]
            fallback = _lookup(lex.fallbacks, surface)
            if fallback:
                others = [c for c in evidence if c != fallback]
                decided = (fallback, *others) if others else (fallback,)
            elif evidence:
                decided = tuple(evidence)
        if decided:
            out.append(replace(m, unit=decided[0], candidates=decided))
        else:
            out.append(m)
    return out


__all__ = ["resolve_currencies", "check_hints", "countries_named"]
