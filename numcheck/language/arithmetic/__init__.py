"""The words of hand-done arithmetic, per language: data, not code.

Each language has a small hand-written file (``data/<lang>.toml``): the words for percent
beyond CLDR's, for points, for the direction of a change, the prepositions of "from X to
Y", multiples ("doubled", "fördubblades", "verdoppelte"), fractions ("a third") and the
cues of a share ("18 of its 60 branches, or 30%"). CLDR's own percent word ("procent",
"Prozent", "pour cent") and the month names come from babel. Loaded once per language
(:func:`get_words`); the patterns built from them live with the figure scanner.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from ...tomlfile import read_toml
from .. import get_lexicon, normalize_lang

HERE = Path(__file__).parent / "data"


def _cldr_percent_words(lang: str) -> list[str]:
    """ "procent", "Prozent", "pour cent", "prosenttia": CLDR's long percent unit, without
    the figure (babel formats 5 and 1 percent; the plural forms differ in some languages)."""
    try:
        from babel.units import format_unit
    except ImportError:  # pragma: no cover - babel is a dependency
        return []
    out = []
    for n in (5, 1):
        try:
            s = format_unit(n, "concentr-percent", locale=lang, length="long")
        except Exception:  # a locale without the unit: the hand list decides
            continue
        w = s.replace(str(n), "").replace("\u00a0", " ").strip()
        if w:
            out.append(w)
    return out


def _month_names(lang: str) -> frozenset[str]:
    """Month names, wide and abbreviated, from CLDR (babel)."""
    try:
        from babel.dates import get_month_names
    except ImportError:  # pragma: no cover - babel is a dependency
        return frozenset()
    out = set()
    for width in ("wide", "abbreviated"):
        for ctx in ("format", "stand-alone"):
            try:
                out.update(n.lower().rstrip(".") for n in get_month_names(width, ctx, locale=lang).values())
            except Exception:  # a locale without them: no date rule
                pass
    return frozenset(w for w in out if len(w) > 2)


def _keys(phrases: list[str], lang: str) -> frozenset[str]:
    """The word that stands for each phrase in a lookup: its longest ("third" of "a third",
    "tredjedel" of "en tredjedel", "hälfte" of "die Hälfte")."""
    out = set()
    for phrase in phrases:
        ws = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", phrase.lower())
        if ws:
            out.add(max(ws, key=len))
    return frozenset(out)


def _stems(words: frozenset[str]) -> tuple[str, ...]:
    """Substrings that find every word: words sharing their first five letters by those
    ("doubl" for doubled/doubles/doubling), and no word that holds another one."""
    by_prefix: dict[str, list[str]] = {}
    for w in words:
        by_prefix.setdefault(w[:5], []).append(w)
    stems = {p if len(ws) > 1 else ws[0] for p, ws in by_prefix.items()}
    return tuple(sorted(s for s in stems if not any(o != s and o in s for o in stems)))


@dataclass(frozen=True)
class ArithmeticWords:
    """One language's words of arithmetic (lower case; phrases longest first)."""

    lang: str
    percent: tuple[str, ...]
    points: dict[str, float]  # word → size of one such point in percentage points
    up: frozenset[str]
    down: frozenset[str]
    to: tuple[str, ...]
    from_: tuple[str, ...]
    base: tuple[str, ...]
    strong_base: tuple[str, ...]  # base words as binding as "from" ("nach" in German)
    than: tuple[str, ...]  # "38% higher than the $500 million": the comparison's base
    by: tuple[str, ...]
    breakers: frozenset[str]
    multiples: dict[str, float]
    times: tuple[str, ...]
    fractions: dict[str, float]
    of: tuple[str, ...]
    lead: tuple[str, ...]
    restate: tuple[str, ...]
    change_nouns: tuple[str, ...]
    from_suffixes: tuple[str, ...]  # Finnish: "500 miljoonasta" (elative) is "from 500 million"
    to_suffixes: tuple[str, ...]
    word_stems: tuple[str, ...]  # the fewest substrings that find every multiple word
    of_first: tuple[str, ...]  # the first words of the share's "of" phrases
    fraction_stems: tuple[str, ...]  # the same for fractions (claims only after "by", before "of")
    months: frozenset[str]  # month names (CLDR): "May 30", "30. Mai" are dates, not figures
    range_joiners: frozenset[str]  # "21.1 to 22.7 pct", "10–12 %": a range, not two figures

    def direction(self, words: list[str]) -> int:
        """+1 for a rise, -1 for a fall, 0 when the words say neither (the nearest wins)."""
        for w in reversed(words):
            if w in self.up:
                return 1
            if w in self.down:
                return -1
        return 0


#: The sections of a language's arithmetic file and the keys of each (None: any word keys).
SCHEMA: dict[str, frozenset[str] | None] = {
    "percent": frozenset(),
    "points": None,
    "direction": frozenset({"up", "down"}),
    "change": frozenset({"to", "from", "base", "strong_base", "than", "by", "breakers", "from_suffixes", "to_suffixes"}),
    "multiples": None,
    "times": frozenset({"words"}),
    "fractions": None,
    "shares": frozenset({"of", "lead", "restate", "change_nouns"}),
}


def validate(data: dict, path: Path) -> None:
    """A misspelt section or key is an error naming the file, not a silently missing word list."""
    for section, value in data.items():
        if section not in SCHEMA:
            raise InputError(f"{path}: unknown section [{section}] (known: {', '.join(SCHEMA)})")
        keys = SCHEMA[section]
        if keys and isinstance(value, dict):
            for k in value:
                if k not in keys:
                    raise InputError(f"{path}: unknown key {section}.{k} (known: {', '.join(sorted(keys))})")
        if keys is None and isinstance(value, dict):
            for k, v in value.items():
                if isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0:
                    raise InputError(f"{path}: {section}.{k!r} must be a number > 0, got {v!r}")


def _words(data: dict, key: str) -> tuple[str, ...]:
    return tuple(sorted({w.lower() for w in data.get(key, ())}, key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def get_words(lang: str) -> ArithmeticWords:
    base = normalize_lang(lang)
    path = HERE / f"{base}.toml"
    if not path.exists():
        raise InputError(f"unsupported language {lang!r} for arithmetic checks")
    data = read_toml(path)
    validate(data, path)
    lex = get_lexicon(base)
    change = data.get("change", {})
    shares = data.get("shares", {})
    direction = data.get("direction", {})
    multiples = {k.lower(): float(v) for k, v in data.get("multiples", {}).items()}
    fractions = {k.lower(): float(v) for k, v in data.get("fractions", {}).items()}
    return ArithmeticWords(
        lang=base,
        percent=tuple(dict.fromkeys([*data.get("percent", []), *_cldr_percent_words(base)])),
        points={k.lower(): float(v) for k, v in data.get("points", {}).items()},
        up=frozenset(w.lower() for w in direction.get("up", ())),
        down=frozenset(w.lower() for w in direction.get("down", ())),
        to=_words(change, "to"),
        from_=_words(change, "from"),
        base=_words(change, "base"),
        strong_base=_words(change, "strong_base"),
        than=_words(change, "than"),
        by=_words(change, "by"),
        breakers=frozenset(w.lower() for w in change.get("breakers", ())),
        multiples=multiples,
        times=tuple(data.get("times", {}).get("words", ())),
        fractions=fractions,
        of=_words(shares, "of"),
        lead=_words(shares, "lead"),
        restate=_words(shares, "restate"),
        change_nouns=_words(shares, "change_nouns"),
        from_suffixes=tuple(change.get("from_suffixes", ())),
        to_suffixes=tuple(change.get("to_suffixes", ())),
        word_stems=_stems(_keys(list(multiples), base)),
        of_first=tuple(sorted({w.split()[0] for w in _words(shares, "of")})),
        fraction_stems=_stems(_keys(list(fractions), base)),
        months=_month_names(base),
        range_joiners=frozenset(j.strip().lower() for j in lex.range_joiners if j.strip()),
    )


__all__ = ["ArithmeticWords", "get_words"]
