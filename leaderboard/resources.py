"""Where the installed program finds the files it ships: the Alembic scripts, the seed registry and
the dashboard app.

They are found with `importlib.resources`, as packages: the repository keeps them in its top-level
folders (`migrations/`, `seed/registry/`, `dashboard/`), and setup.py maps those folders to the
packages named here, so a wheel holds them inside `leaderboard/` (and `dashboard/`) and an editable
install finds them in the checkout. A file that is missing (a broken or partial install) is a
`MissingResourceError` naming it, raised before anything is written.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from leaderboard.errors import LeaderboardError

# Keep in sync with SHIPPED (and the package data) in setup.py and pyproject.toml.
MIGRATIONS_PACKAGE = "leaderboard.migrations"
REGISTRY_PACKAGE = "leaderboard.seed_registry"
DASHBOARD_PACKAGE = "dashboard"
DISTRIBUTION = "leaderboard-claims"
REINSTALL = f"the installation is incomplete; reinstall it (pip install --force-reinstall {DISTRIBUTION})"


class MissingResourceError(LeaderboardError):
    """A file the installation should hold is not there."""


def shipped_folder(package: str) -> Path:
    """The folder of a shipped package, as a real folder (Alembic and Streamlit need paths)."""
    try:
        folder = resources.files(package)
    except ModuleNotFoundError:
        raise MissingResourceError(f"package {package} not found: {REINSTALL}") from None
    if not isinstance(folder, Path):
        raise MissingResourceError(f"package {package} is not a folder on disk ({folder}): {REINSTALL}")
    return folder


def migrations_dir() -> Path:
    """The Alembic script folder (env.py and versions/)."""
    folder = shipped_folder(MIGRATIONS_PACKAGE)
    for needed in (folder / "env.py", folder / "versions"):
        if not needed.exists():
            raise MissingResourceError(f"migration scripts not found: no {needed}; {REINSTALL}")
    return folder


def registry_files() -> list[Path]:
    """The shipped registry CSV files, sorted by name."""
    folder = shipped_folder(REGISTRY_PACKAGE)
    files = sorted(folder.glob("*.csv"))
    if not files:
        raise MissingResourceError(f"registry files not found: no *.csv in {folder}; {REINSTALL}")
    return files


def registry_file(name: str) -> Path:
    """One shipped file of the registry folder (such as the task-name list)."""
    path = shipped_folder(REGISTRY_PACKAGE) / name
    if not path.is_file():
        raise MissingResourceError(f"registry file not found: no {path}; {REINSTALL}")
    return path


def dashboard_app() -> Path:
    """The Streamlit script of the dashboard."""
    app = shipped_folder(DASHBOARD_PACKAGE) / "app.py"
    if not app.is_file():
        raise MissingResourceError(f"dashboard not found: no {app}; {REINSTALL}")
    return app
