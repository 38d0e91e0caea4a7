"""What a board asks of a claim, from indexes alone: the board covering index gains `confidence`
(scores the extractor is unsure of wait for review), and `entities.not_entity` is indexed (the
names that make no board are looked up on every board query).

Without them `metrics_for` and `conditions_for` read a table row per claim of the benchmark and
scan every entity (EXPLAIN QUERY PLAN: "USING INDEX", "SCAN entities" instead of "USING
COVERING INDEX").

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 17:20:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COVERING = ['benchmark_id', 'metric_id', 'status', 'kind', 'value_flag', 'model_id', 'value_canonical']


def upgrade() -> None:
    op.drop_index('ix_claims_benchmark_id_metric_id', table_name='claims')
    op.create_index('ix_claims_benchmark_id_metric_id', 'claims', [*COVERING, 'confidence'])
    op.create_index(op.f('ix_entities_not_entity'), 'entities', ['not_entity'])


def downgrade() -> None:
    op.drop_index(op.f('ix_entities_not_entity'), table_name='entities')
    op.drop_index('ix_claims_benchmark_id_metric_id', table_name='claims')
    op.create_index('ix_claims_benchmark_id_metric_id', 'claims', COVERING)
