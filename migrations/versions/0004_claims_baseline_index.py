"""Index claims by (baseline_model_id, benchmark_id) for the comparison's quoted baselines.

`leaderboard.queries.compare` also lists every claim that quotes the model as
its baseline on the benchmark; without this index SQLite and PostgreSQL read
every claim of the benchmark to find them (tens of thousands for a popular
one at 1,000,000 claims).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 15:12:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0004'
down_revision: str | Sequence[str] | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_claims_baseline_model_id_benchmark_id', 'claims', ['baseline_model_id', 'benchmark_id'])


def downgrade() -> None:
    op.drop_index('ix_claims_baseline_model_id_benchmark_id', table_name='claims')
