"""``perfbudget serve``: the first administrator, the printed address; production settings."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model

from perfbudget.serve.run import ensure_admin
from perfbudget.store import models as db


@pytest.mark.django_db
@pytest.mark.db
def test_first_administrator_is_created_once():
    password = ensure_admin()
    assert password
    user = get_user_model().objects.get()
    assert user.username == "admin" and user.is_superuser and user.check_password(password)
    assert db.Profile.objects.get(user=user).role == db.Role.ADMIN
    assert ensure_admin() is None  # users exist: nothing is created or printed


def test_serve_is_a_command():
    result = subprocess.run(
        [sys.executable, "-m", "perfbudget.cli.main", "serve", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "--port" in result.stdout and "127.0.0.1" in result.stdout


def _settings(env: dict) -> subprocess.CompletedProcess:
    code = "import perfbudget.serve.settings as s; print(s.DEBUG, s.ALLOWED_HOSTS)"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PERFBUDGET_")}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=clean | env, check=False
    )


def test_production_needs_a_secret_and_names_its_hosts(tmp_path):
    refused = _settings({"PERFBUDGET_DEBUG": "0", "PERFBUDGET_HOME": str(tmp_path)})
    assert refused.returncode != 0 and "PERFBUDGET_SECRET_KEY" in refused.stderr
    ok = _settings(
        {
            "PERFBUDGET_DEBUG": "0",
            "PERFBUDGET_SECRET_KEY": "x" * 50,
            "PERFBUDGET_ALLOWED_HOSTS": "perfbudget.example.gov.cn, 10.0.0.5",
            "PERFBUDGET_HOME": str(tmp_path),
        }
    )
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip() == "False ['perfbudget.example.gov.cn', '10.0.0.5']"
