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
from .candidates import lowered

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
    # a word start, any ending: "Kanadas", "kanadensiska", "Canada's"; lower-case words on
    # the lower-cased text (twice as fast as a case-blind pattern on the text)
    return re.compile(rf"(?<![^\W\d_])(?:{alt})"), {k: tuple(v) for k, v in owners.items()}


def countries_named(text: str, lex: Lexicon) -> list[str]:
    """Currencies whose country the text names, in order of first mention."""
    return list(_countries_named(text, lex.lang))


@functools.lru_cache(maxsize=4)
def _countries_named(text: str, lang: str) -> tuple[str, ...]:
    # cached: the currency and the era stages of one check both ask, on the same text
    rx, owners = _evidence_regex(lang)
    if rx is None:
        return ()
    seen: dict[str, None] = {}
    for m in rx.finditer(lowered(text)):
        for code in owners.get(m.group(0), ()):
            seen.setdefault(code, None)
    return tuple(seen)


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
                if len(others) == 1 and fallback not in evidence and lex.surface_key(surface) in lex.yield_to_text:
                    decided = (others[0],)  # "Rs" in a story naming Pakistan only: PKR
                else:
                    decided = (fallback, *others) if others else (fallback,)
            elif evidence:
                decided = tuple(evidence)
        if decided:
            out.append(replace(m, unit=decided[0], candidates=decided))
        else:
            out.append(m)
    return out


@functools.lru_cache(maxsize=1)
def _eras() -> dict:
    """generated/eras.json: when each currency was tender (from CLDR, see language/build.py)."""
    import json
    from pathlib import Path

    path = Path(__file__).parent.parent / "language" / "generated" / "eras.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError:  # pragma: no cover - a broken install: no eras, every reading as today
        return {"since": {}, "retired": {}, "langs": {}}


@functools.lru_cache(maxsize=None)
def _territory_regex(lang: str) -> tuple[re.Pattern | None, dict[str, tuple[str, ...]]]:
    owners: dict[str, list[str]] = {}
    for terr, words in _eras()["langs"].get(lang, {}).get("territories", {}).items():
        for w in words:
            owners.setdefault(w.lower(), []).append(terr)
    if not owners:
        return None, {}
    from .money import _alt

    # lower-case words on the lower-cased text, as in _evidence_regex
    return re.compile(rf"(?<![^\W\d_])(?:{_alt(owners)})"), {k: tuple(dict.fromkeys(v)) for k, v in owners.items()}


def territories_named(text: str, lang: str) -> set[str]:
    """Territories (ISO 3166 codes) the text names by CLDR's names, and retired currencies it
    names by their own qualifier ("French" → FRF)."""
    rx, owners = _territory_regex(lang)
    if rx is None:
        return set()
    return {t for m in rx.finditer(lowered(text)) for t in owners.get(m.group(0), ())}


def resolve_eras(mentions: list[Mention], text: str, lex: Lexicon, day: "date | None") -> list[Mention]:
    """Read a shared currency word as the currency of the article's day and country.

    "francs" in a 1995 story naming France are French francs (FRF), "marks" in 1990 naming
    Germany Deutsche Mark, "cruzados" in a 1987 story about Brazil BRC; a currency that did
    not exist yet on the day is no reading ("guilders" in 1987 are not the Caribbean guilder
    of 2025). A qualified name ("Swiss francs") is never overridden; when the text also
    names the country of today's reading, both readings stay and the verdict says so.
    Without a date nothing changes. Retired currencies then convert at the euro's fixed
    rates or are judged unverifiable, with the reason (see rates/eras.py)."""
    retired_words = lex.retired_heads
    if day is None:
        return _undated_eras(mentions, text, lex)
    from datetime import date as Date

    from ..model import ArticleYear

    eras = _eras()
    heads = eras["langs"].get(lex.lang, {}).get("heads", {})
    first, last = (day, Date(day.year, 12, 31)) if isinstance(day, ArticleYear) else (day, day)
    forms = _retired_forms(lex)
    named: set[str] | None = None
    out: list[Mention] = []
    for m in mentions:
        surface = (m.unit_text or "").strip().lower()
        if m.kind != "money" or not surface:
            out.append(m)
            continue
        retired = _retired_of(surface, lex, heads, forms)
        cands = tuple(c for c in m.candidates if _tender(eras, c, first, last))
        own = _qualifier_era(m, text, lex, heads, eras, first, last)
        if own:  # "277 Zimbabwean dlrs" in 1987: the qualifier's dollar of that day (ZWD)
            out.append(replace(m, unit=own[0], candidates=own))
            continue
        if not retired and cands == m.candidates:
            out.append(m)
            continue
        options: list[str] = []
        earlier: list[str] = []  # the named country's currency of that name, retired by the day
        if retired:
            if named is None:
                named = territories_named(text, lex.lang)
            options, earlier = _retired_here(eras, retired, named, lex, first, last)
        if not options and not earlier and retired and cands:
            # no country at all: "francs" in 2000 English copy may be Swiss, French or
            # Belgian. Every reading tender that day stays, unless the text names today's.
            if not set(cands) & set(countries_named(text, lex)):
                # only readings a rate can check (the euro's legacy currencies): a Zimbabwe
                # dollar among "dollars" would change nothing but the list
                from ..language import _legacy_codes

                then = [code for code in retired if code in _legacy_codes() and _tender(eras, code, first, last)]
                if _home_currency(lex, eras, first) in cands:
                    then = []  # "kronor" in Swedish copy are the copy's own kronor (SEK), not EEK
                if then:
                    new = (*cands, *dict.fromkeys(c for c in then if c not in cands))
                    if new != m.candidates:
                        m = replace(m, unit=new[0], candidates=new)
                    out.append(m)
                    continue
        if not options and earlier and cands:
            # "France paid 10 billion francs" in 2010: a sum from the franc's day, or Swiss
            # francs? Both readings stay; the verdict is ambiguous unless they agree.
            new = (*cands, *dict.fromkeys(c for c in earlier if c not in cands))
        elif options:
            today = set(countries_named(text, lex))
            new = (*options, *(c for c in cands if c in today and c not in options))
        elif cands:
            new = cands
        else:  # nothing of today existed then: every retired reading of the word on that day
            new = tuple(dict.fromkeys(
                code for code in retired for _, start, end in eras["retired"].get(code, ())
                if _in_force(start, end, first, last)))
        if not new and surface in retired_words:
            continue  # "Schilling" in 2024: no currency of that name was tender
        if new and new != m.candidates:
            m = replace(m, unit=new[0], candidates=new)
        out.append(m)
    return out


def _retired_of(surface: str, lex: Lexicon, heads: dict, forms: dict) -> tuple[str, ...]:
    """The retired currencies a currency word may name ("francs" → FRF, BEF, …); none for a
    qualified name ("Swiss francs", "francs CFA"), which says which one it is."""
    parts = surface.split()
    head = parts[0] if lex.head_first else parts[-1]
    if len(parts) > 1 and (surface in lex.names or surface in lex.generic):
        return ()
    return tuple(heads.get(surface, ()) or heads.get(head, ()) or forms.get(surface, ()) or forms.get(head, ()))


def _undated_eras(mentions: list[Mention], text: str, lex: Lexicon) -> list[Mention]:
    """``resolve_eras`` without a date: the copy may be from any day.

    A qualifier naming a country whose dollar CLDR reads as today's US dollar ("Zimbabwean
    dlrs") is that country's dollars of any day, never silently USD. A word a replaced euro
    currency shared ("francs", "Mark", "pesetas") keeps today's readings and gains the
    replaced currency of the country the text names, else of the copy's own country: undated
    French copy with "50 millions de francs (environ 7,6 millions d'euros)" is checked at the
    franc's fixed euro rate as well as as Swiss francs, so the verdict is ambiguous rather than
    a false alarm on CHF. Only the euro's legacy currencies are added: their euro rate holds
    on any day, and against other currencies the undated claim is unverifiable (rates/eras.py).
    Any other retired word with no date to place it ("10 Milliarden Schilling" is a legacy
    currency, "cruzados" is not) is not read."""
    from datetime import date as Date

    from ..language import _legacy_codes

    eras = _eras()
    heads = eras["langs"].get(lex.lang, {}).get("heads", {})
    forms = _retired_forms(lex)
    legacy = _legacy_codes()
    retired_words = lex.retired_heads
    named: set[str] | None = None
    out: list[Mention] = []
    for m in mentions:
        surface = (m.unit_text or "").strip().lower()
        if m.kind != "money" or not surface:
            out.append(m)
            continue
        own = _qualifier_era(m, text, lex, heads, eras, Date.min, Date.max)
        if own:
            out.append(replace(m, unit=own[0], candidates=own))
            continue
        retired = tuple(c for c in _retired_of(surface, lex, heads, forms) if c in legacy)
        added: list[str] = []
        if retired:
            if named is None:
                named = territories_named(text, lex.lang)
            options, earlier = _retired_here(eras, retired, named, lex, Date.min, Date.max)
            added = list(dict.fromkeys(c for c in (*options, *earlier) if c in legacy))
        today = () if surface in retired_words else m.candidates
        if not added:
            if surface not in retired_words:
                out.append(m)
            continue
        new = (*today, *(c for c in added if c not in today))
        out.append(m if new == m.candidates else replace(m, unit=new[0], candidates=new))
    return out


@functools.lru_cache(maxsize=None)
def _retired_forms_of(lang: str) -> dict[str, tuple[str, ...]]:
    from ..language import get_lexicon

    lex = get_lexicon(lang)
    heads = _eras()["langs"].get(lang, {}).get("heads", {})
    by_family: dict[tuple[str, ...], list[str]] = {}
    for word, fam in lex.generic.items():
        by_family.setdefault(tuple(sorted(fam)), []).append(word)
    out: dict[str, tuple[str, ...]] = {}
    for head, codes in heads.items():
        fam = lex.generic.get(head)
        if not fam:
            continue
        for word in by_family.get(tuple(sorted(fam)), ()):
            if word not in heads:
                out[word] = tuple(dict.fromkeys([*out.get(word, ()), *codes]))
    return out


def _retired_forms(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """Other forms of a retired currency's word: CLDR names the French franc "franco" in
    Italian, copy writes "franchi". Two words standing for the same set of today's
    currencies (CLDR's "franco" and "franchi": CHF, XOF, …) are forms of one word."""
    return _retired_forms_of(lex.lang)


def _qualifier_era(m: Mention, text: str, lex: Lexicon, heads: dict, eras: dict, first: "date", last: "date") -> tuple[str, ...]:
    """The retired currency a qualifier inside the mention names on its day: "Zimbabwean dlrs"
    in 1987 are ZWD, though CLDR reads Zimbabwe's money today as US dollars. Only currencies
    whose word belongs to the mention's own family (a dollar for "dlrs")."""
    inner = text[m.number_start:m.end]
    found = territories_named(inner, lex.lang)
    if not found:
        return ()
    family = {c for c in m.candidates} | {c for fam in lex.generic.values() if set(m.candidates) & set(fam) for c in fam}
    out: list[str] = []
    for head, codes in heads.items():
        if not set(lex.generic.get(head, ())) & family:
            continue
        for code in codes:
            for terr, start, end in eras["retired"].get(code, ()):
                if (terr in found or code in found) and _in_force(start, end, first, last) and code not in out:
                    out.append(code)
    return tuple(out)


@functools.lru_cache(maxsize=None)  # the eras table's few hundred ISO days, parsed once
def date_of(s: str) -> "date":
    from datetime import date as Date

    return Date.fromisoformat(s)


def _tender(eras: dict, code: str, first: "date", last: "date") -> bool:
    """Was ``code`` tender somewhere on some day between ``first`` and ``last``? Codes
    CLDR has no history for (and the euro's fixed-rate legacy currencies when named
    outright: "French francs" in 2010 still convert at the fixed rate) count as tender."""
    since = eras.get("since", {}).get(code)
    if since is not None:
        return date_of(since) <= last
    rows = eras.get("retired", {}).get(code)
    if not rows:
        return True
    return any(_in_force(s, e, first, last) for _, s, e in rows)


def _home_currency(lex: Lexicon, eras: dict, day: "date") -> str | None:
    """The currency of the copy's own country on `day` (the tag's region, else the language's
    home): a bare shared word that reads as it ("kronor" in Swedish, "kroner" in Danish or
    Norwegian copy) is the copy's own money; another country's legacy currency of that name
    (EEK) is read only when the text names that country. A word that reads as a foreign
    currency ("franchi" in Italian, "pounds" in US English) keeps every reading of the day."""
    home = lex.region or eras["langs"].get(lex.lang, {}).get("home", "")
    if not home:
        return None
    from babel.numbers import get_territory_currencies

    found = get_territory_currencies(home, day, tender=True)
    return found[0] if found else None


def _in_force(start: str | None, end: str, first: "date", last: "date") -> bool:
    """Was a currency whose tender ran from ``start`` (None: always) to ``end`` (ISO days)
    tender on some day between ``first`` and ``last``?"""
    return (start is None or date_of(start) <= last) and first <= date_of(end)


def _retired_here(eras: dict, retired, named: set[str], lex: Lexicon, first: "date", last: "date") -> tuple[list[str], list[str]]:
    """``_retired_readings`` of the countries the text names; when it names none of them, of
    the copy's own country (the tag's region, else the language's home): "francs" in 2010
    French copy may still be a sum from the franc's day."""
    options, earlier = _retired_readings(eras, retired, lambda terr, code: terr in named or code in named, first, last)
    if not options and not earlier:
        home = lex.region or eras["langs"].get(lex.lang, {}).get("home", "")
        options, earlier = _retired_readings(eras, retired, lambda terr, code: terr == home, first, last)
    return options, earlier


def _retired_readings(eras: dict, retired, accept, first: "date", last: "date") -> tuple[list[str], list[str]]:
    """The retired currencies of ``retired`` whose territory ``accept(terr, code)`` takes:
    those tender between ``first`` and ``last``, and those already gone before ``first``."""
    options: list[str] = []
    earlier: list[str] = []
    for code in retired:
        for terr, start, end in eras["retired"].get(code, ()):
            if not accept(terr, code):
                continue
            if _in_force(start, end, first, last):
                options.append(code)
            elif date_of(end) < first:
                earlier.append(code)
    return list(dict.fromkeys(options)), earlier


__all__ = ["resolve_currencies", "resolve_eras", "territories_named", "check_hints", "countries_named"]
