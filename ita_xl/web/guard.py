"""Who may drive the server: requests to this machine's address only, forms sent from the page itself.

Three checks, each enough against a page on another site that tries to use the server:
- Host must be 127.0.0.1 or localhost with the server's port (a DNS-rebinding page sends its own host name);
- a form's Origin (or, without one, its Referer) must be the server itself, and a browser's Sec-Fetch-Site must not
  say "cross-site";
- every form carries the run's secret token, which only the server's own pages contain (another site can send to
  the server but cannot read its pages).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from urllib.parse import urlsplit

LOOPBACK_NAMES = ("127.0.0.1", "localhost")


class Guard:
    """The server's address and its secret form token for one run."""

    def __init__(self, port: int | None = None) -> None:
        self.token = secrets.token_urlsafe(32)
        self.port = port

    def hosts(self) -> set[str]:
        """Return the Host header values that name this server."""
        if self.port is None:  # the test client's default host
            return set(LOOPBACK_NAMES)
        return {f"{name}:{self.port}" for name in LOOPBACK_NAMES} | (set(LOOPBACK_NAMES) if self.port == 80 else set())

    def host_ok(self, host: str | None) -> bool:
        """Return True when ``host`` (the Host header) names this server."""
        return (host or "").lower() in self.hosts()

    def origin_ok(self, headers: Mapping[str, str]) -> bool:
        """Return True when a form was sent by a page of this server (judged by Origin, Referer, Sec-Fetch-Site)."""
        if headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
            return False
        origin = headers.get("Origin")
        if origin is None:
            referer = headers.get("Referer")
            if referer is None:
                return True  # not a browser, or one that says nothing: the token still has to match
            parts = urlsplit(referer)
            origin = f"{parts.scheme}://{parts.netloc}"
        parts = urlsplit(origin)
        return parts.scheme == "http" and self.host_ok(parts.netloc)

    def token_ok(self, sent: str | None) -> bool:
        """Return True when ``sent`` is this run's form token."""
        return sent is not None and hmac.compare_digest(sent.encode(), self.token.encode())
