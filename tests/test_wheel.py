"""The wheel a user installs holds everything `peristiwa extract` needs (models, lexicons, KB, codebook).

Why: an editable checkout hides package-data mistakes — a YAML file or a model left out of the wheel
only fails on a user's machine. Builds the wheel, installs it without dependencies (they come from this
environment) into an empty folder put first on PYTHONPATH, and runs the README's first command from
outside the checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def test_wheel_installs_and_extracts_outside_the_checkout(tmp_path: Path) -> None:
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                tmp_path / "dist", ROOT, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("peristiwa-*.whl"))
    target = tmp_path / "site"
    installed = run(sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", target, wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = run(sys.executable, "-c", "import peristiwa; print(peristiwa.__file__)", cwd=tmp_path, env=env).stdout
    assert where.startswith(str(target)), where  # the wheel's copy, not the checkout
    example = ROOT / "examples" / "contoh-kunjungan.txt"
    result = run(sys.executable, "-m", "peristiwa.cli", "extract", example, "--date", "2024-11-12",
                 "--format", "json", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["events"] and doc["mentions"] and doc["places"]
