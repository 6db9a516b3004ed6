"""Rank the verbs and event nouns that real Indonesian news uses near political actors but the lexicon lacks.

Why: most real-article misses are "no event of the root" — the trigger is simply not in the lexicon — and
fitting entries to gold misses does not carry to new text. This reads *unlabeled* text (Global Voices
Indonesian 2008–2013 minus every gold and blind-readout article, plus the UD Indonesian CSUI train and GSD dev
sentences), runs the pipeline, and for each sentence with at least one coded actor mention but no event
collects the affixed verbs (meN-/di-/ber-/ter-/memper-) and event nouns (peN-an/per-an/ke-an) and the nouns
after a light verb ("menggelar X"), counts them by root and ranks the roots the lexicon does not cover by
document frequency. Roots are found by generate-and-test with the lexicon's own morphology
(peristiwa.lang.id.morphology.forms): a candidate root is kept only when regenerating it under an affix spec
gives the word back, preferring roots the UD lemmas or the corpus attest as words.

Reads ../shared at run time (or $PERISTIWA_DATA_ROOT); prints a table; writes nothing.

    cd /work/wt-NAME && PYTHONPATH=. python scripts/mine_triggers.py [--limit 150] [--articles N]
"""

from __future__ import annotations

import argparse
import gzip
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from peristiwa.api import Extractor
from peristiwa.eval.gold import article_text, find_data_root, globalvoices_paragraphs
from peristiwa.extract.triggers import Lexicon
from peristiwa.lang.id.morphology import ENCLITICS, forms
from peristiwa.model import Document

GOLD_FILES = ("real_articles.yaml", "blind_readout.yaml", "real_sentences.yaml", "dev_gold.yaml")
LAST_YEAR = 2013
LIGHT_VERBS = ("melakukan", "mengadakan", "menggelar", "memberikan", "menjatuhkan")
FILLERS = frozenset({"aksi", "sebuah", "serangkaian", "berbagai", "beberapa", "sejumlah", "upaya", "kegiatan"})
# affix specs tried per word shape, verbs and event nouns only (the -an and bare nouns are too noisy to mine)
VERB_SPECS = ("meN-", "meN-kan", "meN-i", "memper-", "memper-kan", "memper-i", "di-", "di-kan", "di-i",
              "diper-", "diper-kan", "diper-i", "ber-", "ber-an", "ber-kan", "ter-", "ter-kan", "ter-i")
NOUN_SPECS = ("peN-an", "per-an", "ke-an")
PREFIX = re.compile(r"^(memper|diper|meng|meny|mem|men|me|di|ber|be|bel|ter|peng|peny|pem|pen|pe|per|ke)")
WORD = re.compile(r"^[a-z]{5,}$")
CLOSED_CLASS = frozenset({"PRON", "ADP", "SCONJ", "CCONJ", "ADV", "DET", "AUX", "PART", "NUM"})


@dataclass(frozen=True, slots=True)
class Text:
    """One unit of unlabeled text: an article or a treebank sentence (its own document)."""

    doc_id: str
    text: str
    published: date | None = None


@dataclass
class Tally:
    """Document frequency of each root, with the surfaces and one example sentence seen for it."""

    docs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    surfaces: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    example: dict[str, str] = field(default_factory=dict)
    phrased: set[str] = field(default_factory=set)  # keys with a surface that opens a multiword lexicon form

    def add(self, key: str, surface: str, doc_id: str, sentence: str, *, phrased: bool = False) -> None:
        if phrased:
            self.phrased.add(key)
        self.docs[key].add(doc_id)
        self.surfaces[key][surface] += 1
        self.example.setdefault(key, sentence)

    def ranked(self) -> list[tuple[str, int]]:
        return sorted(((k, len(v)) for k, v in self.docs.items()), key=lambda kv: (-kv[1], kv[0]))


def gold_stems(eval_data: Path) -> set[str]:
    """Every Global Voices file stem named anywhere in the gold and readout files (both splits)."""
    stems: set[str] = set()
    for name in GOLD_FILES:
        path = eval_data / name
        if path.exists():
            stems |= set(re.findall(r"\b(20\d\d_\d\d_\d\d_[^\s\"'}]+?)(?:\.xml\.gz)?[\"'}\s]",
                                    path.read_text(encoding="utf-8")))
    return stems


def globalvoices(root: Path, excluded: set[str]) -> Iterator[Text]:
    """Global Voices Indonesian articles 2008–2013, gold and readout articles left out."""
    for path in sorted((root / "globalvoices_id" / "raw" / "id").glob("*.xml.gz")):
        stem = path.name.removesuffix(".xml.gz")
        if int(stem[:4]) > LAST_YEAR or stem in excluded:
            continue
        data = gzip.decompress(path.read_bytes())
        if not data:
            continue
        text = article_text(globalvoices_paragraphs(ET.fromstring(data))).text
        yield Text(stem, text, date(int(stem[:4]), int(stem[5:7]), int(stem[8:10])))


def conllu(path: Path) -> Iterator[tuple[str, str, list[tuple[str, str, str]]]]:
    """(sent_id, text, [(form, lemma, upos)]) of each sentence of a CoNLL-U file."""
    sent_id, text, words = "", "", []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id ="):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif line and not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) > 2 and cols[0].isdigit():
                words.append((cols[1].lower(), cols[2].lower(), cols[3]))
        elif not line and text:
            yield sent_id, text, words
            sent_id, text, words = "", "", []


def treebank_files(root: Path) -> list[Path]:
    return [root / "ud_indonesian_csui" / "id_csui-ud-train.conllu",
            root / "ud_indonesian_gsd" / "id_gsd-ud-dev.conllu"]


def lemma_table(root: Path) -> tuple[dict[str, str], set[str]]:
    """Surface → UD lemma for the inflected words whose lemma differs, and the surfaces UD tags as
    closed-class words (mereka, terhadap, kemudian, terus): their affix-like shape is no affix."""
    table: dict[str, str] = {}
    closed: set[str] = set()
    for path in treebank_files(root):
        for _, _, words in conllu(path):
            for form, lemma, upos in words:
                if upos in CLOSED_CLASS:
                    closed.add(form)
                elif form != lemma and lemma.isalpha():
                    table.setdefault(form, lemma)
    return table, closed


def strip_clitic(word: str) -> str:
    for clitic in ENCLITICS:
        if word.endswith(clitic) and len(word) > len(clitic) + 4:
            return word[: -len(clitic)]
    return word


def candidate_roots(word: str) -> set[str]:
    """Roots a word might be built on: strip a prefix and a suffix, restore a dropped p/t/k/s of meN-/peN-."""
    out: set[str] = set()
    stems = {word} | {word[: -len(s)] for s in ("kan", "an", "i") if word.endswith(s)}
    for stem in stems:
        for m in PREFIX.finditer(stem):
            rest = stem[m.end():]
            out |= {rest, "p" + rest, "t" + rest, "k" + rest, "s" + rest, "r" + rest}
            if rest.startswith("ny"):
                out.add("s" + rest[2:])
            if rest.startswith("nge"):
                out.add(rest[3:])
    return {r for r in out if len(r) >= 3}


@dataclass
class Analyser:
    """Word → (root, affix spec, kind) with the lexicon's morphology; results are memoised per word."""

    lemmas: dict[str, str]
    closed: set[str]
    vocabulary: Counter[str]
    memo: dict[str, tuple[str, str, str] | None] = field(default_factory=dict)

    def analyse(self, word: str) -> tuple[str, str, str] | None:
        if word not in self.memo:
            self.memo[word] = self._analyse(word)
        return self.memo[word]

    def _analyse(self, word: str) -> tuple[str, str, str] | None:
        if word in self.closed:
            return None
        lemma = self.lemmas.get(word)
        roots = [lemma] if lemma else sorted(candidate_roots(word), key=lambda r: (-self.vocabulary[r], len(r)))
        for root in roots:
            if lemma is None and not self.vocabulary[root]:
                continue
            for kind, specs in (("verb", VERB_SPECS), ("noun", NOUN_SPECS)):
                for spec in specs:
                    if word in {f.surface for f in forms(root, [spec], enclitics=False)}:
                        return root, spec, kind
        return None


def coded_sentences(doc: Document) -> Iterator[tuple[str, list[str]]]:
    """(text, lower-case tokens) of each sentence with a coded actor mention and no event."""
    with_event = {e.sentence for e in doc.events}
    with_actor = {m.sentence for m in doc.mentions if m.actor is not None and m.actor.code}
    for sentence in doc.sentences:
        if sentence.index in with_actor and sentence.index not in with_event:
            tokens = [t.norm for t in doc.tokens[sentence.token_start:sentence.token_end]]
            yield sentence.text, tokens


def light_objects(tokens: list[str]) -> Iterator[tuple[str, str]]:
    """(light verb, the noun after it, skipping one filler) pairs of a sentence."""
    for i, word in enumerate(tokens[:-1]):
        if word in LIGHT_VERBS:
            j = i + 2 if tokens[i + 1] in FILLERS and i + 2 < len(tokens) else i + 1
            if tokens[j].isalpha():
                yield word, strip_clitic(tokens[j])


def covered(lexicon: Lexicon) -> tuple[set[str], set[str], set[str]]:
    """The one-word surfaces the lexicon generates, the roots its entries are built on, and the first words
    of its multiword forms ("menutup" of "menutup perbatasan"): a root met only there has phrases, no entry."""
    every = {s for eid in lexicon.entries for s in lexicon.surfaces(eid)}
    roots = {e.root for e in lexicon.entries.values() if e.root}
    return {s for s in every if " " not in s}, roots, {s.split()[0] for s in every if " " in s}


def mine(texts: Iterable[Text], extractor: Extractor, analyser: Analyser, lexicon: Lexicon
         ) -> tuple[Tally, Tally, Tally]:
    """(uncovered roots, uncovered light-verb pairs, lexicon surfaces that stood in a no-event sentence)."""
    surfaces, roots, phrase_heads = covered(lexicon)
    triggers, pairs, silent = Tally(), Tally(), Tally()
    for text in texts:
        doc = extractor.extract(text.text, published=text.published, article_id=text.doc_id)
        for sentence, tokens in coded_sentences(doc):
            for token in tokens:
                word = strip_clitic(token)
                if word in surfaces:
                    silent.add(word, word, text.doc_id, sentence)
                if not WORD.match(word) or word in surfaces:
                    continue
                found = analyser.analyse(word)
                if found and found[0] not in roots:
                    triggers.add(f"{found[0]}\t{found[2]}", f"{word}[{found[1]}]", text.doc_id, sentence,
                                 phrased=word in phrase_heads)
            for light, noun in light_objects(tokens):
                if noun not in surfaces:
                    pairs.add(f"{light} {noun}", noun, text.doc_id, sentence)
    return triggers, pairs, silent


def unlabeled_articles(root: Path, articles: int | None = None) -> tuple[list[Text], set[str]]:
    """The unlabeled Global Voices articles (first `articles` of them) and the gold/readout stems left out.

    Why one function: every miner (triggers, actors) must read exactly the same held-apart text, so that
    nothing mined is fitted to an article the evaluation scores."""
    excluded = gold_stems(Path(__file__).resolve().parents[1] / "peristiwa" / "eval" / "data")
    return list(globalvoices(root, excluded))[:articles], excluded


def corpus(root: Path, articles: int | None) -> tuple[list[Text], Counter[str], set[str]]:
    texts, excluded = unlabeled_articles(root, articles)
    for path in treebank_files(root):
        texts += [Text(f"{path.stem}:{sid}", text) for sid, text, _ in conllu(path)]
    vocabulary: Counter[str] = Counter(w.lower() for t in texts for w in re.findall(r"[A-Za-z]+", t.text))
    return texts, vocabulary, excluded


def print_table(title: str, tally: Tally, limit: int) -> None:
    print(f"\n## {title}\nrank\tdf\tkey\tphrases\tsurfaces\texample")
    for rank, (key, df) in enumerate(tally.ranked()[:limit], 1):
        top = ", ".join(s for s, _ in tally.surfaces[key].most_common(4))
        phrased = "phrases" if key in tally.phrased else "-"
        print(f"{rank}\t{df}\t{key}\t{phrased}\t{top}\t{tally.example[key][:140]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=150, help="rows per table")
    parser.add_argument("--articles", type=int, default=None, help="read only the first N articles")
    parser.add_argument("--data-root", default=None)
    args = parser.parse_args()
    root = find_data_root(args.data_root)
    if root is None:
        raise SystemExit("no shared data folder (../shared or $PERISTIWA_DATA_ROOT)")
    texts, vocabulary, excluded = corpus(root, args.articles)
    lexicon = Lexicon.load()
    analyser = Analyser(*lemma_table(root), vocabulary)
    triggers, pairs, silent = mine(texts, Extractor.load(), analyser, lexicon)
    print(f"# {len(texts)} texts ({len(excluded)} gold/readout articles excluded), lexicon {len(lexicon)} entries")
    print_table("roots (verb/noun, 'phrases' = only in multiword forms) not in the lexicon, by document frequency",
                triggers, args.limit)
    print_table("light verb + noun not in the lexicon", pairs, args.limit)
    print_table("lexicon surfaces in sentences that got no event (a sense or argument gap, not a missing entry)",
                silent, args.limit)


if __name__ == "__main__":
    main()
