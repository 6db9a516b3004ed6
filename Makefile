# Developer shortcuts. `make eval` regenerates docs/quality-eval.md from every evaluator.
PYTHON ?= python

.PHONY: eval eval-baseline eval-events test lint

eval:
	$(PYTHON) scripts/eval_all.py

# after an intended change of the event coder: refresh the committed regression baseline too
eval-baseline:
	$(PYTHON) scripts/eval_all.py --update-baseline

eval-events:
	$(PYTHON) -m peristiwa.eval.events --errors 20

test:
	$(PYTHON) -m pytest -q

lint:
	ruff check peristiwa tests scripts
