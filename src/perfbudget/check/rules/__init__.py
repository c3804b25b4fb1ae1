"""The built-in rules; importing this package registers them."""

from perfbudget.check.rules import balance, columns, cross, names, narrative, reading, sums  # noqa: F401
