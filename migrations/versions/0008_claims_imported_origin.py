"""Claims: origin 'imported' (results tables such as Papers-with-Code files) and `provenance`
(the file and JSON path an imported claim was read from).

Downgrading drops `provenance` and deletes imported claims: the older schema's
origin check cannot hold them, and they can be imported again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 17:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
# The chain agreed for issue 15: 0006 (registry), 0007 (dashboard), 0008 (formats).
down_revision: str | Sequence[str] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.add_column(sa.Column('provenance', sa.Text(), nullable=True))
        batch_op.drop_constraint(op.f('ck_claims_origin'), type_='check')
        batch_op.create_check_constraint(op.f('ck_claims_origin'), "origin IN ('extractor', 'manual', 'imported')")


def downgrade() -> None:
    op.execute("DELETE FROM claims WHERE origin = 'imported'")
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_claims_origin'), type_='check')
        batch_op.create_check_constraint(op.f('ck_claims_origin'), "origin IN ('extractor', 'manual')")
        batch_op.drop_column('provenance')
