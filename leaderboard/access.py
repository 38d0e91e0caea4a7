"""Who may write: the review password that turns the dashboard's edit controls on.

Decided (contract.md): the dashboard offers edit controls only when a password
is configured AND the user has entered it; with no password configured it is
read-only, the safe default. The CLI runs with the user's own rights on the
database, so it needs a reviewer name for every change but no password.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping
from typing import Any

PASSWORD_ENV_VAR = "LEADERBOARD_REVIEW_PASSWORD"
# The key in Streamlit's secrets (.streamlit/secrets.toml) that sets the same password.
PASSWORD_SECRET_KEY = "review_password"


def review_password(secrets: Mapping[str, Any] | None = None) -> str | None:
    """The configured password: $LEADERBOARD_REVIEW_PASSWORD, else `secrets['review_password']`.

    An empty value counts as none, so a blank variable cannot open the dashboard to writes.
    """
    password = os.environ.get(PASSWORD_ENV_VAR)
    if not password and secrets is not None:
        try:
            password = secrets.get(PASSWORD_SECRET_KEY)
        except Exception:  # Streamlit raises when no secrets file exists at all
            password = None
    return str(password) if password else None


def can_write(given_password: str | None, secrets: Mapping[str, Any] | None = None) -> bool:
    """True only when a password is configured and `given_password` equals it."""
    expected = review_password(secrets)
    if expected is None or not given_password:
        return False
    # Constant-time comparison, so the answer time does not leak how much matched.
    return hmac.compare_digest(given_password.encode("utf-8"), expected.encode("utf-8"))
