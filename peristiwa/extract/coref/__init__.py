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

Why a package of its own: each kind of reference has its own rules and vocabulary. Its modules follow
the kinds of reference, below the stage that runs them in order; no module imports one beside it except
the shared layers (common → focus):

- common.py (what a mention is: a country, a state's actor, a person, a plural; the link step),
  focus.py (the referent in focus, speakers);
- described.py (unknown persons described beside their name), roles.py (role nouns anchored to a
  country), names.py (surnames, spelling variants, repeated names), titles.py (bare titles);
- pronouns.py (dia, mereka), possessives.py (-nya role nouns), countries.py ("negara itu", "Korea"),
  groups.py (kedua negara, keduanya);
- stage.py (CorefStage: all of them in order, what the pipeline calls).
"""

from peristiwa.extract.coref.stage import CorefStage

__all__ = ["CorefStage"]
