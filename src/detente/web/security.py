"""Login token, CSRF and response headers for the review app.

* Bound to 127.0.0.1 the app needs no login; on any other host a token is
  required, asked for once at ``/login`` and kept as an HttpOnly cookie
  (a keyed hash of it, not the token itself).
* Every state-changing request carries the CSRF token (header
  ``X-CSRF-Token`` or form field ``csrf_token``) that matches the
  ``detente_csrf`` cookie; without it: 403.
* Report text is untrusted: templates autoescape, and the
  Content-Security-Policy allows scripts from the app's own files only.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

AUTH_COOKIE = "detente_auth"
CSRF_COOKIE = "detente_csrf"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
#: Paths reachable without logging in.
PUBLIC = ("/login", "/static/")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)


def auth_value(token: str, secret: str) -> str:
    """What the login cookie holds: a keyed hash of the token."""
    return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()


def new_csrf() -> str:
    """A fresh random CSRF token."""
    return secrets.token_urlsafe(32)


def csrf_of(request: Request) -> str:
    """The request's CSRF token (set as a cookie by the middleware when missing)."""
    return request.state.csrf


class Guard:
    """ASGI middleware: login (when a token is set), CSRF and security headers."""

    def __init__(self, token: str | None, secret: str) -> None:
        self.token = token
        self.secret = secret
        self.expected = auth_value(token, secret) if token else None

    def logged_in(self, request: Request) -> bool:
        if self.expected is None:
            return True
        got = request.cookies.get(AUTH_COOKIE, "")
        return hmac.compare_digest(got, self.expected)

    def check_token(self, offered: str) -> bool:
        """True when *offered* is the server's token."""
        return bool(self.token) and hmac.compare_digest(offered.encode(), self.token.encode())

    async def __call__(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        cookie = request.cookies.get(CSRF_COOKIE)
        request.state.csrf = cookie or new_csrf()
        path = request.url.path
        if not path.startswith(PUBLIC) and not self.logged_in(request):
            if path.startswith("/api/"):
                response: Response = JSONResponse({"detail": "log in first"}, status_code=401)
            else:
                response = RedirectResponse("/login", status_code=303)
        elif request.method not in SAFE_METHODS and not await self._csrf_ok(request, cookie):
            response = JSONResponse(
                {"detail": "missing or wrong CSRF token; reload the page and try again"},
                status_code=403,
            )
        else:
            response = await call_next(request)
        if not cookie:
            response.set_cookie(
                CSRF_COOKIE, request.state.csrf, httponly=True, samesite="strict", path="/"
            )
        headers = response.headers
        headers["Content-Security-Policy"] = CSP
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "no-referrer"
        return response

    @staticmethod
    async def _csrf_ok(request: Request, cookie: str | None) -> bool:
        if not cookie:
            return False
        offered = request.headers.get(CSRF_HEADER, "")
        if not offered and request.headers.get("content-type", "").startswith(
            "application/x-www-form-urlencoded"
        ):
            form = await request.form()
            # The body is read here once; handlers take the fields from request.state.
            request.state.form = {k: str(v) for k, v in form.items()}
            offered = request.state.form.get("csrf_token", "")
        return bool(offered) and hmac.compare_digest(offered.encode(), cookie.encode())
