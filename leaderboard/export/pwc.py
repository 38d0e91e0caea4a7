"""Any board or claims table in the Papers-with-Code evaluation-tables layout, the layout
`leaderboard import-pwc` reads (leaderboard/imports/pwc.py): tasks, their datasets, one row per
model and paper with its metrics. A condition becomes a subdataset, as on import.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from leaderboard.errors import LeaderboardError


class NotATableOfScores(LeaderboardError, ValueError):
    """A table without the columns a results table needs."""


NEEDED = ("benchmark", "metric", "model", "value")


def pwc_tasks(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The evaluation-tables document for `df` (a board or claims table)."""
    missing = [c for c in NEEDED if c not in df.columns]
    if missing:
        raise NotATableOfScores(f"the Papers-with-Code layout needs the columns {', '.join(missing)}")
    rows = df.astype(object).where(df.notna(), None).to_dict("records")
    tasks: dict[str, dict[str, dict[str | None, list[dict]]]] = {}
    for row in rows:
        if row["benchmark"] is None or row["metric"] is None or row["value"] is None:
            continue
        condition = row.get("condition") or None
        if condition == "none":
            condition = None
        task = tasks.setdefault(row.get("task") or "", {})
        task.setdefault(row["benchmark"], {}).setdefault(condition, []).append(row)
    return [
        {
            "task": name,
            "datasets": [_dataset(benchmark, by_condition) for benchmark, by_condition in datasets.items()],
            "subtasks": [],
        }
        for name, datasets in tasks.items()
    ]


def write_pwc(df: pd.DataFrame, target: Any) -> None:
    text = json.dumps(pwc_tasks(df), ensure_ascii=False, indent=1) + "\n"
    if hasattr(target, "write"):
        target.write(text)
    else:
        with open(target, "w", encoding="utf-8") as out:
            out.write(text)


def _dataset(benchmark: str, by_condition: dict[str | None, list[dict]]) -> dict[str, Any]:
    dataset: dict[str, Any] = {"dataset": benchmark, "sota": _sota(by_condition.pop(None, []))}
    dataset["subdatasets"] = [
        {"subdataset": condition, "sota": _sota(rows)} for condition, rows in by_condition.items()
    ]
    return dataset


def _sota(rows: list[dict]) -> dict[str, Any]:
    metrics: list[str] = []
    entries: dict[tuple, dict[str, Any]] = {}
    for row in rows:
        if row["metric"] not in metrics:
            metrics.append(row["metric"])
        key = (row["model"], row.get("paper_title"), row.get("arxiv_url"))
        entry = entries.setdefault(
            key,
            {
                "model_name": row["model"] or "",
                "paper_title": row.get("paper_title") or "",
                "paper_url": row.get("arxiv_url") or "",
                "paper_date": row.get("paper_date") or None,
                "code_links": [],
                "model_links": [],
                "metrics": {},
            },
        )
        # The first value of a metric is kept: a board lists each model's best first.
        entry["metrics"].setdefault(row["metric"], _value_text(row["value"], row.get("unit")))
    return {"metrics": metrics, "rows": list(entries.values())}


def _value_text(value: float, unit: str | None) -> str:
    text = f"{value:g}" if abs(value) < 1e15 else str(value)
    return f"{text}%" if unit == "%" else text
