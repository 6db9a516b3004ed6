"""Turn input paths into articles: .txt, .html/.htm, .jsonl/.json, .warc/.warc.gz and `-` (stdin JSONL).

Why one stream of `InputItem`s: ingest must never stop on a bad document, so every reader
turns each problem (empty file, binary data, broken JSON line, truncated WARC, page with no
article text) into an item with a readable `error` and goes on to the next document. An item
carries either an `Article` or an error, plus its `origin` (path, ``path:line``,
``path#record``) so the failure can be found again.

Text is decided here, once, with ``\\n`` line endings, because every offset the pipeline
stores points into it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any, Literal
from urllib.parse import urlsplit

from peristiwa.model import Article
from peristiwa.text.reader import DEFAULT_MAX_BYTES, InputError, guess_title, looks_like_html, read_text_bytes

TEXT_EXTS = (".txt",)
HTML_EXTS = (".html", ".htm")
JSON_EXTS = (".jsonl", ".json", ".ndjson")
WARC_EXTS = (".warc", ".warc.gz")
KNOWN_EXTS = TEXT_EXTS + HTML_EXTS + JSON_EXTS + WARC_EXTS
MIN_HTML_WORDS = 10  # fewer words than this is a menu or a stub, not an article
JSON_FIELDS = ("id", "url", "title", "text", "published", "source", "outlet", "language")

ItemStatus = Literal["ok", "failed", "skipped"]


@dataclass(slots=True)
class InputItem:
    """One document from the input: an article, or the reason there is none."""

    origin: str
    article: Article | None = None
    status: ItemStatus = "ok"
    error: str | None = None
    declared_language: str | None = None

    @property
    def identity(self) -> str:
        """Content hash: of the text when there is one, else of the origin and reason."""
        if self.article is not None:
            return content_hash(self.article.text)
        return hashlib.sha256(f"{self.status}\x1f{self.origin}\x1f{self.error}".encode()).hexdigest()


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ReaderOptions:
    """When a document states no publication date: a date in the file name (2023-03-21-…,
    20230321_…) is used; else `default_date` (`ingest --date`); else, with `date_from_metadata`,
    the container's date (WARC-Date of the capture, or the file's modification time)."""

    date_from_metadata: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    language: str = "id"
    default_date: date | None = None


def iter_inputs(paths: Iterable[str], options: ReaderOptions = ReaderOptions(),
                stdin: IO[bytes] | None = None) -> Iterator[InputItem]:
    """Every document under `paths` (directories recursively, in sorted order)."""
    for source in input_files(paths):
        if source == "-":
            stream = stdin
            if stream is None:
                import sys

                stream = sys.stdin.buffer
            yield from read_jsonl_stream(stream, "<stdin>", options)
        else:
            yield from read_path(source, options)


def input_files(paths: Iterable[str]) -> Iterator[Path | Literal["-"]]:
    """The files `iter_inputs` reads, in its order: directories walked sorted, hidden parts and
    unknown extensions inside a directory left out; `-` (stdin) passed through. Shared with the
    Dask engine, which plans its partitions from this list."""
    for raw in paths:
        if raw == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if file_ext(child) in KNOWN_EXTS:
                    yield child
        else:
            yield path


def file_ext(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    return path.suffix.lower()


def read_path(path: Path, options: ReaderOptions = ReaderOptions()) -> Iterator[InputItem]:
    """Dispatch one file on its extension; unknown extensions are read as plain text."""
    origin = str(path)
    if not path.exists():
        yield InputItem(origin, status="failed", error=f"{path}: no such file or directory")
        return
    ext = file_ext(path)
    try:
        if ext in JSON_EXTS:
            if ext == ".json":
                yield from read_json_file(path, options)
            else:
                with path.open("rb") as stream:
                    yield from read_jsonl_stream(stream, origin, options)
        elif ext in WARC_EXTS:
            yield from read_warc(path, options)
        elif ext in HTML_EXTS:
            data = _read_bytes(path, options.max_bytes)
            yield html_item(data, origin, stem=path.stem, fallback_date=_file_date(path, options))
        else:
            yield text_item(_read_bytes(path, options.max_bytes), origin, path.stem, _file_date(path, options))
    except InputError as exc:
        yield InputItem(origin, status="failed", error=str(exc))
    except OSError as exc:
        yield InputItem(origin, status="failed", error=f"{path}: cannot read ({exc.strerror or exc})")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"{path.name}: file is {size / 1e6:.1f} MB, larger than the {max_bytes / 1e6:.1f} MB "
                         "limit for one article")
    return path.read_bytes()


_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)")


def _file_date(path: Path, options: ReaderOptions) -> date | None:
    """Fallback publication date of a file: its name, then --date, then (if asked) its mtime."""
    match = _NAME_DATE.search(path.name)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    if options.default_date is not None:
        return options.default_date
    if not options.date_from_metadata:
        return None
    return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).date()


def text_item(data: bytes, origin: str, stem: str, fallback_date: date | None = None) -> InputItem:
    """A plain-text article; text that is really HTML goes through the HTML extractor."""
    name = Path(origin).name
    check_utf8(data, name)
    text = read_text_bytes(data, name)
    if looks_like_html(text):
        return html_item(data, origin, stem=stem, fallback_date=fallback_date)
    return InputItem(origin, Article(id=stem, text=text, title=guess_title(text), published=fallback_date))


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]{1,3}")


def check_utf8(data: bytes, name: str) -> None:
    """Refuse text that is UTF-8 with broken bytes in it (rather than a legacy encoding).

    A file that contains valid multi-byte UTF-8 sequences *and* invalid bytes is damaged
    UTF-8; decoding it with a guessed single-byte codepage would silently corrupt every
    non-ASCII character, so it is reported instead. Pure legacy files (no UTF-8 sequences)
    are left to the charset detector.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return
        if _UTF8_MULTIBYTE.search(data[: exc.start]) or _UTF8_MULTIBYTE.search(data[exc.end :]):
            raise InputError(f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                             "re-save the file as UTF-8") from exc


def html_item(data: bytes, origin: str, *, stem: str, url: str | None = None,
              fallback_date: date | None = None) -> InputItem:
    """Main text, title, date, URL and outlet of a web page, via trafilatura."""
    import trafilatura

    name = Path(origin.split("#")[0]).name
    if b"\x00" in data[:65536]:
        return InputItem(origin, status="failed", error=f"{name}: looks like a binary file, not HTML")
    try:
        result = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                             include_tables=False)
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup
        return InputItem(origin, status="failed", error=f"{name}: HTML could not be parsed ({type(exc).__name__})")
    meta = result.as_dict() if result is not None and hasattr(result, "as_dict") else (result or {})
    text = (meta.get("text") or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text.split()) < MIN_HTML_WORDS:
        return InputItem(origin, status="skipped", error=f"{name}: HTML page has no article text")
    page_url = meta.get("url") or url
    outlet = meta.get("sitename") or meta.get("hostname") or _host(page_url)
    published = parse_date(meta.get("date")) or fallback_date
    article = Article(id=stem, text=text, title=meta.get("title") or None, url=page_url, published=published,
                      source=outlet)
    return InputItem(origin, article, declared_language=meta.get("language"))


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def parse_date(value: Any) -> date | None:
    """ISO dates and datetimes (``2023-03-21``, ``2023-03-21T08:00:00Z``); anything else is None."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def json_item(obj: Any, origin: str, default_id: str, default_date: date | None = None) -> InputItem:
    """An article from a JSON object with fields id, url, title, text, published, source, language."""
    if not isinstance(obj, dict):
        return InputItem(origin, status="failed", error=f"{origin}: expected a JSON object, got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputItem(origin, status="failed", error=f"{origin}: no \"text\" field (or it is empty)")
    if len(text) > DEFAULT_MAX_BYTES:
        return InputItem(origin, status="failed",
                         error=f"{origin}: text is {len(text) / 1e6:.1f} M characters, over the one-article limit")
    try:
        text = read_text_bytes(text.encode("utf-8", "surrogatepass"), origin)
    except InputError as exc:
        return InputItem(origin, status="failed", error=str(exc))
    except UnicodeEncodeError:
        return InputItem(origin, status="failed", error=f"{origin}: text contains invalid Unicode")
    url = obj.get("url") or None
    article = Article(
        id=str(obj.get("id") or default_id), text=text, title=obj.get("title") or None, url=url,
        published=parse_date(obj.get("published") or obj.get("date")) or default_date,
        source=obj.get("source") or obj.get("outlet") or _host(url),
    )
    return InputItem(origin, article, declared_language=obj.get("language"))


def read_jsonl_stream(stream: IO[bytes], origin: str, options: ReaderOptions = ReaderOptions(),
                      first_line: int = 1) -> Iterator[InputItem]:
    """One article per line; a broken line becomes a failed item and reading goes on.

    `first_line` is the line number of the stream's first line, for a stream that is one
    block of a larger file (the Dask engine's partitions): origins and default ids stay those
    of a whole-file read."""
    stem = Path(origin).stem
    for number, raw in enumerate(stream, start=first_line):
        where = f"{origin}:{number}"
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield InputItem(where, status="failed", error=f"{where}: line is not valid UTF-8 ({exc.reason})")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputItem(where, status="failed", error=f"{where}: invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield json_item(obj, where, f"{stem}:{number}", options.default_date)


def read_json_file(path: Path, options: ReaderOptions = ReaderOptions()) -> Iterator[InputItem]:
    """A JSON array of articles, an {"articles": [...]} object or one article object."""
    origin = str(path)
    data = _read_bytes(path, max(options.max_bytes, 512 * 1024 * 1024))
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield InputItem(origin, status="failed", error=f"{path.name}: not valid UTF-8 ({exc.reason})")
        return
    except json.JSONDecodeError as exc:
        yield InputItem(origin, status="failed",
                        error=f"{path.name}: invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
        return
    if isinstance(obj, dict) and isinstance(obj.get("articles"), list):
        obj = obj["articles"]
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            yield json_item(item, f"{origin}#{i}", f"{path.stem}:{i}", options.default_date)
    else:
        yield json_item(obj, origin, path.stem, options.default_date)


def read_warc(path: Path, options: ReaderOptions = ReaderOptions()) -> Iterator[InputItem]:
    """HTML responses of a WARC file (Common Crawl CC-NEWS format).

    In a .warc.gz every record is its own gzip member, so a truncated file is checked
    member by member first: records that start inside the intact prefix are kept, anything
    after the damage is dropped, and one failed item reports the truncation.
    """
    from warcio.archiveiterator import ArchiveIterator

    valid_end, damage = _gzip_valid_prefix(path) if path.name.lower().endswith(".gz") else (None, None)
    count = 0
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                wanted = record.rec_type == "response" and record.http_headers is not None
                if wanted:
                    status = record.http_headers.get_statuscode() or ""
                    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                    wanted = status.startswith("2") and ("html" in ctype or not ctype)
                payload = record.content_stream().read() if wanted else b""
                # get_record_offset() reads the record to its end, so it comes after the payload.
                if damage and records.get_record_offset() >= valid_end:
                    break
                if not wanted:
                    continue
                count += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                fallback = parse_date(record.rec_headers.get_header("WARC-Date")) if options.date_from_metadata \
                    else options.default_date
                yield html_item(payload, f"{path}#{count}", stem=url or f"{path.stem}#{count}", url=url,
                                fallback_date=fallback)
    except Exception as exc:  # warcio raises assorted errors on damaged input
        if not damage:
            yield InputItem(f"{path}#{count + 1}", status="failed",
                            error=f"{path.name}: corrupt WARC after {count} records ({type(exc).__name__}: {exc})")
            return
    if damage:
        yield InputItem(f"{path}#{count + 1}", status="failed",
                        error=f"{path.name}: WARC file is truncated or corrupt after {count} complete HTML "
                              f"records ({damage}); the rest is lost")


def _gzip_valid_prefix(path: Path) -> tuple[int, str | None]:
    """(end offset of the last complete gzip member, description of the damage or None)."""
    end = 0
    consumed = 0
    decoder = zlib.decompressobj(wbits=31)
    started = False
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                while chunk:
                    started = True
                    decoder.decompress(chunk)
                    if decoder.eof:
                        used = len(chunk) - len(decoder.unused_data)
                        consumed += used
                        end = consumed
                        chunk = decoder.unused_data
                        decoder = zlib.decompressobj(wbits=31)
                        started = bool(chunk)
                    else:
                        consumed += len(chunk)
                        chunk = b""
    except zlib.error as exc:
        return end, f"gzip error: {exc}"
    if started:
        return end, "compressed data ends before the end of a record"
    return end, None


def iter_jsonl_files(directory: str | os.PathLike[str]) -> Iterator[Path]:
    """The .jsonl files under a directory, sorted (used by scripts and benchmarks)."""
    yield from sorted(Path(directory).rglob("*.jsonl"))


__all__ = [
    "JSON_FIELDS",
    "KNOWN_EXTS",
    "InputItem",
    "ReaderOptions",
    "content_hash",
    "file_ext",
    "html_item",
    "input_files",
    "iter_inputs",
    "json_item",
    "parse_date",
    "read_jsonl_stream",
    "read_path",
    "read_warc",
    "text_item",
]
