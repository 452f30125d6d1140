"""The ``numcheck`` command: check, extract, rates.

Exit status: 0 when nothing is inconsistent, 1 when something is, 2 on usage or input
errors (a missing or unreadable file, an invalid date, an unknown currency). Each error is
one line on stderr naming the file, line or value; the other files are still checked.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from .errors import InputError, NumcheckError, RateUnavailable

EXIT_OK, EXIT_INCONSISTENT, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2 (argparse prints usage too)
        self.print_usage(sys.stderr)
        print(f"numcheck: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ERROR)


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", default=None, help='language of the text: "en", "en-US", "sv" … (default: front matter, else en)')


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="numcheck", description="Catch wrong numbers in news copy.")
    from . import __version__

    parser.add_argument("--version", action="version", version=f"numcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    c = sub.add_parser("check", help="check the conversions stated in files (or - for stdin)")
    c.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for standard input")
    c.add_argument("--date", help="the article date, YYYY-MM-DD (default: front matter, else the latest rates)")
    _add_common(c)
    c.add_argument("--tolerance", help="relative tolerance for rate drift on top of rounding (default 0.03)")
    c.add_argument("--rates", default=None, help='rate providers in order, comma-separated (default "ecb")')
    c.add_argument("--format", choices=["text", "json"], default="text")

    e = sub.add_parser("extract", help="list every amount found in a file (or - for stdin)")
    e.add_argument("path", metavar="PATH")
    _add_common(e)
    e.add_argument("--format", choices=["text", "json"], default="json")

    r = sub.add_parser("rates", help="show the rate for BASE → QUOTE on a day")
    r.add_argument("base", metavar="BASE")
    r.add_argument("quote", metavar="QUOTE")
    r.add_argument("--date", help="the day, YYYY-MM-DD (default: the latest available)")
    r.add_argument("--provider", default=None, help='rate providers in order, comma-separated (default "ecb")')
    return parser


def _stdin_text() -> str:
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"-: invalid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None


def _providers(spec: str | None):
    if not spec:
        return None
    return [s.strip() for s in spec.split(",") if s.strip()]


def cmd_check(args: argparse.Namespace) -> int:
    from .batch import FileResult, check_document, check_paths
    from .documents import parse_document
    from .pipeline import _tolerance
    from .rates.ecb import parse_date
    from .report import render_json, render_text

    day = parse_date(args.date)
    _tolerance(args.tolerance)  # validate once, before any file is read
    options = dict(date=day, lang=args.lang, tolerance=args.tolerance, rates=_providers(args.rates))
    results: list[FileResult] = []
    files = [p for p in args.paths if p != "-"]
    for p in args.paths:
        if p == "-":
            try:
                results.append(check_document(parse_document(_stdin_text(), "-"), **options))
            except InputError as e:
                results.append(FileResult("-", None, str(e)))
    if files:
        results.extend(check_paths(files, **options))
    out = render_json(results) if args.format == "json" else render_text(results)
    sys.stdout.write(out)
    errors = [r for r in results if r.error]
    for r in errors:  # in JSON they are in the document too; stderr is for humans
        print(f"numcheck: error: {r.error}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_INCONSISTENT if any(r.inconsistent for r in results) else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from .documents import parse_document, read_document
    from .mentions import extract

    doc = parse_document(_stdin_text(), "-") if args.path == "-" else read_document(args.path)
    mentions = extract(doc.text, lang=args.lang or doc.lang or "en")
    if args.format == "json":
        print(json.dumps([m.to_dict() for m in mentions], ensure_ascii=False, indent=2))
    else:
        from .pipeline import LineIndex

        idx = LineIndex(doc.text)
        for m in mentions:
            line, col = idx.position(m.start)
            hedge = f" [{m.hedge_text}]" if m.hedge_text else ""
            unit = m.unit or "?"
            if m.ambiguous:
                unit += " (or " + ", ".join(m.candidates[1:]) + ")"
            value = f"{m.value:g}" + (f"–{m.value_max:g}" if m.value_max is not None else "")
            print(f"{doc.path}:{line}:{col}: {m.kind}: {m.text!r} = {value} {unit}{hedge}")
    return EXIT_OK


def cmd_rates(args: argparse.Namespace) -> int:
    from .formatting import rate_text
    from .rates import resolve
    from .rates.ecb import parse_date

    day = parse_date(args.date)
    base, quote = args.base.upper(), args.quote.upper()
    for code in (base, quote):
        if len(code) != 3 or not code.isalpha():
            raise InputError(f"invalid currency code {code!r}: expected an ISO 4217 code such as USD")
    provider = resolve(_providers(args.provider))
    try:
        r = provider.rate(base, quote, day)
    except RateUnavailable as e:
        print(f"numcheck: {base}/{quote}: unavailable: {e}", file=sys.stderr)
        return EXIT_ERROR
    note = f" — {r.note}" if r.note else ""
    print(f"1 {base} = {rate_text(r.value)} {quote} on {r.date} ({r.provider}){note}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return {"check": cmd_check, "extract": cmd_extract, "rates": cmd_rates}[args.command](args)
    except NumcheckError as e:
        print(f"numcheck: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `numcheck check … | head`
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
