"""Write numcheck/language/lowercase_codes.toml: the ISO 4217 codes numcheck reads in lower
case right after a figure ("3 gbp", "20 usd"), i.e. the codes in use that are not a word
of any supported language ("try", "top", "all", "ron", "ils", "nok", "pen", "mad", "sos" are).

"A word" means: a stem of the language's Hunspell dictionary (Debian's hunspell-* packages,
/usr/share/hunspell), in lower case or capitalised (a name: "Bob", "Ron"), plus the language's
own number words and currency words in numcheck's data. Finnish has no Hunspell dictionary
in Debian (it uses Voikko): its number and currency words still count. A code missing from
the dictionaries is kept only when it is not also a word numcheck itself knows.

    apt-get install hunspell-en-us hunspell-en-gb hunspell-sv hunspell-no hunspell-da \\
        hunspell-de-de hunspell-fr-classical hunspell-es hunspell-it hunspell-pt-pt \\
        hunspell-pt-br hunspell-nl
    python tools/lowercase_codes.py

The output is data (committed); the dictionaries are only needed to regenerate it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HUNSPELL = Path("/usr/share/hunspell")
#: numcheck language → the dictionaries that spell it
DICTIONARIES = {
    "en": ["en_US", "en_GB"], "sv": ["sv_SE"], "nb": ["nb_NO", "nn_NO"], "da": ["da_DK"],
    "de": ["de_DE"], "fr": ["fr"], "es": ["es_ES"], "it": ["it_IT"], "pt": ["pt_PT", "pt_BR"],
    "nl": ["nl"], "fi": [],
}
OUT = ROOT / "numcheck" / "language" / "lowercase_codes.toml"


def stems(name: str) -> set[str]:
    """The lower-cased stems of one Hunspell dictionary that are words (lower case or
    capitalised); all-capital stems are acronyms, codes among them ("USD"), not words."""
    aff = (HUNSPELL / f"{name}.aff").read_bytes()
    m = re.search(rb"^SET\s+(\S+)", aff, re.M)
    enc = m.group(1).decode() if m else "utf-8"
    out: set[str] = set()
    lines = (HUNSPELL / f"{name}.dic").read_text(encoding=enc, errors="replace").splitlines()[1:]
    for line in lines:
        word = line.split("/", 1)[0].split("\t", 1)[0].split(" ", 1)[0].strip()
        if word and (word.islower() or word.istitle()):
            out.add(word.lower())
    return out


def main() -> int:
    from numcheck.language import get_lexicon
    from numcheck.language.build import active_currencies

    missing = [n for ns in DICTIONARIES.values() for n in ns if not (HUNSPELL / f"{n}.dic").exists()]
    if missing:
        print(f"error: {HUNSPELL}: no dictionary {', '.join(missing)} (see the docstring)", file=sys.stderr)
        return 2
    words: set[str] = set()
    for lang, names in DICTIONARIES.items():
        for n in names:
            words |= stems(n)
        lex = get_lexicon(lang)
        nw = lex.number_words
        words |= {w.lower() for w in [*nw.get("units", {}), *nw.get("tens", {}), *lex.scales, *lex.hedges]}
    codes = sorted(c for c in active_currencies() if re.fullmatch(r"[A-Z]{3}", c) and c.lower() not in words)
    body = "\n".join(f"  {', '.join(repr(c).replace(chr(39), chr(34)) for c in codes[i:i + 12])}," for i in range(0, len(codes), 12))
    OUT.write_text(
        "# ISO 4217 codes read in lower case right after a figure (\"3 gbp\"): the codes in use\n"
        "# that are no word of any supported language. Made by tools/lowercase_codes.py from the\n"
        "# Hunspell dictionaries of the supported languages; do not edit by hand.\n"
        f"codes = [\n{body}\n]\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT} ({len(codes)} codes; {len(active_currencies()) - len(codes)} left out as words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
