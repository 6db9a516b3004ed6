"""Event arguments from a dependency parse: who is the subject, object or agent of a trigger.

Why a parse and not a word window: in real news the subject of a verb is often clauses away
("Pemerintah, yang … sejak Januari, kemarin mengecam …"), an infinitive after *untuk* takes the
subject of the verb it completes, a *bahwa* clause has its own subject, and every member of a
coordination is an argument. Universal Dependencies relations say this directly, so the rules here
are few and general; each found argument carries its parse path ("nsubj<mengecam", "obl[terhadap]")
so an analyst can ask why.

The functions work on one sentence's tree given as parallel lists (`heads[i]` is the index of
token i's head in the same sentence, -1 for the root; `deprels[i]` its UD relation; `norms[i]` its
lower-cased form), so this module depends on no parser library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: relations whose dependent is the clause's subject, by voice
SUBJECT_RELS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_RELS = frozenset({"nsubj:pass", "csubj:pass"})
OBJECT_RELS = frozenset({"obj", "iobj"})
OBLIQUE_RELS = frozenset({"obl", "obl:agent", "nmod", "obl:arg"})
#: a predicate whose subject is the subject of its head ("X berjanji untuk membantu", "X datang dan
#: mengecam"); the subject of a ccomp/parataxis clause is its own and is never borrowed
CONTROLLED_RELS = frozenset({"xcomp", "conj", "advcl"})
MAX_CLIMB = 4  # heads followed upwards looking for a controller's subject


@dataclass(frozen=True, slots=True)
class TreeView:
    """One sentence's dependency tree over the Document's own tokens."""

    heads: Sequence[int]
    deprels: Sequence[str]
    norms: Sequence[str]

    def base(self, i: int) -> str:
        return self.deprels[i].split(":")[0]

    def children(self, i: int, rels: frozenset[str] | None = None) -> list[int]:
        return [k for k, h in enumerate(self.heads) if h == i and (rels is None or self.deprels[k] in rels)]

    def case_of(self, i: int) -> str | None:
        """The preposition marking token i ("terhadap" in "terhadap Ukraina")."""
        marks = [self.norms[k] for k in self.children(i, frozenset({"case"}))]
        return marks[0] if marks else None

    def conjuncts(self, i: int) -> list[int]:
        """i and every member coordinated with it ("AS, Inggris dan Prancis")."""
        out, todo = [i], [i]
        while todo:
            for k in self.children(todo.pop(), frozenset({"conj"})):
                if k not in out:
                    out.append(k)
                    todo.append(k)
        return out


@dataclass(frozen=True, slots=True)
class DepArg:
    """A token that heads an argument, and the parse path that reached it."""

    token: int
    path: str


@dataclass(frozen=True, slots=True)
class DepArgs:
    """Source and target candidates for one trigger, from the parse."""

    sources: tuple[DepArg, ...]
    targets: tuple[DepArg, ...]


def _args(tree: TreeView, tokens: Sequence[int], path: str) -> list[DepArg]:
    return [DepArg(k, path if n == 0 else f"{path}+conj") for t in tokens
            for n, k in enumerate(tree.conjuncts(t))]


def subject_of(tree: TreeView, pred: int, rels: frozenset[str] = SUBJECT_RELS,
               object_control: frozenset[str] = frozenset()) -> list[DepArg]:
    """The subject of predicate `pred`, borrowed from a controlling or coordinated head if it has none.

    Under a demand verb (`object_control`: "X meminta Y untuk V") the complement's subject is the one
    asked, Y (the head's object), not the head's subject X.
    """
    path = tree.norms[pred]
    for _ in range(MAX_CLIMB):
        own = tree.children(pred, rels)
        if own:
            return _args(tree, own, f"{tree.deprels[own[0]]}<{path}")
        rel, head = tree.deprels[pred], tree.heads[pred]
        if head < 0:
            return []
        if rel == "acl:relcl":  # "X yang mengecam …": the modified noun is the subject
            return _args(tree, [head], f"relcl<{path}")
        if tree.base(pred) not in CONTROLLED_RELS:
            return []
        path = f"{tree.norms[head]}>{rel}>{path}"
        asked = tree.children(head, OBJECT_RELS) if tree.norms[head] in object_control else []
        if asked and rel != "conj":
            return _args(tree, asked[:1], f"{tree.deprels[asked[0]]}<{path}")
        pred, rels = head, SUBJECT_RELS
    return []


def obliques(tree: TreeView, pred: int, preps: frozenset[str]) -> list[DepArg]:
    """Obliques / noun modifiers of `pred` marked by one of `preps` ("terhadap Y", "ke Y", "kepada Y")."""
    found = [k for k in tree.children(pred, OBLIQUE_RELS) if tree.case_of(k) in preps]
    return [a for k in found for a in _args(tree, [k], f"{tree.norms[pred]}>{tree.deprels[k]}[{tree.case_of(k)}]")]


def objects(tree: TreeView, pred: int) -> list[DepArg]:
    own = tree.children(pred, OBJECT_RELS)
    return _args(tree, own, f"{tree.norms[pred]}>obj") if own else []


def possessors(tree: TreeView, noun: int) -> list[DepArg]:
    """Unmarked noun modifiers of an event noun: its doer ("serangan Rusia", "kunjungan Obama")."""
    found = [k for k in tree.children(noun, frozenset({"nmod", "nmod:poss", "flat", "compound"}))
             if tree.case_of(k) is None]
    return _args(tree, found[:1], f"{tree.norms[noun]}>poss") if found else []


def active_args(tree: TreeView, pred: int, target_preps: frozenset[str],
                object_control: frozenset[str] = frozenset()) -> DepArgs:
    """meN-/ber-/bare verbs: subject → source; object, else a target oblique → target."""
    targets = objects(tree, pred) or obliques(tree, pred, target_preps)
    return DepArgs(tuple(subject_of(tree, pred, object_control=object_control)), tuple(targets))


def passive_args(tree: TreeView, pred: int, agent_preps: frozenset[str], target_preps: frozenset[str]
                 ) -> DepArgs:
    """di-/ter- verbs: the agent (oleh X, or a bare agent) → source; the passive subject → target."""
    agents = obliques(tree, pred, agent_preps) or _args(tree, tree.children(pred, frozenset({"obl:agent"})),
                                                        f"{tree.norms[pred]}>obl:agent")
    if not agents:  # "diserang Rusia": a bare agent right after the verb is parsed as its object
        agents = [a for a in objects(tree, pred) if a.token == pred + 1]
    targets = subject_of(tree, pred, PASSIVE_SUBJECT_RELS | SUBJECT_RELS)
    if not targets:
        targets = obliques(tree, pred, target_preps)
    return DepArgs(tuple(agents), tuple(targets))


def nominal_args(tree: TreeView, noun: int, agent_preps: frozenset[str], target_preps: frozenset[str],
                 light_verbs: frozenset[str]) -> DepArgs:
    """Event nouns: possessor or oleh-agent → source, marked modifier → target; as the object of a
    light verb ("mengadakan pertemuan dengan Y") the verb's subject is the source — but not as the
    object of any verb: in "mengecam serangan" the one who condemns did not attack."""
    sources = possessors(tree, noun) or obliques(tree, noun, agent_preps)
    targets = obliques(tree, noun, target_preps)
    head = tree.heads[noun]
    if head >= 0 and tree.deprels[noun] in OBJECT_RELS and tree.norms[head] in light_verbs:
        if not sources:
            sources = subject_of(tree, head)
        if not targets:
            targets = obliques(tree, head, target_preps)
    return DepArgs(tuple(sources), tuple(targets))
