"""Where the page keeps uploads and results: one temporary folder per job, removed when done, expired or stopped."""

from __future__ import annotations

import contextlib
import re
import secrets
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

JOB_ID = re.compile(r"^[A-Za-z0-9_-]{20,40}$")
PREFIX = "ita-xl-web-"


def _lock(handle: IO[bytes]) -> bool:
    """Return True when this process now holds the lock of ``handle``'s file (False: another process holds it)."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def remove_stale(parent: Path | None = None) -> list[Path]:
    """Remove the folders left by page servers that did not stop cleanly (a closed window); return them.

    A running server holds the lock of its folder's ``.lock`` file, so only the folders of ended servers go.
    """
    removed = []
    for folder in Path(parent or tempfile.gettempdir()).glob(PREFIX + "*"):
        lock = folder / ".lock"
        if not lock.is_file():
            continue
        with contextlib.suppress(OSError), lock.open("r+b") as handle:
            if not _lock(handle):
                continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


@dataclass
class Job:
    """One upload and what came of it: ``inbox`` holds the uploads (removed once read), ``outbox`` the results."""

    id: str
    folder: Path
    kind: str  # "office" or "rollup"
    view: Any = None
    last_seen: float = field(default_factory=time.monotonic)

    @property
    def inbox(self) -> Path:
        return self.folder / "in"

    @property
    def outbox(self) -> Path:
        return self.folder / "out"

    def clear_inbox(self) -> None:
        """Remove the uploaded files: once read, nothing of them is kept."""
        shutil.rmtree(self.inbox, ignore_errors=True)


class Store:
    """The jobs of one server run, under one temporary folder that ``close`` removes with everything in it.

    A job not seen for ``ttl`` seconds (the results page asks to keep it while it is open) is removed by ``sweep``.
    """

    def __init__(self, ttl: float = 15 * 60, parent: Path | None = None) -> None:
        self.ttl = ttl
        remove_stale(parent)
        self.root = Path(tempfile.mkdtemp(prefix=PREFIX, dir=parent))
        self._held = (self.root / ".lock").open("w+b")
        _lock(self._held)
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def new(self, kind: str) -> Job:
        """Return a new job with its own empty folders; its id is random and unguessable."""
        self.sweep()
        job_id = secrets.token_urlsafe(18)
        folder = self.root / job_id
        (folder / "in").mkdir(parents=True)
        (folder / "out").mkdir()
        job = Job(job_id, folder, kind)
        with self._lock:
            self._jobs[job_id] = job
        return job

    def get(self, job_id: str, kind: str | None = None) -> Job | None:
        """Return the job ``job_id`` (of ``kind``), marked as just seen, or None when there is none (any more)."""
        self.sweep()
        if not JOB_ID.match(job_id):
            return None
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None or (kind is not None and job.kind != kind):
                return None
            job.last_seen = time.monotonic()
            return job

    def remove(self, job_id: str) -> None:
        """Forget a job and remove its folder."""
        with self._lock:
            job = self._jobs.pop(job_id, None)
        if job is not None:
            shutil.rmtree(job.folder, ignore_errors=True)

    def sweep(self) -> None:
        """Remove the jobs not seen for longer than the time to keep them."""
        now = time.monotonic()
        with self._lock:
            old = [j for j in self._jobs.values() if now - j.last_seen > self.ttl]
        for job in old:
            self.remove(job.id)

    def close(self) -> None:
        """Remove every job and the store's folder."""
        with self._lock:
            self._jobs.clear()
        self._held.close()  # Windows removes no file that is open
        shutil.rmtree(self.root, ignore_errors=True)
