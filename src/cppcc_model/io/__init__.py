"""Reading and writing ledgers and results: JSON (:mod:`cppcc_model.io.json`) and tables.

Each format lives in its own module and is imported on demand::

    from cppcc_model.io import json as ledger_json

    ledger = ledger_json.load("ledger.json")
"""
