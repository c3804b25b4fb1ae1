"""Storage: documents, tables, rows and findings in the database (a Django app).

The core model (:mod:`perfbudget.model`) stays the source of truth: each document keeps its full
model JSON, and the tables, rows and findings are stored alongside for the web pages to query.
"""
