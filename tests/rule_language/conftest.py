"""The rule-language examples: one small rule text, written in Python and in TOML.

The golden cases under ``cases/`` are run by ``test_golden.py`` against both forms (they are
not collected by the installed pytest plugin, which runs golden cases against installed
plugins only).
"""

collect_ignore_glob = ["cases/*.golden.toml"]
