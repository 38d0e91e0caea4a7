"""Hiding passwords in database URLs, and in any message that may quote one.

SQLAlchemy's `render_as_string(hide_password=True)` hides only the password
between `user:` and `@`, and only in a URL it can parse; a password given as
a query parameter (`?password=...`, as libpq takes it) or in a string that is
no URL at all (`alice:S3cretPW@host/x`) would be printed as typed.
"""

from __future__ import annotations

import re

MASK = "***"

URL_SCHEME = re.compile(
    r"""
    ^[A-Za-z][A-Za-z0-9+.\-]*://    # dialect+driver://, when there is one
    """,
    re.VERBOSE,
)
PASSWORD_PARAMETER = re.compile(
    r"""
    (?P<key>
        (?:^|(?<=[\s?&;,(]))                    # a parameter of its own, not the end of a longer name
        (?:ssl)?(?:password|passwd|pwd|pass)    # libpq's and drivers' names for it (sslpassword too)
        \s*=\s*
    )
    (?P<value>'[^']*'?|"[^"]*"?|[^\s&;,)]*)     # quoted, or up to the next separator
    """,
    re.VERBOSE | re.IGNORECASE,
)


def mask_passwords(text: str) -> str:
    """`text` with every password it may hold replaced by `***`: the `user:PASSWORD@` of a URL
    (with or without a scheme, parsable or not) and `password=...` parameters."""
    text = PASSWORD_PARAMETER.sub(lambda m: f"{m['key']}{MASK}", text)
    return " ".join(_mask_userinfo(word) for word in text.split(" "))


def _mask_userinfo(word: str) -> str:
    scheme = URL_SCHEME.match(word)
    start = scheme.end() if scheme else 0
    at = word.rfind("@")
    colon = word.find(":", start)
    if at == -1 or colon == -1 or colon > at or "/" in word[start:colon]:
        return word
    return f"{word[: colon + 1]}{MASK}{word[at:]}"
