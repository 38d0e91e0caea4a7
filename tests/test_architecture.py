"""The layout rules of docs/architecture.md, checked on the code: the map names only what exists
and names every package, the dashboard does not reach into the CLI, and the CLI runs no SQL."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from leaderboard.db import models

ROOT = Path(__file__).resolve().parents[1]
MAP = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
# Backticked text that names a file or folder of the project.
PATH = re.compile(r"`((?:leaderboard|dashboard|migrations|seed|benchmarks|tests|docs)(?:/[\w.]*)*)`")
# What a CLI module may take from SQLAlchemy: types for annotations and the error base, no query builder.
CLI_MAY_IMPORT = {"Engine", "Session", "SQLAlchemyError"}
# Session methods that run SQL; the CLI leaves them to queries/, review/ and normalize/.
RUNS_SQL = {"execute", "scalar", "scalars", "get", "query", "add", "add_all", "delete", "merge"}


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every import in `path`; names is empty for `import module`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
    return found


def _is_table(name: str) -> bool:
    value = getattr(models, name, None)
    return isinstance(value, type) and issubclass(value, models.Base)


def test_the_map_names_only_paths_that_exist():
    named = PATH.findall(MAP)
    assert len(named) > 20
    missing = sorted({path for path in named if not (ROOT / path).exists()})
    assert missing == []


def test_the_map_names_every_package_and_top_level_module():
    parts = sorted(
        f"leaderboard/{p.name}/" if p.is_dir() else f"leaderboard/{p.name}"
        for p in (ROOT / "leaderboard").iterdir()
        if (p.is_dir() and (p / "__init__.py").exists())
        or (p.suffix == ".py" and not p.name.startswith("__"))
    )
    assert [part for part in parts if f"`{part}`" not in MAP] == []


def test_the_dashboard_imports_nothing_from_the_cli():
    offending = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in sorted((ROOT / "dashboard").rglob("*.py"))
        for module, names in _imports(path)
        if module.startswith("leaderboard.cli") or (module == "leaderboard" and "cli" in names)
    ]
    assert offending == []


def test_the_cli_builds_no_queries_and_runs_no_sql():
    offending = []
    for path in sorted((ROOT / "leaderboard" / "cli").glob("*.py")):
        where = path.relative_to(ROOT)
        for module, names in _imports(path):
            if module.split(".")[0] == "sqlalchemy":
                offending += [
                    f"{where}: imports {name} from {module}" for name in names if name not in CLI_MAY_IMPORT
                ]
                if not names:
                    offending.append(f"{where}: imports {module}")
            if module == "leaderboard.db.models":
                offending += [f"{where}: imports table {name}" for name in names if _is_table(name)]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                target = node.func.value
                if isinstance(target, ast.Name) and target.id == "session" and node.func.attr in RUNS_SQL:
                    offending.append(f"{where}:{node.lineno}: session.{node.func.attr}()")
    assert offending == []


def test_cli_modules_share_options_through_options_py_not_each_other():
    # The helpers every command may use; command modules never import each other.
    shared = {f"leaderboard.cli.{name}" for name in ("common", "options", "tables", "progress", "verbosity")}
    offending = [
        f"{path.name}: {module}"
        for path in sorted((ROOT / "leaderboard" / "cli").glob("*.py"))
        if path.name != "__init__.py"
        for module, _ in _imports(path)
        if module.startswith("leaderboard.cli") and module not in shared
    ]
    assert offending == []
