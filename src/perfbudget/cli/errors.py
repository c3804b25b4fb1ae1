"""How the command line reports a file it cannot read: one line, exit code 2."""

from __future__ import annotations

import sys

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def report_unreadable(message: str) -> None:
    sys.stderr.write(f"perfbudget: {message}\n")
