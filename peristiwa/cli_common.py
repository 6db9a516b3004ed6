"""Helpers shared by every CLI module: one-line errors and option parsing.

Every user-facing failure ends in one readable line on stderr and a non-zero exit code —
never a traceback.
"""

from __future__ import annotations

import importlib.util
from datetime import date
from typing import NoReturn

import typer
from rich.console import Console

err = Console(stderr=True)


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def parse_date(value: str | None, flag: str = "--date") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{flag} must be YYYY-MM-DD, got {value!r}")


def require_extra(module: str, extra: str, feature: str) -> None:
    """Stop with the one `pip install` line that adds an optional part, before any work is done.

    Why: optional parts (Parquet, the distributed engine, PostgreSQL) are extras so the base install
    stays small; a user who asks for one should learn how to get it, not read an ImportError.
    """
    if importlib.util.find_spec(module) is None:
        fail(f"{feature} needs the '{extra}' extra: pip install 'peristiwa[{extra}]'")
