"""``numcheck serve``: an HTTP API for newsroom tools and a page where editors paste copy.

Needs the ``serve`` extra (``pip install 'numcheck[serve]'``: Starlette, uvicorn,
python-multipart). See README, "Serve", for the endpoints and their formats.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import sys

from ..errors import InputError

DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8765
LOCAL_HOSTS = ("localhost",)


def is_local(host: str) -> bool:
    """True for loopback addresses ("127.0.0.1", "::1", "localhost"): only this machine."""
    if host.lower() in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(token_file: str | None, environ: dict | None = None) -> str | None:
    """The bearer token: ``--token-file`` (its first line), else ``NUMCHECK_TOKEN``."""
    environ = os.environ if environ is None else environ
    if token_file:
        try:
            with open(token_file, encoding="utf-8") as fh:
                token = fh.readline().strip()
        except OSError as e:
            raise InputError(f"{token_file}: cannot read the token file: {e.strerror or e}") from None
        if not token:
            raise InputError(f"{token_file}: the token file is empty")
        return token
    token = environ.get("NUMCHECK_TOKEN", "").strip()
    return token or None


def check_binding(host: str, token: str | None) -> None:
    if not is_local(host) and not token:
        raise InputError(f"refusing to listen on {host} without a token: anyone who reaches it could use it; "
                         "give --token-file FILE or set NUMCHECK_TOKEN (or bind to 127.0.0.1)")


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *, engine=None, settings=None, log_level: str = "info") -> None:
    """Build the app (loading rates and language data once) and run it under uvicorn."""
    try:
        import uvicorn
    except ImportError:
        raise InputError("numcheck serve needs the serve extra: pip install 'numcheck[serve]'") from None
    from .app import create_app

    check_binding(host, settings.token if settings else None)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    access = logging.getLogger("numcheck.serve.access")
    access.addHandler(handler)
    access.setLevel(logging.INFO)
    access.propagate = False
    app = create_app(engine, settings)
    print(f"numcheck: serving on http://{host if ':' not in host else f'[{host}]'}:{port}/ "
          f"(rates: {', '.join(app.state.engine.rates)}; token {'required' if app.state.settings.token else 'off'})",
          file=sys.stderr)
    uvicorn.run(app, host=host, port=port, access_log=False, log_level=log_level, server_header=False)


__all__ = ["serve", "read_token", "check_binding", "is_local", "DEFAULT_HOST", "DEFAULT_PORT"]
