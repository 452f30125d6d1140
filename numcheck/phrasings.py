"""The phrasings numcheck recognises, per language, as a Markdown section of the docs
("Why wasn't my sentence checked?"): generated from the language data files so the page
cannot drift from what the code reads. ``python -m numcheck.phrasings`` rewrites the section
of ``docs/why-not-checked.md`` between its markers; a test checks it is up to date."""

from __future__ import annotations

import sys
from pathlib import Path

BEGIN = "<!-- begin generated: python -m numcheck.phrasings -->"
END = "<!-- end generated -->"
LANGS = ("en", "sv", "nb", "da", "fi", "de", "fr", "es", "nl", "it", "pt")
_HEDGE_WORDS = {"approx": "about", "at_least": "at least", "at_most": "at most", "near_below": "just under",
                "near_above": "just over"}


def _words(items, limit: int = 10_000) -> str:
    items = sorted({str(i).strip() for i in items if str(i).strip()}, key=lambda w: (len(w), w))
    shown = ", ".join(f"“{w}”" for w in items[:limit])
    return shown + (f" … ({len(items)} in all)" if len(items) > limit else "")


def section() -> str:
    from .language import get_lexicon

    out = [BEGIN, ""]
    for lang in LANGS:
        lex = get_lexicon(lang)
        out.append(f"### {lang}")
        out.append("")
        out.append(f"- conversion cues: {_words(set(lex.cues_strong) | set(lex.cues_reverse))}")
        by_dir: dict[str, list[str]] = {}
        for phrase, h in lex.hedges.items():
            by_dir.setdefault(getattr(h, "value", str(h)), []).append(phrase)
        for d in ("approx", "at_least", "at_most", "near_below", "near_above"):
            if by_dir.get(d):
                out.append(f"- hedges, {_HEDGE_WORDS[d]}: {_words(by_dir[d])}")
        out.append(f"- scale words: {_words(lex.scales)}")
        out.append("")
    out.append(END)
    return "\n".join(out)


def update(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    new = head + section() + tail
    if new != text:
        path.write_text(new, encoding="utf-8")
        return True
    return False


if __name__ == "__main__":  # pragma: no cover
    root = Path(__file__).resolve().parents[1]
    changed = update(root / "docs" / "why-not-checked.md")
    print("updated" if changed else "up to date", file=sys.stderr)
