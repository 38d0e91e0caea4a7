"""Widen ix_claims_model_id_benchmark_id into a covering index for the disagreements report.

The report groups every counted score by (model, benchmark, metric, condition)
and needs paper_id and value_canonical of each, filtered on kind, status and
value_flag. With all of them in the index, SQLite reads the index alone in
group order (no table lookups, no temporary B-tree); comparisons still use the
(model_id, benchmark_id) prefix. Measured in benchmarks/RESULTS.md.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 15:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0003'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COVERING = ['model_id', 'benchmark_id', 'metric_id', 'condition_key',
            'paper_id', 'value_canonical', 'kind', 'status', 'value_flag']


def upgrade() -> None:
    op.drop_index('ix_claims_model_id_benchmark_id', table_name='claims')
    op.create_index('ix_claims_model_id_benchmark_id', 'claims', COVERING)


def downgrade() -> None:
    op.drop_index('ix_claims_model_id_benchmark_id', table_name='claims')
    op.create_index('ix_claims_model_id_benchmark_id', 'claims', ['model_id', 'benchmark_id'])
