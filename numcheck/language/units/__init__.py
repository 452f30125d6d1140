"""Unit vocabulary: data/common.toml (symbols, dimensions, labels) merged with
data/<lang>.toml (words per language), read once per language and region.

Nothing here imports pint: the scanner needs only words, pint names and dimensions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import InputError

from ...tomlfile import read_toml
from .. import lang_region, normalize_lang

DATA = Path(__file__).parent / "data"


def _load(path: Path) -> dict[str, Any]:
    return read_toml(path, "unit data")


@functools.lru_cache(maxsize=None)
def common() -> dict[str, Any]:
    return _load(DATA / "common.toml")


def split_lang(lang: str | None) -> tuple[str, str]:
    """'en-US' → ('en', 'US'); 'sv' → ('sv', ''); 'no_NO' → ('nb', 'NO'): the one tag
    normaliser of :mod:`numcheck.language`, aliases included."""
    return normalize_lang(lang), lang_region(lang)


#: The language tag of the language-neutral part alone (dimensions, symbols, look-alikes).
NEUTRAL = "und"

@dataclass(frozen=True)
class Vocabulary:
    """Everything the quantity scanner knows about one language (and region)."""

    lang: str
    region: str
    symbols: dict[str, tuple[str, ...]]  # case-sensitive surface → candidate pint units
    words: dict[str, tuple[str, ...]]  # lower-cased surface → candidate pint units
    attached: dict[str, tuple[str, ...]]  # surfaces read only against the figure ("40C")
    contextual: frozenset[str]  # words read as units only in context ("pounds")
    contextual_before: tuple[str, ...]
    contextual_after: tuple[str, ...]
    guarded: frozenset[str]  # words read as units only when no word follows ("10 in")
    guarded_unless: tuple[str, ...]  # …or when one of these follows ("2 in thick")
    dimensions: dict[str, str]  # pint unit → dimension
    labels: dict[str, str]  # pint unit → how a finding writes it
    difference_before: tuple[str, ...]
    temperature_context: tuple[str, ...]
    angle_after: tuple[str, ...]
    angle_before: tuple[str, ...]
    negate_after: tuple[str, ...]
    negate_before: tuple[str, ...]
    difference_after: tuple[str, ...]
    articles: frozenset[str]
    prefer_after: dict[str, tuple[str, ...]]  # unit → words after the figure that make it the likely reading
    compounds: dict[str, tuple[str, float]]  # major unit → (minor unit, minors per major)
    compound_joiners: tuple[str, ...]  # words between the parts: "7 feet and 10 inches"
    bare_minor: frozenset[str]  # majors whose minor unit may go unwritten: "6-foot-2"
    foot_marks: tuple[str, ...]
    inch_marks: tuple[str, ...]
    confusions: tuple[tuple[str, ...], ...]
    reciprocal: frozenset[frozenset[str]]

    def dimension(self, unit: str | None) -> str | None:
        return self.dimensions.get(unit or "")

    def compatible(self, a: str, b: str) -> bool:
        """Can a figure in ``a`` be converted to ``b``: same dimension, or reciprocal ones."""
        da, db = self.dimensions.get(a), self.dimensions.get(b)
        if da is None or db is None:
            return False
        return da == db or frozenset((da, db)) in self.reciprocal


def _tuple(v: Any) -> tuple[str, ...]:
    return (v,) if isinstance(v, str) else tuple(v)


@functools.lru_cache(maxsize=None)
def get_vocabulary(lang: str | None = "en") -> Vocabulary:
    base, region = split_lang(lang)
    if not re.fullmatch(r"[a-z]{2,3}", base):  # a tag, never a path ("../../x": issue 18)
        raise InputError(f"unsupported language {lang!r}")
    c = common()
    path = DATA / f"{base}.toml"
    data = _load(path) if path.exists() else {}
    units = c["units"]
    symbols: dict[str, tuple[str, ...]] = {}
    attached: dict[str, tuple[str, ...]] = {}
    for name, spec in units.items():
        for s in spec.get("symbols", ()):
            symbols[s] = (name,)
        for s in spec.get("attached", ()):
            attached[s] = (name,)
    words: dict[str, tuple[str, ...]] = {}
    for name, ws in data.get("names", {}).items():
        if name not in units:
            raise InputError(f"{path}: [names] {name!r} is not a unit in {DATA / 'common.toml'}")
        for w in ws:
            words[w.lower()] = (name,)
    ambiguous = dict(data.get("ambiguous", {}))
    ambiguous.update(data.get("regions", {}).get(region, {}).get("ambiguous", {}))
    for w, cands in ambiguous.items():
        for u in _tuple(cands):
            if u not in units:
                raise InputError(f"{path}: [ambiguous] {w!r}: {u!r} is not a unit in {DATA / 'common.toml'}")
        words[w.lower()] = _tuple(cands)
    comp = c.get("compounds", {})
    ctx = data.get("contextual", {})
    diff = data.get("difference", {})
    temp = data.get("temperature", {})
    return Vocabulary(
        lang=base,
        region=region,
        symbols=symbols,
        words=words,
        attached=attached,
        contextual=frozenset(w.lower() for w in ctx.get("words", ())),
        contextual_before=tuple(w.lower() for w in ctx.get("before", ())),
        contextual_after=tuple(w.lower() for w in ctx.get("after", ())),
        guarded=frozenset(w.lower() for w in data.get("guarded", {}).get("words", ())),
        guarded_unless=tuple(w.lower() for w in data.get("guarded", {}).get("unless_next", ())),
        dimensions={name: spec["dim"] for name, spec in units.items()},
        labels={name: spec.get("label", name) for name, spec in units.items()},
        difference_before=tuple(w.lower() for w in diff.get("before", ())),
        temperature_context=tuple(w.lower() for w in temp.get("context", ())),
        angle_after=tuple(w.lower() for w in temp.get("angle_after", ())),
        angle_before=tuple(w.lower() for w in temp.get("angle_before", ())),
        negate_after=tuple(w.lower() for w in temp.get("negate_after", ())),
        negate_before=tuple(w.lower() for w in temp.get("negate_before", ())),
        difference_after=tuple(w.lower() for w in diff.get("after", ())),
        articles=frozenset(w.lower() for w in data.get("numbers", {}).get("articles", ())),
        prefer_after={u: tuple(w.lower() for w in spec.get("after", ())) for u, spec in data.get("prefer", {}).items()},
        compounds={major: (minor, float(n)) for major, minor, n in comp.get("pairs", ())},
        compound_joiners=tuple(w.lower() for w in data.get("compounds", {}).get("joiners", ())),
        bare_minor=frozenset(comp.get("bare_minor", ())),
        foot_marks=tuple(comp.get("foot_marks", ())),
        inch_marks=tuple(comp.get("inch_marks", ())),
        confusions=tuple(tuple(g) for g in c.get("confusions", {}).get("groups", ())),
        reciprocal=frozenset(frozenset(p) for p in c.get("reciprocal", ())),
    )


@functools.lru_cache(maxsize=1)
def all_names() -> dict[str, str]:
    """pint unit → its name in words ("gallon" → "US gallon", "kilometer_per_hour" → "kilometer per hour")."""
    return {n: spec.get("name", n.replace("_", " ")) for n, spec in common()["units"].items()}


@functools.lru_cache(maxsize=1)
def all_labels() -> dict[str, str]:
    """pint unit → how a finding writes it ("kilometer" → "km")."""
    return {name: spec.get("label", name) for name, spec in common()["units"].items()}


__all__ = ["NEUTRAL", "Vocabulary", "get_vocabulary", "split_lang", "common", "all_labels", "all_names"]
