"""Files → reports: read each content file, check it with its own date and language, and
mark the findings an editor suppressed. One bad file never stops the others."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from .documents import Document, expand_paths, read_document, suppression_for
from .errors import InputError
from .model import Finding, Report, Verdict
from .pipeline import check


@dataclass(frozen=True)
class FileResult:
    path: str
    report: Report | None = None
    error: str | None = None  # one line naming the problem; the file was not checked
    suppressed: dict[int, str] = field(default_factory=dict)  # finding index → reason

    def counted(self) -> list[tuple[Finding, str | None]]:
        if self.report is None:
            return []
        return [(f, self.suppressed.get(i)) for i, f in enumerate(self.report.findings)]

    @property
    def inconsistent(self) -> int:
        return sum(1 for f, s in self.counted() if f.verdict is Verdict.INCONSISTENT and s is None)


def check_document(doc: Document, *, date: Any = None, lang: str | None = None, tolerance: Any = None, rates: Any = None) -> FileResult:
    """Check one document. Front matter (date, lang) applies unless the caller overrides it."""
    day = date if date is not None else doc.date
    language = lang or doc.lang or "en"
    report = check(doc.text, date=day, lang=language, tolerance=tolerance, rates=rates)
    used: set[int] = set()
    suppressed = {}
    for i, f in enumerate(report.findings):
        s = suppression_for(doc, min(f.source.start, f.target.start), used)
        if s is not None:
            suppressed[i] = s.reason
    if day is None:
        report = Report(report.findings, report.mentions, report.date, report.lang, report.notes + ("no article date: used the latest rates",))
    return FileResult(doc.path, report, None, suppressed)


def check_paths(paths: Iterable[str], **options: Any) -> list[FileResult]:
    out: list[FileResult] = []
    for path, err in expand_paths(list(paths)):
        if err is not None:
            out.append(FileResult(path, None, str(err)))
            continue
        try:
            doc = read_document(path)
            out.append(check_document(doc, **options))
        except InputError as e:
            out.append(FileResult(path, None, str(e)))
    return out


__all__ = ["FileResult", "check_document", "check_paths"]
