"""The real server: 127.0.0.1 only, its own 413 for an oversize body, a clean stop, a clear word without the extra."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("waitress")

import contextlib

from click.testing import CliRunner

from ita_xl.cli import cli
from ita_xl.web.server import address, close_server, make_server


@pytest.fixture
def server() -> Iterator[Any]:
    srv = make_server(0, max_upload_mb=1)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    yield srv
    # Stop the loop from inside its own thread (closing its sockets from here would break the select() it waits in).
    srv.trigger.pull_trigger(lambda: srv.asyncore.close_all(srv._map))
    thread.join(5)
    close_server(srv)


def other_addresses() -> list[str]:
    """Return this machine's IPv4 addresses that are not loopback (those a neighbour could reach)."""
    found = set()
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
            found.add(s.getsockname()[0])
    except OSError:
        pass
    with contextlib.suppress(OSError):
        found.update(socket.gethostbyname_ex(socket.gethostname())[2])
    return sorted(a for a in found if not a.startswith("127."))


def test_the_server_listens_on_loopback_only(server: Any) -> None:
    assert server.socket.getsockname()[0] == "127.0.0.1"
    assert address(server).startswith("http://127.0.0.1:")
    port = server.effective_port
    for other in other_addresses():
        with pytest.raises(OSError), socket.create_connection((other, port), timeout=2):
            pass


def test_an_oversize_body_gets_413_naming_the_limit_before_it_is_read(server: Any) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=10)
    conn.putrequest("POST", "/office")
    conn.putheader("Content-Type", "multipart/form-data; boundary=x")
    conn.putheader("Content-Length", str(50 << 20))
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 413
    text = response.read().decode()
    assert "ไม่เกิน 1 MB" in text and '<html lang="th">' in text
    conn.close()


def test_a_request_naming_another_host_is_refused(server: Any) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=10)
    conn.request("GET", "/", headers={"Host": "rebound.example:80"})
    assert conn.getresponse().status == 403
    conn.close()
    conn = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=10)
    conn.request("GET", "/")
    assert conn.getresponse().status == 200
    conn.close()


def test_serve_prints_its_address_and_removes_its_files_when_stopped(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ita_xl", "serve", "--port", "0", "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert found, line
        assert "หน้าเว็บของ ita-xl" in line
        conn = http.client.HTTPConnection("127.0.0.1", int(found.group(1)), timeout=10)
        conn.request("GET", "/")
        assert conn.getresponse().status == 200
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith("ita-xl-web-")]
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 0, out
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("ita-xl-web-")]


def test_a_port_taken_by_another_program_is_a_clear_message() -> None:
    import socket

    with socket.socket() as other:  # another program's port: it answers nothing like ita-xl
        other.bind(("127.0.0.1", 0))
        other.listen()
        result = CliRunner().invoke(cli, ["serve", "--port", str(other.getsockname()[1]), "--no-browser"])
    assert result.exit_code == 2
    assert "ใช้ --port หมายเลขอื่น" in result.output


def test_serve_without_the_web_extra_says_how_to_add_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "waitress.server", None)
    result = CliRunner().invoke(cli, ["serve", "--no-browser"])
    assert result.exit_code == 2
    assert 'pip install "ita-xl[web]"' in result.output
    result = CliRunner().invoke(cli, ["serve", "--no-browser", "--lang", "en"])
    assert "the web page of ita-xl is not installed" in result.output


def test_a_second_start_opens_the_page_already_running(server: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second double-click of ita-xl-web.bat finds the page running: it opens it instead of failing."""
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url))
    result = CliRunner().invoke(cli, ["serve", "--port", str(server.effective_port)])
    assert result.exit_code == 0, result.output
    assert f"เปิดอยู่แล้วที่ http://127.0.0.1:{server.effective_port}/" in result.output
    assert opened == [f"http://127.0.0.1:{server.effective_port}/"]
