"""Input formats: Markdown, HTML, plain text and JSONL archives → prose, with every finding
placed at the line:column of the original file."""

from __future__ import annotations

import json

import pytest

from numcheck.batch import check_document, check_paths
from numcheck.documents.readers import parse_document, parse_html, parse_markdown, parse_text, read_jsonl
from numcheck.errors import InputError
from numcheck.model import Verdict

CLAIM = "a package worth $275 million, equivalent to approximately 3 billion kronor"
WRONG = "a package worth $275 million, equivalent to approximately 9 billion kronor"
DAY = "2024-11-19"


def line_col(source: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based line and column of the nth occurrence of needle in source."""
    at = -1
    for _ in range(nth + 1):
        at = source.index(needle, at + 1)
    line = source.count("\n", 0, at) + 1
    return line, at - (source.rfind("\n", 0, at) + 1) + 1


def findings(doc, **kw):
    r = check_document(doc, date=kw.pop("date", DAY), **kw)
    assert r.error is None
    return r


# -- Markdown: what is prose and what is not ------------------------------------------------

MARKDOWN_SKIPPED = [
    ("fenced code", f"Intro.\n\n```text\n{WRONG}\n```\n\nOutro.\n"),
    ("tilde fence", f"Intro.\n\n~~~\n{WRONG}\n~~~\n"),
    ("unclosed fence", f"Intro.\n\n```\n{WRONG}\n"),
    ("indented code", f"Intro.\n\n    {WRONG}\n\nOutro.\n"),
    ("inline code", f"Run `{WRONG}` in the shell.\n"),
    ("double-backtick code", f"Run ``{WRONG}`` please.\n"),
    ("HTML comment", f"Text <!-- {WRONG} --> more.\n"),
    ("link target", "See [the report](https://example.com/$275-million-equivalent-to-9-billion-kronor).\n"),
    ("bare URL", "Source: https://example.com/worth/$275/million/equivalent/to/9/billion/kronor\n"),
    ("reference definition", "[ref]: https://example.com/a?q=$275+million,+equivalent+to+9+billion+kronor\n"),
    ("image", f"![{WRONG}](chart.png)\n"),
    ("autolink", "Source: <https://example.com/$275-million,-equivalent-to-9-billion-kronor>\n"),
    ("raw script block", f"Intro.\n\n<script>\nvar s = '{WRONG}';\n</script>\n"),
    ("HTML tag attribute", f'<span title="{WRONG}">Intro.</span>\n'),
]


@pytest.mark.parametrize("name,src", MARKDOWN_SKIPPED, ids=[c[0] for c in MARKDOWN_SKIPPED])
def test_markdown_non_prose_is_not_checked(name, src):
    r = findings(parse_markdown(src, "a.md"))
    assert r.report.findings == ()


MARKDOWN_FOUND = [
    ("plain paragraph", f"Title\n=====\n\nOn Tuesday {CLAIM}.\n"),
    ("bold figures", "On Tuesday a package worth **$275 million**, equivalent to approximately *3 billion kronor*.\n"),
    ("heading", f"## Tuesday: {CLAIM}\n"),
    ("quote", f"> On Tuesday {CLAIM}.\n"),
    ("list item", f"- first\n- On Tuesday {CLAIM}.\n"),
    ("link text", "On Tuesday [a package worth $275 million](https://example.com/x), equivalent to approximately 3 billion kronor.\n"),
    ("reference link", "On Tuesday [a package worth $275 million][aid], equivalent to approximately 3 billion kronor.\n\n[aid]: https://e.com/x\n"),
    ("link with parentheses in the target", "On Tuesday [a package worth $275 million](https://e.com/wiki/Aid_(2024)), equivalent to approximately 3 billion kronor.\n"),
    ("after inline code", f"Set `x = 1`; on Tuesday {CLAIM}.\n"),
    ("after a code block", f"```\ncode\n```\n\nOn Tuesday {CLAIM}.\n"),
    ("escaped dollar", "A package worth \\$275 million, equivalent to approximately 3 billion kronor.\n"),
    ("no-break space entity", "A package worth $275&nbsp;million, equivalent to approximately 3 billion kronor.\n"),
    ("indented list continuation", "- item\n\n    On Tuesday a package worth $275 million, equivalent to approximately 3 billion kronor.\n"),
]


@pytest.mark.parametrize("name,src", MARKDOWN_FOUND, ids=[c[0] for c in MARKDOWN_FOUND])
def test_markdown_prose_is_checked_at_file_position(name, src):
    r = findings(parse_markdown(src, "a.md"))
    assert [f.verdict for f in r.report.findings] == [Verdict.CONSISTENT]
    f = r.report.findings[0]
    assert (f.line, f.column) == line_col(src, "3 billion kronor")
    snip = r.snippets[0]
    assert snip.text[snip.start - 1:snip.end - 1] == "3 billion kronor"


def test_markdown_front_matter_sets_date_and_language_and_keeps_lines():
    src = f"---\ntitle: Aid\ndate: 2024-11-19\nlang: en\n---\n\nOn Tuesday {CLAIM}.\n"
    doc = parse_markdown(src, "a.md")
    assert str(doc.date) == DAY and doc.lang == "en"
    r = check_document(doc)  # no date given: the front matter's
    f = r.report.findings[0]
    assert f.rate.requested.isoformat() == DAY
    assert (f.line, f.column) == line_col(src, "3 billion kronor")


def test_toml_front_matter():
    src = f"+++\ntitle = 'Aid'\ndate = 2024-11-19T08:00:00Z\nlang = 'en'\n+++\n\nOn Tuesday {CLAIM}.\n"
    doc = parse_markdown(src, "a.md")
    assert str(doc.date) == DAY and doc.lang == "en" and "title" not in doc.text
    f = check_document(doc).report.findings[0]
    assert (f.line, f.column) == line_col(src, "3 billion kronor")


@pytest.mark.parametrize("src,needle", [
    ("---\ndate: [unclosed\n---\nText.\n", "a.md: invalid YAML front matter"),
    ("+++\ndate = \n+++\nText.\n", "a.md: invalid TOML front matter"),
    ("---\ndate: 2024-02-30\n---\nText.\n", "a.md: front matter: invalid date '2024-02-30'"),
    ("---\n- a list\n---\nText.\n", "a.md: front matter is not a mapping"),
])
def test_bad_front_matter_is_one_line(src, needle):
    with pytest.raises(InputError) as e:
        parse_markdown(src, "a.md")
    assert str(e.value).startswith(needle) and "\n" not in str(e.value)


def test_cli_date_overrides_front_matter():
    src = f"---\ndate: 2010-01-04\n---\nOn Tuesday {CLAIM}.\n"
    r = check_document(parse_markdown(src, "a.md"), date=DAY)
    assert r.report.findings[0].rate.requested.isoformat() == DAY


def test_markdown_code_keeps_a_directive_from_counting():
    src = f"```\n<!-- numcheck: off -->\n```\n\n{WRONG}.\n"
    r = findings(parse_markdown(src, "a.md"))
    assert [f.verdict for f in r.report.findings] == [Verdict.INCONSISTENT]
    assert r.suppressed == {}


# -- HTML -----------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <title>$275 million, equivalent to 9 billion kronor</title>
  <meta name="date" content="2024-11-19">
  <style>p::after {{ content: "$275 million, equivalent to 9 billion kronor" }}</style>
  <script>var x = "$275 million, equivalent to 9 billion kronor";</script>
</head>
<body>
  <script>document.write("$275 million, equivalent to 9 billion kronor")</script>
  <p>On Tuesday a package worth <b>$275&nbsp;million</b>,
     equivalent to approximately <em>3 billion kronor</em>.</p>
  <p>{second}</p>
</body>
</html>
"""


def test_html_body_text_only_with_file_positions():
    src = HTML_PAGE.format(second="Nothing else.")
    doc = parse_html(src, "a.html")
    assert "9 billion" not in doc.text
    assert str(doc.date) == DAY and doc.lang == "en"  # from <meta name="date"> and <html lang>
    r = check_document(doc)
    assert [f.verdict for f in r.report.findings] == [Verdict.CONSISTENT]
    f = r.report.findings[0]
    assert (f.line, f.column) == line_col(src, "3 billion kronor")


def test_html_entities_and_tags_map_back_to_the_file():
    src = HTML_PAGE.format(second="Later a loan of &euro;10&nbsp;million, or 9 billion kronor.")
    r = check_document(parse_html(src, "a.html"))
    assert len(r.report.findings) == 2
    f = r.report.findings[1]
    assert f.source.text.startswith("€10")
    assert (f.line, f.column) == line_col(src, "9 billion kronor", nth=4)


def test_html_blocks_do_not_join_into_a_claim():
    src = "<p>A fund of $275 million</p><p>(approximately 3 billion kronor in total)</p>"
    r = check_document(parse_html(src, "a.html"), date=DAY)
    assert r.report.findings == ()


def test_html_without_body_or_head_is_a_fragment():
    src = f"<div>On Tuesday {CLAIM}.</div>"
    r = check_document(parse_html(src, "a.html"), date=DAY)
    assert [(f.line, f.column) for f in r.report.findings] == [line_col(src, "3 billion kronor")]


# -- plain text -----------------------------------------------------------------------------


def test_text_front_matter_is_blanked_and_lines_hold():
    src = f"---\ndate: 2024-11-19\n---\nLine two.\nOn Tuesday {CLAIM}.\n"
    doc = parse_text(src, "a.txt")
    assert len(doc.text) == len(src) and "date:" not in doc.text
    r = check_document(doc)
    assert [(f.line, f.column) for f in r.report.findings] == [line_col(src, "3 billion kronor")]


def test_format_is_chosen_by_suffix(tmp_path):
    body = "On Tuesday a package worth **$275 million**, equivalent to approximately 3 billion kronor.\n"
    md, txt = tmp_path / "a.md", tmp_path / "a.txt"
    md.write_text(body)
    txt.write_text(body)
    assert "**" not in parse_document(body, str(md)).text
    assert "**" in parse_document(body, str(txt)).text


# -- JSONL archives -------------------------------------------------------------------------


def _archive(tmp_path, lines):
    p = tmp_path / "archive.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_jsonl_articles_are_checked_with_their_own_date_and_named_by_line_and_id(tmp_path):
    text = f"Dateline.\n\nOn Tuesday {WRONG}."
    p = _archive(tmp_path, [
        json.dumps({"id": "a1", "date": DAY, "lang": "en", "text": f"Dateline.\n\nOn Tuesday {CLAIM}."}),
        "",
        json.dumps({"id": "a2", "date": DAY, "text": text}),
        json.dumps({"text": "No money here."}),
    ])
    results = check_paths([str(p)])
    assert [r.path for r in results] == [f"{p}:1#a1", f"{p}:3#a2", f"{p}:4"]
    assert [r.record_line for r in results] == [1, 3, 4]
    bad = results[1].report.findings[0]
    assert bad.verdict is Verdict.INCONSISTENT
    assert (bad.line, bad.column) == line_col(text, "9 billion kronor")  # inside the article
    assert bad.rate.requested.isoformat() == DAY


def test_jsonl_bad_line_is_one_error_and_the_rest_is_checked(tmp_path):
    p = _archive(tmp_path, [
        json.dumps({"id": "a1", "date": DAY, "text": CLAIM}),
        '{"id": "a2", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a4", "date": "19 Nov 2024", "text": CLAIM}),
        json.dumps({"id": "a5", "date": DAY, "text": WRONG}),
    ])
    results = check_paths([str(p)])
    errors = [r.error for r in results if r.error]
    assert len(errors) == 3
    assert errors[0].startswith(f"{p}:2: invalid JSON")
    assert errors[1].startswith(f"{p}:3: not an article")
    assert f"{p}:4#a4" in errors[2] and "invalid date" in errors[2]
    checked = [r for r in results if r.report is not None]
    assert [r.record_id for r in checked] == ["a1", "a5"]
    assert checked[1].inconsistent == 1


def test_read_jsonl_reports_each_bad_line_once(tmp_path):
    p = _archive(tmp_path, ["{", json.dumps({"text": "ok"}), "nope"])
    items = list(read_jsonl(p))
    assert [type(i).__name__ for i in items] == ["InputError", "Document", "InputError"]
    assert all(isinstance(i, InputError) and "\n" not in str(i) for i in (items[0], items[2]))


# -- the offset map, for any input ----------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "$275 million", ", equivalent to ", "3 billion kronor", "**", "*", "_", "`", "```\n", "    ", "\n", "\n\n",
    "[", "](https://e.com/x)", "<!-- numcheck: ignore -->", "<p>", "</p>", "<b>", "&nbsp;", "&amp;", "# ",
    "> ", "- ", "\\$", "<script>", "</script>", "word ", "ü", "\t", "https://e.com/a ",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.sampled_from(["a.md", "a.html", "a.txt"]))
def test_offset_map_points_into_the_source_in_order(pieces, name):
    src = "".join(pieces)
    doc = parse_document(src, name)
    n = len(doc.text)
    offs = [doc.source_offset(i) for i in range(n)]
    assert all(0 <= o < len(src) for o in offs)
    assert offs == sorted(offs)  # prose keeps the order of the source
    for i, o in enumerate(offs):  # each character is the source's, but for decoded entities and white space
        assert doc.text[i] == src[o] or src[o] == "&" or doc.text[i].isspace(), (i, doc.text[i], src[o])
    for i in range(n):
        line, col = doc.position(i)
        assert 1 <= line <= src.count("\n") + 1 and col >= 1
