"""Reading and writing ledgers: JSON, CSV directories and Excel workbooks.

* :mod:`cppcc_model.io.dataset` — the entry point for files: ``load_dataset(path)`` reads a
  directory of CSV or xlsx tables, one xlsx workbook, or a JSON file; ``validate_dataset``
  lists every problem; ``write_dataset`` writes any of the three;
* :mod:`cppcc_model.io.json` — the JSON form of a whole ledger;
* :mod:`cppcc_model.io.tables` — the tabular form and its schema.

Each format lives in its own module and is imported on demand::

    from cppcc_model.io.dataset import load_dataset

    ledger = load_dataset("examples/liujiang/dataset")
"""
