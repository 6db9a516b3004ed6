"""Reading article files: encodings, line endings, metadata and refusals."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from peristiwa.text.reader import InputError, guess_title, read_article, read_text_bytes

BODY = "Menteri Luar Negeri bertemu mitranya di Jakarta.\nKedua pihak membahas “kerja sama” ekonomi.\n"
HEADLINE = "Menlu Bertemu Mitra dari Jepang"


def noise(n: int) -> bytes:
    """Deterministic random bytes without NULs (so the NUL check does not catch them first)."""
    rng = random.Random(7)
    return bytes(rng.randrange(1, 256) for _ in range(n))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_reads_utf8_with_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "berita-1.txt", (HEADLINE + "\n" + BODY).encode("utf-8"))
    article = read_article(path, published=date(2024, 5, 2))
    assert article.text == HEADLINE + "\n" + BODY  # headline kept in the text
    assert article.title == HEADLINE
    assert article.published == date(2024, 5, 2)
    assert article.language == "id"
    assert article.id.startswith("berita-1-") and len(article.id) == len("berita-1-") + 8


def test_id_changes_with_content(tmp_path: Path) -> None:
    a = read_article(write(tmp_path, "a.txt", BODY.encode()))
    b = read_article(write(tmp_path, "a2.txt", (BODY + "Tambahan.\n").encode()))
    assert a.id.split("-")[-1] != b.id.split("-")[-1]


def test_no_title_when_first_line_is_a_sentence(tmp_path: Path) -> None:
    assert read_article(write(tmp_path, "b.txt", BODY.encode())).title is None
    assert guess_title("Hanya satu baris tanpa titik") is None  # nothing follows it


def test_bom_and_crlf_are_normalised(tmp_path: Path) -> None:
    raw = "\ufeff" + (HEADLINE + "\r\n" + BODY.replace("\n", "\r\n"))
    article = read_article(write(tmp_path, "c.txt", raw.encode("utf-8")))
    assert "\r" not in article.text
    assert not article.text.startswith("\ufeff")
    assert article.text == HEADLINE + "\n" + BODY


def test_cp1252_is_detected(tmp_path: Path) -> None:
    text = "Presiden menyebut pertemuan itu “bersejarah” dan café—resto di Bali ramai.\n" * 3
    article = read_article(write(tmp_path, "d.txt", text.encode("cp1252")))
    assert article.text == text


def test_utf16_with_bom(tmp_path: Path) -> None:
    assert read_article(write(tmp_path, "e.txt", BODY.encode("utf-16"))).text == BODY


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\r\n  ", "empty"),
        ("nul.bin", b"abc\x00\x01\x02def" * 50, "binary"),
        ("ctrl.txt", bytes(range(1, 9)) * 200 + b"teks", "binary"),
        pytest.param(
            "noise.dat",
            noise(5000),
            "encoding",
            id="noise",
        ),
        ("page.html", b"<!DOCTYPE html><html><body><p>Berita</p></body></html>", "peristiwa ingest"),
    ],
)
def test_refuses_bad_files(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(InputError) as info:
        read_article(write(tmp_path, name, data))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_refuses_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "tidak-ada.txt")
    with pytest.raises(InputError, match="directory"):
        read_article(tmp_path)


def test_refuses_too_large(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", BODY.encode() * 100)
    with pytest.raises(InputError, match="limit"):
        read_article(path, max_bytes=1000)
    assert read_article(path).text.startswith("Menteri")  # default limit is far above


def test_read_text_bytes_reusable() -> None:
    assert read_text_bytes(b"satu\r\ndua\rtiga", "x") == "satu\ndua\ntiga"
    with pytest.raises(InputError, match=r"x\.dat"):
        read_text_bytes(b"\x00\x00\x00", "x.dat")
