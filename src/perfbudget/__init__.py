"""perfbudget: performance budgeting (预算绩效管理) for Chinese public departments.

The pipeline, one package per stage:

    read → recognize → model → check / score → store → serve / export

``read``, ``recognize``, ``model``, ``check`` and ``score`` are plain Python and never import
Django; ``store`` and ``serve`` wrap them for storage and the web.
"""

__version__ = "0.1.0"
