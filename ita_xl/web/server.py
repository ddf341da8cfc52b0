"""Start the page: a waitress server on 127.0.0.1 only, the browser opened on it, everything removed on stop."""

from __future__ import annotations

import os
import signal
import threading
import webbrowser
from collections.abc import Callable
from typing import Any

from ita_xl.errors import UsageError

HOST = "127.0.0.1"  # loopback only: no other computer can reach the page
DEFAULT_PORT = 8765
MISSING_EXTRA = (
    'ยังไม่ได้ติดตั้งส่วนหน้าเว็บของ ita-xl: ติดตั้งด้วยคำสั่ง pip install "ita-xl[web]" แล้วเรียก ita-xl serve อีกครั้ง',
    'the web page of ita-xl is not installed: add it with pip install "ita-xl[web]", then run ita-xl serve again',
)


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.isdigit() else default


def make_server(port: int, max_upload_mb: int | None = None) -> Any:
    """Return a waitress server for the page bound to 127.0.0.1:``port`` (0: any free port), not yet running.

    The server's ``store`` (the jobs' folders) is removed by ``close_server``. Raises UsageError when the web
    extra is not installed or the port is taken.
    """
    try:
        from waitress.server import create_server

        from ita_xl.web.app import Limits, create_app, refusal_page
        from ita_xl.web.guard import Guard
        from ita_xl.web.store import Store
    except ImportError:
        raise UsageError(*MISSING_EXTRA) from None
    mb = max_upload_mb or _env_int("ITA_XL_WEB_MAX_UPLOAD_MB", 100)
    limits = Limits(max_bytes=mb << 20, max_files=_env_int("ITA_XL_WEB_MAX_FILES", 300))
    store = Store(ttl=_env_int("ITA_XL_WEB_KEEP_MINUTES", 15) * 60)
    guard = Guard()
    app = create_app(store, guard, limits)
    try:
        # waitress refuses a body over the limit as soon as its length is known, before reading it: with the page's
        # own message (its channel class is waitress's documented way in).
        server = create_server(
            app,
            host=HOST,
            port=port,
            threads=4,
            max_request_body_size=limits.max_bytes,
            clear_untrusted_proxy_headers=True,
            ident="ita-xl",
        )
        server.channel_class = _channel_class(refusal_page(app, "too_large", mb=limits.mb))
    except OSError as exc:
        store.close()
        raise PortTaken(
            f"เปิดหน้าเว็บที่พอร์ต {port} ไม่ได้ ({exc.strerror}); พอร์ตนี้อาจถูกใช้อยู่ ใช้ --port หมายเลขอื่น เช่น {port + 1}",
            f"cannot serve on port {port} ({exc.strerror}); it may be in use: choose another with --port, e.g. {port + 1}",
        ) from None
    guard.port = server.effective_port
    server.store = store
    return server


class PortTaken(UsageError):
    """The port is in use (by another program, or by a page of ita-xl already running)."""


def running_page(port: int, timeout: float = 2.0) -> str | None:
    """Return the address of an ita-xl page already answering on ``port`` of this computer, else None."""
    import urllib.request

    url = f"http://{HOST}:{port}/"
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return url if response.headers.get("Server", "").startswith("ita-xl") else None
    except (OSError, ValueError):
        return None


def _channel_class(page: bytes) -> Any:
    """Return waitress's connection class answering a body over the limit with ``page`` (HTML) instead of text."""
    from waitress.channel import HTTPChannel
    from waitress.task import ErrorTask

    class PageErrorTask(ErrorTask):  # type: ignore[misc]
        def execute(self) -> None:
            if getattr(self.request.error, "code", None) != 413:
                super().execute()
                return
            self.status = "413 Request Entity Too Large"
            self.response_headers.append(("Content-Type", "text/html; charset=utf-8"))
            self.set_close_on_finish()
            self.content_length = len(page)
            self.write(page)

    class PageChannel(HTTPChannel):  # type: ignore[misc]
        error_task_class = PageErrorTask

    return PageChannel


def address(server: Any) -> str:
    """Return the page's address."""
    return f"http://{HOST}:{server.effective_port}/"


def close_server(server: Any) -> None:
    """Stop the server and remove every upload and result it kept."""
    try:
        server.close()
    finally:
        server.store.close()


def serve(port: int = DEFAULT_PORT, open_browser: bool = True, echo: Callable[[str], None] = print, **kw: Any) -> None:
    """Serve the page until Ctrl+C (or a stop signal), opening the browser on it first unless told not to."""
    try:
        server = make_server(port, **kw)
    except PortTaken:
        # A second double-click of ita-xl-web.bat: the page is already running, so open it rather than fail.
        url_running = running_page(port)
        if url_running is None:
            raise
        echo(f"หน้าเว็บของ ita-xl เปิดอยู่แล้วที่ {url_running} จึงเปิดหน้านั้นในเบราว์เซอร์")
        echo(f"the ita-xl page is already running at {url_running}; opening it in the browser")
        if open_browser:
            webbrowser.open(url_running)
        return
    url = address(server)
    echo(f"หน้าเว็บของ ita-xl: {url}  (เปิดในเบราว์เซอร์; กด Ctrl+C เพื่อหยุด)")
    echo(f"ita-xl page: {url}  (open it in a browser; press Ctrl+C to stop)")

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    try:
        server.run()
    except KeyboardInterrupt:
        echo("หยุดแล้ว ลบไฟล์ชั่วคราวทั้งหมดแล้ว / stopped, temporary files removed")
    finally:
        close_server(server)
