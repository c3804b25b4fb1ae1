"""Exports for people: the check report (HTML, Markdown)."""
