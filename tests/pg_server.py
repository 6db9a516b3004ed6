"""A real, throwaway PostgreSQL server for tests: initdb into a temp dir, pg_ctl start, stop, delete.

initdb refuses to run as root, so as root the server runs as the `postgres` (or `nobody`) user
via runuser, with the temp dir owned by it. Binaries come from PATH or /usr/lib/postgresql/*/bin.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_user() -> str | None:
    if os.geteuid() != 0:
        return None
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
            return user
        except KeyError:
            continue
    raise RuntimeError("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL as")


def skip_reason() -> str | None:
    if _binary("initdb") is None or _binary("pg_ctl") is None:
        return "PostgreSQL server binaries (initdb, pg_ctl) not found; scripts/install_test_deps.sh installs them"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg not installed (pip install '.[postgres]')"
    return None


def create_database(server: str, name: str) -> str:
    """A new, empty database on the server; returns its URL."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server.replace("/postgres?", f"/{name}?")


@contextmanager
def pg_server() -> Iterator[str]:
    """Yield the URL of the `postgres` database of a fresh server; stop and delete it afterwards."""
    user = _server_user()
    root = Path(tempfile.mkdtemp(prefix="peristiwa-pg-"))
    os.chmod(root, 0o755)
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if user:
        info = pwd.getpwnam(user)
        os.chown(root, info.pw_uid, info.pw_gid)
        os.chown(sockets, info.pw_uid, info.pw_gid)
    prefix = ["runuser", "-u", user, "--"] if user else []
    port = _free_port()
    run = lambda *args: subprocess.run([*prefix, *args], check=True, capture_output=True, text=True)  # noqa: E731
    run(_binary("initdb"), "-D", str(data), "-U", "peristiwa", "--auth=trust", "-E", "UTF8", "--no-sync")
    run(_binary("pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log"), "-o",
        f"-p {port} -k {sockets} -c listen_addresses='' -c fsync=off", "start")
    try:
        yield f"postgresql://peristiwa@/postgres?host={sockets}&port={port}"
    finally:
        subprocess.run([*prefix, _binary("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
