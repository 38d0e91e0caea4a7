"""Maintained statistics: `board_groups` (each model's standing on each board: claims, papers,
best claim, low and high, each paper's best and the gap between papers) and `benchmark_counts`
(claims and ranked scores per benchmark and metric). Filled here from the claims
(leaderboard.store.board_stats.rebuild); every write transaction keeps them true afterwards.
Downgrading drops them; no data is lost.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 08:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "board_groups",
        sa.Column("benchmark_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("metric_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("condition_key", sa.Text(), nullable=False),
        sa.Column("model_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("n_papers", sa.Integer(), nullable=False),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=False),
        sa.Column("best_claim_id", sa.Integer(), nullable=False),
        sa.Column("paper_low", sa.Float(), nullable=False),
        sa.Column("paper_high", sa.Float(), nullable=False),
        sa.Column("low_paper_id", sa.Text(), nullable=False),
        sa.Column("high_paper_id", sa.Text(), nullable=False),
        sa.Column("gap", sa.Float(), nullable=True),
        sa.Column("relative_gap", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint(
            "benchmark_id", "metric_id", "condition_key", "model_id", name=op.f("pk_board_groups")
        ),
    )
    op.create_index("ix_board_groups_model_id", "board_groups", ["model_id", "claims"], unique=False)
    op.create_index("ix_board_groups_metric_id", "board_groups", ["metric_id"], unique=False)
    op.create_index("ix_board_groups_gap", "board_groups", ["gap"], unique=False)
    op.create_table(
        "benchmark_counts",
        sa.Column("benchmark_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("metric_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("scores", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("benchmark_id", "metric_id", name=op.f("pk_benchmark_counts")),
    )
    # The rules for what counts and ranks live in the code, so the first fill is the code's.
    from leaderboard.store.board_stats import rebuild

    session = Session(bind=op.get_bind())
    rebuild(session)
    session.flush()


def downgrade() -> None:
    op.drop_table("benchmark_counts")
    op.drop_index("ix_board_groups_gap", table_name="board_groups")
    op.drop_index("ix_board_groups_metric_id", table_name="board_groups")
    op.drop_index("ix_board_groups_model_id", table_name="board_groups")
    op.drop_table("board_groups")
