"""`streamlit run`, with the dashboard's libraries imported before the server answers.

`leaderboard dashboard` runs this file instead of `python -m streamlit`: Streamlit imports a
page's modules on the first visitor's script run, and pandas, Altair, SQLAlchemy and the
leaderboard package take seconds to import on a busy 2-core machine, which the first page
then waited for (benchmarks/bench_dashboard.py). Imported here, they are in `sys.modules`
before the health check says the server is up. Arguments are those of `streamlit`.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The project root, so the `dashboard` package imports as it does in the app.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def preload() -> None:
    """Import what every page run needs (the modules stay loaded for the server's life)."""
    import sqlite3  # noqa: F401

    import altair  # noqa: F401
    import pandas  # noqa: F401
    import PIL.Image  # noqa: F401  (the page icon)
    import PIL.PngImagePlugin  # noqa: F401
    import pyarrow.pandas_compat  # noqa: F401  (st.dataframe)
    import streamlit.material_icon_names  # noqa: F401  (the pages' icons)

    import dashboard.charts  # noqa: F401
    import dashboard.data  # noqa: F401
    import dashboard.links  # noqa: F401
    import dashboard.ui  # noqa: F401
    import leaderboard.queries.grids  # noqa: F401
    import leaderboard.queries.pickers  # noqa: F401
    import leaderboard.queries.search  # noqa: F401


if __name__ == "__main__":
    preload()
    from streamlit.web import cli

    sys.argv = ["streamlit", *sys.argv[1:]]
    sys.exit(cli.main())
