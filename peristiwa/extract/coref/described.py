"""Described persons: "Axel, seorang Jerman pengangguran", "polisi Mesir Ahmed Fathi".

Why a module of its own: news introduces a little-known person once with a short phrase beside the name
that says where they come from, and then uses the name alone (which the surname rule links). Reading
that phrase needs its own vocabulary — openers ("seorang", "sang"), role words, origin words ("asal",
"yang berasal dari") — and runs before role anchoring, so a person's own description beats a country
merely nearby.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from peristiwa.extract.coref.common import is_country, national, state_coded
from peristiwa.lang.pack import LanguagePack
from peristiwa.model import Actor, Document, Mention

DESCRIPTION_CHARS = 120  # how far from a name its "seorang …" description may reach (bounded: huge inputs)
MAX_ORIGIN_WORDS = 3  # "yang berasal dari": origin words alone between a name and its country
MAX_DESCRIPTION_WORDS = 5  # words of a "seorang …" description beside a name ("seorang guru dan penulis asal")
VERB_PREFIXES = ("me", "di", "ber", "ter")  # a word with one is probably a predicate: no description
DESCRIBING_ROLE_KINDS = frozenset({"person", "title", "leader", "spokesperson"})  # "NAME, wartawan … COUNTRY"
OWNED_PERSON_KINDS = frozenset({"group", "nationality", "person"})  # "warga negara Amerika NAME"
#: names a description may make persons: NER's persons, and unknown capitalised names ("Narablog Mesir, Te3ma")
#: when the description names a person, not only an origin
PERSON_LIKE_TYPES = frozenset({"PER", "MISC"})

class Description(NamedTuple):
    """What a description says of a person: its country, role, the rule's last part, and whether its words
    name a person ("seorang …", a person's role word) rather than only an origin ("asal Mesir")."""

    country: str
    role: str
    how: str
    personal: bool = True
#: a bracketed aside between a name and its description ("Rania Haddad (@rania_h), seorang dokter Yordania")
_ASIDE = re.compile(r"\([^()]{0,40}\)")


class DescribedPersons:
    """Codes unknown (or country-less titled) persons by the description beside their name."""

    def __init__(self, pack: LanguagePack) -> None:
        self.pack = pack

    def __call__(self, doc: Document) -> None:
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
            if mention.kind != "name" or mention.type not in PERSON_LIKE_TYPES or not _undescribed(mention):
                continue
            found = (self._described_after(doc, mentions, index) or self._described_before(doc, mentions, index)
                     or self._owned_role_before(doc, mentions, index))
            if found is None or (mention.type != "PER" and not found.personal):
                continue
            country, role, how, _ = found
            mention.type = "PER"
            title_role = mention.actor.role if mention.actor is not None else None
            role = title_role or role
            name = mention.actor.name if mention.actor is not None else mention.span.text
            title = mention.actor.title if mention.actor is not None else None
            mention.actor = Actor(None, name, "PER", code=country + role, country=country, role=role, title=title)
            mention.rule += f";coref:{how}"

    def _described_after(self, doc: Document, mentions: list[Mention], index: int) -> Description | None:
        """"NAME, seorang DESC COUNTRY" / "NAME, ROLE … COUNTRY": the first country mention after the name,
        reached only through an opener or a role word and a few description words; or "NAME dari ORG": the
        first national organisation after it, reached through origin words alone (membership)."""
        mention = mentions[index]
        same_sentence = itertools.takewhile(lambda m: m.sentence == mention.sentence, mentions[index + 1 :])
        target = next((m for m in same_sentence if is_country(m) or _national_org(m)), None)
        if target is None or target.span.start - mention.span.end > DESCRIPTION_CHARS:
            return None
        between = doc.text[mention.span.end : target.span.start]
        actor = target.actor
        assert actor is not None and actor.country is not None
        if is_country(target) and _bracketed(doc.text, between, target):
            words = between.strip()[1:].split()
            if words and not self._description(words):
                return None
            return Description(actor.country, self._role_in(words) or "CVL", "described-in-brackets", False)
        words = _ASIDE.sub(" ", between).lstrip(" .,").replace(",", " , ").split()  # "E. Cruz, Jr., seorang"
        if is_country(target):
            if not self._description(words):
                return None
            role = self._role_in(words) or _phrase_role(mentions, target) or "CVL"
            return Description(actor.country, role, "described-person", not self._origin_only(words))
        if not self._origin_only(words):
            return None
        return Description(actor.country, actor.role or "CVL", "member-of-org", False)

    def _described_before(self, doc: Document, mentions: list[Mention], index: int) -> Description | None:
        """"seorang DESC COUNTRY, NAME": the country mention right before the name, a comma between."""
        mention = mentions[index]
        country = next((m for m in reversed(mentions[:index]) if m.span.end <= mention.span.start), None)
        if (country is None or country.sentence != mention.sentence or not is_country(country)
                or doc.text[country.span.end : mention.span.start].strip() != ","):
            return None
        window = doc.text[max(0, country.span.start - DESCRIPTION_CHARS) : country.span.start]
        before = window.split()[-(MAX_DESCRIPTION_WORDS + 1) :]
        # "mantan presiden Liberia, Charles Taylor": the holder of the role phrase the country closes (LBRELI)
        for start in range(len(before)):
            if self._description(before[start:]):
                role = _phrase_role(mentions[:index], country) or self._role_in(before[start:])
                return Description(country.actor.country, role or "CVL", "described-person",  # type: ignore[union-attr, arg-type]
                                   not self._origin_only(before[start:]))
        return None

    def _owned_role_before(self, doc: Document, mentions: list[Mention], index: int) -> Description | None:
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
        return Description(owned.actor.country, owned.actor.role, "owned-role-before")  # type: ignore[arg-type]

    def _origin_only(self, words: list[str]) -> bool:
        """"asal", "yang berasal dari": at most MAX_ORIGIN_WORDS origin words, not ending in "yang"."""
        origin = self.pack.name_cues.get("apposition_origin", ())
        return (bool(words) and len(words) <= MAX_ORIGIN_WORDS and all(w in origin for w in words)
                and words[-1] != "yang")

    def _description(self, words: list[str]) -> bool:
        """A role word or an opener, then at most MAX_DESCRIPTION_WORDS words that are no verb or clause
        ("wartawan senior", "Hakim Pengadilan Distrik", "seorang anggota Angkatan Udara", "seorang pengacara
        HAM sekaligus narablog asal"); or origin words alone ("Rami Zaki asal Mesir", "Ahmed, yang berasal
        dari Irak")."""
        if self._origin_only(words):
            return True
        n_role, role = self.pack.role_at([w.lower() for w in words], 0) if words else (0, None)
        cues = self.pack.name_cues
        if role is not None and role.kind in DESCRIBING_ROLE_KINDS:
            rest = words[n_role:]
        elif words and (words[0].lower() in cues.get("apposition_openers", ())
                        or words[0].lower() in cues.get("apposition_roles", ())):
            rest = words[1:]
        else:
            return False
        return len(rest) <= MAX_DESCRIPTION_WORDS and all(self._describing(w) for w in rest)

    def _describing(self, word: str) -> bool:
        """A word a description may hold: capitalised (a name: "Angkatan Udara"), an origin or description
        word, a role word, or a lower-case word that does not look like a verb (no me-/di-/ber-/ter-)."""
        if not word.isalpha():
            return False
        norm = word.lower()
        cues = self.pack.name_cues
        return (word[0].isupper() or norm in cues.get("apposition_origin", ())
                or norm in cues.get("apposition_words", ()) or norm in cues.get("apposition_roles", ())
                or self.pack.role_at([norm], 0)[1] is not None
                or not norm.startswith(VERB_PREFIXES))

    def _role_in(self, words: list[str]) -> str | None:
        """The role of the first role word of the description ("seorang wartawan senior" → MED)."""
        norms = [w.lower() for w in words]
        for i in range(len(norms)):
            _, role = self.pack.role_at(norms, i)
            if role is not None and role.role and role.kind in DESCRIBING_ROLE_KINDS | {"group"}:
                return role.role
        return None


def _phrase_role(mentions: list[Mention], country: Mention) -> str | None:
    """The role of the role phrase a country closes ("anggota Angkatan Udara Peru" → MIL): the person is one."""
    return next((m.actor.role for m in mentions if m.span.end == country.span.end and m.kind == "pattern"
                 and m.actor is not None and m.actor.role), None)


def _bracketed(text: str, between: str, target: Mention) -> bool:
    """"Jeff Merheb (Libanon)", "Rania (warga Yordania)": the country closes a bracket opened right after
    the name — an aside that says where the person is from."""
    return (between.lstrip().startswith("(") and ")" not in between
            and text[target.span.end : target.span.end + 2].lstrip().startswith(")"))


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
