"""Actor mentions: knowledge-base names, title + name patterns, descriptions and pronouns.

One left-to-right scan per sentence tries, at each token, in this order:
1. a KB alias (longest match: "Dewan Keamanan PBB" beats "PBB");
2. a role word with what follows it: "Perdana Menteri Jepang Fumio Kishida",
   "Kementerian luar negeri Ukraina" (→ UKRGOV by pattern), "pemimpin China" (→ the
   country's head, preferring a person the article already named);
   a group noun before a person names that person's followers ("pendukung Morsi");
3. supporters written as one token ("kelompok pro-Saleh"), then a short name ("Xi") of a person the
   article names in full elsewhere;
4. a pronoun ("dia", "mereka"), a group expression ("keduanya"), a country anaphor ("negara itu")
   or a role noun with a possessive clitic ("pemerintahnya"), left for the coreference stage.
Unknown names are added later by the NER and name stages, so nothing is silently lost.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date

from peristiwa.extract.casing import case_view, prose_casing
from peristiwa.kb.base import KnowledgeBase
from peristiwa.lang.pack import LanguagePack, RoleWord
from peristiwa.model import Actor, Document, Mention, Token
from peristiwa.text.normalize import norm_token

DESCRIPTIVE_KINDS = frozenset({"leader", "title"})
PERSON_KINDS = frozenset({"leader", "title", "person", "spokesperson"})
ROLE_ONLY_KINDS = frozenset({"group", "body", "person"})
POSSESSIVE_KINDS = frozenset({"group", "body", "leader", "title"})  # "pemerintahnya", "pasukannya", "presidennya"
MAX_NAME_CONTINUATION = 3  # tokens after a short name searched for the same person's other name ("Al Assad")
MEDIA_ROLE = "MED"  # a country after a news outlet's name names its service ("BBC Azeri")
SUPPORTERS_ROLE = "CVL"  # CAMEO has no supporter role: a leader's or cause's supporters are civilians
MIN_UNIQUE_SHORT = 4  # a bare surname links without its full name only if it is this long ("Ban" never does)


@dataclass(frozen=True, slots=True)
class _Owner:
    """What a role word attaches to: a country ("Presiden China") or an organisation ("Sekjen PBB")."""

    entry_id: str
    via: str
    kind: str
    country: str | None
    code: str | None
    role: str | None


@dataclass(frozen=True, slots=True)
class _Window:
    """One sentence's tokens with parallel lists for fast matching; `shapes` is the case view
    (extract/casing.py) that capital-based decisions read, so a title-case headline is not one name."""

    tokens: list[Token]
    norms: list[str]
    surfaces: list[str]
    sentence: int
    shapes: list[str]
    common_opening: bool = False  # its first word is one the article's prose writes only in lower case


class MentionStage:
    """Pipeline stage "mentions": KB-linked and pattern-coded actor mentions."""

    name = "mentions"

    def __init__(self, kb: KnowledgeBase, pack: LanguagePack,
                 city_country: Callable[[str], str | None] | None = None) -> None:
        self.kb = kb
        self.pack = pack
        self.city_country = city_country  # the gazetteer's, handed over by the pipeline: "polisi Dubai" is no name

    def __call__(self, doc: Document) -> None:
        casing = prose_casing(doc)
        windows = [self._window(doc, s.index, casing) for s in doc.sentences]
        named = self._persons_named(windows)
        day = doc.article.published
        for window in windows:
            doc.mentions.extend(_Scanner(self.kb, self.pack, doc, window, named, day, self.city_country).scan())
        doc.mentions.sort(key=lambda m: (m.span.start, -m.span.end))
        _prefer_names_in_document(doc.mentions)

    def _window(self, doc: Document, index: int, casing: tuple[frozenset[str], frozenset[str]]) -> _Window:
        tokens = doc.sentence_tokens(doc.sentences[index])
        norms, surfaces = [t.norm for t in tokens], [t.text for t in tokens]
        return _Window(tokens, norms, surfaces, index,
                       case_view(surfaces, lambda: self._known(norms, surfaces, casing)),
                       common_opening=bool(norms) and norms[0] in casing[1])

    def _known(self, norms: list[str], surfaces: list[str], casing: tuple[frozenset[str], frozenset[str]],
               ) -> set[int]:
        """Tokens inside a KB name, a known surname or a word the article's prose capitalises: they keep
        their capitals in a title-case line — unless a one-word name is a word the prose only writes in
        lower case (the number "lima", not Lima)."""
        capitals, lower_only = casing
        known = {i for i, norm in enumerate(norms) if ((norm,) in self.kb.shorts and norm not in lower_only)
                 or norm in capitals}
        i = 0
        while i < len(norms):
            n, hits = self.kb.match(norms, surfaces, i)
            if hits and not (n == 1 and norms[i] in lower_only):
                known.update(range(i, i + n))
            i += max(n, 1) if hits else 1
        return known

    def _persons_named(self, windows: list[_Window]) -> list[str]:
        """KB persons the article names in full, in order of first appearance (for short names)."""
        found: dict[str, None] = {}
        starts = self.kb.starts_alias
        for w in windows:
            after = 0  # tokens before this are inside an alias already matched
            for i, norm in enumerate(w.norms):
                if i < after or not starts(norm):  # no alias starts here: `match` would find none
                    continue
                n, hits = self.kb.match(w.norms, w.surfaces, i)
                for hit in hits:
                    if self.kb.entries[hit.entry_id].kind == "person":
                        found.setdefault(hit.entry_id, None)
                after = i + max(n, 1)
        return list(found)


class _Scanner:
    """Scans one sentence; holds the per-sentence state so each step stays a small method."""

    def __init__(self, kb: KnowledgeBase, pack: LanguagePack, doc: Document, window: _Window,
                 named: list[str], day: date | None, city_country: Callable[[str], str | None] | None = None) -> None:
        self.kb, self.pack, self.doc, self.w, self.named, self.day = kb, pack, doc, window, named, day
        self.city_country = city_country
        self.out: list[Mention] = []

    def scan(self) -> list[Mention]:
        i = 0
        while i < len(self.w.tokens):
            i += self._step(i) or 1
        return self.out

    def _step(self, i: int) -> int:
        n_kb, hits = self.kb.match(self.w.norms, self.w.shapes, i)  # a title-case line: its case view
        if i == 0 and n_kb == 1 and self.w.common_opening:
            # "Lima pria Yaman dipancung": a sentence's first capital says nothing, and the article writes the
            # word only in lower case elsewhere (the number), so this one-word alias is no name (Lima, Peru)
            n_kb, hits = 0, []
        n_role, role = self.pack.role_at(self.w.norms, i, self.w.surfaces)
        used = 0 if hits else self._named_body(i)
        if used:
            return used
        if role is not None and n_role >= n_kb:
            used = self._role_pattern(i, n_role, role)
            if used:
                return used
        if hits and self._inside_unknown_name(i, n_kb, hits[0].entry_id):
            return 0
        if hits and hits[0].via == "alias" and self._country_inside_name(i, n_kb, hits[0].entry_id):
            self._emit(i, n_kb, "MISC", None, "kb:country-inside-name", "pattern")
            return n_kb
        if hits:
            if self._not_an_actor(i, hits[0].entry_id):  # claim the span so later stages leave it alone
                self._emit(i, n_kb, "MISC", None, f"kb:not-an-actor:{self.w.norms[i - 1]}", "pattern")
                return n_kb
            self._emit_kb(i, n_kb, hits[0].entry_id, hits[0].via, rule=f"kb:{hits[0].via}")
            return n_kb
        return self._supporters(i) or self._country_pair(i) or self._short_name(i) or self._anaphor(i)

    def _country_pair(self, i: int) -> int:
        """"hubungan AS-China", "perundingan Israel-Palestina", "perang Iran-Irak": one hyphenated token joining two
        countries names both sides of a relation — a group mention whose members are the two states."""
        parts = self.w.surfaces[i].split("-")
        if len(parts) != 2 or not all(parts):
            return 0
        members = []
        for part in parts:
            _, hits = self.kb.match([norm_token(part)], [part], 0)
            entry = hits[0].entry_id if hits else None
            if entry is None or self.kb.entries[entry].kind != "country":
                return 0
            members.append(self.kb.actor(entry, self.day))
        if members[0].code == members[1].code:
            return 0
        self._emit(i, 1, "GPE", None, "pattern:country-pair", "group")
        self.out[-1].members = members
        return 1

    # -- KB names -----------------------------------------------------------------------------
    def _emit_kb(self, i: int, n: int, entry_id: str, via: str, rule: str, kind: str = "name",
                 confidence: float = 1.0) -> Actor:
        actor = self.kb.actor(entry_id, self.day, via)
        self._emit(i, n, actor.type if via != "metonym" else "ORG", actor, rule, kind, confidence)
        return actor

    def _emit(self, i: int, n: int, mtype: str, actor: Actor | None, rule: str, kind: str,
              confidence: float = 1.0) -> None:
        start, end = self.w.tokens[i].start, self.w.tokens[i + n - 1].end
        self.out.append(Mention(self.doc.span(start, end), mtype, self.w.sentence, kind, actor, rule,
                                confidence=confidence))

    # -- title / body patterns ------------------------------------------------------------------
    def _role_pattern(self, i: int, n_role: int, role: RoleWord) -> int:
        """A role word, then [owner (country/org)] [name]: "Menteri Pertahanan Filipina Gilberto Teodoro"."""
        former = role.kind == "modifier"
        if former:  # "mantan Presiden Filipina …": the title after the modifier decides the pattern
            n_next, nxt = self.pack.role_at(self.w.norms, i + n_role, self.w.surfaces)
            if nxt is None:
                return 0
            n_role, role = n_role + n_next, nxt
        j = i + n_role
        n_owner, owner = self._owner_at(j)
        n_link = 0 if n_owner or role.kind not in PERSON_KINDS else self._nationality_link(j)
        if n_link:
            n_owner, owner = self._owner_at(j + n_link)
            if owner is None or owner.kind != "country":
                n_link, n_owner, owner = 0, 0, None
        k = j + n_link + n_owner
        if n_owner:
            self._emit_kb(j + n_link, n_owner, owner.entry_id, owner.via, rule=f"kb:{owner.via}")
        used = (not n_owner and self._followers_of(i, k, role)) or self._role_with_name(i, k, role, owner, former)
        if used:
            return used
        if not n_owner and not (role.country or role.org):
            return self._role_only(i, n_role, role, former)
        return self._role_with_owner(i, k - i, role, owner, former)

    def _role_only(self, i: int, n: int, role: RoleWord, former: bool) -> int:
        """"demonstran", "polisi", "pemerintah" with no owner: kept; coreference later anchors the
        country from a place in the sentence or the article's main country."""
        if role.kind not in ROLE_ONLY_KINDS or (i > 0 and self.w.shapes[i][:1].isupper() and self._name_at(i + n)):
            return 0
        if i > 0 and not self._heads_phrase(i):
            return 0
        n += self._demonstrative(i + n)
        mtype = "PER" if role.kind == "person" else "ORG"
        actor = Actor(None, " ".join(self.w.surfaces[i : i + n]), mtype, role=_role_code(role, None, former))
        generic = role.kind == "body" and i > 0 and self.w.norms[i - 1] in self.pack.name_cues.get("generic_before", ())
        rule = f"pattern:role-only:{'generic:' if generic else ''}{role.surface}"
        self._emit(i, n, mtype, actor, rule, "pattern", 0.6)
        return n

    def _name_at(self, k: int) -> bool:
        """A capitalised token at `k` (or the end of the sentence): a capitalised role word before it may start
        a longer proper name ("Komisi Pemilihan Umum")."""
        return k >= len(self.w.tokens) or _is_name_token(self.w.shapes[k])

    def _role_with_name(self, i: int, k: int, role: RoleWord, owner: _Owner | None, former: bool) -> int:
        """"… Fumio Kishida" (KB person) or "… Gilbertus Reyes" (unknown: coded from the title)."""
        if k >= len(self.w.tokens):
            return 0
        n_name, hits = self.kb.match(self.w.norms, self.w.surfaces, k)
        person = next((h.entry_id for h in hits if self.kb.entries[h.entry_id].kind == "person"), None)
        if person is not None:
            self._emit_kb(k, n_name, person, "alias", rule=f"kb:alias+title:{role.surface}")
            return k + n_name - i
        if hits or role.kind not in PERSON_KINDS:
            return 0
        titled = self._titled_short_name(k, role)
        if titled:
            return k + titled - i
        n_unknown = self._unknown_name_len(k)
        if not n_unknown or self.w.norms[k] in self.pack.name_cues.get("org_heads", ()):
            return 0  # "ketua Komite …" names a body, not a person
        city = self.city_country(self.w.surfaces[k]) if n_unknown == 1 and self.city_country else None
        if city is not None:
            return self._office_of_city(i, k, role, city, former)
        if self._ends_in_country(k, n_unknown):
            return 0  # "Direktur PFLAG Cina": a body of that country, not a person's name
        country, code = self._code_for(role, owner, former)
        actor = Actor(None, " ".join(self.w.surfaces[k : k + n_unknown]), "PER", code=code, country=country,
                      role=_role_code(role, owner, former), title=role.surface)
        self._emit(k, n_unknown, "PER", actor, f"pattern:title+name:{role.surface}", "name", 0.8)
        return k + n_unknown - i

    def _office_of_city(self, i: int, k: int, role: RoleWord, country: str, former: bool) -> int:
        """"polisi Dubai", "Gubernur Istanbul": a title before a city is that city's office holder, of the city's
        country — not a person named Dubai. The city is a place mention of its own, for the places stage."""
        role_code = _role_code(role, None, former)
        actor = Actor(None, " ".join(self.w.surfaces[i : k + 1]), "PER", code=_code(country, role_code),
                      country=country, role=role_code, title=role.surface)
        self._emit(i, k - i, "PER", actor, f"pattern:title+city:{role.surface}", "pattern", 0.8)
        self._emit(k, 1, "LOC", None, "pattern:city-of-office", "name", 0.8)
        return k + 1 - i

    def _named_body(self, i: int) -> int:
        """"Partai Ata-Zhurt", "Koalisi Gerakan Perempuan Kirgizstan", "Dewan Shura di Bahrain", "harian Kurir":
        a capitalised body noun (names.yaml `body_heads`), or a body role word of a `named_body_roles` role
        in any case ("surat kabar", "stasiun TV"), and a capitalised name the KB does not know are one
        organisation, with the noun's role if it is a role word ("Partai" → PTY). Its country comes only
        from its own words: a country ending the name ("… Kirgizstan") or named right after it with "di";
        else it has none (the article's country is no evidence of an unknown body's: coreference does not
        anchor it)."""
        norms, shapes = self.w.norms, self.w.shapes
        n_head, role = self._body_head(i)
        if not n_head:
            return 0
        start = k = i + n_head
        while k < len(norms) and _is_name_token(shapes[k]) and not self.kb.match(norms, self.w.surfaces, k)[1]:
            k += 1
        if k == start:
            return 0
        n_owner, owner = self._owner_at(k)
        if owner is not None and owner.kind == "country":
            self._emit_kb(k, n_owner, owner.entry_id, owner.via, rule=f"kb:{owner.via}")
            country, end = owner.country, k + n_owner
        else:
            country, end = self._country_after_di(k), k
        role_code = _role_code(role, None, False) if role is not None else None
        actor = Actor(None, " ".join(self.w.surfaces[i:end]), "ORG", code=_code(country, role_code),
                      country=country, role=role_code)
        self._emit(i, end - i, "ORG", actor, f"pattern:body+name:{' '.join(norms[i:start])}", "name", 0.8)
        return end - i

    def _body_head(self, i: int) -> tuple[int, RoleWord | None]:
        """(length, role word or None) of a body noun that can open an organisation's name at token `i`."""
        cues = self.pack.name_cues
        n, role = self.pack.role_at(self.w.norms, i, self.w.surfaces)
        if role is not None and role.kind not in {"body", "group"}:
            role = None
        if role is not None and (role.role or "").lower() in cues.get("named_body_roles", ()):
            return n, role
        if self.w.norms[i] in cues.get("body_heads", ()) and _is_name_token(self.w.shapes[i]):
            return 1, role if n == 1 else None
        return 0, None

    def _country_after_di(self, k: int) -> str | None:
        """"… di Bahrain": the country named right after "di" at token `k` (where the body is)."""
        if k >= len(self.w.norms) or self.w.norms[k] != "di":
            return None
        _, owner = self._owner_at(k + 1)
        return owner.country if owner is not None and owner.kind == "country" else None

    def _followers_of(self, i: int, k: int, role: RoleWord) -> int:
        """"pendukung Morsi", "pengikut Zelaya": a group noun without a role of its own before a person names
        that person's followers — the person's country with the group's role, not the person himself."""
        if role.kind != "group" or role.role is not None:
            return 0
        n, person = self._person_at(k)
        if person is None:
            return 0
        country = self.kb.actor(person, self.day).country
        actor = Actor(None, " ".join(self.w.surfaces[i : k + n]), "ORG", code=_code(country, role.fallback),
                      country=country, role=role.fallback)
        self._emit(i, k + n - i, "ORG", actor, f"pattern:group+person:{role.surface}", "pattern", 0.8)
        return k + n - i

    def _person_at(self, k: int) -> tuple[int, str | None]:
        """A KB person at token `k` (see `_person_in`)."""
        if k >= len(self.w.tokens) or not _is_name_token(self.w.shapes[k]):
            return 0, None
        return self._person_in(self.w.norms, self.w.surfaces, k)

    def _person_in(self, norms: list[str], surfaces: list[str], k: int) -> tuple[int, str | None]:
        """A KB person at `norms[k]`: by a full alias, or by a surname of someone the article names in full."""
        n, hits = self.kb.match(norms, surfaces, k)
        person = next((h.entry_id for h in hits if self.kb.entries[h.entry_id].kind == "person"), None)
        if person is not None:
            return n, person
        candidates = self.kb.shorts.get((norms[k],), ())
        return 1, next((p for p in self.named if p in candidates), None)

    def _supporters(self, i: int) -> int:
        """"kelompok pro-Saleh", "milisi pro-pemerintah": one token naming the supporters of what follows the
        prefix. A person lends his country (pro-Morsi crowds are Egyptians); a state, body or movement does
        not (pro-Russia rebels in Ukraine are Ukrainians), so coreference anchors those from the context."""
        norm, surface = self.w.norms[i], self.w.surfaces[i]
        prefix = next((p for p in self.pack.name_cues.get("supporter_prefixes", ()) if norm.startswith(p)), "")
        rest, rest_surface = norm[len(prefix) :], surface[len(prefix) :]
        if not prefix or not rest or (i > 0 and (not self._heads_phrase(i) or self._explained(i - 1))):
            return 0  # after a role noun ("milisi pro-pemerintah") it only describes that noun's actor
        _, person = self._person_in([rest], [rest_surface], 0)
        known = person is not None or self.kb.match([rest], [rest_surface], 0)[1]
        if not known and self.pack.role_at([rest], 0)[1] is None:
            return 0
        country = self.kb.actor(person, self.day).country if person else None
        actor = Actor(None, surface, "ORG", code=_code(country, SUPPORTERS_ROLE), country=country,
                      role=SUPPORTERS_ROLE)
        self._emit(i, 1, "ORG", actor, f"pattern:supporters:{prefix}", "pattern", 0.8)
        return 1

    def _titled_short_name(self, k: int, role: RoleWord) -> int:
        """"Menlu Clinton": a surname after a title is the one person with that surname holding that role."""
        for n in (2, 1):
            candidates = self.kb.shorts.get(tuple(self.w.norms[k : k + n]))
            if not candidates or k + n > len(self.w.tokens) or not _is_name_token(self.w.shapes[k]):
                continue
            fitting = [p for p in candidates if (spell := self.kb.entries[p].spell_on(self.day)) is not None
                       and (role.role is None or spell.role == role.role)]
            if len(fitting) == 1:
                self._emit_kb(k, n, fitting[0], "alias", rule=f"kb:short-name+title:{role.surface}", confidence=0.85)
                return n
        return 0

    def _role_with_owner(self, i: int, n: int, role: RoleWord, owner: _Owner | None, former: bool) -> int:
        """No name follows: a description ("pemimpin China") or a body ("Kementerian luar negeri Ukraina")."""
        n += self._demonstrative(i + n)
        country, code = self._code_for(role, owner, former)
        if not former and country and role.head and role.kind in DESCRIPTIVE_KINDS:
            actor = self._head_of(country)
            if actor is not None:
                self._emit(i, n, "PER", actor, f"description:{role.kind}:{role.surface}", "description", 0.9)
                return n
        if not former and country and role.kind == "title":
            holders = self.kb.holders(country, role.surface, self.day)
            if len(holders) == 1:
                actor = self.kb.actor(holders[0], self.day)
                self._emit(i, n, "PER", actor, f"description:title:{role.surface}", "description", 0.85)
                return n
        surface = " ".join(self.w.surfaces[i : i + n])
        mtype = "PER" if role.kind in PERSON_KINDS else "ORG"
        actor = Actor(None, surface, mtype, code=code, country=country, role=_role_code(role, owner, former))
        self._emit(i, n, mtype, actor, f"pattern:{role.kind}+owner:{role.surface}", "pattern", 0.9)
        return n

    def _nationality_link(self, j: int) -> int:
        """Tokens of a nationality link at `j` ("asal", "berasal dari"; names.yaml `nationality_links`), else 0."""
        norms = self.w.norms
        if j >= len(norms) or norms[j] not in self.pack.name_cues.get("nationality_links", frozenset()):
            return 0
        return 2 if j + 1 < len(norms) and norms[j + 1] == "dari" else 1

    def _owner_at(self, j: int) -> tuple[int, _Owner | None]:
        """A country, metonym or organisation right after a role word."""
        if j >= len(self.w.tokens):
            return 0, None
        n, hits = self.kb.match(self.w.norms, self.w.surfaces, j)
        for hit in hits:
            entry = self.kb.entries[hit.entry_id]
            if entry.kind in {"country", "org"}:
                return n, _Owner(hit.entry_id, hit.via, entry.kind, entry.country or entry.code, entry.code,
                                 entry.role)
        return 0, None

    def _code_for(self, role: RoleWord, owner: _Owner | None, former: bool) -> tuple[str | None, str | None]:
        """(country, actor code) for a role attached to an owner; an IGO owner lends its own code."""
        role_code = _role_code(role, owner, former)
        if owner is None:
            org = self.kb.entries.get(role.org or "")
            if org is not None:
                return org.country, org.code if not former else _code(org.country, "ELI")
            return role.country, _code(role.country, role_code)
        if owner.kind == "org" and owner.country in {"IGO", "NGO", "IMG"} and not former:
            return owner.country, owner.code
        return owner.country, _code(owner.country, role_code)

    def _head_of(self, country: str) -> Actor | None:
        """The country's leader: someone the article names first, else the KB's head on that date."""
        heads = self.kb.heads(country, self.day)
        for person in self.named:
            if person in heads:
                return self.kb.actor(person, self.day)
        for person in self.named:
            actor = self.kb.actor(person, self.day)
            if actor.country == country and actor.role == "GOV":
                return actor
        return self.kb.actor(heads[0], self.day) if heads else None

    def _not_an_actor(self, i: int, entry_id: str) -> bool:
        """"dolar AS", "bahasa Inggris", "Laut China Selatan": the country name is not an actor here; nor is an
        organisation's name in the title of a text it made ("Konvensi PBB", "Piagam ASEAN")."""
        if i == 0:
            return False
        kind = self.kb.entries[entry_id].kind
        if kind != "country":
            return kind == "org" and self.w.norms[i - 1] in self.pack.name_cues.get("not_org_actor_after", frozenset())
        blockers = self.pack.name_cues.get("not_actor_after", frozenset())
        return self.w.norms[i - 1] in blockers or " ".join(self.w.norms[max(0, i - 2) : i]) in blockers

    def _heads_phrase(self, i: int) -> bool:
        """True unless a lower-case content word precedes (then the role word is a modifier)."""
        before = self.w.shapes[i - 1]
        if not before[:1].islower():
            return True
        norm = self.w.norms[i - 1]
        return norm in self.pack.name_cues.get("role_only_after", ()) or (
            len(norm) > 4 and norm.startswith(("me", "di", "ber", "ter")))

    def _demonstrative(self, j: int) -> int:
        return int(j < len(self.w.tokens) and self.w.norms[j] in self.pack.demonstratives)

    def _ends_in_country(self, k: int, n: int) -> bool:
        """Does the capitalised run at `k` end with a country's name ("PFLAG Cina", "Jaksa Umum Serbia")? A
        person's name never does; a body's name does when the country owns it (see `_country_inside_name`)."""
        for p in range(k + 1, k + n):
            n_kb, hits = self.kb.match(self.w.norms, self.w.surfaces, p)
            if p + n_kb == k + n and any(self.kb.entries[h.entry_id].kind == "country" for h in hits):
                return True
        return False

    def _unknown_name_len(self, k: int) -> int:
        """Length of a run of capitalised tokens at `k` that the KB does not know."""
        n = 0
        while k + n < len(self.w.tokens) and _is_name_token(self.w.shapes[k + n]):
            if self.pack.role_at(self.w.norms, k + n, self.w.surfaces)[1] is not None:
                break
            n += 1
        return n

    # -- short names, pronouns, groups --------------------------------------------------------------
    def _short_name(self, i: int) -> int:
        """A surname alone ("Xi", "Putin"). Not when it is a common word ("Yang" at a sentence start) or
        part of a longer name the KB does not know: "Euna Lee" is not Lee Myung-bak, "Rustam Berdiyev"
        is not Rustam Emomali."""
        if not _is_name_token(self.w.shapes[i]) or self.w.norms[i] in self.pack.name_cues.get("not_names", ()):
            return 0
        if i > 0 and _is_name_token(self.w.shapes[i - 1]) and not self._explained(i - 1):
            return 0
        for n in (3, 2, 1):
            candidates = self.kb.shorts.get(tuple(self.w.norms[i : i + n]))
            if not candidates or i + n > len(self.w.tokens) or self._unknown_name_follows(i + n, candidates):
                continue
            person = next((p for p in self.named if p in candidates), None)
            if person is not None:
                self._emit_kb(i, n, person, "alias", rule="coref:short-name", confidence=0.95)
                return n
            active = [p for p in candidates if self.kb.entries[p].spell_on(self.day) is not None]
            surface = " ".join(self.w.surfaces[i : i + n])
            if (len(active) == 1 and self.day is not None and len(surface) >= MIN_UNIQUE_SHORT
                    and not self._demonstrative(i + n)):
                # "Novel tersebut": a word with a demonstrative after it is a common noun, not a surname
                self._emit_kb(i, n, active[0], "alias", rule="kb:short-name-unique", confidence=0.7)
                return n
        return 0

    def _unknown_name_follows(self, k: int, candidates: Collection[str]) -> bool:
        """Token `k` continues a capitalised name the KB does not start there (no title, day or country)
        and that is not the same candidate's name spelt in full another way ("Bashar Al Assad")."""
        if k >= len(self.w.tokens) or not _is_name_token(self.w.shapes[k]) or self._explained(k):
            return False
        if (self.w.norms[k] in self.pack.name_cues.get("not_names", ())
                or self.kb.match(self.w.norms, self.w.surfaces, k)[1]):
            return False
        rest = self.w.norms[k : k + MAX_NAME_CONTINUATION]
        return not any(set(self.kb.shorts.get((norm,), ())) & set(candidates) for norm in rest)

    def _inside_unknown_name(self, i: int, n: int, entry_id: str) -> bool:
        """A one-word person alias inside a longer capitalised name the KB does not know is no mention of
        that person: "Victor Ariza Mendoza" is not "Ariza" (Ahmad Riza Patria) — the rule short names follow."""
        if n != 1 or self.kb.entries[entry_id].kind != "person":
            return False
        unknown_before = i > 0 and _is_name_token(self.w.shapes[i - 1]) and not self._explained(i - 1)
        return unknown_before or self._unknown_name_follows(i + 1, (entry_id,))

    def _country_inside_name(self, i: int, n: int, entry_id: str) -> bool:
        """A country's name inside a longer proper name is part of that name, not the state: "Radio France
        Internationale", the blog "Saudi Jeans", "harian China Daily", "BBC Azeri". Inside means right after a
        news outlet's name, or between a capitalised word or an outlet noun ("blog", "radio") before it and an
        unknown capitalised word after it. Either side alone is no evidence: a country owns the names that follow
        it ("pelabuhan Yunani Astakos", "blogger Mesir Wael Abbas") and the nouns before it ("Konstitusi Mesir");
        a compass word after it makes a region ("Irak Utara")."""
        if self.kb.entries[entry_id].kind != "country":
            return False
        if self._after_media_name(i):
            return True
        after = i + n
        if i == 0 or (after < len(self.w.norms) and self.w.norms[after] in self.pack.name_cues.get("compass", ())):
            return False
        before = self.w.norms[i - 1]
        opened = before in self.pack.name_cues.get("outlet_heads", ()) or (
            i > 1 and _is_name_token(self.w.shapes[i - 1]) and not self._explained(i - 1)
            and before not in self.pack.name_cues.get("not_names", ()))
        return opened and self._unknown_name_follows(after, ())

    def _after_media_name(self, i: int) -> bool:
        """"BBC Azeri", "VOA Indonesia": a country's name right after a news outlet's names the outlet's service."""
        last = self.out[-1] if self.out else None
        return (i > 0 and last is not None and last.actor is not None and last.actor.role == MEDIA_ROLE
                and last.span.end == self.w.tokens[i - 1].end)

    def _explained(self, k: int) -> bool:
        """Token `k` is a role word or already part of a mention (a title or country before a surname)."""
        end = self.w.tokens[k].end
        return bool(self.out and self.out[-1].span.end >= end) or self.pack.role_at(self.w.norms, k)[1] is not None

    def _anaphor(self, i: int) -> int:
        n, group_type = self.pack.group_at(self.w.norms, i)
        if group_type is not None:
            self._emit(i, n, group_type, None, f"anaphor:group:{group_type}", "group")
            return n
        if self.w.norms[i] in self.pack.person_pronouns:
            self._emit(i, 1, "PER", None, "anaphor:pronoun", "pronoun")
            return 1
        if self.w.norms[i] in self.pack.plural_pronouns and not self._generic_plural(i):
            self._emit(i, 1, "ORG", None, "anaphor:plural", "pronoun")
            return 1
        for n in {len(phrase) for phrase in self.pack.country_anaphors}:
            if tuple(self.w.norms[i : i + n]) in self.pack.country_anaphors and not self._possessor(i):
                self._emit(i, n, "GPE", None, "anaphor:country", "anaphor")
                return n
        return self._possessive(i)

    def _generic_plural(self, i: int) -> bool:
        """"mereka yang …" is "those who …" (nobody named before); "pendapat mereka" is a possessor,
        not an argument of the verb (the noun before it is, and the coder reads its owner itself)."""
        if i + 1 < len(self.w.norms) and self.w.norms[i + 1] in self.pack.name_cues.get("relative_after", ()):
            return True
        return self._possessor(i)

    def _possessor(self, i: int) -> bool:
        """"nama mereka", "nilai-nilai moral negara tersebut": after a lower-case noun the anaphor owns
        that noun, which is the verb's argument; the anaphor itself is not."""
        return i > 0 and not self._heads_phrase(i)

    def _possessive(self, i: int) -> int:
        """"pemerintahnya", "pasukannya": a role noun whose owner is the clitic's referent (coref fills
        in the owner's country; the role comes from the noun)."""
        norm = self.w.norms[i]
        for clitic in self.pack.possessive_clitics:
            base = norm[: -len(clitic)]
            if not norm.endswith(clitic) or len(base) < 3:
                continue
            _, role = self.pack.role_at([base], 0)
            if role is not None and role.kind in POSSESSIVE_KINDS and role.country is None and role.org is None:
                mtype = "PER" if role.kind in PERSON_KINDS else "ORG"
                actor = Actor(None, self.w.surfaces[i], mtype, role=_role_code(role, None, False))
                self._emit(i, 1, mtype, actor, f"anaphor:possessive:{role.surface}", "possessive", 0.6)
                return 1
        return 0


def _prefer_names_in_document(mentions: list[Mention]) -> None:
    """A bare surname the KB guessed ("Albanese" → some other Albanese) yields to a full name in this
    article that ends with it ("Perdana Menteri Australia Anthony Albanese")."""
    full: dict[str, Actor] = {}
    for mention in mentions:
        words = mention.span.text.split()
        if mention.type == "PER" and mention.kind == "name" and len(words) > 1 and mention.actor is not None:
            full.setdefault(words[-1], mention.actor)
    for mention in mentions:
        actor = full.get(mention.span.text)
        if mention.rule == "kb:short-name-unique" and actor is not None and actor != mention.actor:
            mention.actor, mention.rule = actor, "coref:short-name-in-document"


def _role_code(role: RoleWord, owner: _Owner | None, former: bool) -> str | None:
    """ELI for former officials; a role word without its own role inherits the owner's (Kepala BIN → SPY)."""
    if former:
        return "ELI"
    if role.role:
        return role.role
    if owner is not None and owner.kind == "org" and owner.role:
        return owner.role
    return role.fallback


def _code(country: str | None, role: str | None) -> str | None:
    """CAMEO actor code; None without a country (coreference may still anchor one)."""
    if country and role:
        return f"{country}{role}"
    return country


def _is_name_token(shape: str) -> bool:
    return shape[:1].isupper() and any(c.isalpha() for c in shape)
