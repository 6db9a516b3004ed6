"""Arguments of one trigger: who did it and to whom, from the sentence's shape (and its parse).

For each trigger the lexicon finds in a sentence, arguments come from the sentence's
shape around it (Indonesian is SVO; voice comes from the affix that matched):
- active / intransitive (meN-, ber-): source = the clause subject to the left (the nearest
  actor not governed by a preposition), target = the first actor to the right, directly
  or after a target preposition (dengan, ke, kepada, terhadap, atas, …);
- a coordinator before an actor that has its own predicate opens a new clause: that actor is the
  new clause's subject, not a conjunct of the object before it;
- passive (di-, ter-): source = the agent after `oleh` (or an actor right after the verb); target =
  the subject on the left, never the source; in
  "X menuduh Y, klaim yang dibantah oleh Z" the denied claim's author X is the target;
- nominal (-an, peN-an): source = the possessor right after the noun ("serangan Rusia"),
  or the `oleh` agent; target after a target preposition ("… terhadap Ukraina");
- "X meminta Y untuk V": V is demanded of Y (its subject), flagged `requested`;
- "Menteri Luar Negeri Rusia, NAME,": the role phrase says who an unknown name is; in
  "X, <apposition>, VERB" an actor deep inside the apposition is no subject, its head is;
- "X, yang …" / "X pertama yang …": the noun before the comma or modifiers is the relative's subject;
- a sentence connective ("Maka dari itu", "Oleh karena itu") governs no actor after it;
- "<event noun> antara X dan Y" (or "antara X, Y dan Z"): each side towards the others; a meeting or
  cooperation noun whose phrase ends in a list of parties ("pertemuan trilateral A, B dan C") likewise;
- inside a direct quote, first-person pronouns stand for the quote's speaker (in every sentence
  the quote runs over);
- coordinated or group subjects ("Xi dan Putin", "keduanya") code one event per member,
  towards each other when there is no separate target.

Why a package of its own: finding arguments is most of the coder, and it reads only the Document
(mentions, quotes, places, the parse) — the event stage (events.py) turns what it finds into events.
Its modules follow the kinds of argument. Each holds one layer of the sentence's rules as a class that
inherits the layers it calls (sentence → phrases → coordination → objects → subjects → passive, …),
so the imports show which rules lean on which, and no layer imports one above it:

- words.py (CoderWords: function words from lang/<code>/data), document.py (DocIndex: per-sentence index,
  focus country);
- sentence.py (the sentence and token-level tests), phrases.py (Arg, actor noun phrases),
  coordination.py (lists and new clauses);
- objects.py (targets after a trigger), subjects.py (the subject before it), passive.py, nominal.py
  (event nouns), reciprocal.py ("antara X dan Y", lists of parties);
- modality.py, occurrence.py (an event noun reported as having happened), implicit.py (actors the
  CAMEO conventions supply), parsed.py (arguments from the dependency parse);
- context.py (SentenceContext: all of them together, what the event stage calls).
"""

from peristiwa.extract.arguments.context import SentenceContext
from peristiwa.extract.arguments.document import DocIndex, focus_country
from peristiwa.extract.arguments.implicit import country_role_actor
from peristiwa.extract.arguments.phrases import Arg
from peristiwa.extract.arguments.words import CoderWords

__all__ = ["Arg", "CoderWords", "DocIndex", "SentenceContext", "country_role_actor", "focus_country"]
