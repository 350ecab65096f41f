"""Tools for testing code built on cppcc-model.

* :mod:`cppcc_model.testing.strategies` — hypothesis strategies for every entity and for whole,
  consistent ledgers (needs ``hypothesis``; import it explicitly).

Importing this package does not import hypothesis; neither does ``import cppcc_model``. The
strategies are registered for ``st.from_type`` by the ``hypothesis`` entry point
(:mod:`cppcc_model.testing._hypothesis_setup`) when hypothesis itself is imported.
"""
