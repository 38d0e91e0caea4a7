"""Reading the Papers-with-Code evaluation-tables layout (`evaluation-tables.json` and the files
in ../shared/pwc) as imported results: one claim per metric value, with its paper.

The layout: a JSON array of tasks (or one task object). A task has `task`, `datasets` and
`subtasks` (tasks again); a dataset has `dataset`, `sota` and `subdatasets` (each with
`subdataset` and its own `sota`); `sota.rows` are results with `model_name`, `paper_title`,
`paper_url`, `paper_date` and `metrics` (metric name -> value, a number or text such as "93.2%"
or "-"). A subdataset becomes the claim's condition ("Medical partition").

Every claim carries where it was read, `FILE: JSON path` (`$[0].datasets[2].sota.rows[5]
.metrics["F1"]`), so a reviewer can open the row. A cell that holds text instead of a number is
a problem named by that path; the rest of the file is still read. Trailing commas and comments,
which hand-edited files of this layout carry, are accepted (JSON5).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leaderboard.errors import LeaderboardError
from leaderboard.imports.values import NotAScore, read_cell
from leaderboard.ingest.cleaning import arxiv_id_of, clean_text, iso_date
from leaderboard.records import Claim, PaperRecord, content_hash

FORMAT = "pwc"
RULE = "pwc-table"  # the `rule` of an imported claim: it came from a table, not from a sentence
CONFIDENCE = 1.0  # a curated table says exactly which number belongs to which model
# arXiv links in any of their shapes: /abs/1711.05568, /pdf/1711.05568v2.pdf, /abs/cs/0112017
ARXIV_URL = re.compile(r"arxiv\.org/(?:abs|pdf)/(?P<id>[^?#]+?)(?:\.pdf)?/?(?:[?#].*)?$", re.IGNORECASE)
# "CRF-ASN (Chen et al., 2018)": the citation NLP-progress tables append to model names.
CITATION_SUFFIX = re.compile(r"\s*\((?:[^()]*\bet al\.?|[^()]*\b(?:19|20)\d{2}[a-z]?)\)\s*$")


class PwcFileError(LeaderboardError):
    """A file that is not JSON or not the evaluation-tables layout at all."""


@dataclass(slots=True)
class ImportedResult:
    """One value of a results table: its paper, the claim, and where it was read."""

    paper: PaperRecord
    claim: Claim
    provenance: str
    task: str | None


@dataclass(slots=True)
class PwcRead:
    """What a file held: the results, the problems (`JSON path: message`) and what was left out."""

    results: list[ImportedResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    rows: int = 0
    empty_cells: int = 0  # "-", "", sizes: no score to store
    rows_without_source: int = 0  # neither a model nor a paper named: nothing to attach a score to


def read_pwc(path: str | Path) -> PwcRead:
    """Every value of an evaluation-tables file. Raises PwcFileError when the file is unreadable,
    not JSON, or not the layout; problems inside it are collected in `PwcRead.problems`."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise PwcFileError(f"{source}: {reason or exc}") from None
    document = _parse(text, source)
    tasks = [document] if isinstance(document, dict) else document
    if not isinstance(tasks, list) or not all(isinstance(t, dict) and "task" in t for t in tasks):
        raise PwcFileError(f"{source}: not the evaluation-tables layout (a list of objects with 'task')")
    read = PwcRead()
    for index, task in enumerate(tasks):
        _read_task(task, f"$[{index}]", source, read)
    return read


def _parse(text: str, source: str) -> Any:
    """The JSON document; a hand-edited file's trailing commas and comments (the layout's own
    example file has one) are read as JSON5 reads them. Anything worse is one error line."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        import json5  # only for the rare hand-edited file: it is far slower than json

        try:
            return json5.loads(text)
        except ValueError:
            raise PwcFileError(f"{source}:{exc.lineno}: not JSON: {exc.msg}") from None


def _read_task(task: dict, path: str, source: str, read: PwcRead) -> None:
    name = clean_text(task.get("task"))
    for index, dataset in enumerate(_objects(task, "datasets", path, read)):
        here = f"{path}.datasets[{index}]"
        dataset_name = clean_text(dataset.get("dataset"))
        if not dataset_name:
            read.problems.append(f"{here}: a dataset without a name")
            continue
        _read_sota(dataset.get("sota"), f"{here}.sota", name, dataset_name, None, source, read)
        for sub_index, sub in enumerate(_objects(dataset, "subdatasets", here, read)):
            sub_path = f"{here}.subdatasets[{sub_index}]"
            condition = clean_text(sub.get("subdataset"))
            _read_sota(sub.get("sota"), f"{sub_path}.sota", name, dataset_name, condition, source, read)
    for index, subtask in enumerate(_objects(task, "subtasks", path, read)):
        _read_task(subtask, f"{path}.subtasks[{index}]", source, read)


def _objects(parent: dict, key: str, path: str, read: PwcRead) -> Iterator[dict]:
    """The objects of a list member; anything else in it is a problem."""
    items = parent.get(key) or []
    if not isinstance(items, list):
        read.problems.append(f"{path}.{key}: expected a list")
        return
    for index, item in enumerate(items):
        if isinstance(item, dict):
            yield item
        else:
            read.problems.append(f"{path}.{key}[{index}]: expected an object")


def _read_sota(
    sota: Any, path: str, task: str | None, dataset: str, condition: str | None, source: str, read: PwcRead
) -> None:
    if not sota:
        return
    if not isinstance(sota, dict):
        read.problems.append(f"{path}: expected an object")
        return
    for index, row in enumerate(_objects(sota, "rows", path, read)):
        read.rows += 1
        _read_row(row, f"{path}.rows[{index}]", task, dataset, condition, source, read)


def _read_row(
    row: dict, path: str, task: str | None, dataset: str, condition: str | None, source: str, read: PwcRead
) -> None:
    model = _model_name(row.get("model_name"))
    paper = _paper(row, source)
    metrics = row.get("metrics") or {}
    if not isinstance(metrics, dict):
        read.problems.append(f"{path}.metrics: expected an object of metric name -> value")
        return
    if paper is None and model is not None:
        # A leaderboard submission with no paper (SQuAD's, CheXpert's): the table is its source.
        paper = _table_record(task, dataset, source)
    if paper is None:
        # Neither a model nor a paper: a score nobody can trace.
        read.rows_without_source += 1
        return
    for metric, raw in metrics.items():
        here = f"{path}.metrics[{json.dumps(metric, ensure_ascii=False)}]"
        try:
            cell = read_cell(raw)
        except NotAScore as exc:
            read.problems.append(f"{here}: {exc}")
            continue
        if cell is None:
            read.empty_cells += 1
            continue
        value_text = str(raw).strip() if isinstance(raw, str) else json.dumps(raw)
        metric_name = clean_text(metric)
        where = dataset if condition is None else f"{dataset} ({condition})"
        evidence = f"{model or 'An unnamed model'} scores {metric_name} {value_text} on {where}"
        start = evidence.rindex(value_text)
        claim = Claim(
            value=cell.value,
            kind="score",
            evidence=evidence,
            span=(start, start + len(value_text)),
            value_text=value_text,
            model=model,
            benchmark=dataset,
            metric=metric_name,
            unit=cell.unit,
            condition=condition,
            rule=RULE,
            confidence=CONFIDENCE,
        )
        read.results.append(ImportedResult(paper, claim, f"{source}: {here}", task))


def _model_name(raw: Any) -> str | None:
    name = clean_text(raw) if isinstance(raw, str) else None
    if not name:
        return None
    return CITATION_SUFFIX.sub("", name) or name


def _paper(row: dict, source: str) -> PaperRecord | None:
    """The paper a row cites: known by its arXiv id, else its title, else its link."""
    title = clean_text(row.get("paper_title")) if isinstance(row.get("paper_title"), str) else None
    url = clean_text(row.get("paper_url")) if isinstance(row.get("paper_url"), str) else None
    if not (title or url):
        return None
    arxiv_id = None
    if url and (match := ARXIV_URL.search(url)):
        arxiv_id = arxiv_id_of(match["id"])
    record = PaperRecord(
        abstract="",
        title=title,
        arxiv_id=arxiv_id,
        date=_date(row.get("paper_date")),
        source=source,
        format=FORMAT,
    )
    # A paper known only by its title and link has no abstract to hash: its identity is the
    # arXiv id, else the folded title, else the link, so every row citing it finds one paper.
    identity = arxiv_id or (" ".join(title.lower().split()) if title else url)
    record._hash = content_hash(f"papers-with-code paper: {identity}")
    return record


def _table_record(task: str | None, dataset: str, source: str) -> PaperRecord:
    """The stand-in paper for a table's rows that cite none: the Papers-with-Code table itself."""
    title = f"Papers with Code leaderboard: {task} on {dataset}" if task else f"Papers with Code: {dataset}"
    record = PaperRecord(abstract="", title=title, source=source, format=FORMAT)
    record._hash = content_hash(f"papers-with-code table: {title.lower()}")
    return record


def _date(raw: Any) -> str | None:
    if not isinstance(raw, str) or not raw.strip():
        return None
    try:
        return iso_date(raw)
    except ValueError:
        return None
