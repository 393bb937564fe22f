"""The Kshamta WSGI application plus one bare endpoint, for HTTP benchmarks only (never deployed).

``/bench/bare`` reads the request body and answers ``200 {}`` without entering Django: the
cost of gunicorn, the network and the load generator alone, measured on the same server
process that serves the real endpoints in the same run. Everything else goes to
``config.wsgi.application`` unchanged.

    gunicorn bench.bare_wsgi:application
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from config.wsgi import application as kshamta_application

BARE_PATH = "/bench/bare"
BODY = b"{}"


def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    if environ.get("PATH_INFO") == BARE_PATH:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length:
            environ["wsgi.input"].read(length)
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(BODY)))])
        return [BODY]
    return kshamta_application(environ, start_response)
