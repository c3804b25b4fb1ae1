"""Start Django from plain Python (the CLI): settings, app registry, migrations."""

from __future__ import annotations

import os

SETTINGS_MODULE = "perfbudget.serve.settings"


def setup() -> None:
    """Configure Django once; a no-op when it is already set up (tests, the web server)."""
    import django
    from django.apps import apps

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    if not apps.ready:
        django.setup()


def migrate() -> None:
    """Bring the database schema up to date, printing nothing."""
    from django.core.management import call_command

    setup()
    call_command("migrate", interactive=False, verbosity=0)
