"""The program installed from a wheel, not from the checkout: the wheel holds the migrations, the
seed registry and the dashboard; installed into a fresh environment it ingests in an empty folder;
a shipped file gone missing is one error line and leaves no database file behind.

The fresh environment borrows this one's dependencies through a path entry (a `.pth` line is not
a site folder, so this checkout's editable hook stays out): only the wheel's own files are there.
`.ci/run` goes further and installs the wheel with its dependencies into a clean venv.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_FILE = ROOT / "seed" / "000_7a4fe0c5e86e8852.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # Build from a copy: the build writes build/ and *.egg-info beside the sources.
    source = tmp_path_factory.mktemp("src") / "project"
    shutil.copytree(
        ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "*.db")
    )
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("leaderboard_claims-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh environment with the wheel installed (without dependencies); returns its bin/."""
    home = tmp_path_factory.mktemp("env")
    venv.create(home, with_pip=False)
    [site] = home.glob("lib/python*/site-packages")
    (site / "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(home / "bin" / "python"), "install", "-q", "--no-deps"]
        + ["--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    return home / "bin"


def test_the_wheel_holds_what_the_program_reads(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "leaderboard/migrations/env.py",
        "leaderboard/migrations/script.py.mako",
        "leaderboard/migrations/versions/0001_initial_schema.py",
        "leaderboard/seed_registry/metrics.csv",
        "leaderboard/seed_registry/benchmarks.csv",
        "dashboard/app.py",
        "dashboard/views/leaderboards.py",
        "leaderboard/cli/__init__.py",
    ):
        assert needed in names
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Name: leaderboard-claims" in text and "License-Expression: MIT" in text
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    # Every migration of the checkout is in the wheel.
    shipped = {Path(n).name for n in names if n.startswith("leaderboard/migrations/versions/")}
    assert shipped == {p.name for p in (ROOT / "migrations" / "versions").glob("*.py")}


def _run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LEADERBOARD_DB", "PYTHONPATH")}
    return subprocess.run(
        [str(bin_dir / "leaderboard"), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_installed_program_ingests_in_an_empty_folder(installed, tmp_path):
    where = _run(installed, tmp_path, "--version")
    assert (where.returncode, where.stdout) == (0, "leaderboard 0.1.0\n")
    done = _run(installed, tmp_path, "ingest", str(SEED_FILE))
    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("files: 1 ok, 0 failed; papers: 10 read, 10 new")
    assert (tmp_path / "leaderboard.db").is_file()
    board = _run(installed, tmp_path, "benchmarks")
    assert board.returncode == 0 and "Benchmarks" in board.stdout
    # The files come from the installed environment, not from this checkout.
    found = subprocess.run(
        [str(installed / "python"), "-c", "from leaderboard import resources as r; print(r.dashboard_app())"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.startswith(str(installed.parent)) and not found.stdout.startswith(str(ROOT))


def test_a_missing_shipped_file_is_one_error_line_and_no_database(installed, tmp_path):
    [package] = installed.parent.glob("lib/python*/site-packages/leaderboard")
    env_py = package / "migrations" / "env.py"
    kept = env_py.read_bytes()
    env_py.unlink()
    try:
        done = _run(installed, tmp_path, "ingest", str(SEED_FILE))
    finally:
        env_py.write_bytes(kept)
    assert done.returncode == 1
    assert done.stderr == (
        f"error: migration scripts not found: no {env_py}; the installation is incomplete; "
        "reinstall it (pip install --force-reinstall leaderboard-claims)\n"
    )
    assert not (tmp_path / "leaderboard.db").exists()
