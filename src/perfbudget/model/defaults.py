"""Field defaults shared by the model classes."""

from __future__ import annotations


def empty_list() -> list:
    """A new empty list, as a field's default factory.

    Not ``list`` itself: pydantic reads a factory's signature when it builds a model class, and
    for a builtin that means parsing its text signature (about half a millisecond each, paid at
    every start of the command line).
    """
    return []


def empty_dict() -> dict:
    """A new empty dict, as a field's default factory (see :func:`empty_list`)."""
    return {}
