"""The ``perfbudget`` command line (typer + rich)."""
