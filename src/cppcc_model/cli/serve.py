"""``cppcc serve``: the HTTP service, on a host and port."""

from __future__ import annotations

import click

from cppcc_model.cli.app import cli_context
from cppcc_model.errors import CppccError

__all__ = ["serve"]


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
def serve(host: str, port: int) -> None:
    """Serve validate, score, rank, explain, awards and statistics as JSON over HTTP.

    The OpenAPI document is at /schema/openapi.json. Needs the serve extra
    (``pip install -e '.[serve]'`` in a checkout).
    """
    try:
        import uvicorn

        from cppcc_model.service.app import create_app
    except ImportError as missing:
        raise CppccError(
            f"cppcc serve needs {missing.name or 'litestar and uvicorn'}, which is not installed",
            hint="in a checkout of cppcc-model: pip install -e '.[serve]'",
        ) from None
    context = cli_context()
    app = create_app(context.plugins(), lang="en" if context.lang == "en" else "zh")
    click.echo(f"cppcc: serving on http://{host}:{port} (OpenAPI: /schema/openapi.json)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
