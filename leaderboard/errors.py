"""The root of every error a user can cause: `LeaderboardError`.

Callers that show errors to people (the CLI's `error:` line, the dashboard's
message box) catch this class and nothing broader, so a `KeyError` from a bug
still surfaces as a bug. The subclasses keep their older bases (`ValueError`,
`LookupError`) so code that caught those keeps working.
"""

from __future__ import annotations


class LeaderboardError(Exception):
    """Bad input, an unknown name, a stale edit, a database the program cannot use."""
