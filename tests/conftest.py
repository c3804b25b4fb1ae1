"""Shared test setup."""

import pytest

_DB_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # CI re-runs `-m db` against PostgreSQL: a database test that forgot the marker gets it here.
    for item in items:
        uses_db = item.get_closest_marker("django_db") or _DB_FIXTURES & set(
            getattr(item, "fixturenames", ())
        )
        if uses_db and not item.get_closest_marker("db"):
            item.add_marker(pytest.mark.db)
