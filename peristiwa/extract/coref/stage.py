"""In-document coreference: pronouns, group expressions and antecedent links.

Rules, deliberately simple and explainable (every link records its rule):
- a short or descriptive mention of a KB person points at the first full-name mention
  of the same person (`antecedent`); an unlinked one-word name takes the actor of the one earlier
  coded full name it is the surname (or first name) of;
- a title standing alone ("Presiden", "PM") is the latest holder the article named before with the
  same office ("Presiden Rafael Correa … pada Presiden"), unless a blocker word makes it a new office;
- a person pronoun (dia, ia, beliau) refers to the subject — the first person mention —
  of its own sentence if one precedes it, else to the nearest earlier sentence that names a
  person: its latest speaker (a person right before a speech verb or after "kata"/"menurut") if
  it has one, else its subject. Unlinked names (NER, capitalised runs) count as persons: a pronoun
  after an unknown blogger is the blogger (left uncoded), not the officials named before;
- "mereka" is the group, body or country in focus, found as for "dia" (a named person never is;
  all conjuncts of a coordinated subject are); not "mereka yang …" ("those who") nor a possessor; a later
  "mereka" of the same sentence keeps the referent of the "mereka" before it (a blogger's list "mereka
  membakar …, mereka membunuh …");
- a pronoun followed by a bracketed mention ("mereka (Suriah)", "dia (Obama)") refers to that mention;
- a country anaphor ("negara itu") is the country named most often in the last DISCOURSE_WINDOW
  sentences (ties: the latest); never a default country when none is named;
- a role noun with -nya ("pemerintahnya") belongs to the clitic's referent: the nearest owner
  (person, country, body) before it in its sentence ("Thaksin dan pengikutnya"), else found as for
  "dia"; it takes that owner's country with the noun's role;
- a group expression (kedua negara, keduanya) refers to the two actors of the right type
  named in its own sentence, else the two most frequently named in the previous sentences.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from peristiwa.extract.coref.common import (
    DISCOURSE_WINDOW,
    is_country,
    link,
    national,
    person_like,
    plural_like,
    state_coded,
)
from peristiwa.extract.coref.focus import Speakers, antecedent, chained, parenthetical
from peristiwa.kb.base import KnowledgeBase
from peristiwa.lang.pack import LanguagePack
from peristiwa.model import Actor, Document, Mention, Token

GROUP_WINDOW = 2  # sentences looked back for a group's members
MIN_VARIANT_LETTERS = 8  # a surname spelt one letter differently must be this long ("Ahmedinejad")
OWN_CONTEXT_ONLY = ("pattern:body+name",)  # unknown named bodies: a country from their own words or none
DESCRIPTION_CHARS = 120  # how far from a name its "seorang …" description may reach (bounded: huge inputs)
MAX_ORIGIN_WORDS = 3  # "yang berasal dari": origin words alone between a name and its country
MAX_DESCRIPTION_WORDS = 4  # words of a "seorang …" description beside a name ("seorang wanita muslim asal")
VERB_PREFIXES = ("me", "di", "ber", "ter")  # a word with one is probably a predicate: no description
DESCRIBING_ROLE_KINDS = frozenset({"person", "title", "leader", "spokesperson"})  # "NAME, wartawan … COUNTRY"
OWNED_PERSON_KINDS = frozenset({"group", "nationality", "person"})  # "warga negara Amerika NAME"


class _Words(NamedTuple):
    """The article's tokens as the role lexicon reads them (norms for lookup, surfaces for "PM")."""

    norms: list[str]
    surfaces: list[str]
    tokens: list[Token]


class CorefStage:
    """Pipeline stage "coref": fills `actor`, `members` and `antecedent` of anaphoric mentions."""

    name = "coref"

    def __init__(self, kb: KnowledgeBase, pack: LanguagePack) -> None:
        self.kb = kb
        self.speakers = Speakers(pack)
        self.coordinators = pack.speech_words("coordinators")
        self.pack = pack

    def __call__(self, doc: Document) -> None:
        doc.mentions.sort(key=lambda m: (m.span.start, -m.span.end))
        self._described_persons(doc)  # first: a person's own description beats a country nearby
        _anchor_role_only(doc, lambda code: self.kb.country(code) is not None)
        self._shared_country_names(doc)
        _resolve_surnames(doc.mentions)
        _same_person_elsewhere(doc.mentions)
        self._bare_titles(doc)
        speakers = self.speakers(doc)
        first_by_id: dict[str, int] = {}
        for index, mention in enumerate(doc.mentions):
            if mention.kind == "pronoun" and mention.type == "PER":
                _resolve_pronoun(doc.mentions, index, speakers, doc)
            elif mention.kind == "pronoun":  # "mereka", typed ORG: a group, body or country
                self._resolve_plural(doc, index)
            elif mention.kind == "anaphor":
                self._resolve_country(doc.mentions, index)
            elif mention.kind == "possessive":
                _resolve_possessive(doc.mentions, index, speakers)
            elif mention.kind == "group":
                _resolve_group(doc.mentions, index)
                mention.members = [self._named(a) for a in mention.members]
            elif mention.actor is not None and mention.actor.kb_id is not None:
                key = mention.actor.kb_id
                if key in first_by_id and (mention.kind != "name" or mention.rule.startswith("coref:")):
                    mention.antecedent = first_by_id[key]
                first_by_id.setdefault(key, index)

    def _bare_titles(self, doc: Document) -> None:
        """"Presiden Rafael Correa … dukungan mereka pada Presiden": a title standing alone, with no name
        or country, is the latest holder the article named before with the same office in any of its forms
        ("Perdana Menteri Abhisit … PM"). News names an office holder in full once and then by title. Not
        when the words around make it an office being given or another holder (anaphora.yaml
        `bare_title_blockers`), and never a default country's office when no holder was named before."""
        words = _Words([t.norm for t in doc.tokens], [t.text for t in doc.tokens], doc.tokens)
        token_at = {t.start: k for k, t in enumerate(doc.tokens)}
        latest: dict[str, int] = {}  # office → index of the latest coded role mention titled with it
        first: dict[str, int] = {}  # office → index of the first one, for a headline's bare title
        headline: list[tuple[int, str]] = []
        for index, mention in enumerate(doc.mentions):
            k = token_at.get(mention.span.start)
            if k is None:
                continue
            if mention.actor is not None and mention.actor.code and mention.actor.role:
                # a holder is a person or role actor: in "Presiden Yaman" the title is not the country's
                for office in self._offices_of(words, k, mention.span.end):
                    latest[office] = index
                    first.setdefault(office, index)
                continue
            office = self._bare_office(words, k, mention.span.end)
            if mention.kind != "name" or office is None:
                continue
            if office in latest:
                _link_title(doc.mentions, index, latest[office], "coref:bare-title")
            elif _in_headline(doc, mention):
                headline.append((index, office))
        for index, office in headline:  # "Thailand: PM berjumpa …" — the article names the PM below
            if office in first:
                _link_title(doc.mentions, index, first[office], "coref:bare-title-headline")

    def _offices_of(self, words: _Words, k: int, end: int) -> list[str]:
        """The title offices naming the mention at token `k`: a title right before it ("Presiden [Correa]")
        or one it opens ("[Presiden China]")."""
        offices = []
        for n in range(1, min(k, self.pack.max_role_tokens) + 1):
            found, role = self.pack.role_at(words.norms, k - n, words.surfaces)
            if role is not None and found == n and role.kind == "title":
                offices.append(role.office)
        found, role = self.pack.role_at(words.norms, k, words.surfaces)
        if role is not None and role.kind == "title" and words.tokens[k + found - 1].end < end:
            offices.append(role.office)
        return offices

    def _bare_office(self, words: _Words, k: int, end: int) -> str | None:
        """The office of a mention that is nothing but a title ("Presiden", "PM"), unless a blocker stands
        right before or after it."""
        found, role = self.pack.role_at(words.norms, k, words.surfaces)
        if role is None or role.kind != "title" or words.tokens[k + found - 1].end != end:
            return None
        blockers, norms = self.pack.bare_title_blockers, words.norms
        if (k > 0 and norms[k - 1] in blockers.get("before", ())) or (
            k + found < len(norms) and norms[k + found] in blockers.get("after", ())
        ):
            return None
        return role.office

    def _shared_country_names(self, doc: Document) -> None:
        """"Korea" in an article that otherwise names only South Korea is South Korea: a name two states
        share (anaphora.yaml) takes the one of them the article names unambiguously, if exactly one."""
        unlinked = [m for m in doc.mentions if m.kind == "name" and m.actor is None
                    and self.pack.shared_countries(m.span.text)]
        if not unlinked:
            return
        named = {m.actor.country for m in doc.mentions if m.actor is not None and m.actor.country}
        for mention in unlinked:
            fits = [c for c in self.pack.shared_countries(mention.span.text) if c in named]
            entry = self.kb.country(fits[0]) if len(fits) == 1 else None
            if entry is not None:
                mention.actor = self.kb.actor(entry.id, doc.article.published)
                mention.type = "GPE"
                mention.rule += ";coref:shared-country-name"

    def _described_persons(self, doc: Document) -> None:
        """"Axel, seorang Jerman pengangguran", "seorang wanita muslim asal Mesir, Marwa El Sherbini",
        "Rashid Nurgaliev, menteri dalam negeri Rusia", "Carmel Budiardjo dari Partai Buruh Inggris": a person
        the KB does not know, or a titled one whose title names no country ("Hakim Richard Berman, Hakim
        Pengadilan Distrik AS"), described beside its name by a short phrase (opened by "seorang/sang" or a
        role word, or origin words alone) that names a country — or, through origin words alone, an
        organisation of a country — is a person of that country. Its role: the title's, else the phrase's
        role word ("seorang wartawan Mesir" → MED), else the organisation's, else a civilian. News introduces
        little-known people this way once and then uses the name alone, which the surname rule then links.
        Runs before role anchoring, so a person's own description wins over a country merely nearby."""
        mentions = doc.mentions
        for index, mention in enumerate(mentions):
            if mention.kind != "name" or mention.type != "PER" or not _undescribed(mention):
                continue
            found = (self._described_after(doc, mentions, index) or self._described_before(doc, mentions, index)
                     or self._owned_role_before(doc, mentions, index))
            if found is None:
                continue
            country, role, how = found
            title_role = mention.actor.role if mention.actor is not None else None
            role = title_role or role
            name = mention.actor.name if mention.actor is not None else mention.span.text
            title = mention.actor.title if mention.actor is not None else None
            mention.actor = Actor(None, name, "PER", code=country + role, country=country, role=role, title=title)
            mention.rule += f";coref:{how}"

    def _described_after(self, doc: Document, mentions: list[Mention], index: int
                         ) -> tuple[str, str, str] | None:
        """"NAME, seorang DESC COUNTRY" / "NAME, ROLE … COUNTRY": the first country mention after the name,
        reached only through an opener or a role word and a few description words; or "NAME dari ORG": the
        first national organisation after it, reached through origin words alone (membership)."""
        mention = mentions[index]
        same_sentence = itertools.takewhile(lambda m: m.sentence == mention.sentence, mentions[index + 1 :])
        target = next((m for m in same_sentence if is_country(m) or _national_org(m)), None)
        if target is None or target.span.start - mention.span.end > DESCRIPTION_CHARS:
            return None
        words = doc.text[mention.span.end : target.span.start].replace(",", " , ").split()
        if words[:1] == [","]:
            words = words[1:]
        actor = target.actor
        assert actor is not None and actor.country is not None
        if is_country(target):
            if not self._description(words):
                return None
            return actor.country, self._role_in(words) or "CVL", "described-person"
        if not self._origin_only(words):
            return None
        return actor.country, actor.role or "CVL", "member-of-org"

    def _described_before(self, doc: Document, mentions: list[Mention], index: int
                          ) -> tuple[str, str, str] | None:
        """"seorang DESC COUNTRY, NAME": the country mention right before the name, a comma between."""
        mention = mentions[index]
        country = next((m for m in reversed(mentions[:index]) if m.span.end <= mention.span.start), None)
        if (country is None or country.sentence != mention.sentence or not is_country(country)
                or doc.text[country.span.end : mention.span.start].strip() != ","):
            return None
        window = doc.text[max(0, country.span.start - DESCRIPTION_CHARS) : country.span.start]
        before = window.split()[-(MAX_DESCRIPTION_WORDS + 1) :]
        # "mantan presiden Liberia, Charles Taylor": the holder of the role phrase the country closes (LBRELI)
        phrase = next((m for m in mentions[:index] if m.span.end == country.span.end and m.kind == "pattern"
                       and m.actor is not None and m.actor.role), None)
        for start in range(len(before)):
            if self._description(before[start:]):
                role = phrase.actor.role if phrase is not None else self._role_in(before[start:])  # type: ignore[union-attr]
                return country.actor.country, role or "CVL", "described-person"  # type: ignore[union-attr]
        return None

    def _owned_role_before(self, doc: Document, mentions: list[Mention], index: int
                           ) -> tuple[str, str, str] | None:
        """"seorang warga negara Amerika John Yettaw", "polisi Mesir Ahmed Fathi": a group or person noun with
        its country right before the name (nothing between) names what the person is — that country's
        people, with the noun's role. A body ("Kementerian Luar Negeri Rusia") before a name is no such noun."""
        mention = mentions[index]
        before = [m for m in mentions[:index] if m.span.end <= mention.span.start and m.sentence == mention.sentence]
        owned = min(before, key=lambda m: (-m.span.end, m.span.start), default=None)  # the outermost, adjacent
        if (owned is None or owned.kind != "pattern" or owned.actor is None or not state_coded(owned)
                or not owned.actor.role or doc.text[owned.span.end : mention.span.start].strip()):
            return None
        _, role = self.pack.role_at([w.lower() for w in owned.span.text.split()], 0)
        if role is None or role.kind not in OWNED_PERSON_KINDS:
            return None
        return owned.actor.country, owned.actor.role, "owned-role-before"  # type: ignore[return-value]

    def _origin_only(self, words: list[str]) -> bool:
        """"asal", "yang berasal dari": at most MAX_ORIGIN_WORDS origin words, not ending in "yang"."""
        origin = self.pack.name_cues.get("apposition_origin", ())
        return (bool(words) and len(words) <= MAX_ORIGIN_WORDS and all(w in origin for w in words)
                and words[-1] != "yang")

    def _description(self, words: list[str]) -> bool:
        """An opener, then at most MAX_DESCRIPTION_WORDS lower-case words that are no verb or clause; a role
        word, then at most MAX_DESCRIPTION_WORDS words that are no verb ("wartawan senior", "Hakim Pengadilan
        Distrik"); or origin words alone ("Rami Zaki asal Mesir", "Ahmed, yang berasal dari Irak")."""
        if self._origin_only(words):
            return True
        cues = self.pack.name_cues
        origin = cues.get("apposition_origin", ())
        n_role, role = self.pack.role_at([w.lower() for w in words], 0) if words else (0, None)
        if role is not None and role.kind in DESCRIBING_ROLE_KINDS:
            rest = words[n_role:]
            return len(rest) <= MAX_DESCRIPTION_WORDS and all(
                w.isalpha() and (w[0].isupper() or w in origin or not w.startswith(VERB_PREFIXES)) for w in rest)
        if not words or words[0].lower() not in cues.get("apposition_openers", ()):
            return False
        rest = words[1:]
        return len(rest) <= MAX_DESCRIPTION_WORDS and all(
            w.isalpha() and w.islower() and (w in origin or not w.startswith(VERB_PREFIXES))
            for w in rest)

    def _role_in(self, words: list[str]) -> str | None:
        norms = [w.lower() for w in words]
        for i in range(len(norms)):
            _, role = self.pack.role_at(norms, i)
            if role is not None and role.role and role.kind in DESCRIBING_ROLE_KINDS | {"group"}:
                return role.role
        return None

    def _resolve_country(self, mentions: list[Mention], index: int) -> None:
        """"negara itu": the country named most often in the last DISCOURSE_WINDOW sentences up to it
        (ties: the latest) — a count, not the nearest name, so a passing "ke Moskow" does not win."""
        anaphor = mentions[index]
        window = [i for i in range(index) if anaphor.sentence - mentions[i].sentence <= DISCOURSE_WINDOW
                  and state_coded(mentions[i])]
        if not window:
            return
        counts = Counter(mentions[i].actor.country for i in window)  # type: ignore[union-attr]
        target = max(window, key=lambda i: (counts[mentions[i].actor.country], i))  # type: ignore[union-attr]
        country = mentions[target].actor.country  # type: ignore[union-attr]
        anaphor.actor = self._named(Actor(f"country:{country}", country, "GPE", code=country, country=country))
        anaphor.antecedent = target
        anaphor.rule = "coref:country:most-named-recently"

    def _resolve_plural(self, doc: Document, index: int) -> None:
        """"mereka": the group, body or country in focus; a coordinated subject ("Amerika Serikat dan
        Filipina … mereka") gives all its members."""
        mentions = doc.mentions
        found = (parenthetical(doc, index, plural_like) or chained(mentions, index)
                 or antecedent(mentions, index, set(), plural_like, DISCOURSE_WINDOW))
        if found is None:
            return
        target, how = found
        plural, referent = mentions[index], mentions[target]
        plural.actor, plural.members = referent.actor, list(referent.members)
        plural.antecedent = target
        plural.rule = f"coref:plural:{how}"
        conjuncts = self._conjuncts(doc, target, index)
        if len(conjuncts) > 1:
            plural.actor, plural.members = None, [c.actor for c in conjuncts if c.actor is not None]
            plural.rule += ":coordinated"

    def _conjuncts(self, doc: Document, first: int, stop: int) -> list[Mention]:
        """`first` and the mentions joined to it by "dan"/"serta" (and commas) before index `stop`."""
        run = [doc.mentions[first]]
        for mention in doc.mentions[first + 1 : stop]:
            if mention.span.start < run[-1].span.end:
                continue  # nested inside the previous conjunct ("Presiden Prancis" ⊃ "Prancis")
            between = doc.text[run[-1].span.end : mention.span.start].strip(" ,").lower()
            if between not in self.coordinators or not plural_like(mention):
                break
            run.append(mention)
        return run

    def _named(self, actor: Actor) -> Actor:
        """Country members built from an ISO3 get the KB's display name."""
        if actor.kb_id and actor.kb_id.startswith("country:") and actor.kb_id in self.kb.entries:
            return self.kb.actor(actor.kb_id, None)
        return actor


def _link_title(mentions: list[Mention], index: int, holder: int, rule: str) -> None:
    mentions[index].actor = mentions[holder].actor
    mentions[index].antecedent = holder
    mentions[index].rule += f";{rule}"


def _in_headline(doc: Document, mention: Mention) -> bool:
    """The article's first sentence standing as a paragraph of its own: its headline, written after
    the story, so it may name by title a holder the body names in full."""
    if mention.sentence != 0 or not doc.sentences:
        return False
    end = doc.sentences[0].end
    return len(doc.sentences) > 1 and "\n" in doc.text[end : doc.sentences[1].start]


def _anchor_role_only(doc: Document, is_state: Callable[[str], bool]) -> None:
    """Give "demonstran"/"polisi" (or "Senator Talha Mehmood") a country from its own context.

    In order: a country named before it in the sentence (names only: "Senator Pakistan …, Senator
    Talha Mehmood"), a place in the same sentence, when the sentence names countries (role nouns only) an
    earlier same-role or recent country only if it is one of them (else none), an earlier mention
    in the article with the same role and a country ("polisi Mesir … para polisi"), else the country of
    the nearest earlier actor within the last DISCOURSE_WINDOW sentences ("Pemerintah Mesir … Para
    demonstran …"). Unknown named bodies ("Partai Ata-Zhurt", OWN_CONTEXT_ONLY) are never anchored: their
    country comes from their own words. Never the article's main country by default: an unknown titled name or a role
    noun far from any country stays without one, and so does one after a region or bloc ("pemimpin
    Afrika", "Asia"): `is_state` says which codes are states. Each anchor records how it was found
    (`--explain`).
    """
    last_by_role: dict[str, str] = {}
    last_country: tuple[int, str] | None = None  # (sentence, country) of the latest country-coded actor
    for mention in doc.mentions:
        actor = mention.actor
        if actor is None:
            continue
        state = actor.country is not None and is_state(actor.country)
        if actor.role and state:
            last_by_role[actor.role] = actor.country
        if (not mention.rule.startswith("pattern:") or actor.country or not actor.role or ":generic:" in mention.rule
                or mention.rule.startswith(OWN_CONTEXT_ONLY)):
            if state:
                last_country = (mention.sentence, actor.country)
            continue
        recent = (last_country[1] if last_country and mention.sentence - last_country[0] <= DISCOURSE_WINDOW
                  else None)
        anchor = _role_anchor(doc, mention, last_by_role.get(actor.role), recent)
        if anchor is None:
            continue
        country, how = anchor
        code = f"{country}{actor.role}" if actor.role else country
        mention.actor = Actor(None, actor.name, actor.type, code=code, country=country, role=actor.role)
        mention.rule += f":anchored-by-{how}"
        mention.confidence = 0.5


def _resolve_surnames(mentions: list[Mention]) -> None:
    """"Presiden Madagaskar Marc Ravalomanana … Ravalomanana mengecam …": a one-word name the KB and
    NER left unlinked is the earlier full name that ends (or starts) with it, when exactly one coded
    person of the article fits — news names a person in full once and by surname afterwards. A long
    surname one letter off ("Ahmedinejad" after "Mahmoud Ahmadinejad") is the same person spelt another way
    (transliterations vary), again only when exactly one person fits."""
    full: dict[str, dict[str, int]] = {}  # word → {actor key → index of the first full-name mention}
    surnames: dict[str, dict[str, int]] = {}  # the same for last words only (spelling variants)
    for index, mention in enumerate(mentions):
        words = mention.span.text.split()
        if mention.kind != "name":
            continue
        if len(words) == 1 and mention.actor is None:
            candidates = full.get(words[0], {})
            if len(candidates) == 1:
                link(mention, mentions, next(iter(candidates.values())), "coref:surname")
            elif not candidates and len(words[0]) >= MIN_VARIANT_LETTERS:
                variants = {key: i for word, found in surnames.items() if _one_letter_off(word, words[0])
                            for key, i in found.items()}
                if len(variants) == 1:
                    link(mention, mentions, next(iter(variants.values())), "coref:surname-variant")
            continue
        actor = mention.actor
        if len(words) >= 2 and actor is not None and actor.type == "PER" and actor.code:
            key = actor.kb_id or actor.name
            for word in (words[0], words[-1]):
                full.setdefault(word, {}).setdefault(key, index)
            surnames.setdefault(words[-1], {}).setdefault(key, index)


def _same_person_elsewhere(mentions: list[Mention]) -> None:
    """"Quynh menulis … (later) narablog Vietnam Nguyen Ngoc Nhu Quynh", "Yagoob … Yagoob, seorang bloger
    Bahrain": a name left unlinked is the person the article codes elsewhere — before or after it — under
    the same full name, or whose full name starts or ends with it, when exactly one coded person fits.
    Headlines and lead paragraphs often name a person before the sentence that says who they are."""
    people: dict[str, dict[str, int]] = {}  # a full name or one of its end words → {actor key → index}
    for index, mention in enumerate(mentions):
        actor, words = mention.actor, mention.span.text.split()
        if mention.kind == "name" and actor is not None and actor.type == "PER" and actor.code and len(words) >= 2:
            for key in {mention.span.text, words[0], words[-1]}:
                people.setdefault(key, {}).setdefault(actor.kb_id or actor.name, index)
    for mention in mentions:
        if mention.kind != "name" or mention.actor is not None or mention.type not in ("PER", "MISC"):
            continue
        candidates = people.get(mention.span.text, {})
        if len(candidates) == 1:
            link(mention, mentions, next(iter(candidates.values())), "coref:same-person-elsewhere")
            mention.type = "PER"


def _one_letter_off(a: str, b: str) -> bool:
    """Same length, same first letter, exactly one other letter different (case-insensitive)."""
    a, b = a.lower(), b.lower()
    return len(a) == len(b) and a[0] == b[0] and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _role_anchor(doc: Document, mention: Mention, same_role_before: str | None, recent: str | None
                 ) -> tuple[str, str] | None:
    """Where a role noun's country comes from, nearest context first: a place of its sentence; else, when
    its sentence names countries, an earlier same-role or recent country only if it is one of them (never
    across to a foreign country when the sentence names another; nor one of those countries by guess:
    "polisi menangkap warga Amerika" says nothing of the police's); else an earlier mention with the same
    role, else the country of the last few sentences."""
    country_before = _country_before(doc.mentions, mention)
    if mention.kind == "name" and country_before:
        return country_before, "country-in-sentence"
    places = [p for p in doc.places if p.sentence == mention.sentence and p.country]
    if places and mention.kind != "name":
        # where it happens ("di Manama") says more than where someone comes from ("wanita dari Filipina")
        located = [p for p in places if doc.text[max(0, p.span.start - 8) : p.span.start].split()[-1:] == ["di"]]
        located = located or places
        return min(located, key=lambda p: abs(p.span.start - mention.span.start)).country or "", "place"
    named = _countries_in_sentence(doc.mentions, mention)
    if named and mention.kind != "name":
        for country, how in ((same_role_before, "earlier-mention"), (recent, "recent-mention")):
            if country in named:
                return country, how
        return None  # the countries named here may be its target's ("menangkap warga Amerika"): no guess
    if same_role_before:
        return same_role_before, "earlier-mention"
    if recent:
        return recent, "recent-mention"
    return None


def _countries_in_sentence(mentions: list[Mention], target: Mention) -> list[str]:
    """The states the sentence of `target` names, nearest to it first."""
    found = [m for m in mentions if m.sentence == target.sentence and is_country(m)
             and m.actor is not None and national(m.actor)]
    found.sort(key=lambda m: abs(m.span.start - target.span.start))
    return list(dict.fromkeys(m.actor.country for m in found if m.actor is not None and m.actor.country))


def _country_before(mentions: list[Mention], target: Mention) -> str | None:
    """The last country named before `target` in its sentence."""
    found = None
    for mention in mentions:
        if mention.sentence != target.sentence or mention.span.start >= target.span.start:
            continue
        if mention.actor is not None and mention.actor.type == "GPE" and mention.actor.country:
            found = mention.actor.country
    return found


def _undescribed(mention: Mention) -> bool:
    """A person with no country yet: unknown to the KB, or titled by a word that names no country."""
    actor = mention.actor
    return actor is None or (actor.kb_id is None and actor.country is None and actor.role is not None
                             and mention.rule.startswith("pattern:title+name"))


def _national_org(mention: Mention) -> bool:
    """A named organisation of one state ("Partai Buruh Inggris" → GBR), not a person, country or IGO, nor a
    role noun with its owner ("warga Thailand": its country mention is the description's)."""
    actor = mention.actor
    return actor is not None and actor.type == "ORG" and mention.kind == "name" and national(actor)


def _resolve_pronoun(mentions: list[Mention], index: int, speakers: set[int], doc: Document) -> None:
    found = parenthetical(doc, index, person_like) or antecedent(mentions, index, speakers, person_like)
    if found is not None:
        link(mentions[index], mentions, found[0], f"coref:pronoun:{found[1]}")


def _owner_like(mention: Mention) -> bool:
    """Anything that can own a government or troops, coded or not: "banyak pemerintah … rakyatnya"
    belongs to the uncoded "pemerintah", not to a country named sentences before."""
    return person_like(mention) or (mention.actor is not None and mention.kind not in ("group", "possessive"))


def _resolve_possessive(mentions: list[Mention], index: int, speakers: set[int]) -> None:
    """"pemerintahnya" after "Presiden Prancis …": the owner's country with the noun's role (FRAGOV).
    An owner without a country (an unknown blogger) leaves the noun uncoded but records the owner."""
    found = antecedent(mentions, index, speakers, _owner_like, DISCOURSE_WINDOW, nearest=True)
    mention = mentions[index]
    if found is None or mention.actor is None:
        return
    target, how = found
    mention.antecedent = target
    mention.rule += f":owner-{how}"
    owner = mentions[target].actor
    if owner is None or not state_coded(mentions[target]):
        return
    role, country = mention.actor.role, owner.country
    mention.actor = Actor(None, mention.actor.name, mention.actor.type, code=f"{country}{role}" if role else country,
                          country=country, role=role)


def _resolve_group(mentions: list[Mention], index: int) -> None:
    group = mentions[index]
    wanted = group.type
    before = [m for m in mentions[:index] if m.sentence == group.sentence]
    for kind in ("PER", "GPE") if wanted == "ANY" else (wanted,):
        same = _distinct([m for m in before if _fits(m, kind)], kind)
        if len(same) >= 2:
            group.members = same[-2:]
            group.rule = f"coref:group:same-sentence:{kind}"
            return
    window = [m for m in mentions[:index]
              if group.sentence - GROUP_WINDOW <= m.sentence <= group.sentence and _fits(m, wanted)]
    ranked = _salient(window, "GPE" if wanted == "ANY" else wanted)
    if len(ranked) >= 2:
        group.members = ranked[:2]
        group.rule = f"coref:group:salience:{wanted}"


def _fits(mention: Mention, wanted: str) -> bool:
    actor = mention.actor
    if actor is None or mention.kind == "group":
        return False
    if wanted == "PER":
        return actor.type == "PER"
    return actor.country is not None or actor.type == "PER"


def _key(actor: Actor, wanted: str) -> str:
    """Persons count as themselves for PER groups, and as their country otherwise."""
    if wanted == "PER" or actor.country is None:
        return actor.kb_id or actor.name
    return actor.country


def _distinct(mentions: list[Mention], wanted: str) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for mention in mentions:
        assert mention.actor is not None
        key = _key(mention.actor, wanted)
        seen.setdefault(key, mention.actor if wanted == "PER" else _country_actor(mention.actor))
    return list(seen.values())


def _salient(mentions: list[Mention], wanted: str) -> list[Actor]:
    counts: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for mention in mentions:
        assert mention.actor is not None
        key = _key(mention.actor, wanted)
        counts[key] += 1
        first.setdefault(key, mention.actor if wanted == "PER" else _country_actor(mention.actor))
    return [first[key] for key, _ in counts.most_common()]


def _country_actor(actor: Actor) -> Actor:
    """Reduce an actor to its country for "kedua negara" (Xi → China)."""
    if actor.type == "GPE" or actor.country is None or actor.country == "IGO":
        return actor
    return Actor(f"country:{actor.country}", actor.country, "GPE", code=actor.country, country=actor.country)
