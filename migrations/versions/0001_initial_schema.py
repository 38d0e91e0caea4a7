"""Initial schema: papers, paper_sources, claims, claim_reviews.

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 11:32:53.889231
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('papers',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('arxiv_id', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('abstract', sa.Text(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('extractor_version', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_papers')),
    sa.UniqueConstraint('arxiv_id', name=op.f('uq_papers_arxiv_id'))
    )
    with op.batch_alter_table('papers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_papers_content_hash'), ['content_hash'], unique=True)

    op.create_table('claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('paper_id', sa.Text(), nullable=False),
    sa.Column('model', sa.Text(), nullable=True),
    sa.Column('benchmark', sa.Text(), nullable=True),
    sa.Column('metric', sa.Text(), nullable=True),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('value_high', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=32), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('baseline_model', sa.Text(), nullable=True),
    sa.Column('baseline_value', sa.Float(), nullable=True),
    sa.Column('condition', sa.Text(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('value_text', sa.Text(), nullable=False),
    sa.Column('span_start', sa.Integer(), nullable=False),
    sa.Column('span_end', sa.Integer(), nullable=False),
    sa.Column('rule', sa.Text(), server_default='', nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('extractor_version', sa.String(length=64), nullable=False),
    sa.Column('status', sa.String(length=16), server_default='extracted', nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.CheckConstraint("kind IN ('score', 'delta', 'efficiency')", name=op.f('ck_claims_kind')),
    sa.CheckConstraint("status IN ('extracted', 'accepted', 'rejected', 'corrected')", name=op.f('ck_claims_status')),
    sa.CheckConstraint('span_start <= span_end', name=op.f('ck_claims_span_order')),
    sa.ForeignKeyConstraint(['paper_id'], ['papers.id'], name=op.f('fk_claims_paper_id_papers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index('ix_claims_benchmark_metric', ['benchmark', 'metric'], unique=False)
        batch_op.create_index('ix_claims_model', ['model'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_paper_id'), ['paper_id'], unique=False)

    op.create_table('paper_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('paper_id', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('line', sa.Integer(), server_default='0', nullable=False),
    sa.Column('format', sa.String(length=32), nullable=True),
    sa.Column('first_seen_at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.ForeignKeyConstraint(['paper_id'], ['papers.id'], name=op.f('fk_paper_sources_paper_id_papers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper_sources')),
    sa.UniqueConstraint('paper_id', 'source', 'line', name=op.f('uq_paper_sources_paper_id_source_line'))
    )
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



def downgrade() -> None:
    with op.batch_alter_table('claim_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_reviews_claim_id'))

    op.drop_table('claim_reviews')
    op.drop_table('paper_sources')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_paper_id'))
        batch_op.drop_index('ix_claims_model')
        batch_op.drop_index('ix_claims_benchmark_metric')

    op.drop_table('claims')
    with op.batch_alter_table('papers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_papers_content_hash'))

    op.drop_table('papers')
