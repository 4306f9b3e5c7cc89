"""A real OpenID Connect provider for the browser tier: `oidc-provider-mock` (authlib's server
under Flask) on a free port, with predefined people and their role claims.

`tamper_for` names a subject whose ID token is altered on its way to produktlyft (the role
claim raised to the administrators' group, the signature kept), as an attacker between the two
would; `max_age` below zero makes the provider issue tokens that have already expired.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

ROLE_CLAIM = "roles"
ADMINS = "produktlyft-admins"
ANALYSTS = "produktlyft-analysts"
ROLE_MAP = f"{ADMINS}=admin,{ANALYSTS}=analyst"
CLIENT_ID = "produktlyft-browser"
CLIENT_SECRET = "browser-secret"

StartResponse = Callable[..., Any]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def tampered_body(body: bytes, subject: str) -> bytes:
    """The token response with the ID token's role claim raised for `subject`."""
    answer = json.loads(body)
    header, payload, signature = str(answer.get("id_token", "..")).split(".")
    claims = json.loads(_unb64(payload)) if payload else {}
    if claims.get("sub") != subject:
        return body
    claims[ROLE_CLAIM] = [ADMINS]
    answer["id_token"] = ".".join((header, _b64(json.dumps(claims).encode()), signature))
    return json.dumps(answer).encode()


class _Tamper:
    """WSGI middleware in front of the provider's token endpoint."""

    def __init__(self, app: Any, subject: str | None) -> None:
        self.app, self.subject = app, subject

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if self.subject is None or environ.get("PATH_INFO") != "/oauth2/token":
            return self.app(environ, start_response)  # type: ignore[no-any-return]
        seen: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], *_: Any) -> Callable[..., None]:
            seen.update(status=status, headers=headers)
            return lambda _data: None

        result = self.app(environ, capture)
        try:
            body = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
        if seen["status"].startswith("200"):
            body = tampered_body(body, self.subject)
        headers = [(k, v) for k, v in seen["headers"] if k.lower() != "content-length"]
        start_response(seen["status"], [*headers, ("Content-Length", str(len(body)))])
        return [body]


def serve(
    port: int, people: dict[str, dict[str, object]], tamper_for: str | None, age: int
) -> None:
    """Run the provider until the process is ended (run as a script, see `running_provider`)."""
    import oidc_provider_mock
    import werkzeug.serving

    users = [oidc_provider_mock.User(sub=sub, claims=claims) for sub, claims in people.items()]
    app = oidc_provider_mock.app(user_claims=users, access_token_max_age=timedelta(seconds=age))
    server = werkzeug.serving.make_server(
        "localhost", port, _Tamper(app, tamper_for), threaded=True
    )
    server.serve_forever()


@contextmanager
def running_provider(
    people: dict[str, dict[str, object]],
    *,
    tamper_for: str | None = None,
    max_age: timedelta = timedelta(hours=1),
) -> Iterator[str]:
    """The provider in a process of its own on a free port (its library warns of deprecated
    parts of authlib, which the test session would turn into errors); yields its issuer URL
    once its discovery document answers."""
    from tests.conftest import missing_component
    from tests.support.server import HANG_GUARD_SECONDS, free_port

    if importlib.util.find_spec("oidc_provider_mock") is None:
        missing_component("oidc-provider-mock is not installed (pip install -e .[dev])")
    port = free_port()
    issuer = f"http://localhost:{port}"
    command = [sys.executable, "-W", "ignore", __file__, str(port), json.dumps(people)]
    command += [tamper_for or "", str(int(max_age.total_seconds()))]
    env = {**os.environ, "AUTHLIB_INSECURE_TRANSPORT": "1"}  # plain http on loopback
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + HANG_GUARD_SECONDS
        while True:  # polled: nothing tells a client that a port has started listening
            if process.poll() is not None:
                raise AssertionError(f"the OpenID provider exited with {process.returncode}")
            try:
                with urllib.request.urlopen(f"{issuer}/.well-known/openid-configuration"):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield issuer
    finally:
        process.terminate()
        process.wait()


if __name__ == "__main__":
    serve(int(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3] or None, int(sys.argv[4]))
