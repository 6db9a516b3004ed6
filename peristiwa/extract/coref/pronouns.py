"""Person and plural pronouns: "dia", "ia", "beliau" and "mereka".

Why a module of its own: pronouns are the commonest reference in news and the most rules of their own —
a person pronoun is the person in focus (an unlinked name counts: a pronoun after an unknown blogger is
the blogger); "mereka" is the group, body or country in focus, all conjuncts of a coordinated subject,
or the referent of the "mereka" before it in its sentence.
"""

from __future__ import annotations

from peristiwa.extract.coref.common import DISCOURSE_WINDOW, link, person_like, plural_like
from peristiwa.extract.coref.focus import antecedent, chained, parenthetical
from peristiwa.lang.pack import LanguagePack
from peristiwa.model import Document, Mention


def resolve_person_pronoun(doc: Document, index: int, speakers: set[int]) -> None:
    """"dia" is the person in brackets after it, else the person in focus."""
    mentions = doc.mentions
    found = parenthetical(doc, index, person_like) or antecedent(mentions, index, speakers, person_like)
    if found is not None:
        link(mentions[index], mentions, found[0], f"coref:pronoun:{found[1]}")


class PluralPronouns:
    """Resolves "mereka" (typed ORG by the mention stage): a group, body or country."""

    def __init__(self, pack: LanguagePack) -> None:
        self.coordinators = pack.speech_words("coordinators")

    def __call__(self, doc: Document, index: int) -> None:
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
