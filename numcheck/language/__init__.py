"""Per-language knowledge, loaded once per language and cached.

A :class:`Language` (also importable under its first name, ``Lexicon``) merges two
sources: ``generated/<lang>.json`` (built from CLDR by ``build.py``: separators, scale
words, currency names, symbols) and ``data/<lang>.toml`` (the small hand-written part:
hedges, pairing cues, number words, default readings of ambiguous symbols). The scanner in
``extraction/money.py`` is language-neutral and compiles its patterns from a Language.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Hedge

from ..tomlfile import read_toml

HERE = Path(__file__).parent


def available_languages() -> list[str]:
    gen = {p.stem for p in (HERE / "generated").glob("*.json")}
    data = {p.stem for p in (HERE / "data").glob("*.toml")}
    return sorted(gen & data)


@dataclass(frozen=True)
class Language:
    """Everything numcheck knows about one language tag, typed: built once (get_lexicon) and
    passed down the stages."""

    lang: str
    decimal: str
    group: str
    scales: dict[str, int]  # scale word → power of ten; short forms keep their case
    names: dict[str, str]  # lower-cased currency name → ISO code ("swedish kronor" → SEK)
    generic: dict[str, tuple[str, ...]]  # lower-cased bare word → candidate codes ("kroner")
    symbols: dict[str, tuple[str, ...]]  # symbol → candidate codes ("$" → USD, CAD, …)
    codes: frozenset[str]  # ISO codes read as currencies when written in capitals
    defaults: dict[str, str]  # surface form → the code it means here when nothing says otherwise
    hedges: dict[str, Hedge]  # lower-cased phrase → direction
    cues_strong: frozenset[str]
    cues_reverse: frozenset[str]
    cues_weak_without_hedge: frozenset[str]
    number_words: dict[str, Any]
    range_between: tuple[str, ...]
    range_joiners: tuple[str, ...]
    region: str = ""  # the region of the language tag ("US" of "en-US"); "" when none
    fallbacks: dict[str, str] = field(default_factory=dict)  # readings used when nothing else decides
    region_defaults: dict[str, str] = field(default_factory=dict)  # readings the tag's region decides
    evidence: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code → words naming its country
    detect_words: frozenset[str] = frozenset()  # function words that say a text is in this language
    detect_letters: str = ""  # letters of its alphabet few others have ("äö", "æø", "ñ")
    links: tuple[str, ...] = ()  # words between a figure and its currency: "d'" in "3 milliards d'euros"
    range_between_only: tuple[str, ...] = ()  # joiners that make a range only after range_between
    range_change_from: tuple[str, ...] = ()  # words that make "X to Y" a change, not a range
    scaled_names: dict[str, tuple[int, str]] = field(default_factory=dict)  # "mdkr" → (9, "SEK")
    either: tuple[str, ...] = ()  # "either 182.50 marks or 149.50 yen": alternatives, not a claim
    per: tuple[str, ...] = ()  # "£2,360 per tonne": a price per unit
    not_nouns: frozenset[str] = frozenset()  # words that never stand as the noun before a cue
    region_separators: dict[str, dict[str, str]] = field(default_factory=dict)  # CLDR: region → decimal, group
    region_readings: dict[str, dict[str, str]] = field(default_factory=dict)  # data: region → surface → code
    # surfaces whose fallback gives way when the text names exactly one other candidate's
    # country and not the fallback's own ("Rs" in a story about Pakistan is PKR)
    yield_to_text: frozenset[str] = frozenset()
    retired_heads: frozenset[str] = frozenset()  # bare words of retired currencies only ("cruzados")
    head_first: bool = False  # the currency noun comes first in names ("dollar canadien")
    # "a grand", "10 grand": words that carry a power of ten and the copy's own money (the
    # currency of the tag's region, CLDR), read only before the end of a clause or one of
    # ``home_followers`` ("a grand jury" stays a word); see get_lexicon
    home_words: dict[str, int] = field(default_factory=dict)
    home_followers: tuple[str, ...] = ()
    home_currencies: tuple[str, ...] = ()  # the region's currency; without a region the likely one first
    # currency words read only right after a figure in digits ("10 rand"), never after a
    # number word: they are everyday words too (Norwegian "rand" is an edge)
    digit_names: frozenset[str] = frozenset()
    # ISO codes kept out of capitals-anywhere because they are words here ("TRY", "MNT"):
    # still read glued to a figure ("10MNT"), where no word stands
    glued_codes: frozenset[str] = frozenset()
    glued_names: dict[str, str] = field(default_factory=dict)  # "egyptianpound": names written as one word
    home_by_region: dict[str, str] = field(default_factory=dict)  # CLDR: region → its currency ("" the likely one)

    def names_of(self, code: str) -> str:
        """The shortest name of ``code`` in this language ("dutch guilder"), or ""."""
        forms = [k for k, v in self.names.items() if v == code]
        return min(forms, key=len) if forms else ""

    def unit_scale(self, surface: str) -> int:
        """The power of ten a currency word carries itself: "mdkr" 9, "MUSD" 6, else 0."""
        key = surface.strip()
        if key.lower() in self.scaled_names:
            return self.scaled_names[key.lower()][0]
        if len(key) == 4 and key[0] == "M" and key[1:] in self.codes:
            return 6
        return 0

    def surface_key(self, surface: str) -> str | None:
        """The key under which a written currency appears in defaults/fallbacks/hints."""
        key = surface.strip()
        for table in (self.region_defaults, self.defaults, self.fallbacks):
            if key in table:
                return key
            if key.lower() in table:
                return key.lower()
        return None

    def currency_candidates(self, surface: str) -> tuple[str, ...]:
        """The ISO codes a written currency (symbol, code or word) can stand for here.

        One code when the surface is unambiguous or the language has a default reading for
        it ("$" in English copy is USD); several when nothing decides ("kroner": DKK, NOK).
        """
        key = surface.strip()
        low = key.lower()
        if key in self.home_words:
            return self.home_currencies
        if low in self.scaled_names:
            return (self.scaled_names[low][1],)
        if len(key) == 4 and key[0] == "M" and key[1:] in self.codes:
            return (key[1:],)  # "MUSD", "MSEK": millions of the code
        if key in self.codes and key.isupper():
            return (key,)
        if key in self.glued_codes:
            return (key,)
        if key.islower() and key.upper() in self.codes and key.upper() in lowercase_codes():
            return (key.upper(),)  # "3 gbp": only where the scanner reads it, right after a figure
        if low in self.names:
            return (self.names[low],)
        if low in self.glued_names:
            return (self.glued_names[low],)
        if key.endswith("$") and key[:-1].upper() in self.codes:
            return (key[:-1].upper(),)  # "CAD$", "aud$"
        if key.startswith("$") and key[1:].strip(" \u00a0\u202f") in self.codes:
            return (key[1:].strip(" \u00a0\u202f"),)  # "$CAD", "$ CAD"
        cands: tuple[str, ...] = self.symbols.get(key, ()) or self.generic.get(low, ())
        default = self.defaults.get(key) or self.defaults.get(low)
        if default:
            return (default,)
        fallback = self.fallbacks.get(key) or self.fallbacks.get(low)
        if fallback and not cands:
            # a word CLDR does not list ("dollars" in Dutch): the family of its fallback's
            # bare word, so that the text can still point to another member ("Canada")
            cands = next((fam for fam in self.generic.values() if fallback in fam and len(fam) > 1), ())
        if fallback and fallback not in cands:
            # a word CLDR does not list for the fallback's currency ("Dollar" in German
            # lists AUD, CAD, … but not USD, whose German name is "US-Dollar")
            cands = (fallback,) + cands
        return cands


def _load_toml(path: Path) -> dict[str, Any]:
    return read_toml(path, "language data")


#: Language codes read with another language's data: Norwegian ("no") and Nynorsk ("nn")
#: copy is read with the Bokmål lexicon (same currency words, numbers and scale words).
ALIASES = {"no": "nb", "nn": "nb"}


@functools.lru_cache(maxsize=1)
def _legacy_codes() -> frozenset[str]:
    """ISO codes of the legacy euro currencies ("FRF 1 million", "HRK 500"): numcheck
    converts them at their fixed rates (conversion/rates/data/euro_legacy.toml), so it reads them too."""
    path = HERE.parent / "conversion" / "rates" / "data" / "euro_legacy.toml"
    try:
        return frozenset(_load_toml(path))
    except OSError:  # pragma: no cover - a broken install: no legacy codes, nothing else lost
        return frozenset()


@functools.lru_cache(maxsize=1)
def lowercase_codes() -> frozenset[str]:
    """ISO codes read in lower case right after a figure ("3 gbp"): those that are no word of
    any supported language (lowercase_codes.toml, made by tools/lowercase_codes.py from the
    languages' Hunspell dictionaries; "try", "top", "ron", "nok" are words and left out)."""
    try:
        return frozenset(_load_toml(HERE / "lowercase_codes.toml").get("codes", ()))
    except OSError:  # pragma: no cover - a broken install: capitals only, nothing else lost
        return frozenset()


def normalize_lang(lang: str | None) -> str:
    """'en-US' → 'en', 'sv_SE' → 'sv', 'no' → 'nb'. The region is read by :func:`lang_region`."""
    if not lang:
        return "en"
    if not isinstance(lang, str):
        raise InputError(f"language must be a tag such as 'en' or 'sv-SE', not {type(lang).__name__} {lang!r}")
    base = re.split(r"[-_]", lang.strip())[0].lower()
    return ALIASES.get(base, base)


def lang_region(lang: str | None) -> str:
    """'en-US' → 'US', 'de_CH' → 'CH', 'sv' → ''."""
    if not lang or not isinstance(lang, str):
        return ""
    for part in re.split(r"[-_]", lang.strip())[1:]:
        if len(part) == 2 and part.isalpha():
            return part.upper()
    return ""


def _merge_evidence(generated: dict[str, list[str]], extra: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """CLDR's country words plus the spellings desks use that CLDR lacks ("canadiske")."""
    out = {k: list(v) for k, v in generated.items()}
    for code, words in extra.items():
        out.setdefault(code, [])
        out[code].extend(w.lower() for w in words if w.lower() not in out[code])
    return {k: tuple(v) for k, v in out.items()}


def _retired_heads(lang: str, names: dict[str, str], generic: dict[str, list[str]]) -> dict[str, list[str]]:
    """Bare words of retired currencies CLDR names ("cruzados", "Franc" in German): read as
    money with the retired codes as candidates, but kept only where the article's date says
    one of them was tender (extraction.currency.resolve_eras drops them otherwise, and without
    a date). A word that is also a current currency's ("koruna") stays with today's currency."""
    path = HERE / "generated" / "eras.json"
    if not path.exists():  # pragma: no cover - a broken install: today's currencies only
        return {}
    heads = json.loads(path.read_text(encoding="utf-8"))["langs"].get(lang, {}).get("heads", {})
    return {h: codes for h, codes in heads.items() if h not in names and h not in generic}


def _merge_generic(generated: dict[str, list[str]], extra: dict[str, list[str]], not_currency: set[str]) -> dict[str, tuple[str, ...]]:
    """CLDR's bare currency words plus the desk words CLDR lacks, each naming the whole
    family it can stand for ("crowns": SEK, NOK, DKK, ISK; "CFA francs": XOF, XAF), so the
    text (a country, a demonym) or the caller decides and nothing is read silently."""
    out = {k: tuple(v) for k, v in generated.items() if k not in not_currency}
    for word, codes in extra.items():
        out[word.lower()] = tuple(dict.fromkeys([*out.get(word.lower(), ()), *codes]))
    return out


def canonical_tag(lang: str | None) -> str:
    """'EN_us' → 'en-US', 'no' → 'nb': one spelling per lexicon, for caching."""
    base, region = normalize_lang(lang), lang_region(lang)
    return f"{base}-{region}" if region else base


def _expand_cues(words: list[str]) -> set[str]:
    """A word cue is written on its own, after a comma, in parentheses or after a dash:
    "motsvarande", ", motsvarande", "(motsvarande", "– motsvarande"."""
    out: set[str] = set()
    for w in words:
        w = w.lower()
        out |= {w, f", {w}", f"({w}", f"– {w}", f", {w},", f"; {w}"}
    return out


@functools.lru_cache(maxsize=None)
def get_lexicon(lang: str = "en") -> Language:
    """The lexicon of ``lang`` (a tag like "en", "en-US", "de-CH", "sv"); built once per
    process and tag. A region overrides the separators ("de-CH": "1’234.50") and the
    readings its desks give ambiguous symbols ("en-CA": "$" is CAD)."""
    base = normalize_lang(lang)
    region = lang_region(lang)
    lex = _base_lexicon(base)
    if not region:
        return lex
    from dataclasses import replace

    sep = lex.region_separators.get(region, {})
    region_defaults = dict(lex.region_readings.get(region, {}))
    home = lex.home_by_region.get(region)
    if home and lex.home_words:
        # "10 grand" in en-AU copy is 10,000 AUD: the region's own money, one reading
        lex = replace(lex, home_currencies=(home,),
                      scaled_names={**lex.scaled_names, **{w: (p, home) for w, p in lex.home_words.items()}})
    return replace(
        lex,
        decimal=sep.get("decimal", lex.decimal),
        group=sep.get("group", lex.group),
        region=region,
        region_defaults=region_defaults,
    )


#: The sections of a language's data file and, for the tables whose keys are fixed, those
#: keys: a misspelt section or key is an error naming the file, never silently ignored.
SECTIONS: dict[str, frozenset[str] | None] = {
    "scales": None, "defaults": None, "names": None, "symbols": None, "fallbacks": None,
    "scaled_names": None, "not_currency": None, "evidence": None, "digit_names": None,
    "home_names": frozenset({"words", "followed_by"}),
    "generic": None,  # desk word → every currency it can stand for ("crowns")
    "regions": None,  # region → surface → code; region tags checked below
    "hedges": frozenset(h.value for h in Hedge),
    "cues": frozenset({"strong", "strong_words", "reverse", "weak_without_hedge", "either", "per", "not_nouns"}),
    "ranges": frozenset({"between", "between_only", "joiners", "change_from"}),
    "codes": frozenset({"include", "exclude"}),
    "detect": frozenset({"words", "letters"}),
    "build": frozenset({"head_first"}),
    "numbers": frozenset({
        "units", "tens", "hundred", "multipliers", "half", "quarter", "and_a_half", "compound",
        "infix", "joiners", "links", "subunits", "subunit_joiners", "extra_decimals",
        "extra_groups", "text2num", "title_case_is_name", "not_before_figure", "decimal_words",
    }),
}


def _validate(data: dict[str, Any], path: Path) -> None:
    """Unknown sections and keys are errors ("cues.stong" would otherwise be ignored)."""
    for section, value in data.items():
        if section not in SECTIONS:
            raise InputError(f"{path}: unknown section [{section}] (known: {', '.join(sorted(SECTIONS))})")
        keys = SECTIONS[section]
        if keys is not None:
            if not isinstance(value, dict):
                raise InputError(f"{path}: [{section}] must be a table")
            for key in value:
                if key not in keys:
                    raise InputError(f"{path}: unknown key {section}.{key} (known: {', '.join(sorted(keys))})")
    digit = data.get("digit_names", {})
    home_words = data.get("home_names", {}).get("words", {})
    for name, table, example in (("digit_names", digit, '{ rand = "ZAR" }'), ("home_names.words", home_words, "{ grand = 3 }")):
        if not isinstance(table, dict):
            raise InputError(f"{path}: {name} must be a table, as {name} = {example}")
    for word, code in digit.items():
        if not (isinstance(code, str) and re.fullmatch(r"[A-Z]{3}", code)):
            raise InputError(f"{path}: digit_names.{word} must be an ISO code (rand = \"ZAR\"), not {code!r}")
    for word, power in home_words.items():
        if isinstance(power, bool) or not isinstance(power, int):
            raise InputError(f"{path}: home_names.words.{word} must be a power of ten (grand = 3), not {power!r}")
    for region in data.get("regions", {}):
        if not (len(region) == 2 and region.isalpha() and region.isupper()):
            raise InputError(f"{path}: [regions.{region}]: a region is two capital letters (CH, US)")


@functools.lru_cache(maxsize=None)
def _base_lexicon(base: str) -> Language:
    lang = base
    gen_path = HERE / "generated" / f"{base}.json"
    data_path = HERE / "data" / f"{base}.toml"
    # the tag is looked up among the shipped languages, never used as a path as it is:
    # "../../some/dir/lex" would load files from outside the package (issue 18)
    if base not in available_languages():
        known = ", ".join(available_languages())
        raise InputError(f"unsupported language {lang!r} (supported: {known})")
    gen = json.loads(gen_path.read_text(encoding="utf-8"))
    data = _load_toml(data_path)
    _validate(data, data_path)

    scales = dict(gen["scales"])
    scales.update(data.get("scales", {}))

    # Currency words that are everyday words of the language ("som" in Swedish, "or" in
    # French, "nuevos" in Spanish): never read as currencies here.
    not_currency = {w.lower() for w in data.get("not_currency", [])}
    names = {k: v for k, v in gen["names"].items() if k not in not_currency}
    names.update({k.lower(): v for k, v in data.get("names", {}).items()})
    # "egyptianpound", "Saudiriyal": a country word and its currency written as one word
    glued = {k.replace(" ", ""): v for k, v in names.items() if " " in k}
    glued = {k: v for k, v in glued.items() if k not in names and k not in not_currency}

    symbols = {k: tuple(v) for k, v in gen["symbols"].items()}
    for sym, code in data.get("symbols", {}).items():
        symbols[sym] = (code,) if isinstance(code, str) else tuple(code)

    excluded = set(data.get("codes", {}).get("exclude", ()))
    codes = frozenset(c for c in gen["active"] if c not in excluded) | _legacy_codes() | frozenset(
        data.get("codes", {}).get("include", ())
    )

    hedges: dict[str, Hedge] = {}
    for direction, phrases in data.get("hedges", {}).items():
        for p in phrases:
            hedges[p.lower()] = Hedge(direction)

    cues = data.get("cues", {})
    ranges = data.get("ranges", {})
    strong = set(cues.get("strong", ())) | _expand_cues(cues.get("strong_words", []))
    retired = _retired_heads(base, names, gen["generic"])
    fallbacks = data.get("fallbacks", {})
    yield_to_text = set(fallbacks.get("yield_to_text", ()))
    fallbacks = {k: v for k, v in fallbacks.items() if isinstance(v, str)}
    scaled_names = {k.lower(): (int(v[0]), str(v[1])) for k, v in data.get("scaled_names", {}).items()}
    digit_names = {k.lower(): v for k, v in data.get("digit_names", {}).items()}
    names.update(digit_names)
    home = data.get("home_names", {})
    home_words = {str(k): int(v) for k, v in home.get("words", {}).items()}
    home_by_region = dict(gen.get("home", {}))
    home_currencies: tuple[str, ...] = ()
    if home_words and home_by_region.get(""):
        # without a region: the likely region's money ("en": USD), which gives way to the
        # text as "$" does ("10 grand" in a story naming Britain only is GBP), the other
        # readings being the money of the regions this language's data knows ([regions])
        likely = home_by_region[""]
        others = [home_by_region[r] for r in sorted(data.get("regions", {})) if r in home_by_region]
        home_currencies = tuple(dict.fromkeys([likely, *others]))
        for w, p in home_words.items():
            scaled_names[w] = (p, likely)
            fallbacks.setdefault(w, likely)
            yield_to_text.add(w)
    return Language(
        lang=base,
        decimal=gen["decimal"],
        group=gen["group"],
        scales=scales,
        names=names,
        generic=_merge_generic(gen["generic"], {**retired, **data.get("generic", {})}, not_currency),
        symbols=symbols,
        codes=codes,
        defaults=dict(data.get("defaults", {})),
        hedges=hedges,
        cues_strong=frozenset(strong),
        cues_reverse=frozenset(cues.get("reverse", ())),
        cues_weak_without_hedge=frozenset(cues.get("weak_without_hedge", ())),
        number_words=data.get("numbers", {}),
        range_between=tuple(ranges.get("between", ())),
        range_joiners=tuple(ranges.get("joiners", ())),
        either=tuple(w.lower() for w in cues.get("either", ())),
        per=tuple(w.lower() for w in cues.get("per", ())),
        not_nouns=frozenset(w.lower() for w in cues.get("not_nouns", ())),
        region_separators=gen.get("regions", {}),
        region_readings=data.get("regions", {}),
        fallbacks=fallbacks,
        yield_to_text=frozenset(yield_to_text),
        retired_heads=frozenset(retired),
        head_first=bool(data.get("build", {}).get("head_first", False)),
        evidence=_merge_evidence(gen.get("evidence", {}), data.get("evidence", {})),
        detect_words=frozenset(w.lower() for w in data.get("detect", {}).get("words", ())),
        detect_letters=str(data.get("detect", {}).get("letters", "")),
        links=tuple(data.get("numbers", {}).get("links", ())),
        range_between_only=tuple(ranges.get("between_only", ())),
        range_change_from=tuple(ranges.get("change_from", ())),
        scaled_names=scaled_names,
        home_words=home_words,
        home_followers=tuple(w.lower() for w in home.get("followed_by", ())),
        home_currencies=home_currencies,
        home_by_region=home_by_region,
        glued_names=glued,
        glued_codes=frozenset(c for c in excluded if c in gen["active"]),
        digit_names=frozenset(digit_names),
    )


#: The first name of :class:`Language`, kept: ``from numcheck.language import Lexicon`` works.
Lexicon = Language

#: ``get_language("de-CH")`` reads as what it returns; the same cached function as get_lexicon.
get_language = get_lexicon

__all__ = ["Language", "Lexicon", "get_language", "get_lexicon", "available_languages", "normalize_lang", "lang_region", "canonical_tag"]
