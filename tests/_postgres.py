"""A real PostgreSQL server for the database tests.

``CPPCC_TEST_POSTGRESQL_URL`` (exported by ``.ci/run``, which installs PostgreSQL from the
Debian packages and starts a cluster) names a server to use. Without it, a throw-away cluster is
started here from the installed PostgreSQL binaries (``initdb`` and ``pg_ctl``) on a free
local port, as the ``postgres`` user when the tests run as root, and stopped afterwards. Only
when neither is possible are the PostgreSQL tests skipped, saying why.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

ENV = "CPPCC_TEST_POSTGRESQL_URL"


class NoServer(Exception):
    """Why no PostgreSQL server could be had."""


def _binaries() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4]))
    for directory in reversed(candidates):
        if os.path.exists(os.path.join(directory, "initdb")):
            return Path(directory)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise NoServer(
        "PostgreSQL is not installed (no initdb): apt-get install postgresql, or set "
        f"{ENV} to a server's URL"
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    """Run as ``postgres`` when we are root: PostgreSQL refuses to run as root."""
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser")
    if runuser is None:
        raise NoServer("running as root without runuser, so PostgreSQL cannot be started")
    return [runuser, "-u", "postgres", "--", *command]


@contextlib.contextmanager
def local_server() -> Iterator[str]:
    """Start a throw-away cluster and give its URL; stop it and remove it afterwards."""
    binaries = _binaries()
    root = Path(tempfile.mkdtemp(prefix="cppcc-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        try:
            shutil.chown(root, "postgres", "postgres")
        except (LookupError, OSError) as exc:
            shutil.rmtree(root, ignore_errors=True)
            raise NoServer(f"cannot hand a data directory to the postgres user: {exc}") from None
    port = _free_port()
    try:
        subprocess.run(
            _as_server_user(
                [str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
                + ["-E", "UTF8", "--no-locale"]
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
        subprocess.run(
            _as_server_user(
                [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w"]
                + ["-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1", "start"]
            ),
            check=True,
            capture_output=True,
            timeout=120,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(root, ignore_errors=True)
        raise NoServer(
            f"cannot start PostgreSQL: {exc} {detail.decode(errors='replace')[-300:]}"
        ) from None
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_server_user([str(binaries / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            capture_output=True,
            timeout=120,
        )
        shutil.rmtree(root, ignore_errors=True)


def fresh_database(server_url: str) -> str:
    """A new, empty database on the server, and its URL."""
    import sqlalchemy as sa

    name = f"cppcc_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0")
    finally:
        engine.dispose()
    return str(sa.engine.make_url(server_url).set(database=name).render_as_string(False))
