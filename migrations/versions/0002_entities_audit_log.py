"""Canonical entities, aliases, the audit log, and the claim columns review and ranking need.

claim_reviews (never written by any command yet) becomes audit_log; its rows are carried over.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 14:09:06.980014
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('target', sa.String(length=16), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=True),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('reviewer', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reverts_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['reverts_id'], ['audit_log.id'], name=op.f('fk_audit_log_reverts_id_audit_log')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_log_target_target_id', ['target', 'target_id'], unique=False)

    op.create_table('entities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('task', sa.Text(), nullable=True),
    sa.Column('direction', sa.String(length=8), nullable=True),
    sa.Column('scale', sa.String(length=16), nullable=True),
    sa.Column('unit', sa.String(length=32), nullable=True),
    sa.Column('merged_into_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.CheckConstraint("direction IS NULL OR direction IN ('higher', 'lower')", name=op.f('ck_entities_direction')),
    sa.CheckConstraint("kind IN ('benchmark', 'metric', 'model')", name=op.f('ck_entities_kind')),
    sa.CheckConstraint("scale IS NULL OR scale IN ('fraction', 'percent', 'unbounded')", name=op.f('ck_entities_scale')),
    sa.CheckConstraint("source IN ('registry', 'user', 'extracted', 'manual')", name=op.f('ck_entities_source')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['entities.id'], name=op.f('fk_entities_merged_into_id_entities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_entities')),
    sa.UniqueConstraint('kind', 'key', name=op.f('uq_entities_kind_key'))
    )
    op.create_table('aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_aliases_entity_id_entities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_aliases')),
    sa.UniqueConstraint('kind', 'key', name=op.f('uq_aliases_kind_key'))
    )
    with op.batch_alter_table('aliases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aliases_entity_id'), ['entity_id'], unique=False)

    op.create_table('merge_dismissals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('other_id', sa.Integer(), nullable=False),
    sa.Column('reviewer', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.ForeignKeyConstraint(['entity_id'], ['entities.id'], name=op.f('fk_merge_dismissals_entity_id_entities')),
    sa.ForeignKeyConstraint(['other_id'], ['entities.id'], name=op.f('fk_merge_dismissals_other_id_entities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merge_dismissals')),
    sa.UniqueConstraint('entity_id', 'other_id', name=op.f('uq_merge_dismissals_entity_id_other_id'))
    )
    op.execute(
        "INSERT INTO audit_log (target, target_id, action, field, old_value, new_value, reviewer, reason, at) "
        "SELECT 'claim', claim_id, 'edit', field, old_value, new_value, reviewer, note, at FROM claim_reviews"
    )
    with op.batch_alter_table('claim_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_reviews_claim_id'))

    op.drop_table('claim_reviews')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin', sa.String(length=16), server_default='extractor', nullable=False))
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('benchmark_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('metric_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('model_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('baseline_model_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('value_canonical', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('value_flag', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('condition_key', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_constraint(op.f('ck_claims_status'), type_='check')
        batch_op.create_check_constraint(op.f('ck_claims_status'), "status IN ('extracted', 'accepted', 'rejected', 'corrected', 'retired')")
        batch_op.create_check_constraint(op.f('ck_claims_origin'), "origin IN ('extractor', 'manual')")
        batch_op.drop_index(batch_op.f('ix_claims_benchmark_metric'))
        batch_op.drop_index(batch_op.f('ix_claims_model'))
        batch_op.create_index('ix_claims_benchmark_id_metric_id', ['benchmark_id', 'metric_id'], unique=False)
        batch_op.create_index('ix_claims_model_id_benchmark_id', ['model_id', 'benchmark_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_claims_benchmark_id_entities'), 'entities', ['benchmark_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_claims_metric_id_entities'), 'entities', ['metric_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_claims_baseline_model_id_entities'), 'entities', ['baseline_model_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_claims_model_id_entities'), 'entities', ['model_id'], ['id'])



def downgrade() -> None:
    # The older schema knows neither retired nor hand-added claims; retired ones become
    # unreviewed again (as if never re-extracted), hand-added ones stay as accepted claims.
    op.execute("UPDATE claims SET status = 'extracted' WHERE status = 'retired'")
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_claims_origin'), type_='check')
        batch_op.drop_constraint(op.f('ck_claims_status'), type_='check')
        batch_op.create_check_constraint(op.f('ck_claims_status'), "status IN ('extracted', 'accepted', 'rejected', 'corrected')")
        batch_op.drop_constraint(batch_op.f('fk_claims_model_id_entities'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_claims_baseline_model_id_entities'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_claims_metric_id_entities'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_claims_benchmark_id_entities'), type_='foreignkey')
        batch_op.drop_index('ix_claims_model_id_benchmark_id')
        batch_op.drop_index('ix_claims_benchmark_id_metric_id')
        batch_op.create_index(batch_op.f('ix_claims_model'), ['model'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_benchmark_metric'), ['benchmark', 'metric'], unique=False)
        batch_op.drop_column('updated_at')
        batch_op.drop_column('condition_key')
        batch_op.drop_column('value_flag')
        batch_op.drop_column('value_canonical')
        batch_op.drop_column('baseline_model_id')
        batch_op.drop_column('model_id')
        batch_op.drop_column('metric_id')
        batch_op.drop_column('benchmark_id')
        batch_op.drop_column('version')
        batch_op.drop_column('origin')

    op.create_table('claim_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=False),
    sa.Column('old_value', sa.Text(), nullable=True),
    sa.Column('new_value', sa.Text(), nullable=True),
    sa.Column('reviewer', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_reviews_claim_id_claims')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_reviews'))
    )
    with op.batch_alter_table('claim_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_reviews_claim_id'), ['claim_id'], unique=False)
    op.execute(
        "INSERT INTO claim_reviews (claim_id, field, old_value, new_value, reviewer, note, at) "
        "SELECT target_id, COALESCE(field, action), old_value, new_value, reviewer, reason, at "
        "FROM audit_log WHERE target = 'claim' AND target_id IN (SELECT id FROM claims)"
    )

    op.drop_table('merge_dismissals')
    with op.batch_alter_table('aliases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aliases_entity_id'))

    op.drop_table('aliases')
    op.drop_table('entities')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_target_target_id')
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
