"""Train the packaged Indonesian UDPipe 1 tagger+parser (peristiwa/models/parser-id.udpipe).

    python scripts/train_parser.py                       # packaged model
    python scripts/train_parser.py --out /tmp/p.udpipe --parser "iterations=10"

Data: UD Indonesian-CSUI *train* for training, UD Indonesian-GSD *dev* as heldout data for
UDPipe's early stopping (tagger and parser pick the best iteration on it). GSD *test* and PUD
are never seen here; `peristiwa eval parse` scores them.

Why tokenizer "none": the pipeline feeds its own tokens (peristiwa/text), so a UDPipe
tokenizer would only add megabytes. Why no lemma/feature models: the event coder reads UPOS,
heads and relations only; dropping lemmas and features keeps the model small and training
under a few minutes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ufal.udpipe import InputFormat, ProcessingError, Sentence, Sentences, Trainer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TRAIN = DATA / "ud_indonesian_csui" / "id_csui-ud-train.conllu"
HELDOUT = DATA / "ud_indonesian_gsd" / "id_gsd-ud-dev.conllu"
OUT = ROOT / "peristiwa" / "models" / "parser-id.udpipe"

TAGGER = (
    "models=1;iterations=20;templates=tagger;"
    "use_lemma=0;provide_lemma=0;use_xpostag=0;provide_xpostag=0;use_feats=0;provide_feats=0"
)
PARSER = "iterations=10;embedding_form=32;embedding_feats=0;embedding_xpostag=0;embedding_lemma=0;hidden_layer=64"


def read_sentences(path: Path) -> Sentences:
    """All sentences of a CoNLL-U file as UDPipe objects (the form `Trainer.train` wants)."""
    reader = InputFormat.newConlluInputFormat()
    reader.setText(path.read_text(encoding="utf-8"))
    error = ProcessingError()
    sentences = Sentences()
    sentence = Sentence()
    while reader.nextSentence(sentence, error):
        sentences.append(sentence)
        sentence = Sentence()
    if error.occurred():
        raise ValueError(f"{path}: {error.message}")
    return sentences


def train(train_path: Path, heldout_path: Path, tagger: str, parser: str) -> bytes:
    """Train tagger and parser (no tokenizer) and return the serialised model."""
    train_sents = read_sentences(train_path)
    heldout_sents = read_sentences(heldout_path)
    error = ProcessingError()
    model = Trainer.train("morphodita_parsito", train_sents, heldout_sents, "none", tagger, parser, error)
    if error.occurred() or not model:
        raise RuntimeError(f"UDPipe training failed: {error.message}")
    return model


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=TRAIN)
    ap.add_argument("--heldout", type=Path, default=HELDOUT)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--tagger", default=TAGGER, help="UDPipe tagger options")
    ap.add_argument("--parser", default=PARSER, help="UDPipe parser options")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    blob = train(args.train, args.heldout, args.tagger, args.parser)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(blob)
    print(f"wrote {args.out} ({len(blob) / 1e6:.1f} MB) in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
