"""Where the package finds the project files it ships beside it: migrations, the seed registry,
the dashboard app.

Every lookup goes through this module so that switching to `importlib.resources` (for wheels)
is a change in one place. For now the files are found at the project root, two levels above
this file, which holds for a checkout and an editable install.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
SEED_REGISTRY_DIR = PROJECT_ROOT / "seed" / "registry"
DASHBOARD_APP = PROJECT_ROOT / "dashboard" / "app.py"
