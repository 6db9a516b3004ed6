"""`python -m peristiwa.eval events|knowledge|ner|parse|sentences …`: one entry point for the evaluators.

Each sub-command forwards its remaining arguments to that evaluator's own `main`, so
`python -m peristiwa.eval events --json out.json` equals `python -m peristiwa.eval.events --json out.json`.
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "events": "peristiwa.eval.events",
    "knowledge": "peristiwa.eval.knowledge",
    "ner": "peristiwa.eval.ner",
    "parse": "peristiwa.eval.parse",
    "sentences": "peristiwa.eval.sentences",
}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in COMMANDS:
        print(f"usage: python -m peristiwa.eval {{{'|'.join(COMMANDS)}}} [options]", file=sys.stderr)
        return 2
    result = importlib.import_module(COMMANDS[args[0]]).main(args[1:])
    return int(result or 0)


if __name__ == "__main__":
    raise SystemExit(main())
