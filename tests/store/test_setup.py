"""Settings from the environment, Django start-up for the CLI, and committed migrations."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command


def settings_in(env: dict[str, str], cwd, expression: str) -> subprocess.CompletedProcess:
    """Evaluate ``expression`` on freshly imported settings in a clean process."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PERFBUDGET_", "DATABASE_URL"))}
    code = f"import perfbudget.serve.settings as s; print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code], env=clean | env, cwd=cwd, capture_output=True, text=True, check=False
    )


def test_default_database_is_sqlite_under_var(tmp_path):
    done = settings_in({}, tmp_path, "s.DATABASES['default']['NAME'], s.DEBUG")
    assert done.stdout.strip() == f"{tmp_path / 'var' / 'perfbudget.sqlite3'} True"
    assert (tmp_path / "var").is_dir()


def test_database_url_and_home(tmp_path):
    env = {
        "DATABASE_URL": "postgres://someone@db.example:5433/budgets",
        "PERFBUDGET_HOME": str(tmp_path / "h"),
    }
    done = settings_in(env, tmp_path, "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME']")
    assert done.stdout.split() == ["django.db.backends.postgresql", "budgets"]
    assert not (tmp_path / "h").exists()  # nothing to create when the database is elsewhere


def test_production_needs_a_secret_key(tmp_path):
    done = settings_in({"PERFBUDGET_DEBUG": "0"}, tmp_path, "s.SECRET_KEY")
    assert done.returncode != 0 and "PERFBUDGET_SECRET_KEY" in done.stderr
    env = {
        "PERFBUDGET_DEBUG": "off",
        "PERFBUDGET_SECRET_KEY": "k" * 50,
        "PERFBUDGET_ALLOWED_HOSTS": "a.cn, b.cn",
    }
    done = settings_in(env, tmp_path, "s.DEBUG, s.ALLOWED_HOSTS")
    assert done.stdout.strip() == "False ['a.cn', 'b.cn']"


def test_setup_is_idempotent():
    from perfbudget.store import django_setup

    django_setup.setup()
    django_setup.setup()


@pytest.mark.django_db
@pytest.mark.db
def test_migrations_match_models():
    call_command("makemigrations", "store", "--check", "--dry-run", verbosity=0)


def test_migrate_quietly_creates_the_schema(tmp_path):
    code = (
        "from perfbudget.store.django_setup import migrate; migrate(); migrate();"
        "from perfbudget.store.models import Document; print(Document.objects.count())"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PERFBUDGET_", "DATABASE_URL"))}
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=clean | {"PERFBUDGET_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "0\n", "")
    assert (tmp_path / "perfbudget.sqlite3").is_file()
