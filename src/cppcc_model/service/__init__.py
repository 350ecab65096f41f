"""``cppcc serve``: the library as an HTTP service, for platforms not written in Python.

:func:`~cppcc_model.service.app.create_app` builds a `Litestar <https://litestar.dev>`_ ASGI
application with JSON endpoints to validate a dataset, score, rank, explain, select award
winners and count statistics, and an OpenAPI document at ``/schema/openapi.json``. Bad input is
answered ``422`` with every problem, each located. Needs the ``serve`` extra
(``pip install -e '.[serve]'`` in a checkout: litestar and uvicorn).
"""

from __future__ import annotations

__all__: list[str] = []
