"""Guess the language of a text from its function words (``lang=None``).

Each language's data file lists words that are frequent in it and rare in the others
(``[detect] words``: "och", "att", "är" for Swedish; "und", "der", "nicht" for German). The
guess is the language whose list covers most of the text's words; no model, no download.
A text too short to tell is read as English, and the guess says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import available_languages, get_lexicon

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@dataclass(frozen=True)
class LanguageGuess:
    lang: str
    hits: float  # words of the text found in the winner's list, weighted by how many languages list them
    words: int  # words in the text
    runner_up: str | None
    note: str


def guess_language(text: str, default: str = "en") -> LanguageGuess:
    tokens = [t.lower() for t in _WORD.findall(text)]
    # elided French/Italian articles count as their article: "l'euro" → "l"
    tokens = [re.split(r"['’]", t)[0] if re.search(r"['’]", t) else t for t in tokens]
    lists = {lang: get_lexicon(lang).detect_words for lang in available_languages()}
    # A word listed by several languages ("og": Danish and Norwegian) counts for each of
    # them in proportion: the words only one language lists decide between close ones.
    share: dict[str, int] = {}
    for words in lists.values():
        for w in words:
            share[w] = share.get(w, 0) + 1
    # Letters: a word with "ä" or "ø" counts up to half a function word, shared the same way
    # ("förhållanden" has ö and å: Swedish has both, Danish one, German the other).
    letters = {lang: set(get_lexicon(lang).detect_letters) for lang in lists}
    letter_share: dict[str, int] = {}
    for ls in letters.values():
        for ch in ls:
            letter_share[ch] = letter_share.get(ch, 0) + 1
    scores: list[tuple[float, str]] = []
    for lang, words in lists.items():
        score = sum(1 / share[t] for t in tokens if t in words)
        own = letters[lang]
        for t in tokens:
            hits = [ch for ch in set(t) if ch in own]
            if hits:
                score += 0.5 * min(1.0, sum(1 / letter_share[ch] for ch in hits))
        scores.append((score, lang))
    scores.sort(key=lambda x: (-x[0], x[1] != default, x[1]))
    best_hits, best = scores[0] if scores else (0, default)
    runner = scores[1] if len(scores) > 1 else (0, None)
    if best_hits == 0:
        return LanguageGuess(default, 0, len(tokens), None,
                             f"language not given and no function words to tell it by; read as {default!r}")
    if runner[0] == best_hits:
        best = default if default in (best, runner[1]) else best
    default_hits = next((h for h, lg in scores if lg == default), 0.0)
    distinct = {t for t in tokens if t in lists.get(best, ()) or set(t) & letters.get(best, set())}
    if best != default and (len(distinct) < 2 or best_hits < 1.5 * default_hits):
        # thin evidence against the default ("per share" in an English table): keep it
        return LanguageGuess(default, default_hits, len(tokens), best,
                             f"language not given; read as {default!r} (too few function words of "
                             f"another language: {best!r} scored {best_hits:.1f}, {default!r} {default_hits:.1f})")
    note = (f"language not given; guessed {best!r} from its function words "
            f"(score {best_hits:.1f} over {len(tokens)} words"
            + (f"; next {runner[1]!r} with {runner[0]:.1f}" if runner[1] and runner[0] else "") + ")")
    return LanguageGuess(best, best_hits, len(tokens), runner[1], note)


__all__ = ["guess_language", "language_of", "LanguageGuess"]


def language_of(text: str, lang: str | None) -> tuple[str, str | None]:
    """The language to read ``text`` in: ``lang`` as given, or guessed when it is None or
    "auto" (the CLI's way to say None), with the note the report carries about the guess."""
    if lang is None or str(lang).strip().lower() == "auto":
        guess = guess_language(text)
        return guess.lang, guess.note
    return lang or "en", None
