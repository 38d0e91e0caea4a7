"""Entities: `not_entity` (why a name is no real benchmark or model) and `hub_dataset_id`; the
`registry_loads` table (which shipped registry files a database holds, so opening it skips them).

Existing extracted entities are judged by the rules of leaderboard.normalize.junk,
and extracted metrics without a direction get the one their name says
(leaderboard.normalize.direction), so a database made before this revision
shows the same boards as a fresh one. Downgrading drops both columns; the
directions set here stay (the older schema holds them).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from leaderboard.normalize.direction import direction_from_name
from leaderboard.normalize.junk import benchmark_junk_reason, model_junk_reason

revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

entities = sa.table(
    'entities',
    sa.column('id', sa.Integer),
    sa.column('kind', sa.String),
    sa.column('key', sa.Text),
    sa.column('name', sa.Text),
    sa.column('source', sa.String),
    sa.column('direction', sa.String),
    sa.column('not_entity', sa.String),
)
aliases = sa.table('aliases', sa.column('kind', sa.String), sa.column('key', sa.Text))


def upgrade() -> None:
    op.create_table('registry_loads',
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.PrimaryKeyConstraint('fingerprint', name=op.f('pk_registry_loads'))
    )
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hub_dataset_id', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('not_entity', sa.String(length=32), nullable=True))
    _judge_extracted_entities(op.get_bind())


def _judge_extracted_entities(connection: sa.Connection) -> None:
    benchmark_keys = set(connection.scalars(sa.select(aliases.c.key).where(aliases.c.kind == 'benchmark')))
    query = sa.select(entities.c.id, entities.c.kind, entities.c.key, entities.c.name, entities.c.direction).where(
        entities.c.source == 'extracted'
    )
    junk, directions = [], []
    for entity_id, kind, key, name, direction in connection.execute(query):
        if kind == 'benchmark':
            reason = benchmark_junk_reason(name)
        elif kind == 'model':
            reason = model_junk_reason(name, is_benchmark=key in benchmark_keys)
        else:
            reason = None
            found = direction_from_name(name) if direction is None else None
            if found:
                directions.append({'b_id': entity_id, 'b_direction': found})
        if reason:
            junk.append({'b_id': entity_id, 'b_reason': reason})
    where = entities.c.id == sa.bindparam('b_id')
    if junk:
        connection.execute(entities.update().where(where).values(not_entity=sa.bindparam('b_reason')), junk)
    if directions:
        connection.execute(entities.update().where(where).values(direction=sa.bindparam('b_direction')), directions)


def downgrade() -> None:
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.drop_column('not_entity')
        batch_op.drop_column('hub_dataset_id')
    op.drop_table('registry_loads')
