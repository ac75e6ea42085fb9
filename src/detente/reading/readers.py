"""Read reports from text, Markdown, HTML, JSON and JSONL files or standard input.

Every reader ends in :func:`build_report`, which normalises the text, finds the
title and dateline, and settles the publication date in this order:

1. the ``published`` argument (``--published``);
2. metadata (HTML ``<meta>`` dates, a JSON/JSONL ``published`` field);
3. the dateline, when it gives month and day — the year from the dateline,
   else from partial metadata (``published: "2025"``), else from the one year
   written in the title or on the dateline's line (noted in ``date_note``);
4. otherwise unknown: ``published=None``, ``date_precision="unknown"``, the
   reason in ``date_note`` and one :class:`DateWarning`.

Bad input never raises from :func:`read_paths`; it yields a :class:`ReadError`.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal, TextIO

from detente.reading.dateline import parse_dateline
from detente.reading.htmltext import html_text
from detente.records import Dateline, DatePrecision, Report, normalize_text

__all__ = [
    "DIRECTORY_SUFFIXES",
    "MAX_JSON_DEPTH",
    "MAX_REPORT_BYTES",
    "DateWarning",
    "Format",
    "ReadError",
    "build_report",
    "read_paths",
    "read_text",
]

Format = Literal["text", "markdown", "html"]

#: File suffixes picked up when a directory is read (case-insensitive).  A
#: file named explicitly is read whatever its suffix: unknown suffixes are
#: read as HTML when they look like HTML, as plain text otherwise.
DIRECTORY_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}

_MONTH_NAMES = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
_YEAR_RE = re.compile(r"(?<![\d.,/-])(?:19[5-9]\d|20\d\d)(?![\d.,/-]\d)")
_HTML_SNIFF = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<article|<\?xml)", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)
#: A title is a heading, not a paragraph.
_MAX_TITLE = 300
#: A year completing a dateline must be written this close to the top (title and
#: dateline line); further down, years are mostly history ("the 2014 accords").
_YEAR_WINDOW = 1000


class DateWarning(UserWarning):
    """A report's publication date could not be settled; it is stored as unknown."""


@dataclass(frozen=True, slots=True)
class ReadError:
    """An input that could not be read as a report.

    ``origin`` names the file (``path``, ``path:LINE`` or ``<stdin>``);
    ``message`` is one line saying what is wrong.  ``str()`` gives both.
    """

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


class _Bad(Exception):
    """Internal: turned into a :class:`ReadError` by the reader that caught it."""


#: Default size limit of one report (``--max-bytes``): below spaCy's 1,000,000-character
#: document limit, and a size that extraction (in chunks) gets through in bounded memory.
MAX_REPORT_BYTES = 1_000_000
#: Deepest JSON nesting read; a report needs three levels (array, object, value).
MAX_JSON_DEPTH = 64
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_loads(text: str) -> Any:
    """``json.loads`` refusing nesting deeper than :data:`MAX_JSON_DEPTH` before parsing."""
    depth = deepest = 0
    for m in _JSON_BRACKET.finditer(_JSON_STRING.sub("", text)):
        depth += 1 if m.group() in "[{" else -1
        if depth > deepest:
            deepest = depth
            if deepest > MAX_JSON_DEPTH:
                raise _Bad(f"JSON nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except (ValueError, RecursionError) as exc:  # e.g. an integer of 5,000 digits
        raise _Bad(f"unreadable JSON: {str(exc).split(';')[0][:120]}") from None


# --------------------------------------------------------------------------- building


def _title_from_lines(text: str, fmt: str, dateline: Dateline | None) -> str | None:
    """First line as title when a blank line, a Setext underline or the dateline follows it."""
    lead = len(text) - len(text.lstrip())
    lines = text[lead:].split("\n", 2)
    first = lines[0].strip()
    if not first or len(first) > _MAX_TITLE or len(lines) < 2:
        return None
    second_start = lead + len(lines[0]) + 1
    if dateline is not None and dateline.start < second_start:
        return None  # the first line is the dateline itself
    second = lines[1].strip()
    follows_dateline = (
        dateline is not None and second_start <= dateline.start <= second_start + len(lines[1])
    )
    setext = fmt == "markdown" and bool(second) and set(second) <= {"=", "-"}
    atx = fmt == "markdown" and first.startswith("#")
    if second and not follows_dateline and not setext and not atx:
        return None
    if fmt == "markdown":
        first = first.lstrip("#").strip().rstrip("#").strip()
    return first or None


def _year_near_top(text: str, dateline: Dateline) -> tuple[int | None, list[int]]:
    """The one year written in the title or on the dateline's line, if there is exactly one."""
    line_end = text.find("\n", dateline.end)
    window = text[: len(text) if line_end == -1 else line_end][:_YEAR_WINDOW]
    years = sorted({int(y) for y in _YEAR_RE.findall(window)})
    return (years[0] if len(years) == 1 else None), years


#: Publication dates outside this range are treated as unknown.
PUBLISHED_RANGE = (date(1900, 1, 1), date(2199, 12, 31))


def _resolve_date(
    text: str,
    dateline: Dateline | None,
    published: date | None,
    meta_published: tuple[date, DatePrecision] | None,
) -> tuple[date | None, DatePrecision, str]:
    if published is not None:
        return published, "day", "--published"
    if meta_published is not None:
        meta_date, meta_precision = meta_published
        # Metadata giving only a month or year is completed by a dateline that agrees with it.
        if (
            meta_precision != "day"
            and dateline is not None
            and dateline.day is not None
            and dateline.month is not None
            and dateline.year in (None, meta_date.year)
            and (meta_precision == "year" or dateline.month == meta_date.month)
        ):
            try:
                resolved = date(meta_date.year, dateline.month, dateline.day)
            except ValueError:
                return meta_date, meta_precision, "metadata"
            month = _MONTH_NAMES[dateline.month - 1]
            return resolved, "day", f"dateline {month} {dateline.day}; year from metadata"
        return meta_date, meta_precision, "metadata"
    if dateline is None:
        return None, "unknown", "no date in metadata and no dateline; pass --published"
    if dateline.day is None:
        return None, "unknown", "the dateline gives no date; pass --published"
    if dateline.month is None:
        return (
            None,
            "unknown",
            f"dateline gives only the day ({dateline.day}); pass --published",
        )
    given = f"{_MONTH_NAMES[dateline.month - 1]} {dateline.day}"
    if dateline.year is not None:
        try:
            return date(dateline.year, dateline.month, dateline.day), "day", "dateline"
        except ValueError:
            return None, "unknown", f"dateline gives {given} {dateline.year}, not a date"
    year, years = _year_near_top(text, dateline)
    if year is None:
        seen = f" (the text mentions {', '.join(map(str, years))})" if years else ""
        return None, "unknown", f"dateline gives {given} but no year{seen}; pass --published"
    try:
        resolved = date(year, dateline.month, dateline.day)
    except ValueError:
        return None, "unknown", f"dateline gives {given}, not a date in {year}; pass --published"
    return resolved, "day", f"dateline {given}; year {year} from the text near the top"


def build_report(
    text: str,
    *,
    origin: str | None = None,
    fmt: str = "text",
    title: str | None = None,
    url: str | None = None,
    published: date | None = None,
    source: str | None = None,
    meta_title: str | None = None,
    meta_url: str | None = None,
    meta_published: tuple[date, DatePrecision] | None = None,
    meta_source: str | None = None,
) -> Report:
    """Build a :class:`Report` from already-extracted *text*.

    Explicit arguments win over ``meta_*`` values found in the input, which
    win over what the text itself shows (title line, dateline).  Emits one
    :class:`DateWarning` when the publication date stays unknown.
    """
    body = normalize_text(text)
    dateline = parse_dateline(body)
    the_title = title or meta_title or _title_from_lines(body, fmt, dateline)
    when, precision, note = _resolve_date(body, dateline, published, meta_published)
    if when is not None and not PUBLISHED_RANGE[0] <= when <= PUBLISHED_RANGE[1]:
        # A wire report from year 1 or 9999 is a broken date field, and date arithmetic
        # downstream (relative dates, story windows) cannot use it.
        lo, hi = (d.year for d in PUBLISHED_RANGE)
        when, precision, note = None, "unknown", f"{when} is outside {lo}–{hi}; pass --published"
    if when is None:
        where = f"{origin}: " if origin else ""
        warnings.warn(f"{where}publication date unknown: {note}", DateWarning, stacklevel=3)
    return Report(
        text=body,
        title=the_title,
        source=source or meta_source or (dateline.agency if dateline else None),
        url=url or meta_url,
        published=when,
        date_precision=precision,
        date_note=note,
        dateline=dateline,
        origin=origin,
    )


# --------------------------------------------------------------------------- formats


def _parse_published(value: Any) -> tuple[date, DatePrecision]:
    """Parse a metadata date: ISO date or datetime, ``YYYY-MM`` or ``YYYY``."""
    if not isinstance(value, str) or not value.strip():
        raise _Bad(f"'published' must be an ISO date string, got {value!r}")
    raw = value.strip()
    try:
        return date.fromisoformat(raw), "day"
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(raw).date(), "day"
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{4})-(\d{2})", raw)
    if m and 1 <= int(m.group(2)) <= 12 and int(m.group(1)) >= 1:
        return date(int(m.group(1)), int(m.group(2)), 1), "month"
    if re.fullmatch(r"\d{4}", raw) and int(raw) >= 1:
        return date(int(raw), 1, 1), "year"
    raise _Bad(f"'published' is not an ISO date: {raw[:40]!r}")


def _html_parts(html: str, url: str | None) -> dict[str, Any]:
    """Main text and metadata of an HTML page, via trafilatura."""
    from trafilatura import bare_extraction

    # No extensive date search: a date found in the body text is not metadata
    # and is left to the dateline rules, which say where it came from.
    params = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
    try:
        doc = bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=params,
        )
    except RecursionError:
        return {}  # nesting too deep for trafilatura: the caller falls back to plain text
    except Exception as exc:  # noqa: BLE001 - a broken page is bad input, never a traceback
        raise _Bad(f"could not parse the HTML ({type(exc).__name__})") from None
    if doc is None:
        return {}
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {k: data.get(k) for k in ("text", "title", "url", "date", "sitename")}


def _report_from_html(
    html: str,
    *,
    origin: str | None,
    title: str | None,
    url: str | None,
    published: date | None,
    source: str | None,
) -> Report:
    parts = _html_parts(html, url)
    body = normalize_text(parts.get("text") or "")
    if not body:
        # trafilatura (libxml2) gives up on very deep nesting; the plain text is still there.
        body = normalize_text(html_text(html))
    if not body:
        raise _Bad("no main text found in the HTML")
    meta_date = None
    if parts.get("date"):
        try:
            meta_date = _parse_published(parts["date"])
        except _Bad:
            meta_date = None  # an unreadable meta date is no date, not a bad report
    return build_report(
        body,
        origin=origin,
        fmt="html",
        title=title,
        url=url,
        published=published,
        source=source,
        meta_title=parts.get("title") or None,
        meta_url=parts.get("url") or None,
        meta_published=meta_date,
        meta_source=parts.get("sitename") or None,
    )


def read_text(
    text: str,
    *,
    origin: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: date | None = None,
    source: str | None = None,
    fmt: Format = "text",
) -> Report:
    """Read one report from a string.

    *fmt* is ``"text"``, ``"markdown"`` or ``"html"`` (HTML is reduced to its
    main text with trafilatura; its metadata fills title, URL, date and source
    where not given).  Raises :class:`ValueError` when there is no text.
    """
    if fmt not in ("text", "markdown", "html"):
        raise ValueError(f"unknown format {fmt!r}; expected text, markdown or html")
    try:
        if fmt == "html":
            return _report_from_html(
                text, origin=origin, title=title, url=url, published=published, source=source
            )
        if not normalize_text(text).strip():
            raise _Bad("empty report: no text")
    except _Bad as exc:
        raise ValueError(str(exc)) from None
    return build_report(
        text, origin=origin, fmt=fmt, title=title, url=url, published=published, source=source
    )


@dataclass(frozen=True, slots=True)
class _Options:
    published: date | None
    source: str | None
    max_bytes: int


def _record_report(record: Any, origin: str, opts: _Options) -> Report:
    """A report from one JSON object (a JSONL line or a JSON file entry)."""
    if not isinstance(record, dict):
        raise _Bad(f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise _Bad("no 'text' field")
    if not isinstance(text, str):
        raise _Bad(f"'text' must be a string, got {type(text).__name__}")
    # JSON may escape lone surrogates ("\\ud800"), which no UTF-8 text can hold.
    text = _SURROGATE.sub("\ufffd", text)
    if len(text.encode("utf-8")) > opts.max_bytes:
        raise _Bad(f"report text is over the {opts.max_bytes}-byte limit (--max-bytes)")
    if not normalize_text(text).strip():
        raise _Bad("empty report: 'text' is blank")
    meta: dict[str, str | None] = {}
    for key in ("title", "url", "source"):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise _Bad(f"'{key}' must be a string, got {type(value).__name__}")
        value = _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else None
        meta[key] = (value.strip() or None) if value is not None else None
    meta_published = None
    if record.get("published") is not None and opts.published is None:
        meta_published = _parse_published(record["published"])
    return build_report(
        text,
        origin=origin,
        fmt="text",
        published=opts.published,
        source=opts.source,
        meta_title=meta["title"],
        meta_url=meta["url"],
        meta_published=meta_published,
        meta_source=meta["source"],
    )


def _jsonl_reports(
    lines: Iterable[bytes | None], origin: str, opts: _Options
) -> Iterator[Report | ReadError]:
    found = False
    for number, raw_line in enumerate(lines, start=1):
        where = f"{origin}:{number}"
        if raw_line is None:
            found = True
            yield ReadError(where, f"line is over the {_line_limit(opts)}-byte limit")
            continue
        if not raw_line.strip():
            continue
        found = True
        try:
            line = raw_line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield ReadError(where, f"not valid UTF-8 (byte {exc.start} of the line)")
            continue
        try:
            record = _json_loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        except _Bad as exc:
            yield ReadError(where, str(exc))
            continue
        try:
            yield _record_report(record, where, opts)
        except _Bad as exc:
            yield ReadError(where, str(exc))
    if not found:
        yield ReadError(origin, "empty feed: no JSON lines")


def _json_reports(text: str, origin: str, opts: _Options) -> Iterator[Report | ReadError]:
    try:
        data = _json_loads(text)
    except json.JSONDecodeError as exc:
        yield ReadError(origin, f"malformed JSON: {exc.msg} (line {exc.lineno})")
        return
    except _Bad as exc:
        yield ReadError(origin, str(exc))
        return
    if isinstance(data, dict):
        try:
            yield _record_report(data, origin, opts)
        except _Bad as exc:
            yield ReadError(origin, str(exc))
        return
    if not isinstance(data, list) or not data:
        yield ReadError(origin, "expected a JSON object or a non-empty array of objects")
        return
    for index, record in enumerate(data, start=1):
        where = f"{origin}:{index}"
        try:
            yield _record_report(record, where, opts)
        except _Bad as exc:
            yield ReadError(where, str(exc))


def _decode(data: bytes, fmt: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if fmt == "html":
            # Pages may declare a legacy charset; honour it rather than fail.
            declared = _CHARSET.search(data[:4096])
            if declared:
                try:
                    return data.decode(declared.group(1).decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    pass
        raise _Bad(
            f"not valid UTF-8 text (undecodable byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def _sniff(data: bytes, suffix_fmt: str | None) -> str:
    if suffix_fmt is not None:
        return suffix_fmt
    if _HTML_SNIFF.match(data[:1024]):
        return "html"
    stripped = data.lstrip()
    if stripped.startswith(b"{") and all(
        line.lstrip().startswith(b"{") for line in stripped.splitlines() if line.strip()
    ):
        return "jsonl"
    return "text"


def _reports_from_bytes(
    data: bytes, origin: str, suffix_fmt: str | None, opts: _Options
) -> Iterator[Report | ReadError]:
    if not data.strip():
        yield ReadError(origin, "empty file: no text")
        return
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        # UTF-16 text (as some editors save it) is text, not binary: re-encode once.
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            yield ReadError(origin, "starts with a UTF-16 mark but is not valid UTF-16")
            return
    if b"\x00" in data[:8192]:
        yield ReadError(origin, "binary file, not a text report")
        return
    fmt = _sniff(data, suffix_fmt)
    if fmt == "jsonl":
        yield from _jsonl_reports(data.split(b"\n"), origin, opts)
        return
    if len(data) > opts.max_bytes:
        yield ReadError(
            origin,
            f"report is {len(data)} bytes, over the {opts.max_bytes}-byte limit (--max-bytes)",
        )
        return
    try:
        text = _decode(data, fmt)
        if fmt == "json":
            yield from _json_reports(text, origin, opts)
            return
        if fmt == "html":
            yield _report_from_html(
                text,
                origin=origin,
                title=None,
                url=None,
                published=opts.published,
                source=opts.source,
            )
            return
        if not normalize_text(text).strip():
            raise _Bad("empty file: no text")
        yield build_report(
            text, origin=origin, fmt=fmt, published=opts.published, source=opts.source
        )
    except _Bad as exc:
        yield ReadError(origin, str(exc))


# --------------------------------------------------------------------------- paths


def _walk(directory: Path) -> list[Path]:
    """Report files under *directory*, recursively, sorted, hidden ones skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in DIRECTORY_SUFFIXES:
                found.append(Path(root) / name)
    return found


def _line_limit(opts: _Options) -> int:
    # A feed line carries one report's text, JSON-escaped (up to six bytes a character).
    return 6 * opts.max_bytes + 65_536


def _peek(fh: BinaryIO, n: int = 8192) -> bytes | None:
    """The first *n* bytes of *fh* without consuming them (``None`` when it cannot tell)."""
    if hasattr(fh, "peek"):
        return fh.peek(n)[:n]
    if fh.seekable():
        pos = fh.tell()
        head = fh.read(n)
        fh.seek(pos)
        return head
    return None


def _feed_lines(fh: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of a feed, one at a time; ``None`` for a line over *limit* bytes (skipped)."""
    while line := fh.readline(limit + 1):
        if len(line) > limit:
            while line and not line.endswith(b"\n"):
                line = fh.readline(1 << 20)
            yield None
        else:
            yield line.rstrip(b"\n")


def _read_stream(
    fh: BinaryIO, origin: str, suffix_fmt: str | None, opts: _Options
) -> Iterator[Report | ReadError]:
    """Reports from an open binary stream, never holding more than one report's bytes.

    Feeds are read line by line (limited per line, not per file); anything
    else is one report, read up to the limit and refused beyond it.
    """
    head = _peek(fh)
    plain = (
        head is not None
        and bool(head.strip())
        and head[:2] not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        and b"\x00" not in head
    )
    if plain and _sniff(head, suffix_fmt) == "jsonl":
        yield from _jsonl_reports(_feed_lines(fh, _line_limit(opts)), origin, opts)
        return
    limit = _line_limit(opts) if suffix_fmt == "jsonl" else opts.max_bytes
    yield from _reports_from_bytes(fh.read(limit + 1), origin, suffix_fmt, opts)


def _read_file(path: Path, origin: str, opts: _Options) -> Iterator[Report | ReadError]:
    suffix_fmt = DIRECTORY_SUFFIXES.get(path.suffix.lower())
    try:
        info = path.stat()
        if suffix_fmt != "jsonl" and stat.S_ISREG(info.st_mode) and info.st_size > opts.max_bytes:
            yield ReadError(
                origin,
                f"report is {info.st_size} bytes, over the {opts.max_bytes}-byte limit "
                "(--max-bytes)",
            )
            return
        with path.open("rb") as fh:
            # Bounded reads also keep pipes and devices (/dev/zero) from running away.
            yield from _read_stream(fh, origin, suffix_fmt, opts)
    except OSError as exc:
        yield ReadError(origin, f"cannot read: {exc.strerror or exc}")


def _read_stdin(stdin: TextIO, opts: _Options) -> Iterator[Report | ReadError]:
    origin = "<stdin>"
    buffer = getattr(stdin, "buffer", None)
    try:
        if buffer is not None:
            yield from _read_stream(buffer, origin, None, opts)
            return
        data = stdin.read(opts.max_bytes + 1)
        # A text-only stream: back to bytes, decoded below.
        yield from _reports_from_bytes(data.encode("utf-8", "surrogateescape"), origin, None, opts)
    except (OSError, UnicodeError, ValueError) as exc:
        yield ReadError(origin, f"cannot read standard input: {exc}")


def _guarded(items: Iterator[Report | ReadError], origin: str) -> Iterator[Report | ReadError]:
    """*items*, with anything a reader raises turned into one :class:`ReadError` for *origin*.

    A reader bug or a pathological input must cost that input only, never the
    files read after it.
    """
    try:
        yield from items
    except (RecursionError, ValueError, TypeError, LookupError, ArithmeticError) as exc:
        reason = str(exc).strip().splitlines()
        detail = f": {reason[0][:200]}" if reason else ""
        yield ReadError(
            "<stdin>" if origin == "-" else origin, f"unreadable ({type(exc).__name__}{detail})"
        )


def read_paths(
    paths: Sequence[str],
    *,
    published: date | None = None,
    source: str | None = None,
    max_bytes: int = MAX_REPORT_BYTES,
    stdin: TextIO | None = None,
) -> Iterator[Report | ReadError]:
    """Read reports from files, directories (recursively) and ``-`` (standard input).

    Directories contribute their non-hidden files whose suffix is in
    :data:`DIRECTORY_SUFFIXES`: ``.txt``/``.text`` (plain text), ``.md``/
    ``.markdown``, ``.html``/``.htm``/``.xhtml``, ``.jsonl``/``.ndjson`` (one
    report per line: ``text`` plus optional ``title``, ``url``, ``published``,
    ``source``) and ``.json`` (one such object, or an array of them).  A file
    named explicitly is read whatever its suffix.  JSON reports get the origin
    ``path:N`` (line or array position).

    *published* and *source* override what the inputs say.  Yields a
    :class:`ReadError` for each input that cannot be read and carries on.
    """
    opts = _Options(published=published, source=source, max_bytes=max_bytes)
    for name in paths:
        if name == "-":
            yield from _guarded(_read_stdin(stdin if stdin is not None else sys.stdin, opts), "-")
            continue
        path = Path(name)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except (OSError, ValueError) as exc:  # e.g. a name too long or with a NUL byte
            yield ReadError(name, f"cannot read: {getattr(exc, 'strerror', None) or exc}")
            continue
        if is_dir:
            files = _walk(path)
            if not files:
                kinds = ", ".join(DIRECTORY_SUFFIXES)
                yield ReadError(name, f"no reports found in directory (looked for {kinds})")
                continue
            for file in files:
                yield from _guarded(_read_file(file, str(file), opts), str(file))
        elif exists:
            yield from _guarded(_read_file(path, name, opts), name)
        else:
            yield ReadError(name, "no such file or directory")
