"""Indonesian surface-form generation: root + affix spec → inflected words, with their voice.

Why generate instead of stem: the lexicon lists roots ("tuduh") and the affixes each root really
takes; we expand them once at load time into a dict keyed by surface ("menuduh", "dituduh",
"tuduhan", "tuduhannya"), so matching is an exact dictionary lookup on the token, needs no
stemmer (and no stemmer's root list and its licence), never over-stems ("pertemuan" is not
"temu" unless an entry says it is), and the matched form *tells us the voice*: di- is passive,
meN- active, ber- intransitive, -an/peN-an/ke-an nominal. See docs/design.md.

Affix specs are written ``PREFIX-SUFFIX`` with either side optional:

=============  ===========================  ==============================
spec           example (root → form)        voice
=============  ===========================  ==============================
``meN-``       tuduh → menuduh              active
``meN-kan``    seru → menyerukan            active
``meN-i``      kunjung → mengunjungi        active
``memper-``    kuat → memperkuat            active
``memper-kan`` ingat → memperingatkan       active
``di-`` …      tuduh → dituduh              passive (also di-kan, di-i, diper-…)
``ter-``       tangkap → tertangkap         passive (ter-kan, ter-i too)
``ber-``       temu → bertemu               intransitive (be-/bel- handled)
``ber-an``     datang → berdatangan         intransitive
``-an``        serang → serangan            nominal
``peN-an``     tangkap → penangkapan        nominal
``per-an``     temu → pertemuan             nominal
``ke-an``      sepakat → kesepakatan        nominal
``peN-``       serang → penyerang           nominal (agent noun)
``-kan``/``-i`` seru → serukan              active (headline/bare verb)
``bare``       sanksi → sanksi              nominal (the root itself)
``bare-verb``  tangkap → tangkap            active (headline style "Polisi Tangkap …")
=============  ===========================  ==============================

Enclitics -nya, -lah, -pun, -kah are added on top of every form unless ``enclitics=False``.
A k-final root under a prefix and -kan also gets the one-k spelling common in news ("ditembakan" for
"ditembakkan"), labelled ``di-kan single-k`` so the rule shows it.
Multiword roots ("tanda tangan") are joined under a circumfix ("menandatangani") and keep
their space under a prefix alone ("bekerja sama"); the joined spelling common in news
("bekerjasama", "kerjasama") is generated as a variant.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Voice = Literal["active", "passive", "intransitive", "nominal"]

VOWELS = frozenset("aeiou")
ENCLITICS = ("nya", "lah", "pun", "kah")

# prefix → voice; the nasal prefixes are realised by `nasalize`.
PREFIX_VOICE: dict[str, Voice] = {
    "meN": "active",
    "memper": "active",
    "di": "passive",
    "diper": "passive",
    "ter": "passive",
    "ber": "intransitive",
    "peN": "nominal",
    "per": "nominal",
    "pe": "nominal",
    "ke": "nominal",
    "": "active",
}
SUFFIXES = ("", "kan", "i", "an")
SINGLE_K = "single-k"  # affix label of the one-k spelling of a k-final root + -kan ("ditembakan")
BARE_SPECS = {"bare": "nominal", "bare-verb": "active", "0": "nominal"}


@dataclass(frozen=True, slots=True)
class Form:
    """One generated surface (lower case; multiword surfaces contain spaces)."""

    surface: str
    voice: Voice
    affix: str
    root: str = ""


@dataclass(frozen=True, slots=True)
class AffixSpec:
    prefix: str
    suffix: str
    text: str


def parse_affix(spec: str) -> AffixSpec:
    """``"meN-kan"`` → AffixSpec("meN", "kan"); raises ValueError on unknown parts."""
    text = spec.strip()
    if text in BARE_SPECS:
        return AffixSpec("", "", text)
    if "-" not in text:
        raise ValueError(f"affix spec needs a '-': {spec!r} (e.g. 'meN-', '-an', 'peN-an')")
    prefix, suffix = text.split("-", 1)
    if prefix not in PREFIX_VOICE:
        raise ValueError(f"unknown prefix in {spec!r}: {prefix!r}")
    if suffix not in SUFFIXES:
        raise ValueError(f"unknown suffix in {spec!r}: {suffix!r}")
    if not prefix and not suffix:
        raise ValueError(f"empty affix spec {spec!r}: use 'bare'")
    return AffixSpec(prefix, suffix, text)


def voice_of(spec: AffixSpec) -> Voice:
    if spec.text in BARE_SPECS:
        return BARE_SPECS[spec.text]  # type: ignore[return-value]
    if not spec.prefix:
        return "nominal" if spec.suffix == "an" else "active"
    if spec.prefix in ("peN", "per", "pe", "ke"):
        return "nominal"
    return PREFIX_VOICE[spec.prefix]


def syllables(word: str) -> int:
    """Count vowels as syllable nuclei; a final ai/au/oi counts once (pantai) but an inner one
    twice (kla-im). Enough to spot monosyllables like 'bom', 'tes', 'sah' for menge-."""
    count = sum(1 for ch in word if ch in VOWELS)
    if len(word) >= 2 and word[-2:] in ("ai", "au", "oi"):
        count -= 1
    return count


def nasalize(stem: str, root: str) -> str:
    """Attach meN-/peN- (``stem`` is "me" or "pe") with the standard assimilation rules.

    p/t/k/s before a vowel are dropped (puji→memuji, tolak→menolak, kecam→mengecam,
    serang→menyerang); clusters keep them (protes→memprotes, kritik→mengkritik);
    monosyllables take menge-/penge- (bom→mengebom).
    """
    if not root:
        return stem
    first = root[0]
    second = root[1] if len(root) > 1 else ""
    if syllables(root) == 1:
        return stem + "nge" + root
    if first in VOWELS:
        return stem + "ng" + root
    if first in "lmnrwy":
        return stem + root
    if first in "bfv":
        return stem + "m" + root
    if first == "p":
        return stem + "m" + (root[1:] if second in VOWELS else root)
    if first in "dcjz":
        return stem + "n" + root
    if first == "t":
        return stem + "n" + (root[1:] if second in VOWELS else root)
    if first == "s":
        if root.startswith("sy"):
            return stem + "n" + root
        return stem + ("ny" + root[1:] if second in VOWELS else "n" + root)
    if first == "k":
        if root.startswith("kh"):
            return stem + "ng" + root
        return stem + "ng" + (root[1:] if second in VOWELS else root)
    if first in "gh":
        return stem + "ng" + root
    # q, x and anything unusual: attach the bare prefix rather than guess.
    return stem + root


def _er_syllable(root: str) -> bool:
    """kerja, ternak, pergi, serta: first syllable ends in -er, so ber-/per- lose their r."""
    return len(root) > 3 and root[1:3] == "er" and root[3] not in VOWELS


def attach_prefix(prefix: str, root: str) -> str:
    """Realise one prefix on a (single-word or already joined) root."""
    if prefix == "meN":
        return nasalize("me", root)
    if prefix == "peN":
        return nasalize("pe", root)
    if prefix in ("ber", "per", "ter"):
        if root == "ajar" and prefix != "ter":
            return prefix[0] + "el" + root
        if root.startswith("r") or (prefix != "ter" and _er_syllable(root)):
            return prefix[:-1] + root
        return prefix + root
    if prefix in ("memper", "diper"):
        return (prefix[:-1] if root.startswith("r") else prefix) + root
    return prefix + root


def _surfaces(root: str, spec: AffixSpec) -> list[tuple[str, str]]:
    """All spellings of one root under one affix spec, each with its affix label: more than one for multiword
    roots, and for a k-final root under a prefix and -kan, which news often writes with one k ("ditembakan",
    "meledakan"; label ``di-kan single-k``)."""
    words = root.split()
    if spec.text in BARE_SPECS:
        return [(root, spec.text)] + ([("".join(words), spec.text)] if len(words) > 1 else [])
    if len(words) == 1 or (spec.prefix and spec.suffix):
        joined = "".join(words)
        standard = attach_prefix(spec.prefix, joined) + spec.suffix
        # only under a prefix: a bare "tembak-kan" written "tembakan" would be the noun "tembakan"
        if spec.prefix and spec.suffix == "kan" and joined.endswith("k"):
            return [(standard, spec.text), (standard[:-3] + "an", f"{spec.text} {SINGLE_K}")]
        return [(standard, spec.text)]
    if spec.prefix:  # prefix alone: only the first word takes it ("bekerja sama")
        spaced = " ".join([attach_prefix(spec.prefix, words[0]), *words[1:]])
        return [(spaced, spec.text), (spaced.replace(" ", ""), spec.text)]
    return [(" ".join([*words[:-1], words[-1] + spec.suffix]), spec.text)]


def forms(root: str, affixes: Iterable[str], *, enclitics: bool = True) -> list[Form]:
    """Generate every surface form of `root` for the given affix specs (de-duplicated, ordered)."""
    root = " ".join(root.lower().split())
    out: list[Form] = []
    seen: set[str] = set()
    for text in affixes:
        spec = parse_affix(text)
        voice = voice_of(spec)
        for surface, label in _surfaces(root, spec):
            variants = [surface]
            if enclitics:
                variants += [surface + clitic for clitic in ENCLITICS]
            for variant in variants:
                if variant not in seen:
                    seen.add(variant)
                    affix = label if variant == surface else f"{label}+{variant[len(surface):]}"
                    out.append(Form(variant, voice, affix, root))
    return out


def surface(root: str, affix: str) -> str:
    """The first (standard) surface of one root+affix, without enclitics: handy in tests and docs."""
    return forms(root, [affix], enclitics=False)[0].surface


__all__ = ["ENCLITICS", "AffixSpec", "Form", "Voice", "attach_prefix", "forms", "nasalize", "parse_affix",
           "surface", "syllables", "voice_of"]
