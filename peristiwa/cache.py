"""A small on-disk cache for resources that are slow to build but cheap to unpickle.

Why: the KB alias index, the lexicon's generated surface forms and the gazetteer index are
pure functions of their data files. Building them costs a few hundred milliseconds, which
matters for a command-line tool that codes one article and exits. The cache key is the
package version plus each source file's path, size and modification time, so editing a KB
or lexicon file invalidates it automatically. The cache is best effort: if the directory is
not writable, or a pickle is unreadable, we simply build.

Location: `$PERISTIWA_CACHE`, else `~/.cache/peristiwa`. Set `PERISTIWA_CACHE=off` to disable.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from peristiwa import __version__

T = TypeVar("T")


def cached(kind: str, sources: Sequence[Path], build: Callable[[], T], code: Sequence[str] = ()) -> T:
    """Return the cached object built from `sources`, building (and storing) it if needed.

    `code` names the modules whose classes end up in the pickle (their source files join the key),
    so changing a class invalidates the cache instead of unpickling a stale shape.
    """
    path = _cache_file(kind, [*sources, *(_module_file(name) for name in code)])
    if path is not None and path.exists():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            pass
    value = build()
    if path is not None:
        _store(path, value)
    return value


def _module_file(name: str) -> Path:
    module = importlib.import_module(name)
    return Path(module.__file__ or name)


def _cache_root() -> Path | None:
    setting = os.environ.get("PERISTIWA_CACHE")
    if setting == "off":
        return None
    return Path(setting) if setting else Path.home() / ".cache" / "peristiwa"


def _cache_file(kind: str, sources: Sequence[Path]) -> Path | None:
    root = _cache_root()
    if root is None:
        return None
    digest = hashlib.sha256(f"{__version__}|{kind}".encode())
    for source in sources:
        try:
            stat = Path(source).stat()
        except OSError:
            return None
        digest.update(f"{Path(source).resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return root / f"{kind}-{digest.hexdigest()[:20]}.pickle"


def _store(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass
