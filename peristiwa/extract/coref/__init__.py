"""In-document coreference (the stage lives in stage.py)."""

from peristiwa.extract.coref.stage import CorefStage

__all__ = ["CorefStage"]
