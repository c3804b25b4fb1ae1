"""The built-in rules; importing this package registers them."""

from perfbudget.check.rules import (  # noqa: F401
    balance,
    columns,
    cross,
    forms,
    names,
    narrative,
    reading,
    scores,
    spending,
    sums,
    targets,
)
