"""Fixtures of the reader tests: the fictional budget document in every format, and the seeds.

The builders live in ``tests/fixtures/build.py`` (loaded by path: ``tests`` is not a package).
The PDF is made by LibreOffice once per session, since a conversion takes a second or more.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

PROJECT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT.parent / "shared" / "seeds"
VARIANTS = SEEDS / "variants"


def _load_builders() -> ModuleType:
    name = "perfbudget_test_fixtures_build"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, PROJECT / "tests" / "fixtures" / "build.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="session")
def build() -> ModuleType:
    """The fixture builders (``tests/fixtures/build.py``)."""
    return _load_builders()


@pytest.fixture(scope="session")
def fixture_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("read-fixtures")


@pytest.fixture(scope="session")
def budget_docx(build, fixture_dir) -> Path:
    return build.budget_docx(fixture_dir)


@pytest.fixture(scope="session")
def budget_xlsx(build, fixture_dir) -> Path:
    return build.budget_xlsx(fixture_dir)


@pytest.fixture(scope="session")
def budget_pdf(build, budget_docx, fixture_dir) -> Path:
    """The Word fixture converted by LibreOffice (skipped only when LibreOffice is not installed)."""
    if build.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: the PDF fixture cannot be built")
    return build.convert_to_pdf(budget_docx, fixture_dir)


def _legacy_folder(build, fixture_dir: Path, name: str, what: str) -> Path:
    if build.soffice() is None:
        pytest.skip(f"LibreOffice (soffice) is not installed: the {what} fixture cannot be built")
    folder = fixture_dir / name
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def budget_xls(build, budget_xlsx, fixture_dir) -> Path:
    """The Excel fixture saved by LibreOffice in the legacy .xls format (BIFF8)."""
    folder = _legacy_folder(build, fixture_dir, "legacy", ".xls")
    return build.convert(budget_xlsx, folder, "xls", "MS Excel 97")


@pytest.fixture(scope="session")
def budget_doc(build, budget_docx, fixture_dir) -> Path:
    """The Word fixture saved by LibreOffice in the legacy .doc format (Word 97–2003)."""
    folder = _legacy_folder(build, fixture_dir, "legacy-word", ".doc")
    # by way of OpenDocument: LibreOffice's direct .docx → .doc export flattens the second table
    opendocument = build.convert(budget_docx, folder, "odt")
    return build.convert(opendocument, folder, "doc", "MS Word 97")


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not VARIANTS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    return SEEDS
