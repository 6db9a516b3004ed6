"""Read a plain-text article file into an `Article`, refusing bad input with a clear message.

Why so strict: every offset the pipeline produces points into `Article.text`, so the text
must be decided once, here, and never change afterwards — decoded correctly, with line
endings normalised to ``\\n`` *before* anything computes an offset. Files that are not an
article (binary, empty, huge, HTML) are refused with a one-line `InputError` rather than
turned into garbage events.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path

import charset_normalizer

from peristiwa.model import Article

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# Single-byte Western codepages that charset-normalizer may pick almost interchangeably for
# Latin-script text; for id/en/ms cp1252 (the Windows default that produced most such files)
# is the best reading whenever it decodes the bytes cleanly.
_LATIN_SINGLE_BYTE = re.compile(r"^(?:cp125\d|windows-125\d|latin_?1|iso8859_\d+|mac_roman)$")
_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|div|p|script|meta|br)\b[^>]*>", re.IGNORECASE)
_TITLE_MAX_CHARS = 160
_TITLE_MAX_WORDS = 25
_TERMINAL_END = re.compile(r"[.!?…:;,][\"'”’)\]]*$")


class InputError(Exception):
    """An input file we refuse to read; `str(error)` is a one-line message for the user."""


def read_article(
    path: str | Path,
    published: date | None = None,
    language: str = "id",
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    """Read a UTF-8 (or detectable legacy-encoded) text file into an Article.

    The id is the file stem plus a short content hash (so two versions of one file never
    collide); the title is the first line when it looks like a headline. The text itself
    is kept whole, headline included.
    """
    p = Path(path)
    data = _read_bytes(p, max_bytes)
    text = read_text_bytes(data, p.name, language=language)
    if looks_like_html(text):
        raise InputError(f"{p.name}: looks like HTML; convert web pages with `peristiwa ingest` first")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return Article(
        id=f"{p.stem}-{digest}",
        text=text,
        title=guess_title(text),
        published=published,
        language=language,
    )


def _read_bytes(p: Path, max_bytes: int) -> bytes:
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a text file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"{p.name}: file is {size / 1e6:.1f} MB, larger than the {max_bytes / 1e6:.1f} MB limit "
                "for one article"
            )
        return p.read_bytes()
    except PermissionError as exc:
        raise InputError(f"{p}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from exc


def read_text_bytes(data: bytes, name: str, language: str = "id") -> str:
    """Decode raw bytes of a text document and normalise line endings to ``\\n``.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are read directly; anything else
    is handed to charset-normalizer. Binary data, undecodable data and empty documents
    raise `InputError` naming `name`.
    """
    text = _decode(data, name, language)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{name}: file is empty or contains only whitespace")
    if _control_ratio(text) > 0.01:
        raise InputError(f"{name}: looks like a binary file, not text")
    return text


def _decode(data: bytes, name: str, language: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _strict(data, "utf-32", name)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name)
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: looks like a binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: not UTF-8 and no text encoding could be detected; save it as UTF-8")
    encoding = best.encoding
    if language in {"id", "en", "ms"} and _LATIN_SINGLE_BYTE.match(encoding):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: starts with a {encoding.upper()} byte-order mark but is not valid {encoding}"
        ) from exc


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def _control_ratio(text: str) -> float:
    sample = text[:100_000]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))


def looks_like_html(text: str) -> bool:
    """True for web pages: a doctype/<html> at the start, or many block tags in the first 20 kB."""
    head = text[:20_000]
    stripped = head.lstrip().lower()
    if stripped.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(_HTML.findall(head)) >= 5


def guess_title(text: str) -> str | None:
    """The first non-empty line if it reads like a headline: short, followed by more text,
    and without sentence-final punctuation."""
    lines = text.lstrip().split("\n", 1)
    first = lines[0].strip()
    if len(lines) < 2 or not lines[1].strip() or not first:
        return None
    if len(first) > _TITLE_MAX_CHARS or len(first.split()) > _TITLE_MAX_WORDS:
        return None
    if _TERMINAL_END.search(first):
        return None
    return first


__all__ = [
    "DEFAULT_MAX_BYTES",
    "InputError",
    "guess_title",
    "looks_like_html",
    "read_article",
    "read_text_bytes",
]
