"""Output formats: text with carets and colour, JSON, SARIF 2.1.0 (validated against the
official schema), GitHub workflow annotations; severities."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from numcheck.batch import FileResult, check_document, check_paths
from numcheck.checkrun import exit_status, parse_severity
from numcheck.documents.readers import parse_document
from numcheck.errors import InputError
from numcheck.outputs.report import caret_lines, github_escape_data, github_escape_property, render_github, render_json, render_text
from numcheck.outputs.sarif import artifact_uri, render_sarif

DAY = "2024-11-19"
SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

STORY = (
    "# Aid\n\n"
    "A package worth $275 million, equivalent to approximately 3 billion kronor.\n\n"
    "<!-- numcheck: ignore quoted from the ministry -->\n"
    "A loan of $275 million, equivalent to 9 billion kronor.\n\n"
    "A grant of $100 million, equivalent to 5 billion kronor.\n\n"
    "A fund of $100 million, or 5 billion kronor over ten years.\n"
)


@pytest.fixture
def results(tmp_path):
    p = tmp_path / "story.md"
    p.write_text(STORY)
    archive = tmp_path / "archive.jsonl"
    archive.write_text(
        json.dumps({"id": "x:1", "date": DAY, "text": "Intro.\nA grant of $100 million, equivalent to 5 billion kronor."}) + "\n"
        + "{broken\n"
    )
    return check_paths([str(p), str(archive), str(tmp_path / "missing.md")], date=DAY)


def test_sarif_validates_against_the_official_schema(results):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA.read_text())
    log = json.loads(render_sarif(results))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert errors == []


def test_sarif_content(results):
    log = json.loads(render_sarif(results))
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "numcheck"
    assert run["columnKind"] == "unicodeCodePoints"
    res = run["results"]
    # consistent is severity "none" by default: left out; the ambiguous pairing is a warning
    assert [(r["ruleId"], r["level"]) for r in res] == [
        ("numcheck/inconsistent", "error"), ("numcheck/inconsistent", "error"),
        ("numcheck/ambiguous", "warning"), ("numcheck/inconsistent", "error"),
    ]
    rules = run["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in res)
    supp = res[0]
    assert supp["suppressions"] == [{"kind": "inSource", "justification": "quoted from the ministry"}]
    region = res[1]["locations"][0]["physicalLocation"]["region"]
    line = STORY.splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "5 billion kronor"
    record = res[3]
    assert record["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("archive.jsonl")
    assert record["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert record["message"]["text"].startswith("x:1 2:40: ")
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 2 and run["invocations"][0]["executionSuccessful"] is False
    assert any("invalid JSON" in n["message"]["text"] for n in notes)
    assert all(len(r["partialFingerprints"]["numcheckClaim/v1"]) == 24 for r in res)


def test_severity_configures_sarif_and_exit_status(results):
    sev = parse_severity(["ambiguous=error", "consistent=note"])
    log = json.loads(render_sarif(results, severity=sev))
    levels = [r["level"] for r in log["runs"][0]["results"]]
    assert levels == ["note", "error", "error", "error", "error"]
    checked = [r for r in results if r.report is not None]
    only_ambiguous = [check_document(parse_document("A fund of $100 million, or 5 billion kronor over ten years.\n", "a.txt"), date=DAY)]
    assert exit_status(only_ambiguous) == 0
    assert exit_status(only_ambiguous, parse_severity("ambiguous=error")) == 1
    assert exit_status(checked, parse_severity("inconsistent=warning,ambiguous=note")) == 0


@pytest.mark.parametrize("spec,needle", [
    ("ambiguous", "expected VERDICT=LEVEL"),
    ("wrong=error", "invalid severity for 'wrong'"),
    ("ambiguous=fatal", "invalid severity level 'fatal'"),
])
def test_bad_severity_is_one_line(spec, needle):
    with pytest.raises(InputError, match=re.escape(needle)):
        parse_severity([spec])


def test_github_annotations(results):
    out = render_github(results).splitlines()
    ann = [l for l in out if l.startswith("::")]
    # the story: 1 inconsistent + 1 ambiguous (the suppressed one and the consistent one are
    # left out); the archive: 1 inconsistent; 2 errors (a broken line, a missing file)
    assert len(ann) == 5
    story = [l for l in ann if "story.md" in l]
    m = re.fullmatch(r"::error file=([^,]+),line=(\d+),col=(\d+),endColumn=(\d+),title=([^:]+)::(.*)", story[0])
    assert m, story[0]
    line, col, end = int(m.group(2)), int(m.group(3)), int(m.group(4))
    assert STORY.splitlines()[line - 1][col - 1:end - 1] == "5 billion kronor"
    assert m.group(5) == "numcheck%3A inconsistent money conversion"
    assert story[1].startswith("::warning ")
    rec = [l for l in ann if "archive.jsonl" in l and "::error" in l and "line=1," in l]
    assert rec and "::x:1 2:40: " in rec[0]
    assert any(l.startswith("::error file=") and "missing.md" in l and "no such file" in l for l in ann)
    assert out[-1].startswith("total: ")


def test_github_escaping():
    assert github_escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert github_escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    r = FileResult("dir/we,ird:name.md", None, "dir/we,ird:name.md: no such file\nsecond")
    line = render_github([r]).splitlines()[0]
    assert line == "::error file=dir/we%2Cird%3Aname.md,title=numcheck%3A input error::dir/we,ird:name.md: no such file%0Asecond"


def test_text_format_has_caret_under_the_stated_figure(results):
    out = render_text(results)
    lines = out.splitlines()
    i = next(n for n, l in enumerate(lines) if re.match(r".*story\.md:\d+:\d+: inconsistent: stated 5 billion", l))
    assert lines[i + 1] == "    A grant of $100 million, equivalent to 5 billion kronor."
    assert lines[i + 2] == "    " + " " * lines[i + 1][4:].index("5 billion") + "^" + "~" * 15
    assert "\033[" not in out
    assert lines[-1] == "total: 2 files, 1 article, 2 unreadable, 5 claims: 1 consistent, 2 inconsistent, 1 ambiguous, 1 suppressed"


def test_text_colour_only_when_asked(results):
    out = render_text(results, color=True)
    assert "\033[1;31minconsistent:\033[0m" in out and "\033[1;33mambiguous:\033[0m" in out


def test_caret_window_on_a_long_line():
    from numcheck.batch import Snippet

    text = "x" * 300 + " 3 billion kronor " + "y" * 300
    start = text.index("3 billion") + 1
    src, caret = caret_lines(Snippet(1, text, start, start + 16), width=100)
    assert len(src) <= 102 and src.startswith("…") and src.endswith("…")
    assert src[caret.index("^"):caret.index("^") + 16] == "3 billion kronor"


def test_json_stays_compatible(results):
    data = json.loads(render_json(results))
    f0 = data["files"][0]
    assert set(f0) >= {"path", "date", "lang", "ok", "findings", "notes"}
    assert set(f0["findings"][0]) >= {"kind", "verdict", "line", "column", "source", "target", "expected", "message", "suppressed"}
    assert [f["severity"] for f in f0["findings"]] == ["none", "error", "error", "warning"]
    rec = data["files"][1]
    assert rec["file"].endswith("archive.jsonl") and rec["line"] == 1 and rec["id"] == "x:1"
    assert data["summary"] == {
        "files": 2, "articles": 1, "errors": 2, "claims": 5, "consistent": 1, "inconsistent": 2,
        "unverifiable": 0, "ambiguous": 1, "suppressed": 1, "baseline": 0,
    }


@pytest.mark.parametrize("path,uri", [
    ("content/a b.md", "content/a%20b.md"),
    ("news/ü.md", "news/%C3%BC.md"),
    ("/abs/x.md", "file:///abs/x.md"),
])
def test_artifact_uri(path, uri):
    assert artifact_uri(path) == uri


@pytest.mark.parametrize("choice,tty,no_color,want", [
    ("auto", True, None, True),
    ("auto", False, None, False),
    ("auto", True, "1", False),
    ("always", False, "1", True),
    ("never", True, None, False),
])
def test_colour_choice(monkeypatch, choice, tty, no_color, want):
    from numcheck.checkrun import color_wanted

    class Stream:
        def isatty(self):
            return tty

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    if no_color:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert color_wanted(choice, Stream()) is want
