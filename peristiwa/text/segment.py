"""Sentence splitting and tokenisation with character offsets, in one regex pass.

Why one pass: the system must code hundreds of articles a second, so the text is scanned
once by a single precompiled regex whose alternatives are ordered from most to least
specific (URLs, e-mails, domains such as ``KOMPAS.com``, dotted abbreviations such as
``S.H.``, words/numbers, ellipses, single punctuation marks). Sentence boundaries are then
decided on the fly, looking one token ahead, only where a terminal mark or a newline was
seen — no per-token look-ups beyond a set membership test.

Boundary rules (each one is a test case in tests/test_text_segment.py):

* ``.``, ``!``, ``?`` and ellipses end a sentence when the next token (after whitespace)
  starts with a capital, a digit or an opening quote/bracket. A lower-case continuation
  keeps the sentence: ``“Mengapa?” tanya dia.``.
* Closing quotes and brackets glued to the terminal mark belong to the sentence that ends:
  ``… semakin menguat.”``.
* A listed abbreviation (``Jl.``, ``Prof.``, ``No.`` — see lang/<code>/data/abbreviations.txt)
  of kind ``prefix`` never ends a sentence; one of kind ``end`` (``dll.``, ``Tbk.``) ends one
  only before a capitalised word. Single capital letters with a stop are initials
  (``B. J. Habibie``) and never end a sentence except before a line break.
* Numbers keep their separators (``500.000``, ``3,5``, ``21/3``); hyphenated words stay one
  token (``negara-negara``, ``ke-2``) and so does clitic ``-nya`` (``rumahnya``).
* A line break ends a sentence (headlines and sub-headings carry no final stop) unless the
  next line starts in lower case, which signals hard-wrapped running text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources

from peristiwa.model import Document, Sentence, Token
from peristiwa.text.normalize import norm_token

_URL = r"(?:https?://|www\.)[^\s<>\"“”‘’]*[^\s<>\"“”‘’.,;:!?)\]]"
_CURRENCY = r"(?:Rp|RM|US\$|S\$)(?=\d)"  # "Rp500.000" → "Rp" + "500.000", as UD does
_DOTTED = r"(?:[^\W\d_]{1,3}\.){2,}(?!\w)"
# A word or number. Optional tails are tried only when a "@" or "." follows the word, so
# e-mails and domains cost nothing on ordinary words: "budi@mail.co.id", "KOMPAS.com". Their
# repeats are bounded so a long run like "a.b.c.d…" cannot make the scan quadratic.
_WORD = (
    r"\w+(?:[-'’]\w+)*"
    r"(?:(?<=\d)[.,:/]\d+)*"  # 500.000, 3,5, 21/3, 10.30
    r"(?:(?:[.+-]\w+){0,4}@[\w-]+(?:\.[\w-]+){0,4}\.[A-Za-z]{2,}"  # e-mail
    r"|(?:\.[\w-]+){0,4}\.(?:com|net|org|id|info|io|gov|edu|int|tv|news|biz)(?:\.(?:id|my|sg|au|uk))?(?![\w-])"
    r")?"
)
_TOKEN_RE = re.compile(
    rf"(\n\s*)"  # 1: a line break plus any following blank space
    rf"|({_URL})"  # 2
    rf"|({_DOTTED})"  # 3: S.H., M.Si., a.n., U.S.
    rf"|({_CURRENCY}|{_WORD})(\.(?!\.))?"  # 4: word, number, e-mail, domain; 5: a full stop right after it
    r"|(\.{2,}|…)"  # 6: ellipsis
    r"|(``|''|[^\w\s])"  # 7: any other mark, one character each (and TeX-style quotes)
)

_TERMINALS = frozenset({".", "!", "?", "…", "‼", "⁉"})
_CLOSERS = frozenset({"”", "’", '"', "'", "''", ")", "]", "»", "›", "}"})
_QUOTE_OPENERS = frozenset({"“", "‘", '"', "'", "``", "`", "«", "‹", "„", "‚"})
_OPENERS = _QUOTE_OPENERS | {"(", "[", "-", "–", "—", "•"}
_INITIALS = re.compile(r"(?:[A-Z]\.)+")

# What a pending boundary candidate is, so the next token can decide.
_STOP = 1  # ., !, ?, ellipsis
_ABBR_END = 2  # abbreviation of kind `end` (dll., Tbk., unlisted S.H.)

_KINDS = ("prefix", "end")


def load_abbreviations(language: str) -> dict[str, str]:
    """Read `peristiwa/lang/<language>/data/abbreviations.txt` → {form: kind}.

    Each listed form is also registered Capitalised and UPPER-CASED (sentence starts,
    all-caps headlines); a form listed explicitly keeps its own kind.
    """
    try:
        path = resources.files(f"peristiwa.lang.{language}").joinpath("data/abbreviations.txt")
        content = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ValueError(
            f"no abbreviation list for language {language!r} (peristiwa/lang/{language}/data)"
        ) from exc
    explicit: dict[str, str] = {}
    for lineno, raw in enumerate(content.splitlines(), 1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        parts = line.split()
        form = parts[0]
        kind = parts[1] if len(parts) > 1 else "prefix"
        if kind not in _KINDS or not form.endswith("."):
            raise ValueError(f"{path}:{lineno}: bad abbreviation line {raw!r}")
        explicit[form] = kind
    table: dict[str, str] = {}
    for form, kind in explicit.items():
        table.setdefault(form[0].upper() + form[1:], kind)
        table.setdefault(form.upper(), kind)
    table.update(explicit)
    return table


def _opens_sentence(pending: int, tok_text: str, kind: str | None, last_dotted: bool) -> bool:
    """After a possible sentence end (and whitespace), does `tok_text` start a new sentence?"""
    first = tok_text[0]
    if pending == _STOP:
        return first.isupper() or first.isdigit() or tok_text in _OPENERS
    # an `end` abbreviation ("dll.", "Ltd."): only a capitalised word or an opening quote follows a
    # sentence end; "Ltd. (SPA)" and "S.H. M.H." continue the sentence
    if kind is not None and last_dotted:
        return False
    return first.isupper() or tok_text in _QUOTE_OPENERS


@dataclass
class Segmenter:
    """Sentence splitter + tokeniser for one language; abbreviations are loaded once here."""

    language: str = "id"
    abbreviations: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.abbreviations:
            self.abbreviations = load_abbreviations(self.language)

    def segment(self, text: str) -> tuple[list[Sentence], list[Token]]:
        """Split `text` into sentences and tokens; offsets index `text` itself."""
        tokens: list[Token] = []
        bounds: list[int] = []  # token indices where a new sentence starts (after the first)
        abbr = self.abbreviations
        append = tokens.append
        pending = 0  # _STOP / _ABBR_END when the last token may have ended a sentence
        newlines = 0  # line breaks seen since the last token
        last_end = -1
        last_dotted = False  # last token was an abbreviation or initial (for "S.H. M.H.")

        for m in _TOKEN_RE.finditer(text):
            group = m.lastindex
            if group == 1:
                newlines += m.group().count("\n")
                continue
            start = m.start()
            split_stop = False
            if group == 5:  # word + full stop: abbreviation, initial, or word then stop
                word = m.group(4)
                wend = m.end(4)
                dotted = word + "."
                kind = abbr.get(dotted)
                if kind is None and len(word) == 1 and word.isupper():
                    kind = "initial"
                if kind is not None:
                    tok_text, end = dotted, wend + 1
                else:
                    tok_text, end, split_stop = word, wend, True
            else:
                tok_text = m.group()
                end = m.end()
                kind = None
                if group == 3:
                    kind = abbr.get(tok_text) or ("initial" if _INITIALS.fullmatch(tok_text) else "end")

            # --- does a new sentence start at this token?
            if tokens:
                first = tok_text[0]
                if newlines:
                    if pending or newlines > 1 or not first.islower():
                        bounds.append(len(tokens))
                    pending = 0
                elif pending:
                    if start == last_end and (tok_text in _CLOSERS or tok_text in _TERMINALS):
                        pass  # closing quote/bracket or "?!": stays in the ending sentence
                    else:
                        if start != last_end and _opens_sentence(pending, tok_text, kind, last_dotted):
                            bounds.append(len(tokens))
                        pending = 0
            newlines = 0

            append(
                Token(start, end, tok_text, tok_text.lower() if tok_text.isascii() else norm_token(tok_text))
            )
            last_end = end
            if kind is not None:
                last_dotted = True
                if kind == "end":
                    pending = _ABBR_END
            else:
                last_dotted = False
                if tok_text in _TERMINALS or group == 6:
                    pending = _STOP

            if split_stop:  # the full stop after a plain word is a token of its own
                dot = end
                append(Token(dot, dot + 1, ".", "."))
                last_end = dot + 1
                pending = _STOP

        return self._sentences(text, tokens, bounds), tokens

    @staticmethod
    def _sentences(text: str, tokens: list[Token], bounds: list[int]) -> list[Sentence]:
        if not tokens:
            return []
        sentences: list[Sentence] = []
        starts = [0, *bounds]
        ends = [*bounds, len(tokens)]
        for index, (ts, te) in enumerate(zip(starts, ends, strict=True)):
            s, e = tokens[ts].start, tokens[te - 1].end
            sentences.append(Sentence(index, s, e, text[s:e], ts, te))
        return sentences


@dataclass
class SegmentStage:
    """Pipeline stage "segment": fills `doc.sentences` and `doc.tokens` from the article text."""

    segmenter: Segmenter
    name: str = "segment"

    def __call__(self, doc: Document) -> None:
        doc.sentences, doc.tokens = self.segmenter.segment(doc.text)


__all__ = ["SegmentStage", "Segmenter", "load_abbreviations"]
