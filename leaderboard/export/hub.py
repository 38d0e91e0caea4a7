"""A model's results in the two formats the Hugging Face Hub reads for evaluation results.

- `model-index` (the model card's YAML front matter; spec: hub-docs modelcard.md): per model a
  `name` and `results`, each with `task.type`, `dataset.type` and `dataset.name`, and `metrics`
  with `type` and `value` (all required), plus the paper as `source`.
- `.eval_results/*.yaml` (hub-docs eval-results, `huggingface_hub.EvalResultEntry`): a list of
  entries with `dataset.id` (a Hub dataset that is a benchmark), `dataset.task_id` and `value`
  (required), plus `date`, `source` and `notes`. Only benchmarks whose Hub dataset id the
  registry knows (entities.hub_dataset_id) can be written; the others are left out.

Both read the board or claims table's `model`, `benchmark`, `metric`, `value`, `condition`,
`paper_title`, `arxiv_url` and `paper_date`, and, where the caller added them
(leaderboard.queries.hub.with_benchmark_details), `task` and `hub_dataset_id`.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import yaml

from leaderboard.errors import LeaderboardError

# The Hub's task id for results whose benchmark has no task in the registry.
UNKNOWN_TASK = "other"
NON_WORD = re.compile(r"[^a-z0-9]+")


class HubExportError(LeaderboardError, ValueError):
    """Rows that cannot be written in a Hub format (no model, no Hub dataset id...)."""


def slug(text: str) -> str:
    """'Image Classification' -> 'image-classification': the shape of Hub task and metric ids."""
    return NON_WORD.sub("-", text.lower()).strip("-") or "unknown"


def model_index(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The `model-index` list: one entry per model, one result per benchmark, condition and paper."""
    models: dict[str, dict[tuple, dict[str, Any]]] = {}
    for row in _score_rows(df):
        result_key = (row["benchmark"], row.get("condition"), row.get("paper_title"))
        results = models.setdefault(row["model"], {})
        result = results.get(result_key)
        if result is None:
            result = results[result_key] = _result(row)
        metric_type = slug(row["metric"])
        if all(m["type"] != metric_type for m in result["metrics"]):
            result["metrics"].append({"type": metric_type, "name": row["metric"], "value": row["value"]})
    return [{"name": model, "results": list(results.values())} for model, results in models.items()]


def eval_results(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The `.eval_results` entries of ONE model, for the benchmarks with a Hub dataset id."""
    rows = _score_rows(df)
    models = {row["model"] for row in rows}
    if len(models) > 1:
        raise HubExportError(
            f".eval_results files hold one model's results; these rows hold {len(models)} models "
            "(choose one, e.g. export --claims --model NAME)"
        )
    entries = []
    for row in rows:
        if not row.get("hub_dataset_id"):
            continue
        entry: dict[str, Any] = {
            "dataset": {"id": row["hub_dataset_id"], "task_id": slug(row["metric"])},
            "value": row["value"],
        }
        if row.get("paper_date"):
            entry["date"] = str(row["paper_date"])
        if row.get("arxiv_url"):
            entry["source"] = {"url": row["arxiv_url"], "name": row.get("paper_title") or "Paper"}
        if row.get("condition"):
            entry["notes"] = row["condition"]
        entries.append(entry)
    if not entries:
        raise HubExportError(
            "no benchmark of these rows has a Hugging Face dataset id (registry column hub_dataset_id)"
        )
    return entries


def write_model_index(df: pd.DataFrame, target: Any) -> None:
    _write_yaml({"model-index": model_index(df)}, target)


def write_eval_results(df: pd.DataFrame, target: Any) -> None:
    _write_yaml(eval_results(df), target)


def _score_rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows with a model, benchmark, metric and value, as plain dicts (NaN -> None)."""
    missing = [c for c in ("model", "benchmark", "metric", "value") if c not in df.columns]
    if missing:
        raise HubExportError(f"the Hub formats need the columns {', '.join(missing)}")
    records = df.astype(object).where(df.notna(), None).to_dict("records")
    rows = [r for r in records if r["model"] and r["benchmark"] and r["metric"] and r["value"] is not None]
    if "kind" in df.columns:
        rows = [r for r in rows if r["kind"] == "score"]
    for row in rows:
        row["value"] = float(row["value"])
        if row.get("condition") == "none":
            row["condition"] = None
    return rows


def _result(row: dict[str, Any]) -> dict[str, Any]:
    task = row.get("task")
    name = row["benchmark"] if not row.get("condition") else f"{row['benchmark']} ({row['condition']})"
    result: dict[str, Any] = {
        "task": {"type": slug(task) if task else UNKNOWN_TASK, **({"name": task} if task else {})},
        "dataset": {"type": row.get("hub_dataset_id") or slug(row["benchmark"]), "name": name},
        "metrics": [],
    }
    if row.get("paper_title") or row.get("arxiv_url"):
        source = {"name": row.get("paper_title") or row["arxiv_url"]}
        if row.get("arxiv_url"):
            source["url"] = row["arxiv_url"]
        result["source"] = source
    return result


def _write_yaml(document: Any, target: Any) -> None:
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
    if hasattr(target, "write"):
        target.write(text)
    else:
        with open(target, "w", encoding="utf-8") as out:
            out.write(text)
