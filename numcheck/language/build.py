"""Generate the per-language lexicons in ``generated/`` from CLDR, through babel.

Run ``python -m numcheck.language.build`` (old name: ``numcheck.lexicon.build``) after
upgrading babel and its pin in pyproject's ``test`` extra; the test suite checks that
the shipped files equal what this produces, so they cannot drift apart silently. At run
time numcheck reads the JSON only: importing babel and walking CLDR costs more than a
whole check of an article, and the answer never changes between calls.

What comes from CLDR here: decimal and group separators, the scale words of the compact
decimal formats ("0 million", "0M", "0 md", "0 Mrd."), currency display names in every
plural form, and currency symbols as the language's locales write them. Hand-written
knowledge (hedges, pairing cues, number words, which "$" a desk means) lives in
``data/<lang>.toml``.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

#: Languages shipped. Each needs a ``data/<lang>.toml`` as well.
LANGUAGES = ["en", "sv", "nb", "da", "fi", "de", "fr", "es", "nl", "it", "pt"]

#: Currencies in use are taken as of this day, so the output does not depend on when the
#: generator runs.
AS_OF = date(2026, 1, 1)

OUT = Path(__file__).parent / "generated"

#: Precious metals and accounting units: ISO codes, but not money a desk converts ("5 gold
#: medals" must not read as 5 XAU).
NOT_MONEY = {"XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA", "XTS",
             "XXX", "XRE", "XFO", "XFU", "XEU"}

#: Letter symbols that are also everyday words in some language ("Le" in French, "D", …);
#: kept out so ordinary prose is not read as money.
SYMBOL_WORDS = {"le", "ar", "br", "ft", "so"}


def _plain(x):
    """LocaleDataDict → dict, recursively."""
    try:
        return {k: _plain(v) for k, v in x.items()}
    except AttributeError:
        return x


def native_symbols(active: set[str]) -> dict[str, str]:
    """Each currency's symbol as its own country writes it ("zł", "Kč", "₽", "₴", "лв."),
    kept when it is not plain ASCII and names one currency only: a price in any language's
    copy can carry it ("45,00 zł"), and nothing else is spelt so."""
    from babel import Locale
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    owners: dict[str, set[str]] = {}
    territory_languages = get_global("territory_languages")
    for terr in get_global("territory_currencies"):
        cur = get_territory_currencies(terr, AS_OF, tender=True)
        if not cur or cur[0] not in active:
            continue
        langs = territory_languages.get(terr, {})
        official = [lg for lg, info in langs.items() if info.get("official_status")] or list(langs)
        for lg in official[:2]:
            try:
                loc = Locale.parse(f"{lg}_{terr}")
            except Exception:  # no such locale in CLDR
                continue
            sym = (loc.currency_symbols.get(cur[0]) or "").replace("\u200f", "").replace("\u200b", "").strip()
            if sym and sym != cur[0] and not sym.isascii():
                owners.setdefault(sym, set()).add(cur[0])
    return {sym: next(iter(codes)) for sym, codes in sorted(owners.items()) if len(codes) == 1}


def build_options(lang: str) -> dict:
    """The ``[build]`` table of ``data/<lang>.toml``: how to read CLDR's names in this
    language (``head_first``: the currency noun comes first, "dollar canadien")."""
    path = Path(__file__).parent / "data" / f"{lang}.toml"
    if not path.exists():
        return {}
    try:
        import tomllib
    except ModuleNotFoundError:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    with path.open("rb") as f:
        return tomllib.load(f).get("build", {})


def active_currencies() -> set[str]:
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    out: set[str] = set()
    for territory in get_global("territory_currencies"):
        out |= set(get_territory_currencies(territory, AS_OF, tender=True))
    return out


def scale_words(locale) -> dict[str, int]:
    """Scale word → power of ten, from the compact decimal formats ("0 million" → 6)."""
    out: dict[str, int] = {}
    formats = _plain(locale.compact_decimal_formats)
    for width in ("long", "short"):
        for _plural, table in formats.get(width, {}).items():
            for magnitude, pattern in table.items():
                text = pattern.pattern if hasattr(pattern, "pattern") else str(pattern)
                zeros = text.count("0")
                # CLDR quotes literal characters: "0 Mrd'.'" is "Mrd." (the dot belongs to
                # the abbreviation and is written in copy: "1,5 Mrd. Euro").
                text = re.sub(r"'([^']*)'", lambda q: q.group(1) or "'", text)
                word = re.sub(r"[0#]+", " ", text).strip(" \u00a0\u202f")
                word = re.sub(r"[\u00a0\u202f ]+", " ", word)
                if not word or zeros == 0:
                    continue
                power = len(magnitude) - 1 - (zeros - 1)
                if width == "long":
                    word = word.lower()
                out.setdefault(word, power)
    return dict(sorted(out.items()))


def build(lang: str) -> dict:
    import babel
    from babel import Locale
    from babel.localedata import locale_identifiers

    loc = Locale.parse(lang)
    head_first = bool(build_options(lang).get("head_first", False))
    active = active_currencies()
    symbols_latn = _plain(loc.number_symbols).get("latn", {})

    names: dict[str, str] = {}
    generic: dict[str, set[str]] = {}
    display = _plain(loc._data["currency_names"])
    plurals = _plain(loc._data["currency_names_plural"])
    for code, name in display.items():
        if code in NOT_MONEY:
            continue
        forms = {name} | set(plurals.get(code, {}).values())
        for form in forms:
            key = form.lower().strip()
            if not key or "(" in key:
                continue  # "Belgian franc (convertible)": historic accounting units
            names.setdefault(key, code)
            # The bare currency word is the last word ("Canadian dollar") or, in languages
            # that put the noun first ("dollar canadien", "dólar canadiense"), the first.
            words = key.split()
            head = words[0] if head_first else words[-1]
            if code in active and head != key:
                generic.setdefault(head, set()).add(code)

    symbols: dict[str, set[str]] = {}
    variants = [lang] + sorted(i for i in locale_identifiers() if i.startswith(lang + "_"))
    for ident in variants:
        try:
            v = Locale.parse(ident)
        except Exception:  # pragma: no cover - defensive: a broken locale file
            continue
        for code, sym in _plain(v.currency_symbols).items():
            if code not in active or not sym or sym == code:
                continue
            if len(sym) == 1 and sym.isascii() and sym.isalpha():
                continue  # "K", "R", "P": in prose these are initials and scale letters
            if sym.isascii() and sym.isalpha() and sym.lower() in SYMBOL_WORDS:
                continue
            symbols.setdefault(sym, set()).add(code)

    for sym, code in native_symbols(active).items():
        if sym not in symbols:
            symbols[sym] = {code}

    regions: dict[str, dict[str, str]] = {}
    base_sep = (symbols_latn.get("decimal", "."), symbols_latn.get("group", ","))
    for ident in variants[1:]:
        parts = ident.split("_")
        if len(parts) != 2 or not parts[1].isalpha() or not parts[1].isupper():
            continue  # scripts and variants ("sr_Latn"): not a region
        try:
            sl = _plain(Locale.parse(ident).number_symbols).get("latn", {})
        except Exception:  # pragma: no cover - defensive
            continue
        sep = (sl.get("decimal", base_sep[0]), sl.get("group", base_sep[1]))
        if sep != base_sep:
            regions[parts[1]] = {"decimal": sep[0], "group": sep[1]}

    return {
        "lang": lang,
        "home": home_currencies(lang, variants[1:]),
        "regions": dict(sorted(regions.items())),
        "evidence": evidence_words(loc, names, generic, symbols, active, head_first),
        "generated_from": f"CLDR via babel {babel.__version__}",
        "decimal": symbols_latn.get("decimal", "."),
        "group": symbols_latn.get("group", ","),
        "scales": scale_words(loc),
        "names": dict(sorted(names.items())),
        "generic": {k: sorted(v) for k, v in sorted(generic.items())},
        "symbols": {k: sorted(v) for k, v in sorted(symbols.items())},
        "codes": sorted(set(display) & (active | set(display))),
        "active": sorted(active & set(display)),
    }


def home_currencies(lang: str, variants: list[str]) -> dict[str, str]:
    """The currency of each region the language has a CLDR locale for ("en_AU" → AUD), and
    under "" that of the language's likely region (CLDR likely subtags: "en" → US → USD): the
    money a word such as "grand" means in copy of that region (``[home_names]``)."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    def tender(region: str) -> str | None:
        cur = get_territory_currencies(region, AS_OF, tender=True)
        return cur[0] if cur else None

    out: dict[str, str] = {}
    likely = get_global("likely_subtags").get(lang, "")
    region = likely.split("_")[-1] if "_" in likely else ""
    if region and tender(region):
        out[""] = tender(region)
    for ident in variants:
        parts = ident.split("_")
        if len(parts) == 2 and parts[1].isalpha() and parts[1].isupper() and tender(parts[1]):
            out[parts[1]] = tender(parts[1])
    return dict(sorted(out.items()))


def evidence_words(loc, names: dict[str, str], generic: dict[str, set[str]], symbols: dict[str, set[str]], active: set[str], head_first: bool = False) -> dict[str, list[str]]:
    """Words that show a text is about the country of a currency: for every currency that
    shares a symbol or a bare word with others ("$", "dollar", "kroner"), the names of the
    territories whose money it is and the qualifier of its own name ("Canada", "Canadian";
    "Kanada", "kanadensisk"). An ambiguous "$" in a text naming Canada is then read as
    possibly Canadian instead of silently as US dollars."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    shared: set[str] = set()
    for group in list(generic.values()) + list(symbols.values()):
        if len(group) > 1:
            shared |= set(group)
    shared |= {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "SEK", "NOK", "DKK", "ISK", "GBP", "CHF"}
    shared &= active
    territory_names = _plain(loc.territories)
    out: dict[str, set[str]] = {c: set() for c in shared}
    for terr in get_global("territory_currencies"):
        if not (len(terr) == 2 and terr.isalpha()):
            continue
        cur = get_territory_currencies(terr, AS_OF, tender=True)
        if cur and cur[0] in out and terr in territory_names:
            out[cur[0]].add(territory_names[terr].lower())
    bare = set(generic)
    for name, code in names.items():
        if code not in out:
            continue
        words = name.split()
        head, rest = (words[0], words[1:]) if head_first else (words[-1], words[:-1])
        if len(words) >= 2 and head in bare:
            qualifier = " ".join(rest)
            if len(qualifier) >= 4:
                out[code].add(qualifier)
    return {c: sorted(w for w in ws if len(w) >= 4) for c, ws in sorted(out.items()) if ws}


#: Retired currencies older than this are left out of the eras table: no desk converts them.
ERAS_SINCE = 1960

#: Words CLDR puts at the head of a retired currency's name that are adjectives or everyday
#: words, not the currency ("antiguo peso", "ancien franc", "Timor escudo", "corona"):
#: never read as currency words.
NOT_HEADS = {"ancien", "antico", "antiguo", "antiguos", "nuevo", "nuevos", "novo", "super", "reajustado",
             "guineana", "timor", "australia", "corona", "dong", "sols", "sóis", "colon", "colom", "colons",
             "pond", "cupon", "cupom", "coupon", "coupons", "kupon", "syli", "sylis", "inti", "intis", "intiä",
             "hwan", "lati", "lats", "lita", "liti", "leva", "zaire", "sucre", "sucres", "novo"}


def _day(t) -> str | None:
    return None if t is None else date(*t).isoformat()


def build_eras(langs: list[str] | None = None) -> dict:
    """When each currency was tender, and the words that name the retired ones, per language.

    CLDR keeps every territory's currency history (FRF in France 1960–2002-02-17, NLG in the
    Netherlands until 2002-02-28, cruzados in Brazil 1986–1989, the Caribbean guilder only
    from 2025). With the article's date, a shared word is read as the currency of its day and
    of the country the text names: "francs" in a 1995 story about France are French francs,
    "guilders" in 1987 are not the Caribbean guilder. ``retired``: code → [territory, from,
    to] where it was tender; per language ``heads``: bare word → retired codes, and
    ``territories``: territory → its CLDR name, and retired code → the qualifier of its own
    name ("FRF": "french"); ``since``: first day each currency in use was tender."""
    import babel
    from babel import Locale
    from babel.core import get_global

    history = get_global("territory_currencies")
    active: set[str] = set()
    since: dict[str, tuple] = {}
    for terr, rows in history.items():
        for code, start, end, tender in rows:
            if tender and end is None:
                active.add(code)
                if start and (code not in since or start < since[code]):
                    since[code] = start
    tender_at: dict[str, set[tuple]] = {}
    out: dict = {"generated_from": f"CLDR via babel {babel.__version__}",
                 "since": {c: _day(d) for c, d in sorted(since.items()) if c not in NOT_MONEY}, "langs": {}}
    for lang in langs or LANGUAGES:
        loc = Locale.parse(lang)
        head_first = bool(build_options(lang).get("head_first", False))
        display = _plain(loc._data["currency_names"])
        plurals = _plain(loc._data["currency_names_plural"])
        territory_names = _plain(loc.territories)
        heads: dict[str, set[str]] = {}
        words: dict[str, set[str]] = {}
        for terr, rows in history.items():
            if not (len(terr) == 2 and terr.isalpha()):
                continue
            for code, start, end, tender in rows:
                if end is None or not tender or end[0] < ERAS_SINCE or code in active or code in NOT_MONEY:
                    continue
                forms = {display.get(code, "")} | set((plurals.get(code) or {}).values())
                for form in forms:
                    # "Brazilian Cruzado (1986–1989)": the years are CLDR's, not the name's
                    key = re.sub(r"\s*\([^)]*\d{4}[^)]*\)", "", form).lower().strip()
                    if not key or "(" in key:
                        continue
                    parts = key.split()
                    head, rest = (parts[0], parts[1:]) if head_first else (parts[-1], parts[:-1])
                    if head in NOT_HEADS or len(head) < 4:
                        continue
                    heads.setdefault(head, set()).add(code)
                    tender_at.setdefault(code, set()).add((terr, _day(start), _day(end)))
                    if rest and len(" ".join(rest)) >= 4:
                        words.setdefault(code, set()).add(" ".join(rest))  # "french": the currency's own
                if terr in territory_names:
                    words.setdefault(terr, set()).add(territory_names[terr].lower())
        likely = get_global("likely_subtags").get(lang, "")
        out["langs"][lang] = {
            # the language's home territory ("de" → DE): where its copy's bare words point
            # when the text names no country ("Mark" in 1995 German copy is DEM)
            "home": likely.split("_")[-1] if likely.count("_") >= 1 else "",
            "heads": {h: sorted(v) for h, v in sorted(heads.items())},
            "territories": {t: sorted(w for w in ws if len(w) >= 4) for t, ws in sorted(words.items())},
        }
    out["retired"] = {c: sorted(list(e) for e in v) for c, v in sorted(tender_at.items())}
    return out


def render_eras() -> str:
    return json.dumps(build_eras(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def render(lang: str) -> str:
    return json.dumps(build(lang), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    langs = (argv if argv else None) or LANGUAGES
    OUT.mkdir(exist_ok=True)
    for lang in langs:
        path = OUT / f"{lang}.json"
        path.write_text(render(lang), encoding="utf-8")
        print(f"wrote {path}")
    if not argv:
        path = OUT / "eras.json"
        path.write_text(render_eras(), encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
