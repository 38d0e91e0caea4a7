"""Widen ix_claims_benchmark_id_metric_id with the columns "counted" and "rankable" test.

`queries.benchmarks` (claims per benchmark, the dashboard's benchmark picker)
walked this index and read the table row of every claim for its status: 11 s
on SQLite at 1,000,000 claims. With status, kind, value_flag, model_id and
value_canonical in the index it reads the index alone, as does `metrics_for`;
leaderboards keep the (benchmark_id, metric_id) prefix.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 15:25:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0005'
down_revision: str | Sequence[str] | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COVERING = ['benchmark_id', 'metric_id', 'status', 'kind', 'value_flag', 'model_id', 'value_canonical']


def upgrade() -> None:
    op.drop_index('ix_claims_benchmark_id_metric_id', table_name='claims')
    op.create_index('ix_claims_benchmark_id_metric_id', 'claims', COVERING)


def downgrade() -> None:
    op.drop_index('ix_claims_benchmark_id_metric_id', table_name='claims')
    op.create_index('ix_claims_benchmark_id_metric_id', 'claims', ['benchmark_id', 'metric_id'])
