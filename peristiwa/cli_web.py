"""The `serve` command: the web app (REST API + pages) over one event store.

Registered into the main CLI with::

    from peristiwa.cli_web import web_app
    app.registered_commands += web_app.registered_commands
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

web_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Web app commands.")
err = Console(stderr=True)


@web_app.callback()
def _group() -> None:
    """Keep `serve` a named sub-command when this app runs on its own (python -m peristiwa.cli_web)."""


@web_app.command()
def serve(
    db: Annotated[str, typer.Option("--db", help="SQLite database file, or a postgresql:// URL.")] = "peristiwa.db",
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    allow_writes: Annotated[bool, typer.Option("--allow-writes", help="Let POST /api/extract (store=true) and "
                                                                      "POST /api/articles write to the database.")]
    = False,
    max_text: Annotated[int, typer.Option("--max-text", help="Longest text accepted for extraction "
                                                             "(characters).")] = 100_000,
    token: Annotated[str | None, typer.Option("--token", envvar="PERISTIWA_TOKEN",
                                              help="Bearer token required on write requests; needed with "
                                                   "--allow-writes on a non-loopback --host.")] = None,
    extract_seconds: Annotated[float, typer.Option("--extract-seconds", help="Time budget of one extraction "
                                                                             "request (503 beyond it).")] = 20.0,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
) -> None:
    """Serve the REST API (/api, docs at /docs) and the pages; read-only unless --allow-writes."""
    import uvicorn

    from peristiwa.store.postgres import redact_url
    from peristiwa.web.app import create_app
    from peristiwa.web.state import WebSettings

    if not 0 < port < 65536:
        err.print(f"[bold red]error:[/] --port must be 1-65535, got {port}")
        raise typer.Exit(2)
    if max_text < 1:
        err.print("[bold red]error:[/] --max-text must be positive")
        raise typer.Exit(2)
    if allow_writes and token is None and not _is_loopback(host):
        err.print(f"[bold red]error:[/] --allow-writes on {host} would let anyone on the network write; "
                  "add --token SECRET (clients send `Authorization: Bearer SECRET`) or bind to 127.0.0.1")
        raise typer.Exit(2)
    if extract_seconds <= 0:
        err.print("[bold red]error:[/] --extract-seconds must be positive")
        raise typer.Exit(2)
    settings = WebSettings(db=db, allow_writes=allow_writes, max_text_chars=max_text,
                           max_body_bytes=max(1_000_000, max_text * 4 + 10_000), token=token or None,
                           extract_seconds=extract_seconds)
    try:
        application = create_app(settings)
    except FileNotFoundError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from None
    mode = "read-write" if allow_writes else "read-only"
    err.print(f"peristiwa serve: {redact_url(db)} ({mode}) on http://{host}:{port}/  (API docs: /docs)",
              highlight=False)
    uvicorn.run(application, host=host, port=port, log_level=log_level)


def _is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: only those keep an unauthenticated writer private."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


if __name__ == "__main__":  # `python -m peristiwa.cli_web serve …` works before the lead registers it
    web_app()
