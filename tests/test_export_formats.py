"""Export formats of the field: the Papers-with-Code layout (round trip through import-pwc),
Hugging Face Hub evaluation results (checked against the documented required fields and parsed by
huggingface_hub itself), and Parquet's fixed schema."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from sqlalchemy import create_engine, update
from sqlalchemy.orm import Session

from leaderboard.cli import app
from leaderboard.db.models import Entity
from leaderboard.export import WRITERS, formats_for
from leaderboard.export.hub import HubExportError, eval_results
from leaderboard.export.parquet_schema import schema_for
from leaderboard.queries import CLAIM_COLUMNS

TABLES = Path(__file__).parent / "data" / "pwc" / "tables.json"


def invoke(runner, db_url, *args):
    return runner.invoke(app, [*args, "--db", db_url])


def board(runner, db_url) -> list[list[str]]:
    result = invoke(
        runner, db_url, "export", "--benchmark", "Tiny QA", "--metric", "EM", "--condition", "none"
    )
    assert result.exit_code == 0, result.output
    return [line.split(",")[1:4] for line in result.stdout.splitlines()[1:]]


def test_a_board_exported_as_pwc_imports_back_to_the_same_board(runner, db_url, tmp_path):
    invoke(runner, db_url, "import-pwc", str(TABLES))
    exported = tmp_path / "tiny.json"
    result = invoke(
        runner, db_url, "export", "--benchmark", "Tiny QA", "--metric", "EM", "-f", "pwc", "-o", str(exported)
    )
    assert result.exit_code == 0, result.output
    document = json.loads(exported.read_text())
    assert document[0]["task"] == ""  # the fixture's benchmark has no task in the registry
    rows = document[0]["datasets"][0]["sota"]["rows"]
    assert [(r["model_name"], r["metrics"]) for r in rows] == [
        ("Reader-L", {"exact match": "88.5%"}),
        ("Reader-S", {"exact match": "81"}),
        ("Anon submission", {"exact match": "79.9"}),
    ]
    assert rows[0]["paper_url"] == "https://arxiv.org/abs/1901.00001"
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert invoke(runner, other, "import-pwc", str(exported)).exit_code == 0
    assert board(runner, other) == board(runner, db_url)


# Required by hub-docs modelcard.md ("# Required." in its model-index example).
MODEL_INDEX_REQUIRED = {"task": ("type",), "dataset": ("type", "name")}
METRIC_REQUIRED = ("type", "value")


def test_model_index_has_every_required_field_and_huggingface_hub_reads_it(runner, db_url):
    invoke(runner, db_url, "import-pwc", str(TABLES))
    result = invoke(runner, db_url, "export", "--claims", "--model", "Reader-L", "-f", "hf-model-index")
    assert result.exit_code == 0, result.output
    index = yaml.safe_load(result.stdout)["model-index"]
    assert [entry["name"] for entry in index] == ["Reader-L"]
    for item in index[0]["results"]:
        for part, fields in MODEL_INDEX_REQUIRED.items():
            assert all(item[part][f] for f in fields), item
        assert item["metrics"] and all(
            all(m[f] is not None for f in METRIC_REQUIRED) for m in item["metrics"]
        )
    assert {
        (r["dataset"]["name"], m["name"], m["value"]) for r in index[0]["results"] for m in r["metrics"]
    } == {
        ("Tiny QA", "exact match", 88.5),
        ("Tiny QA", "F1", 93.2),
        ("Tiny QA (Medical partition)", "exact match", 71.5),
    }
    repocard_data = pytest.importorskip("huggingface_hub.repocard_data")
    name, results = repocard_data.model_index_to_eval_results(index)
    assert name == "Reader-L" and len(results) == 3


def frame(**columns) -> pd.DataFrame:
    base = {"model": ["M"], "benchmark": ["GPQA"], "metric": ["accuracy"], "value": [63.3]}
    return pd.DataFrame(base | columns)


def test_eval_results_entries_have_the_required_fields_and_parse():
    df = frame(
        hub_dataset_id=["Idavidrein/gpqa"],
        paper_date=["2026-02-03"],
        arxiv_url=["https://arxiv.org/abs/2311.12022"],
        paper_title=["GPQA"],
        condition=["diamond"],
    )
    entries = eval_results(df)
    assert entries == [
        {
            "dataset": {"id": "Idavidrein/gpqa", "task_id": "accuracy"},
            "value": 63.3,
            "date": "2026-02-03",
            "source": {"url": "https://arxiv.org/abs/2311.12022", "name": "GPQA"},
            "notes": "diamond",
        }
    ]
    hub = pytest.importorskip("huggingface_hub")
    parsed = hub.parse_eval_result_entries(yaml.safe_load(io.StringIO(yaml.safe_dump(entries))))
    assert (parsed[0].dataset_id, parsed[0].task_id, parsed[0].value) == ("Idavidrein/gpqa", "accuracy", 63.3)


def test_eval_results_need_one_model_and_a_hub_dataset_id():
    with pytest.raises(HubExportError, match="2 models"):
        eval_results(pd.concat([frame(hub_dataset_id=["a/b"]), frame(model=["N"], hub_dataset_id=["a/b"])]))
    with pytest.raises(HubExportError, match="hub_dataset_id"):
        eval_results(frame(hub_dataset_id=[None]))


def test_eval_results_without_a_hub_id_is_one_error_line(runner, db_url):
    invoke(runner, db_url, "import-pwc", str(TABLES))
    result = invoke(runner, db_url, "export", "--claims", "--model", "Reader-L", "-f", "hf-eval-results")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: no benchmark of these rows has a Hugging Face dataset id (registry column hub_dataset_id)\n"
    )


def parquet_schema(df: pd.DataFrame) -> pa.Schema:
    buffer = io.BytesIO()
    WRITERS["parquet"].write(df, buffer)
    return pq.read_schema(io.BytesIO(buffer.getvalue()))


def test_parquet_columns_keep_their_type_whatever_the_values():
    empty = pd.DataFrame(columns=CLAIM_COLUMNS)
    one = pd.DataFrame([dict.fromkeys(CLAIM_COLUMNS)])
    one.loc[0, ["claim_id", "value", "paper_date", "model"]] = [7, 81.0, "2019-01-02", "M"]
    schemas = {parquet_schema(df) for df in (empty, one)}
    assert schemas == {schema_for(CLAIM_COLUMNS)}
    fields = {f.name: f.type for f in schema_for(CLAIM_COLUMNS)}
    assert fields["paper_date"] == pa.date32() and fields["value_high"] == pa.float64()
    assert fields["claim_id"] == pa.int64() and fields["condition"] == pa.string()
    table = pq.read_table(io.BytesIO(_bytes(one)))
    assert table.column("paper_date").to_pylist()[0].isoformat() == "2019-01-02"


def _bytes(df: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    WRITERS["parquet"].write(df, buffer)
    return buffer.getvalue()


def test_results_formats_are_offered_only_for_tables_of_scores():
    assert {"pwc", "hf-model-index", "hf-eval-results"} <= set(formats_for(frame()))
    papers = pd.DataFrame(columns=["paper_id", "title", "date"])
    assert formats_for(papers) == ("csv", "json", "jsonl", "parquet")


@pytest.mark.skipif(
    not hasattr(Entity, "hub_dataset_id"), reason="entities.hub_dataset_id arrives with migration 0006"
)
def test_eval_results_use_the_registry_hub_dataset_id(runner, db_url):
    invoke(runner, db_url, "import-pwc", str(TABLES))
    engine = create_engine(db_url)
    with Session(engine) as session, session.begin():
        session.execute(
            update(Entity)
            .where(Entity.kind == "benchmark", Entity.name == "Tiny QA")
            .values(hub_dataset_id="org/tiny-qa")
        )
    engine.dispose()
    result = invoke(runner, db_url, "export", "--claims", "--model", "Reader-L", "-f", "hf-eval-results")
    assert result.exit_code == 0, result.output
    entries = yaml.safe_load(result.stdout)
    assert {(e["dataset"]["id"], e["dataset"]["task_id"], e["value"]) for e in entries} == {
        ("org/tiny-qa", "exact-match", 88.5),
        ("org/tiny-qa", "f1", 93.2),
        ("org/tiny-qa", "exact-match", 71.5),
    }
    index = yaml.safe_load(
        invoke(runner, db_url, "export", "--claims", "--model", "Reader-L", "-f", "hf-model-index").stdout
    )
    assert {r["dataset"]["type"] for r in index["model-index"][0]["results"]} == {"org/tiny-qa"}
