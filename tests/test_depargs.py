"""Parse-based argument rules on hand-built UD trees (our own sentences), independent of any parser."""

from __future__ import annotations

from peristiwa.extract.depargs import TreeView, active_args, nominal_args, passive_args, subject_of

TARGET_PREPS = frozenset({"terhadap", "kepada", "ke", "dengan", "atas"})
AGENT_PREPS = frozenset({"oleh"})
LIGHT = frozenset({"mengadakan", "melancarkan"})


def tree(rows: list[tuple[str, int, str]]) -> TreeView:
    """rows: (form, head as 1-based UD id or 0 for root, deprel)."""
    return TreeView([h - 1 for _, h, _ in rows], [r for _, _, r in rows], [f.lower() for f, _, _ in rows])


def tokens(args) -> list[int]:
    return [a.token for a in args]


def test_active_subject_and_object_with_coordinated_object() -> None:
    # Jepang mengecam Rusia dan Belarus
    t = tree([("Jepang", 2, "nsubj"), ("mengecam", 0, "root"), ("Rusia", 2, "obj"), ("dan", 5, "cc"),
              ("Belarus", 3, "conj")])
    args = active_args(t, 1, TARGET_PREPS)
    assert tokens(args.sources) == [0] and tokens(args.targets) == [2, 4]
    assert args.sources[0].path == "nsubj<mengecam" and args.targets[1].path.endswith("+conj")


def test_untuk_complement_borrows_the_controller_subject() -> None:
    # Pemerintah memutuskan untuk menarik duta besar dari Panama
    t = tree([("Pemerintah", 2, "nsubj"), ("memutuskan", 0, "root"), ("untuk", 4, "mark"),
              ("menarik", 2, "xcomp"), ("duta", 4, "obj"), ("besar", 5, "amod"), ("dari", 8, "case"),
              ("Panama", 4, "obl")])
    assert tokens(subject_of(t, 3)) == [0]
    assert "memutuskan>xcomp>menarik" in subject_of(t, 3)[0].path


def test_bahwa_clause_keeps_its_own_subject_and_never_borrows() -> None:
    # Diplomat memastikan bahwa Panama mengakui Beijing ; ... bahwa mengakui Beijing (no subject)
    t = tree([("Diplomat", 2, "nsubj"), ("memastikan", 0, "root"), ("bahwa", 5, "mark"), ("Panama", 5, "nsubj"),
              ("mengakui", 2, "ccomp"), ("Beijing", 5, "obj")])
    assert tokens(subject_of(t, 4)) == [3]
    t2 = tree([("Diplomat", 2, "nsubj"), ("memastikan", 0, "root"), ("bahwa", 4, "mark"),
               ("mengakui", 2, "ccomp"), ("Beijing", 4, "obj")])
    assert subject_of(t2, 3) == []


def test_relative_clause_subject_is_the_modified_noun() -> None:
    # Polisi yang menangkap aktivis
    t = tree([("Polisi", 0, "root"), ("yang", 3, "nsubj"), ("menangkap", 1, "acl:relcl"), ("aktivis", 3, "obj")])
    t = TreeView(t.heads, ["root", "mark", "acl:relcl", "obj"], t.norms)
    assert tokens(subject_of(t, 2)) == [0]


def test_passive_agent_and_patient() -> None:
    # Aktivis ditangkap oleh polisi
    t = tree([("Aktivis", 2, "nsubj:pass"), ("ditangkap", 0, "root"), ("oleh", 4, "case"), ("polisi", 2, "obl")])
    args = passive_args(t, 1, AGENT_PREPS, TARGET_PREPS)
    assert tokens(args.sources) == [3] and tokens(args.targets) == [0]


def test_nominal_possessor_target_and_light_verb() -> None:
    # serangan Rusia terhadap Ukraina
    t = tree([("serangan", 0, "root"), ("Rusia", 1, "nmod"), ("terhadap", 4, "case"), ("Ukraina", 1, "nmod")])
    args = nominal_args(t, 0, AGENT_PREPS, TARGET_PREPS, LIGHT)
    assert tokens(args.sources) == [1] and tokens(args.targets) == [3]
    # Indonesia mengadakan pertemuan dengan Jepang
    t = tree([("Indonesia", 2, "nsubj"), ("mengadakan", 0, "root"), ("pertemuan", 2, "obj"), ("dengan", 5, "case"),
              ("Jepang", 3, "nmod")])
    args = nominal_args(t, 2, AGENT_PREPS, TARGET_PREPS, LIGHT)
    assert tokens(args.sources) == [0] and tokens(args.targets) == [4]


def test_object_of_an_ordinary_verb_does_not_lend_its_subject() -> None:
    # Jepang mengecam serangan itu
    t = tree([("Jepang", 2, "nsubj"), ("mengecam", 0, "root"), ("serangan", 2, "obj"), ("itu", 3, "det")])
    assert nominal_args(t, 2, AGENT_PREPS, TARGET_PREPS, LIGHT).sources == ()


def test_complement_of_a_demand_verb_takes_the_one_asked_as_subject() -> None:
    # Jepang meminta Korea untuk menghentikan uji coba
    t = tree([("Jepang", 2, "nsubj"), ("meminta", 0, "root"), ("Korea", 2, "obj"), ("untuk", 5, "mark"),
              ("menghentikan", 2, "xcomp"), ("uji", 5, "obj")])
    control = frozenset({"meminta"})
    assert tokens(subject_of(t, 4, object_control=control)) == [2]
    assert subject_of(t, 4, object_control=control)[0].path == "obj<meminta>xcomp>menghentikan"
    assert tokens(subject_of(t, 4)) == [0]  # without the demand verb list: the controller's subject
