"""Review password: writes only when one is configured and given."""

from __future__ import annotations

import pytest

from leaderboard.access import PASSWORD_ENV_VAR, can_write, review_password


@pytest.fixture(autouse=True)
def no_password_env(monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV_VAR, raising=False)


def test_no_password_configured_means_read_only():
    assert review_password() is None
    assert not can_write("anything")
    assert not can_write("")


def test_environment_password(monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV_VAR, "s3cret")
    assert review_password() == "s3cret"
    assert can_write("s3cret")
    assert not can_write("s3cre")
    assert not can_write(None)


def test_secrets_password_and_environment_wins(monkeypatch):
    secrets = {"review_password": "from-secrets"}
    assert can_write("from-secrets", secrets)
    monkeypatch.setenv(PASSWORD_ENV_VAR, "from-env")
    assert review_password(secrets) == "from-env"
    assert not can_write("from-secrets", secrets)


def test_blank_password_is_no_password(monkeypatch):
    monkeypatch.setenv(PASSWORD_ENV_VAR, "")
    assert not can_write("", {"review_password": ""})


class RaisingSecrets(dict):
    def get(self, key, default=None):
        raise FileNotFoundError("No secrets files found")


def test_missing_secrets_file_is_no_password():
    assert review_password(RaisingSecrets()) is None
