"""Helpers shared by every CLI module: one-line errors and option parsing.

Every user-facing failure ends in one readable line on stderr and a non-zero exit code —
never a traceback.
"""

from __future__ import annotations

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
