"""Statistical named-entity tagger for Indonesian (CRF via python-crfsuite) and its pipeline stage.

Why a CRF with hand-made features: it is small (a few MB), fast on one CPU core, trains in
minutes, needs no GPU or network, and every decision can be traced back to named features.
It complements the knowledge base: the KB stage links the names it knows; this stage catches
the names it does not (new officials, small towns, companies), typed PER/ORG/LOC.

The model was trained (scripts/train_ner.py) on two corpora at once: NERGrit (mixed case) and
NERP (all lower-case news). Casing features therefore "degrade gracefully": a sentence with no
usable case information (all lower or all caps) switches the extractor into a case-blind mode,
where shape comes from the lower-cased word, so the same model works on both kinds of text.

Resources (our cue words; a word gazetteer, an entity-phrase list and distributional word
classes learned from the training data) are plain TSV files stored next to the model, because
the feature set and the model weights must travel together. See docs/models.md.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pycrfsuite

from peristiwa.extract.casing import is_title_case
from peristiwa.model import Coverage, Document, Mention, Token

#: Entity types the packaged model predicts (a common tag set over NERGrit and NERP).
COMMON_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC", "EVT", "FNB")
#: Types the pipeline stage turns into mentions (events and food names are not actors).
STAGE_TYPES: frozenset[str] = frozenset({"PER", "ORG", "LOC"})

DEFAULT_MODEL = "ner-id.crfsuite"
_MODELS_PACKAGE = "peristiwa.models"
_CACHE_LIMIT = 200_000
_NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)
_TITLE_CUES = frozenset({"per_title", "per_honorific"})
#: Stands for the words beyond either end of a sentence: what a neighbour there contributes.
_PAD_WORD: tuple[tuple[str, ...], ...] = ((), *((f"pad{off}",) for off in _NEIGHBOUR_OFFSETS), ("", ""))


# --------------------------------------------------------------------------- lexicons


def parse_cues(text: str) -> dict[str, tuple[str, ...]]:
    """Parse the cue-word TSV (`word<TAB>category`); a word may carry several categories."""
    cues: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, category = line.split("\t")[:2]
        cues.setdefault(word.strip().lower(), []).append(category.strip())
    return {word: tuple(cats) for word, cats in cues.items()}


def parse_gazetteer(text: str) -> dict[str, str]:
    """Parse the learned gazetteer TSV (`word<TAB>label<TAB>…`); label looks like ``B-PER``."""
    gazetteer: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        gazetteer[parts[0]] = parts[1]
    return gazetteer


def parse_phrases(text: str) -> dict[tuple[str, ...], str]:
    """Parse the learned entity-phrase TSV (`space-joined lower tokens<TAB>type<TAB>…`)."""
    phrases: dict[tuple[str, ...], str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        phrases[tuple(parts[0].split(" "))] = parts[1]
    return phrases


def parse_clusters(text: str) -> dict[str, tuple[str, ...]]:
    """Parse the word-cluster TSV (`word<TAB>coarse id<TAB>…<TAB>fine id`)."""
    clusters: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        clusters[parts[0]] = tuple(parts[1:])
    return clusters


COMPANIONS = ("cues", "gaz", "phrases", "clusters")


def companion_paths(model_path: Path) -> dict[str, Path]:
    """Files that travel with a model: ``<stem>.cues.tsv``, ``<stem>.gaz.tsv``, ``<stem>.phrases.tsv``."""
    stem = model_path.name.removesuffix(".crfsuite")
    return {kind: model_path.with_name(f"{stem}.{kind}.tsv") for kind in COMPANIONS}


# --------------------------------------------------------------------------- features


def word_shape(word: str) -> str:
    """Collapsed shape: ``Jakarta`` → ``Xx``, ``KPK`` → ``X``, ``2023`` → ``d``, ``S.H.`` → ``X.X.``."""
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            code = "X"
        elif ch.islower():
            code = "x"
        elif ch.isdigit():
            code = "d"
        else:
            code = ch
        if not out or out[-1] != code:
            out.append(code)
    return "".join(out)


def _length_bucket(n: int) -> str:
    if n <= 3:
        return str(n)
    if n <= 5:
        return "4-5"
    return "6-8" if n <= 8 else "9+"


def sentence_is_cased(tokens: Sequence[str]) -> bool:
    """True when capitalisation carries information (mixed case, not all-lower, not all-caps,
    not a title-case headline where every word is capitalised).

    Why: NERP and many social/headline texts are all lower-case, all caps or title case; casing
    features learned on mixed-case text would mislead there, so the extractor switches them off.
    """
    if is_title_case(tokens):
        return False
    upper_words = 0
    alpha_words = 0
    any_upper = False
    for tok in tokens:
        if tok.isalpha():
            alpha_words += 1
            if tok.isupper():
                upper_words += 1
                any_upper = True
            elif not any_upper and not tok.islower():
                any_upper = True
    if not any_upper:
        return False
    return not (alpha_words >= 4 and upper_words / alpha_words > 0.6)


@dataclass
class FeatureExtractor:
    """Turns a token sequence into CRF attribute lists.

    `plain=True` gives the baseline feature set (word identity, ±1 neighbours, simple shape)
    used to measure what the richer features buy. Per-word features are memoised per
    extractor (bounded), which is what makes tagging fast: most tokens are repeats.
    """

    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    gazetteer: dict[str, str] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    plain: bool = False
    _cache: dict[tuple[str, bool], tuple[tuple[str, ...], ...]] = field(default_factory=dict, init=False, repr=False)
    _starts: frozenset[str] = field(default=frozenset(), init=False, repr=False)
    _max_len: int = field(default=0, init=False, repr=False)

    def __post_init__(self) -> None:
        self._starts = frozenset(p[0] for p in self.phrases)
        self._max_len = max((len(p) for p in self.phrases), default=0)

    def phrase_matches(self, lowers: Sequence[str]) -> list[str | None]:
        """Greedy longest match of learned entity phrases: ``B-PER``/``I-PER``/None per token.

        Why: many names recur as whole multi-word units ("kereta api indonesia"); a span-level
        match tells the CRF where such a unit starts and ends, which word features cannot.
        """
        n = len(lowers)
        out: list[str | None] = [None] * n
        i = 0
        while i < n:
            if lowers[i] in self._starts:
                for length in range(min(self._max_len, n - i), 0, -1):
                    typ = self.phrases.get(tuple(lowers[i : i + length]))
                    if typ is not None:
                        out[i] = "B-" + typ
                        for j in range(i + 1, i + length):
                            out[j] = "I-" + typ
                        i += length
                        break
                else:
                    i += 1
            else:
                i += 1
        return out

    def capital_runs(self, lowers: Sequence[str], shapes: Sequence[str]) -> list[tuple[str, ...]]:
        """Features for runs of capitalised words in cased text.

        Why: a multi-word name is usually one run of capitals ("Badan Nasional Penanggulangan
        Bencana"); where the token sits in the run, how long the run is, and which cue heads
        or ends it ("Badan" → ORG, "Timur" → LOC) or precedes it ("di" → place) describe the
        whole name, which ±2 word windows cannot see.
        """
        n = len(lowers)
        out: list[tuple[str, ...]] = [()] * n
        i = 0
        while i < n:
            if not shapes[i].startswith("X"):
                i += 1
                continue
            j = i
            while j + 1 < n and shapes[j + 1].startswith("X"):
                j += 1
            while i < j and _TITLE_CUES.intersection(self.cues.get(lowers[i], ())):
                out[i] = ("run=title",)  # "Kepala Badan …": the name starts after the title
                i += 1
            length = j - i + 1
            size = str(length) if length < 4 else "4+"
            head = self.cues.get(lowers[i], ("none",))[0]
            tail = self.cues.get(lowers[j], ("none",))[0]
            before = self.cues.get(lowers[i - 1], ("none",))[0] if i > 0 else "bos"
            common = (f"runlen={size}", f"runhead={head}", f"runtail={tail}", f"runprev={before}")
            for k in range(i, j + 1):
                pos = "S" if length == 1 else "B" if k == i else "E" if k == j else "I"
                out[k] = (f"run={pos}", f"run={pos}|{head}", *common)
            i = j + 1
        return out

    def sequence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Attribute lists for one sentence (one list per token)."""
        if self.plain:
            return self._plain_sequence(tokens)
        cased = sentence_is_cased(tokens)
        word = self._word
        words = [word(tok, cased) for tok in tokens]
        lowers = [w[5][0] for w in words]
        n = len(tokens)
        phrase = self.phrase_matches(lowers) if self.phrases else None
        if phrase is not None and not any(phrase):
            phrase = None
        runs = self.capital_runs(lowers, [w[5][1] for w in words]) if cased else None
        # Two padding "words" on each side supply the pad±k features, so the loop has no bounds checks;
        # the feature order (which fixes crfsuite's summation order) is the same as a plain loop's.
        padded = [_PAD_WORD, _PAD_WORD, *words, _PAD_WORD, _PAD_WORD]
        pairs = [f"{a}|{b}" for a, b in zip(["<s>", *lowers], [*lowers, "</s>"], strict=True)]
        out: list[list[str]] = []
        for i in range(n):
            feats = [*padded[i + 2][0], *padded[i][1], *padded[i + 1][2], *padded[i + 3][3], *padded[i + 4][4],
                     "b-1=" + pairs[i], "b+1=" + pairs[i + 1]]
            if phrase is not None:
                for off in (-1, 0, 1):
                    j = i + off
                    if 0 <= j < n and phrase[j] is not None:
                        feats.append(f"ph{off}={phrase[j]}")
            if runs is not None and runs[i]:
                feats.extend(runs[i])
            out.append(feats)
        if n:
            out[0].append("first")
            if cased:
                out[0].append("first&" + words[0][5][1])
        return out

    def _plain_sequence(self, tokens: Sequence[str]) -> list[list[str]]:
        lowers = [tok.lower() for tok in tokens]
        n = len(tokens)
        out: list[list[str]] = []
        for i, tok in enumerate(tokens):
            feats = [
                "bias",
                f"w={lowers[i]}",
                f"title={tok.istitle()}",
                f"upper={tok.isupper()}",
                f"digit={tok.isdigit()}",
                f"w-1={lowers[i - 1]}" if i > 0 else "BOS",
                f"w+1={lowers[i + 1]}" if i + 1 < n else "EOS",
            ]
            out.append(feats)
        return out

    def _word(self, token: str, cased: bool) -> tuple[tuple[str, ...], ...]:
        """(own features, features for offsets -2,-1,+1,+2, (lower, shape)) for one word type."""
        key = (token, cased)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        value = self._compute_word(token, cased)
        self._cache[key] = value
        return value

    def _compute_word(self, token: str, cased: bool) -> tuple[tuple[str, ...], ...]:
        low = token.lower()
        shape = word_shape(token if cased else low)
        norm = "".join("0" if ch.isdigit() else ch for ch in low)
        cues = self.cues.get(low, ())
        gaz = self.gazetteer.get(low)
        own = ["bias", f"w={norm}", f"sh={shape}", f"len={_length_bucket(len(low))}"]
        own.append("cased" if cased else "caseless")
        for k in (2, 3, 4):
            if len(low) > k:
                own.append(f"p{k}={low[:k]}")
                own.append(f"s{k}={low[-k:]}")
        own.extend(f"cue={c}" for c in cues)
        if gaz:
            own.append(f"gaz={gaz}")
            own.append(f"gazt={gaz[2:]}")
        cluster = self.clusters.get(norm, ())
        own.extend(f"c{level}={cid}" for level, cid in enumerate(cluster))
        if cased and shape in ("Xx", "X") and not cues:
            own.append("cap-nocue")
        neighbours: list[tuple[str, ...]] = []
        for off in _NEIGHBOUR_OFFSETS:
            feats = [f"w{off}={norm}"]
            feats.extend(f"cue{off}={c}" for c in cues)
            if abs(off) == 1:
                feats.append(f"sh{off}={shape}")
                if gaz:
                    feats.append(f"gaz{off}={gaz[2:]}")
                if cluster:
                    feats.append(f"c{off}={cluster[-2]}")
                if len(low) > 3:
                    feats.append(f"s3{off}={low[-3:]}")
            neighbours.append(tuple(feats))
        return (tuple(own), *neighbours, (low, shape))


# --------------------------------------------------------------------------- tagging


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans `(start, end_exclusive, type)` from BIO tags.

    Lenient like conlleval: an ``I-X`` that does not continue an ``X`` entity starts a new one,
    so a slightly ill-formed sequence still yields whole entities.
    """
    spans: list[tuple[int, int, str]] = []
    start = -1
    current = ""
    for i, tag in enumerate(tags):
        prefix, _, typ = tag.partition("-")
        continues = prefix == "I" and typ == current
        if start >= 0 and not continues:
            spans.append((start, i, current))
            start, current = -1, ""
        if prefix in ("B", "I") and not continues:
            start, current = i, typ
    if start >= 0:
        spans.append((start, len(tags), current))
    return spans


class NerTagger:
    """A loaded CRF model plus the feature extractor it was trained with.

    The CRF itself is opened lazily on first use and kept for the life of the object.
    Not thread-safe (crfsuite taggers are stateful): use one tagger per thread/process.
    """

    def __init__(self, model_bytes: bytes, extractor: FeatureExtractor, source: str = "") -> None:
        self._model_bytes = model_bytes
        self.extractor = extractor
        self.source = source
        self._crf: pycrfsuite.Tagger | None = None

    @classmethod
    def load(cls, path: str | Path | None = None) -> NerTagger:
        """Load a model file (default: the packaged ``ner-id.crfsuite``) and its companion TSVs."""
        texts: dict[str, str] = {}
        if path is None:
            root = importlib.resources.files(_MODELS_PACKAGE)
            stem = DEFAULT_MODEL.removesuffix(".crfsuite")
            model_bytes = (root / DEFAULT_MODEL).read_bytes()
            for kind in COMPANIONS:
                res = root / f"{stem}.{kind}.tsv"
                texts[kind] = res.read_text(encoding="utf-8") if res.is_file() else ""
            source = f"{_MODELS_PACKAGE}/{DEFAULT_MODEL}"
        else:
            model_path = Path(path)
            model_bytes = model_path.read_bytes()
            for kind, p in companion_paths(model_path).items():
                texts[kind] = p.read_text(encoding="utf-8") if p.exists() else ""
            source = str(model_path)
        extractor = FeatureExtractor(
            parse_cues(texts["cues"]),
            parse_gazetteer(texts["gaz"]),
            parse_phrases(texts["phrases"]),
            parse_clusters(texts["clusters"]),
            plain=model_path_is_plain(source),
        )
        return cls(model_bytes, extractor, source)

    @property
    def crf(self) -> pycrfsuite.Tagger:
        if self._crf is None:
            crf = pycrfsuite.Tagger()
            crf.open_inmemory(self._model_bytes)
            self._crf = crf
        return self._crf

    @property
    def labels(self) -> list[str]:
        return list(self.crf.labels())

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags over the common types (PER, ORG, LOC, EVT, FNB) for one sentence."""
        if not tokens:
            return []
        return list(self.crf.tag(self.extractor.sequence(tokens)))

    def tag_with_marginals(self, tokens: Sequence[str]) -> tuple[list[str], list[float]]:
        """Tags plus each token's marginal probability of its predicted tag."""
        tags = self.tag(tokens)
        crf = self.crf
        return tags, [crf.marginal(tag, i) for i, tag in enumerate(tags)]

    def spans(self, tokens: Sequence[str]) -> list[tuple[int, int, str, float]]:
        """Entity spans `(start, end, type, confidence)`; confidence = the weakest token marginal.

        Marginals are computed for the tokens inside entities only (most tokens are outside)."""
        tags = self.tag(tokens)
        marginal = self.crf.marginal
        return [(s, e, typ, min(marginal(tags[i], i) for i in range(s, e))) for s, e, typ in bio_spans(tags)]

    def entities(self, doc_tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
        """Entity spans as token indices into `doc_tokens` (one sentence), end-exclusive."""
        return bio_spans(self.tag([tok.text for tok in doc_tokens]))

    def tag_many(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        return [self.tag(tokens) for tokens in sentences]


def model_path_is_plain(source: str) -> bool:
    """Baseline models are named ``*-plain.crfsuite`` and use the plain feature set."""
    return source.endswith("-plain.crfsuite")


# --------------------------------------------------------------------------- pipeline stage


@dataclass
class NerStage:
    """Pipeline stage "ner": adds name mentions the earlier (KB) stages did not find.

    Why "no overlap": a KB match carries a linked actor and is more precise, so it wins;
    the CRF only fills gaps. Each mention keeps `rule="ner:crf"` and the CRF's confidence.
    """

    tagger: NerTagger
    types: frozenset[str] = STAGE_TYPES
    name: str = "ner"

    def __call__(self, doc: Document) -> None:
        covered = Coverage(m.span for m in doc.mentions)
        for sentence in doc.sentences:
            tokens = doc.sentence_tokens(sentence)
            texts = [t.text for t in tokens]
            for lo, hi in _windows(tokens, covered):
                for start, end, typ, confidence in self.tagger.spans(texts[lo:hi]):
                    span = doc.span(tokens[lo + start].start, tokens[lo + end - 1].end)
                    if typ not in self.types or covered.overlaps(span.start, span.end):
                        continue
                    doc.mentions.append(Mention(span=span, type=typ, sentence=sentence.index, kind="name",
                                                actor=None, rule="ner:crf", confidence=round(confidence, 4)))
                    covered.add(span)


WINDOW_CONTEXT = 3  # tokens of context tagged on each side of an unexplained capitalised word
# The CRF holds features for every token of what it tags at once (about 2 kB per token): a 200,000-token
# "sentence" (a run of dashes in a scraped page) took 400 MB. Real sentences are far shorter than this.
MAX_TAGGED_TOKENS = 256


def _windows(tokens: Sequence[Token], covered: Coverage) -> list[tuple[int, int]]:
    """Token ranges worth tagging. In cased text the CRF finds names only around capitals, so only
    windows around capitalised words the KB did not explain are tagged (most of this stage's cost);
    lower-cased text (no capitals at all) is tagged whole. No range is longer than MAX_TAGGED_TOKENS,
    which bounds the tagger's memory whatever the input."""
    return [piece for window in _name_windows(tokens, covered) for piece in _bounded(window)]


def _bounded(window: tuple[int, int]) -> list[tuple[int, int]]:
    lo, hi = window
    return [(start, min(hi, start + MAX_TAGGED_TOKENS)) for start in range(lo, hi, MAX_TAGGED_TOKENS)]


def _name_windows(tokens: Sequence[Token], covered: Coverage) -> list[tuple[int, int]]:
    if not tokens:
        return []
    capitals = [k for k, t in enumerate(tokens) if t.text[:1].isupper()]
    if not capitals:
        return [(0, len(tokens))]
    windows: list[tuple[int, int]] = []
    for k in capitals:
        if tokens[k].start in covered:
            continue
        lo, hi = max(0, k - WINDOW_CONTEXT), min(len(tokens), k + WINDOW_CONTEXT + 1)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


__all__ = [
    "COMMON_TYPES",
    "STAGE_TYPES",
    "FeatureExtractor",
    "NerStage",
    "NerTagger",
    "bio_spans",
    "parse_clusters",
    "parse_cues",
    "parse_gazetteer",
    "parse_phrases",
    "sentence_is_cased",
    "word_shape",
]
