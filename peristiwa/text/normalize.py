"""Text normalisation for matching, never for storage.

Why: news text mixes curly and straight quotes, en/em dashes and hyphens, NBSPs and
compatibility characters (``ﬁ``, full-width digits). Lexicon lookups must not care, but
every extracted item must still point at the *original* characters. So the Document keeps
the original text untouched; `norm_token` gives the matching key for one token, and
`normalize_text` gives a normalised copy of a whole text together with an offset map back
to the original, for code that prefers to run regexes over normalised text.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

# Characters unified before matching. Kept as one translation table so the mapping is
# reviewable in one place; NFKC already handles full-width forms, NBSP and the ellipsis.
_UNIFY = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u0060": "'",  # `
        "\u00b4": "'",  # ´
        "\u02bc": "'",  # ʼ
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2033": '"',  # ″
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus sign
        "\u00ad": None,  # soft hyphen: invisible, must not split or change words
        "\u200b": None,  # zero-width space
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\ufeff": None,  # BOM / zero-width no-break space
    }
)

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def norm_token(s: str) -> str:
    """Matching key for a token: NFKC, quotes/apostrophes/dashes unified, lower-cased.

    ASCII strings (the vast majority of Indonesian tokens) take a fast path.
    """
    if s.isascii():
        return s.lower().replace("`", "'")
    return unicodedata.normalize("NFKC", s).translate(_UNIFY).lower()


def _norm_chunk(chunk: str, lower: bool) -> str:
    out = unicodedata.normalize("NFKC", chunk).translate(_UNIFY)
    return out.lower() if lower else out


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalised copy of a text plus the map from its offsets to the original's.

    `_starts[i]`/`_ends[i]` are the original span of normalised character `i`; they are
    None when normalisation preserved every offset (pure ASCII input), which is the
    common case and costs nothing.
    """

    text: str
    original: str
    _starts: array | None = None
    _ends: array | None = None

    def to_original(self, offset: int) -> int:
        """Original offset of a normalised *start* offset (or of the end of the text)."""
        if self._starts is None:
            return offset
        if offset >= len(self.text):
            return len(self.original)
        return self._starts[offset]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original `[start, end)` covering normalised `[start, end)`.

        A normalised range that covers only part of an expanded character (``…`` → ``...``)
        maps to the whole original character, so surfaces never cut a character in half.
        """
        if self._starts is None or self._ends is None:
            return start, end
        if end <= start:
            pos = self.to_original(start)
            return pos, pos
        return self._starts[start], self._ends[end - 1]


def normalize_text(text: str, *, lower: bool = True) -> NormalizedText:
    """Normalise a whole text like `norm_token` (lower-casing optional), keeping an offset map.

    Only non-ASCII runs are normalised, one character at a time, so each normalised
    character knows which original character produced it (NFKC may expand ``ﬁ`` to two
    characters; removed zero-width characters produce none).
    """
    if text.isascii():
        return NormalizedText(text.lower() if lower else text, text)
    pieces: list[str] = []
    starts = array("l")
    ends = array("l")
    pos = 0
    for m in _NON_ASCII.finditer(text):
        a, b = m.span()
        if a > pos:
            chunk = text[pos:a]
            pieces.append(chunk.lower() if lower else chunk)
            starts.extend(range(pos, a))
            ends.extend(range(pos + 1, a + 1))
        for i in range(a, b):
            out = _norm_chunk(text[i], lower)
            if out:
                pieces.append(out)
                starts.extend([i] * len(out))
                ends.extend([i + 1] * len(out))
        pos = b
    if pos < len(text):
        chunk = text[pos:]
        pieces.append(chunk.lower() if lower else chunk)
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    return NormalizedText("".join(pieces), text, starts, ends)


__all__ = ["NormalizedText", "norm_token", "normalize_text"]
