"""Content files → documents: the prose to check, its date and language, and its suppressions.

A :class:`Document` holds the prose numcheck reads (``text``) and the original it came from
(``source``: the file, or one article of a ``.jsonl`` archive). Plain text keeps offsets by
blanking what is not prose (front matter, HTML comments) with spaces; Markdown and HTML drop
markup ("**", "[", "](https://…)", tags) so that "**$275 million**, or 3 billion kronor"
reads as the writer meant it, and keep an offset map (``offsets``: one source offset per
character of ``text``). Either way a finding's line:column is the source's
(:meth:`Document.position`), and suppressions are stored in source offsets.

Formats, by file suffix: ``.md``/``.markdown`` (Markdown), ``.html``/``.htm`` (HTML, read with
the standard library's parser), ``.jsonl`` (one article per line, see :func:`read_jsonl`),
anything else as plain text.
"""

from __future__ import annotations

import fnmatch
import html as html_mod
import json
import os
import re
import reprlib
from array import array
from dataclasses import dataclass, field
from datetime import date as Date
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

from .. import jsonfile
from ..errors import InputError
from .lines import LineIndex, line_of

#: Extensions read as content when a directory is given.
CONTENT_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".jsonl")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl",)

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_TOML_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)
def _comments(text: str) -> list[tuple[int, int, str]]:
    """(start, end, body) of each ``<!-- … -->``, by str.find: with an unclosed "<!--", a
    lazy regex read to the end of the text again from every later "<!--" (n², issue 18)."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while (s := text.find("<!--", i)) >= 0:
        e = text.find("-->", s + 4)
        if e < 0:
            break  # no comment closes after this one: none after it can either
        out.append((s, e + 3, text[s + 4:e]))
        i = e + 3
    return out
_DIRECTIVE = re.compile(r"^\s*numcheck:\s*(ignore|off|on)\b[\s:,-]*(.*?)\s*$", re.S | re.I)


@dataclass(frozen=True)
class Suppression:
    """An editor's ``<!-- numcheck: ignore [reason] -->`` (the next claim) or an
    ``off`` … ``on`` region: findings inside are reported as suppressed, with the reason.
    ``start``/``end`` are offsets in the document's source."""

    kind: str  # "ignore" (the next claim), "line" (a trailing ignore: claims on its line) or "off"
    start: int  # where the suppression begins to apply
    end: int  # where it stops applying ("ignore": end of text; only the next claim is hit)
    reason: str
    line: int
    column: int = 1  # where the comment is (1-based), for --report-unused-ignores


@dataclass(frozen=True)
class Document:
    path: str  # the name findings are reported under ("a.md", "archive.jsonl:12#id")
    text: str  # the prose to check
    date: Date | None = None
    lang: str | None = None
    suppressions: tuple[Suppression, ...] = field(default=())
    meta: dict = field(default_factory=dict, compare=False, hash=False)
    #: the original the positions refer to; "" when it is ``text`` itself
    source: str = field(default="", compare=False, repr=False)
    #: text index → source offset; None when text and source share offsets (blanked in place)
    offsets: array | None = field(default=None, compare=False, repr=False)
    file: str | None = None  # the file on disk (for an archive's article: the archive)
    record_line: int | None = None  # an archive's article: its line in the archive
    record_id: str | None = None  # an archive's article: its "id"

    @property
    def original(self) -> str:
        return self.source or self.text

    def source_offset(self, i: int) -> int:
        """Source offset of text index ``i`` (``len(text)`` maps past the last character)."""
        if self.offsets is None:
            return i
        if not self.offsets:
            return 0
        if i >= len(self.offsets):
            return self.offsets[-1] + 1
        return self.offsets[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span of text[start:end]."""
        if self.offsets is None:
            return start, end
        s = self.source_offset(start)
        e = self.source_offset(end - 1) + 1 if end > start else s
        return s, max(s, e)

    @cached_property
    def _lines(self) -> LineIndex:
        return LineIndex(self.original)

    def source_position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset."""
        return self._lines.position(offset)

    def position(self, i: int) -> tuple[int, int]:
        """1-based (line, column) in the source of text index ``i``."""
        return self.source_position(self.source_offset(i))

    def source_line(self, line: int) -> str:
        """The source's line ``line`` (1-based), without its line break."""
        return self._lines.line_text(line)


# -- building prose from a source, with an offset map --------------------------------------


class _Builder:
    """Prose text plus the source offset of each character."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets = array("l")
        self._tail = ""  # the last few characters, to decide on separators

    def add(self, s: str, pos: int, copy: bool = True) -> None:
        """Append ``s``: copied from the source at ``pos`` (one offset per character), or
        written in its place (every character maps to ``pos``)."""
        if not s:
            return
        self.parts.append(s)
        if copy:
            self.offsets.extend(range(pos, pos + len(s)))
        else:
            self.offsets.extend([pos] * len(s))
        self._tail = (self._tail + s)[-2:]

    def ends_with_space(self) -> bool:
        return not self._tail or self._tail[-1].isspace()

    def ends_with_break(self) -> bool:
        return not self._tail or self._tail.endswith("\n\n")

    def build(self) -> tuple[str, array]:
        return "".join(self.parts), self.offsets


def _apply_edits(raw: str, edits: list[tuple[int, int, str]]) -> tuple[str, array]:
    """raw with each (start, end, replacement) applied; edits must not overlap."""
    b = _Builder()
    pos = 0
    for start, end, rep in sorted(edits):
        if start < pos:  # overlapping edit: the first one wins
            continue
        b.add(raw[pos:start], pos)
        b.add(rep, start, copy=len(rep) == end - start)
        pos = end
    b.add(raw[pos:], pos)
    return b.build()


class _Edits:
    """Non-overlapping edits over a source, and a working copy in which edited regions are
    masked (NUL) so later patterns neither match inside them nor across them."""

    def __init__(self, raw: str):
        self.raw = raw
        self.work = list(raw)
        self.edits: list[tuple[int, int, str]] = []
        self.taken = bytearray(len(raw))

    def add(self, start: int, end: int, rep: str = "") -> bool:
        if start >= end or any(self.taken[start:end]):
            return False
        self.edits.append((start, end, rep))
        self.taken[start:end] = b"\x01" * (end - start)
        for i in range(start, end):
            if self.work[i] != "\n":
                self.work[i] = "\x00"
        return True

    def blank(self, start: int, end: int) -> bool:
        """Replace with spaces (newlines kept): a block that leaves no text behind."""
        return self.add(start, end, re.sub(r"[^\n]", " ", self.raw[start:end]))

    def text(self) -> str:
        return "".join(self.work)


def _blank(text: str, start: int, end: int) -> str:
    """Replace text[start:end] with spaces, keeping newlines so lines and columns hold."""
    chunk = re.sub(r"[^\n]", " ", text[start:end])
    return text[:start] + chunk + text[end:]


#: Front matter is a few lines of metadata; far more is no article's, and is refused before
#: it is parsed. An alias bomb fits in 400 bytes, so aliases are counted too.
MAX_FRONT_MATTER = 64 * 1024
MAX_YAML_ALIASES = 100

#: Values quoted in error messages: a few items of a list, the start of a long string.
_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 60
_SHORT.maxlist = _SHORT.maxdict = _SHORT.maxtuple = _SHORT.maxset = 4
_SHORT.maxlevel = 2


def yaml_load(body: str):
    """YAML with dates left as written: "2024-02-30" then fails as an invalid date that
    names the value, rather than as a YAML error."""
    import yaml

    class Loader(yaml.SafeLoader):
        aliases = 0

        def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
            # An alias bomb (anchors of nine aliases of nine aliases …: 400 bytes, 9^9
            # items) is a small graph that any walk over it — a message, str() — expands.
            if self.check_event(yaml.AliasEvent):
                self.aliases += 1
                if self.aliases > MAX_YAML_ALIASES:
                    raise yaml.YAMLError(f"more than {MAX_YAML_ALIASES} aliases (*name)")
            return super().compose_node(parent, index)

    Loader.yaml_implicit_resolvers = {
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return yaml.load(body, Loader=Loader)


def _front_matter(text: str, path: str) -> tuple[dict, int]:
    """YAML front matter (``---`` … ``---``), or TOML (``+++`` … ``+++``, as Hugo writes it)."""
    t = _TOML_FRONT_MATTER.match(text)
    if t:
        try:
            import tomllib  # type: ignore[import-not-found]
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        if len(t.group(1)) > MAX_FRONT_MATTER:
            raise InputError(f"{path}: front matter is longer than {MAX_FRONT_MATTER // 1024} KB")
        try:
            return tomllib.loads(t.group(1)), t.end()
        except tomllib.TOMLDecodeError as e:
            raise InputError(f"{path}: invalid TOML front matter: {str(e).splitlines()[0]}") from None
        except RecursionError:
            raise InputError(f"{path}: invalid TOML front matter: nested too deeply") from None
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    body = m.group(1)
    if len(body) > MAX_FRONT_MATTER:
        raise InputError(f"{path}: front matter is longer than {MAX_FRONT_MATTER // 1024} KB")
    try:
        meta = yaml_load(body) or {}
    except Exception as e:  # yaml.YAMLError and friends: one line, naming the file
        first = str(e).splitlines()[0][:200] if str(e) else type(e).__name__
        raise InputError(f"{path}: invalid YAML front matter: {first}") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}: front matter is not a mapping of keys to values")
    return meta, m.end()


def _meta_date(meta: dict, path: str, where: str = "front matter") -> Date | None:
    v = meta.get("date")
    if v is None or v == "":
        return None
    if isinstance(v, Date):
        return v if type(v) is Date else v.date()  # a datetime: its day
    s = v.strip() if isinstance(v, str) else _SHORT.repr(v)
    if len(s) == 4 and s.isdigit():  # "date: 2012": an archive that knows only the year
        from ..model import ArticleYear

        return ArticleYear(int(s))
    try:
        return Date.fromisoformat(s[:10])
    except ValueError:
        raise InputError(f"{path}: {where}: invalid date {_SHORT.repr(v)}: expected YYYY-MM-DD or a year (YYYY)") from None


def _meta_lang(meta: dict) -> str | None:
    lang = meta.get("lang") or meta.get("language")
    if not lang:
        return None
    return lang if isinstance(lang, str) else _SHORT.repr(lang)  # then "unsupported language …"


class _Directives:
    """Collects ``<!-- numcheck: … -->`` comments (in source offsets) into suppressions."""

    def __init__(self, source: str):
        self.source = source
        self.sups: list[Suppression] = []
        self.off_start: tuple[int, str, int, int] | None = None

    def comment(self, body: str, start: int, end: int) -> None:
        d = _DIRECTIVE.match(body)
        if not d:
            return
        kind, reason = d.group(1).lower(), d.group(2).strip()
        line = line_of(self.source, start)
        line_start = self.source.rfind("\n", 0, start) + 1
        column = start - line_start + 1
        if kind == "ignore" and self.source[line_start:start].strip():
            # "… 3 billion kronor. <!-- numcheck: ignore -->": a trailing comment silences
            # the claims on its own line, not the next one
            self.sups.append(Suppression("line", line_start, start, reason or "ignored by the editor", line, column))
        elif kind == "ignore":
            self.sups.append(Suppression("ignore", end, len(self.source), reason or "ignored by the editor", line, column))
        elif kind == "off" and self.off_start is None:
            self.off_start = (end, reason or "numcheck turned off here", line, column)
        elif kind == "on" and self.off_start is not None:
            self.sups.append(Suppression("off", self.off_start[0], start, *self.off_start[1:]))
            self.off_start = None

    def done(self) -> tuple[Suppression, ...]:
        if self.off_start is not None:
            self.sups.append(Suppression("off", self.off_start[0], len(self.source), *self.off_start[1:]))
            self.off_start = None
        return tuple(sorted(self.sups, key=lambda s: s.start))


# -- plain text -----------------------------------------------------------------------------


def parse_text(raw: str, path: str = "<text>") -> Document:
    """Plain text: front matter and HTML comments blanked in place; offsets unchanged."""
    meta, fm_end = _front_matter(raw, path)
    text = _blank(raw, 0, fm_end) if fm_end else raw
    directives = _Directives(raw)
    spans = _comments(text)
    for start, end, body in spans:
        directives.comment(body, start, end)
    if spans:  # blanked in one pass (one _blank per comment copied the text each time: n²)
        parts, last = [], 0
        for start, end, _ in spans:
            parts += [text[last:start], re.sub(r"[^\n]", " ", text[start:end])]
            last = end
        text = "".join(parts) + text[last:]
    return Document(path=path, text=text, date=_meta_date(meta, path), lang=_meta_lang(meta),
                    suppressions=directives.done(), meta=meta, source=raw if text != raw else "")


# -- Markdown -------------------------------------------------------------------------------

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_LIST_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_IMAGE = re.compile(r"!\[[^\]\n\x00]*\]\([^)\n]*\)")
_LINK = re.compile(
    r"\[(?P<label>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"(?P<target>\(\s*(?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)"
    r"|\[[^\]\n]*\])"
)
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$", re.M)
_AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s\x00]*|[^<>\s@\x00]+@[^<>\s\x00]+)>")
_RAW_OPEN = re.compile(r"<(script|style|textarea)\b", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>\x00]*?)?/?>")
_BARE_URL = re.compile(r"(?<![\w/\x00])(?:https?://|ftp://|www\.)[^\s<>\x00]*[^\s<>\x00.,;:!?'\")\]]")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)", re.M)
_CLOSING_HASHES = re.compile(r"(?<![ \t])[ \t]+#+[ \t]*$", re.M)  # from a run's start only: linear
_SETEXT = re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$", re.M)
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+", re.M)
_EMPHASIS = re.compile(r"(?<![\w*\\])(\*{1,3}|_{1,3}|~~)(?=[^\s*_~])(.+?)(?<=[^\s*_~\\])\1(?![\w*])", re.S)
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _markdown_code_blocks(ed: _Edits, raw: str) -> None:
    """Fenced (``` / ~~~) and indented code blocks: blanked, whatever they hold."""
    lines = raw.splitlines(keepends=True)
    pos = 0
    fence: tuple[str, int, int] | None = None  # (char, length, start offset)
    prev_blank = True
    in_list = False
    code_start: int | None = None
    for line in lines:
        body = line.rstrip("\r\n")
        blank = not body.strip()
        if fence is not None:
            m = re.match(r"^ {0,3}(`{3,}|~{3,})[ \t]*$", body)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1]:
                ed.blank(fence[2], pos + len(body))
                fence = None
            pos += len(line)
            prev_blank = False
            continue
        m = _FENCE_OPEN.match(body)
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            if code_start is not None:
                ed.blank(code_start, pos)
                code_start = None
            fence = (m.group(1)[0], len(m.group(1)), pos)
            pos += len(line)
            continue
        indented = body.startswith(("    ", "\t")) and not blank
        if code_start is not None and not (indented or blank):
            ed.blank(code_start, pos)
            code_start = None
        if indented and code_start is None and prev_blank and not in_list:
            code_start = pos
        if not blank and not indented:
            in_list = bool(_LIST_ITEM.match(body))
        prev_blank = blank
        pos += len(line)
    if fence is not None:  # an unclosed fence runs to the end (CommonMark)
        ed.blank(fence[2], len(raw))
    if code_start is not None:
        ed.blank(code_start, len(raw))


def _raw_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of ``<script>…</script>`` (and style, textarea) in raw HTML inside Markdown.
    Searched piece by piece, not with one lazy regex, which read to the end of the text
    from every unclosed "<script>" (n², issue 18)."""
    out: list[tuple[int, int]] = []
    unclosed: set[str] = set()  # names with no closing tag after some point: none later either
    i = 0
    while m := _RAW_OPEN.search(text, i):
        name = m.group(1).lower()
        gt = text.find(">", m.end())
        if gt < 0:
            break
        close = None if name in unclosed else re.compile(rf"</{name}\s*>", re.I).search(text, gt + 1)
        if close is None:
            unclosed.add(name)
            i = m.end()
            continue
        out.append((m.start(), close.end()))
        i = close.end()
    return out


def parse_markdown(raw: str, path: str = "<markdown>") -> Document:
    """Markdown: the prose of paragraphs, headings, lists and quotes. Code (fenced, indented,
    inline), link targets, URLs, images, HTML tags and comments are left out; emphasis and
    link brackets are dropped so the words around them join as they read."""
    meta, fm_end = _front_matter(raw, path)
    ed = _Edits(raw)
    if fm_end:
        ed.blank(0, fm_end)
    _markdown_code_blocks(ed, raw)
    directives = _Directives(raw)
    for start, end, body in _comments(ed.text()):
        directives.comment(body, start, end)
        ed.add(start, end)
    for start, end in _raw_blocks(ed.text()):
        ed.blank(start, end)
    for pat in (_INLINE_CODE, _IMAGE, _REF_DEF, _AUTOLINK, _TAG):
        for m in pat.finditer(ed.text()):
            ed.add(m.start(), m.end())
    for m in _LINK.finditer(ed.text()):
        ed.add(m.start(), m.start() + 1)  # "["
        ed.add(m.end("label"), m.end())  # "](target)" or "][ref]"
    for m in _BARE_URL.finditer(ed.text()):
        ed.blank(m.start(), m.end())
    for pat in (_HEADING, _CLOSING_HASHES, _QUOTE):
        for m in pat.finditer(ed.text()):
            ed.add(m.start(), m.end())
    for m in _SETEXT.finditer(ed.text()):
        ed.blank(m.start(), m.end())
    for _ in range(3):  # nested emphasis: ***a*** or **_a_**
        found = False
        for m in _EMPHASIS.finditer(ed.text()):
            n = len(m.group(1))
            found |= ed.add(m.start(), m.start() + n)
            ed.add(m.end() - n, m.end())
        if not found:
            break
    for m in _ESCAPE.finditer(ed.text()):
        ed.add(m.start(), m.start() + 1)
    for m in _ENTITY.finditer(ed.text()):
        ed.add(m.start(), m.end(), html_mod.unescape(m.group(0)))
    text, offsets = _apply_edits(raw, ed.edits)
    text = _join_soft_breaks(text, raw, offsets)
    return Document(path=path, text=text, date=_meta_date(meta, path), lang=_meta_lang(meta),
                    suppressions=directives.done(), meta=meta, source=raw, offsets=offsets)


#: a raw line that starts a block of its own: it never continues the paragraph above it
_BLOCK_START = re.compile(r"^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}(?:[ \t]|$)|>|```|~~~|\||<|(?:[-*_][ \t]*){3,}$|=+[ \t]*$)")


def _join_soft_breaks(text: str, raw: str, offsets: array) -> str:
    """A hard-wrapped paragraph reads as one line: "worth $275 million,\nequivalent to about
    3 billion kronor" is one claim. Each line break between two lines of prose of the same
    paragraph becomes a space (one character for one: offsets and positions are unchanged);
    blank lines, headings, list items, quotes, tables and fences still break."""
    if "\n" not in text:
        return text
    chars = list(text)
    n = len(text)
    i = text.find("\n")
    while i >= 0:
        before = text[text.rfind("\n", 0, i) + 1:i]
        nxt_end = text.find("\n", i + 1)
        after = text[i + 1:nxt_end if nxt_end >= 0 else n]
        if before.strip() and after.strip() and i < len(offsets):
            src = offsets[i]
            raw_start = raw.rfind("\n", 0, src) + 1
            raw_next_end = raw.find("\n", src + 1)
            this_line = raw[raw_start:src]
            next_line = raw[src + 1:raw_next_end if raw_next_end >= 0 else len(raw)]
            if not _BLOCK_START.match(next_line) and not re.match(r"^ {0,3}(?:#|\|)", this_line):
                chars[i] = " "
        i = nxt_end
    return "".join(chars)


# -- HTML -----------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption dd details div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
_SKIP_TAGS = frozenset("script style template noscript svg math iframe object head title textarea select".split())
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_PRE_TAGS = frozenset(("pre",))
_WS = re.compile(r"\s+|\S+")


class _ProseParser(HTMLParser):
    """Walks an HTML document with the standard library's parser and collects the text a
    reader sees in the body, each character mapped back to its offset in the file."""

    def __init__(self, raw: str):
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", raw)]
        self.out = _Builder()
        self.skip: list[str] = []  # open elements whose content is not prose
        self.pre = 0
        self.directives = _Directives(raw)
        self.meta: dict = {}

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def _break(self, pos: int) -> None:
        if self.out.ends_with_break():
            return
        self.out.add("\n\n", pos, copy=False)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.meta.setdefault("lang", a["lang"])
        if tag == "meta":
            key = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if key in ("date", "article:published_time", "datepublished", "dc.date", "pubdate") and a.get("content"):
                self.meta.setdefault("date", a["content"])
            if key in ("language", "dc.language", "content-language") and a.get("content"):
                self.meta.setdefault("lang", a["content"])
        if tag in _SKIP_TAGS and tag not in _VOID_TAGS:
            if tag != "head" or not self.skip:
                self.skip.append(tag)
            return
        if tag == "body" and "head" in self.skip:  # a body without </head>
            self.skip = [t for t in self.skip if t != "head"]
        if self.skip:
            return
        if tag in _PRE_TAGS:
            self.pre += 1
        if tag in _BLOCK_TAGS:
            self._break(self._offset())

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIP_TAGS and self.skip and self.skip[-1] == tag:
            self.skip.pop()

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in self.skip:
                while self.skip and self.skip.pop() != tag:
                    pass
            return
        if tag in _PRE_TAGS and self.pre:
            self.pre -= 1
        if tag in _BLOCK_TAGS:
            self._break(self._offset())

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        pos = self._offset()
        copy = self.raw.startswith(data, pos)
        if self.pre:
            self.out.add(data, pos, copy)
            return
        for m in _WS.finditer(data):  # HTML collapses white space to one space
            at = pos + m.start() if copy else pos
            if m.group(0)[0].isspace():
                if not self.out.ends_with_space():
                    self.out.add(" ", at, copy=False)
            else:
                self.out.add(m.group(0), at, copy)

    def _ref(self, ref: str) -> None:
        if self.skip:
            return
        self.out.add(html_mod.unescape(ref), self._offset(), copy=False)

    def handle_entityref(self, name: str) -> None:
        self._ref(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        self.directives.comment(data, start, start + len(data) + 7)


def _unclosed_tags_as_text(raw: str) -> str:
    """html.parser reads an unclosed "<a …" to the end of the text before it gives up and
    reads it as text — again from every later "<": n² on "<a <a <a …" (issue 18). After the
    last ">" no tag or comment can close, so those "<" become spaces (same length: offsets
    hold) when there are enough of them to matter; the parser reads the rest as text anyway."""
    last = raw.rfind(">")
    if raw.count("<", last + 1) <= 64:
        return raw
    return raw[: last + 1] + raw[last + 1:].replace("<", " ")


def parse_html(raw: str, path: str = "<html>") -> Document:
    """HTML: the text of the body (no head, script, style or template), white space
    collapsed as a browser does, blocks separated by blank lines; the date and language
    from front matter, else from ``<meta name="date">`` and ``<html lang>``."""
    meta, fm_end = _front_matter(raw, path)
    parser = _ProseParser(_unclosed_tags_as_text(_blank(raw, 0, fm_end) if fm_end else raw))
    try:
        parser.feed(parser.raw)
        parser.close()
    except Exception as e:  # the parser is lenient; anything it still raises is bad input
        raise InputError(f"{path}: cannot parse HTML: {e}") from None
    for k, v in parser.meta.items():
        meta.setdefault(k, v)
    text, offsets = parser.out.build()
    return Document(path=path, text=text, date=_meta_date(meta, path, "metadata"), lang=_meta_lang(meta),
                    suppressions=parser.directives.done(), meta=meta, source=raw, offsets=offsets)


# -- dispatch -------------------------------------------------------------------------------


def format_of(path: str) -> str:
    """"markdown", "html", "jsonl" or "text", by the file's suffix."""
    suffix = Path(path).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "text"


def parse_document(raw: str, path: str = "<text>", fmt: str | None = None) -> Document:
    """Prose, date, language and suppressions of one content file's text. ``fmt`` is
    "markdown", "html" or "text" (default: by the suffix of ``path``)."""
    fmt = fmt or format_of(path)
    if fmt == "markdown":
        return parse_markdown(raw, path)
    if fmt == "html":
        return parse_html(raw, path)
    return parse_text(raw, path)


def _read_text(path: str | Path) -> str:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read: {e.strerror or e}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{p}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(f"{p}:{line}: invalid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None


def read_document(path: str | Path, fmt: str | None = None) -> Document:
    """Read and parse one file; an InputError with one line naming the problem otherwise."""
    raw = _read_text(path)
    doc = parse_document(raw, str(path), fmt)
    return doc if doc.file else _with_file(doc, str(path))


def _with_file(doc: Document, file: str) -> Document:
    from dataclasses import replace

    return replace(doc, file=file)


def record_name(file: str, line: int, rid: str | None) -> str:
    """How an archive's article is named in reports: ``archive.jsonl:12#id``."""
    return f"{file}:{line}#{rid}" if rid else f"{file}:{line}"


def read_jsonl(path: str | Path) -> Iterator[Document | InputError]:
    """The articles of a ``.jsonl`` archive, one per line: ``{"text": …, "date": …,
    "lang": …, "id": …}`` (date, lang and id optional). A line that is not such an object
    yields one InputError naming the file and line; the other lines are still read."""
    file = str(path)
    raw = _read_text(path)
    for n, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = jsonfile.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(f"{file}:{n}: invalid JSON: {e.msg} (column {e.colno})")
            continue
        except jsonfile.JSONShapeError as e:
            yield InputError(f"{file}:{n}: invalid JSON: {e.msg}")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield InputError(f"{file}:{n}: not an article: expected an object with a \"text\" string")
            continue
        rid = rec.get("id")
        rid = str(rid) if rid not in (None, "") else None
        name = record_name(file, n, rid)
        try:
            day = _meta_date(rec, name, "record")
        except InputError as e:
            yield e
            continue
        yield Document(path=name, text=rec["text"], date=day, lang=_meta_lang(rec),
                       meta={k: v for k, v in rec.items() if k != "text"}, file=file, record_line=n, record_id=rid)


# -- directories ----------------------------------------------------------------------------


def _matches(rel: str, patterns: list[str], full: str | None = None) -> bool:
    """Does a path match a glob, read as ``.gitignore`` reads it? A pattern without a slash
    (``*.md``, ``drafts``, ``drafts/``) matches a file or folder name at any depth; one with a
    slash (``news/*``, ``content/drafts``, ``**/2024/**``) matches the path relative to the
    directory given, or as given on the command line (``full``), or a folder on it."""
    parts = rel.split("/")
    paths = [rel] + ([full] if full and full != rel else [])
    for pat in patterns:
        pat = pat.replace(os.sep, "/")
        if pat.startswith("./"):
            pat = pat[2:]
        dir_only = pat.endswith("/")
        pat = pat.rstrip("/")
        if not pat:
            continue
        if "/" not in pat:
            names = parts[:-1] if dir_only else parts
            if any(fnmatch.fnmatchcase(n, pat) for n in names):
                return True
            continue
        for path in paths:
            segs = path.split("/")
            # the path itself, or one of its folders ("content/drafts" covers content/drafts/a.md)
            prefixes = ["/".join(segs[:k]) for k in range(1, len(segs) + (0 if dir_only else 1))]
            for cand in prefixes:
                if fnmatch.fnmatchcase(cand, pat) or (pat.startswith("**/") and fnmatch.fnmatchcase(cand, pat[3:])):
                    return True
            if pat.endswith("/**") and (path + "/").startswith(pat[:-2]):
                return True
    return False


def expand_paths(paths: list[str], include: list[str] | None = None, exclude: list[str] | None = None) -> list[tuple[str, InputError | None]]:
    """Files to check: files as given, directories walked recursively for content files
    (sorted). ``include`` globs replace the default suffixes; ``exclude`` globs drop files
    (and apply to files given by name too)."""
    out: list[tuple[str, InputError | None]] = []
    include = list(include or [])
    exclude = list(exclude or [])
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found: list[tuple[str, InputError | None]] = []

            def unreadable(e: OSError) -> None:
                # Path.rglob skips a folder it cannot list without a word; a folder that
                # cannot be read is reported like a file that cannot (issue 18)
                name = e.filename or p
                found.append((str(name), InputError(f"{name}: cannot read directory: {e.strerror or e}")))

            for dirpath, dirnames, filenames in os.walk(path, onerror=unreadable):
                # .git, .venv …: never content
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for name in filenames:
                    f = Path(dirpath) / name
                    if not f.is_file():
                        continue
                    rel = f.relative_to(path).as_posix()
                    full = f.as_posix()
                    wanted = _matches(rel, include, full) if include else f.suffix.lower() in CONTENT_SUFFIXES
                    if wanted and not (exclude and _matches(rel, exclude, full)):
                        found.append((str(f), None))
            found.sort(key=lambda x: x[0])
            if not found:
                what = "files matching " + ", ".join(include) if include else f"content files ({', '.join(CONTENT_SUFFIXES)})"
                out.append((p, InputError(f"{p}: directory holds no {what}")))
            out.extend(found)
        else:
            if exclude and _matches(os.path.normpath(p).replace(os.sep, "/"), exclude):
                continue
            out.append((p, None))
    return out


def suppressed_claims(doc: Document, starts: list[int], ends: list[int] | None = None) -> dict[int, str]:
    """Which claims (by index into ``starts``, their source offsets) an editor suppressed,
    with the reason: an ``off`` region covers every claim inside it; an ``ignore`` covers
    the first claim after it only; a trailing ``ignore`` the claims on its own line."""
    return suppression_use(doc, starts, ends)[0]


def suppression_use(doc: Document, starts: list[int], ends: list[int] | None = None) -> tuple[dict[int, str], list[Suppression]]:
    """The suppressed claims (as :func:`suppressed_claims`) and the suppressions that
    silenced nothing (``--report-unused-ignores``)."""
    ends = ends if ends is not None else [s + 1 for s in starts]
    out: dict[int, str] = {}
    used: set[int] = set()
    order = sorted(range(len(starts)), key=lambda i: starts[i])
    for k, s in enumerate(doc.suppressions):
        if s.kind == "off":
            for i in order:
                if s.start <= starts[i] < s.end:
                    out.setdefault(i, s.reason)
                    used.add(k)
        elif s.kind == "line":  # the claim's span meets the line before the comment
            for i in order:
                if starts[i] < s.end and ends[i] > s.start:
                    out.setdefault(i, s.reason)
                    used.add(k)
    for k, s in enumerate(doc.suppressions):
        if s.kind == "ignore":
            nxt = next((i for i in order if starts[i] >= s.start), None)
            if nxt is not None:
                out.setdefault(nxt, s.reason)
                used.add(k)
    return out, [s for k, s in enumerate(doc.suppressions) if k not in used]


__all__ = [
    "Document", "Suppression", "parse_document", "parse_text", "parse_markdown", "parse_html", "read_document",
    "read_jsonl", "record_name", "expand_paths", "suppressed_claims", "suppression_use", "format_of", "CONTENT_SUFFIXES",
]
