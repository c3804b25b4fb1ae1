"""The demo department: 青川市生态环境局, a fictional city's environment bureau with three units.

Its documents live in ``files/`` (written by :mod:`perfbudget.demo.generate` and committed):
the 2025 budget disclosure as row-per-line text, and the 2024 final-account disclosure as Word
and as Excel — the latter two with one planted error (see ``generate.DEMO_ERROR_CODE``).
"""

from __future__ import annotations

from pathlib import Path

FILES = Path(__file__).parent / "files"
SAMPLE_NAMES = ("budget-2025.txt", "final-2024.docx", "final-2024.xlsx")


def sample_files() -> list[Path]:
    """The demo department's documents, in a fixed order."""
    return [FILES / name for name in SAMPLE_NAMES]
