"""Packaged statistical models (trained by scripts in `scripts/`, described in docs/models.md).

Files here are data, read with importlib.resources; this package holds no code.
"""
