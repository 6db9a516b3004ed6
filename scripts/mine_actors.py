"""Rank the named political actors that real Indonesian news mentions but the knowledge base cannot code.

Why: on real Global Voices articles many events are lost because their source or target is a named body the
KB does not know (a regional IGO, a party, a movement, an armed group, a union, a parliament or court, a
newspaper): the mention gets no country and no actor code, so the event has no coded argument. Adding such
bodies one sentence at a time fits the gold; this reads *unlabeled* text instead — Global Voices Indonesian
2008–2013 minus every gold and blind-readout article, the same selection as scripts/mine_triggers.py —
runs the pipeline and counts, by document frequency:

- name mentions (NER `ner:crf`, `pattern:body+name`, title patterns, KB hits) of type ORG/PER/MISC whose actor
  has no code or no country (or no actor at all), keyed by their surface text;
- capitalised acronyms (2–6 capitals, "UNASUR", "GCC") that no KB alias names, wherever they stand.

Each row also shows `ev_df`, the documents where the name stood in a sentence with an event (there the
missing code costs an event argument); `--by events` ranks by it. The top rows are candidates for the KB YAML
files (docs/kb.md); the judgement whether one is a real political actor, and its country and CAMEO code, is
the editor's, not this script's. Reads ../shared at run time (or
$PERISTIWA_DATA_ROOT); prints two tables; writes nothing.

    cd /work/wt-NAME && PYTHONPATH=. python scripts/mine_actors.py [--limit 150] [--articles N] [--by events]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from mine_triggers import Tally, Text, unlabeled_articles

from peristiwa.api import Extractor
from peristiwa.eval.gold import find_data_root
from peristiwa.kb.base import KnowledgeBase
from peristiwa.model import Document, Mention

MENTION_TYPES = frozenset({"ORG", "PER", "MISC"})
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
SNIPPET = 60  # characters of context either side of a mention
COMMON_WORD_MIN = 3  # lower-case occurrences that make a one-word capitalised surface a common word


@dataclass
class ActorTally(Tally):
    """A Tally that also counts the documents where the name stood in a sentence with an event: there its
    missing code costs an event argument, so `--by events` puts those names first."""

    event_docs: dict[str, set[str]] = field(default_factory=dict)

    def add_in_event(self, key: str, doc_id: str) -> None:
        self.event_docs.setdefault(key, set()).add(doc_id)

    def evdf(self, key: str) -> int:
        return len(self.event_docs.get(key, ()))


def event_sentences(doc: Document) -> set[int]:
    return {e.sentence for e in doc.events}


def sentence_of(doc: Document, offset: int) -> int:
    return next((s.index for s in doc.sentences if s.start <= offset < s.end), -1)


def uncoded(mention: Mention) -> bool:
    """A name mention the KB left without a code or a country: the event it argues gets no coded actor."""
    if mention.kind != "name" or mention.type not in MENTION_TYPES:
        return False
    actor = mention.actor
    return actor is None or not actor.code or not actor.country


def snippet(doc: Document, start: int, end: int) -> str:
    text = doc.article.text
    return " ".join(text[max(0, start - SNIPPET): end + SNIPPET].split())


def lower_words(texts: Iterable[Text]) -> Counter[str]:
    """How often each word is written in lower case in the corpus: a capitalised word also written so is
    a sentence-initial or shouted common word ("Apakah", "TIDAK"), not a name."""
    return Counter(w for t in texts for w in re.findall(r"\b[a-z]+\b", t.text))


def common_word(surface: str, lower: Counter[str]) -> bool:
    return " " not in surface and lower[surface.lower()] >= COMMON_WORD_MIN


def shouted(doc: Document, i: int) -> bool:
    """A capitals token next to another capitals word: a shouted sentence, not an acronym."""
    return any(0 <= j < len(doc.tokens) and doc.tokens[j].text.isupper() and len(doc.tokens[j].text) > 1
               for j in (i - 1, i + 1))


def unknown_mentions(doc: Document, lower: Counter[str], types: frozenset[str]
                     ) -> Iterator[tuple[str, str, str, int]]:
    """(surface, rule family, snippet, sentence) of each uncoded name mention of a document."""
    for mention in doc.mentions:
        if uncoded(mention) and mention.type in types and not common_word(mention.span.text, lower):
            rule = ":".join(mention.rule.split(":")[:2])
            yield (mention.span.text, f"{mention.type}/{rule}", snippet(doc, mention.span.start, mention.span.end),
                   mention.sentence)


def unknown_acronyms(doc: Document, kb: KnowledgeBase, lower: Counter[str]) -> Iterator[tuple[str, str, int]]:
    """(acronym, snippet, sentence) of each all-capitals token of 2–6 letters that is no KB alias on its own."""
    for i, token in enumerate(doc.tokens):
        if (ACRONYM.match(token.text) and not kb.aliases.get((token.norm,)) and not shouted(doc, i)
                and not common_word(token.text, lower)):
            yield token.text, snippet(doc, token.start, token.end), sentence_of(doc, token.start)


def mine(texts: list[Text], extractor: Extractor, types: frozenset[str]) -> tuple[ActorTally, ActorTally]:
    """(uncoded name mentions by surface, unknown acronyms) over the texts, one count per document."""
    names, acronyms = ActorTally(), ActorTally()
    lower = lower_words(texts)
    for text in texts:
        doc = extractor.extract(text.text, published=text.published, article_id=text.doc_id)
        with_event = event_sentences(doc)
        for surface, rule, context, sentence in unknown_mentions(doc, lower, types):
            names.add(surface, rule, text.doc_id, context)
            if sentence in with_event:
                names.add_in_event(surface, text.doc_id)
        for acronym, context, sentence in unknown_acronyms(doc, extractor.kb, lower):
            acronyms.add(acronym, acronym, text.doc_id, context)
            if sentence in with_event:
                acronyms.add_in_event(acronym, text.doc_id)
    return names, acronyms


def print_table(title: str, tally: ActorTally, limit: int, by_events: bool) -> None:
    """Rows ranked by document frequency (or, `by_events`, by documents with the name in an event sentence);
    ties go to the name with more mentions."""
    print(f"\n## {title}\nrank\tdf\tev_df\tname\tkinds\tcontext")
    ranked = sorted(tally.ranked(), key=lambda kv: (-tally.evdf(kv[0]) if by_events else 0, -kv[1],
                                                    -tally.surfaces[kv[0]].total()))
    for rank, (key, df) in enumerate(ranked[:limit], 1):
        kinds = ", ".join(f"{k}×{n}" for k, n in tally.surfaces[key].most_common(3))
        print(f"{rank}\t{df}\t{tally.evdf(key)}\t{key}\t{kinds}\t{tally.example[key][:2 * SNIPPET + 40]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=150, help="rows per table")
    parser.add_argument("--articles", type=int, default=None, help="read only the first N articles")
    parser.add_argument("--types", default="ORG,PER,MISC", help="mention types to rank (comma-separated)")
    parser.add_argument("--by", choices=("df", "events"), default="df",
                        help="rank by document frequency, or by documents with the name in an event sentence")
    parser.add_argument("--data-root", default=None)
    args = parser.parse_args()
    root = find_data_root(args.data_root)
    if root is None:
        raise SystemExit("no shared data folder (../shared or $PERISTIWA_DATA_ROOT)")
    texts, excluded = unlabeled_articles(root, args.articles)
    extractor = Extractor.load()
    names, acronyms = mine(texts, extractor, frozenset(args.types.split(",")))
    counts: Counter[str] = Counter(e.kind for e in extractor.kb.entries.values())
    print(f"# {len(texts)} articles ({len(excluded)} gold/readout articles excluded), "
          f"KB {counts['org']} organisations")
    by_events = args.by == "events"
    print_table(f"name mentions ({args.types}) with no actor code or no country", names, args.limit, by_events)
    print_table("capitalised acronyms (2-6 letters) with no KB alias", acronyms, args.limit, by_events)


if __name__ == "__main__":
    main()
