"""Atomic output files: write beside the target, rename into place, leave nothing behind on error."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ita_xl.errors import ItaError, OutputError, Where


def same_file(a: Path, b: Path) -> bool:
    """Return True when ``a`` and ``b`` name the same file (or would, once ``b`` exists)."""
    try:
        same = os.path.normcase(a.resolve()) == os.path.normcase(b.resolve())  # Windows: Out.xlsx is out.xlsx
        return same or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def disk_full(where: Path) -> OutputError:
    """Return the error of a full disk while writing ``where``."""
    return OutputError(
        "พื้นที่ดิสก์เต็ม จึงเขียนไฟล์ไม่สำเร็จ และไม่ได้เขียนไฟล์ใดค้างไว้; ลบไฟล์ที่ไม่ใช้ หรือเลือกโฟลเดอร์อื่นด้วย -o แล้วลองอีกครั้ง",
        "the disk is full, so the file was not written (nothing half-written is left); free some space, "
        "or choose another folder with -o, and try again",
        Where(str(where)),
    )


def _temporary(target: Path, protect: tuple[Path, ...]) -> Path:
    """Return a new empty temporary file beside ``target``; raise OutputError for an input or an unwritable folder."""
    for p in protect:
        if same_file(p, target):
            raise OutputError(
                "ไฟล์ผลลัพธ์ชื่อเดียวกับไฟล์ต้นฉบับ จะไม่เขียนทับไฟล์ต้นฉบับ; ใช้ -o เพื่อเลือกโฟลเดอร์อื่น",
                "the output would overwrite the input; ita-xl never writes over an input: choose another folder with -o",
                Where(str(target)),
            )
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # A short name: never longer than the target's, so a legal long file name cannot fail on its temporary.
        fd, tmp_name = tempfile.mkstemp(prefix=".ita-", suffix=".tmp", dir=folder)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise disk_full(folder) from None
        raise OutputError(
            f"เขียนไฟล์ในโฟลเดอร์นี้ไม่ได้ ({exc.strerror}); เลือกโฟลเดอร์อื่นด้วย -o",
            f"cannot write in this folder ({exc.strerror}); choose another folder with -o",
            Where(str(folder)),
        ) from None
    os.close(fd)
    tmp = Path(tmp_name)
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
    return tmp


def _replace(tmp: Path, target: Path) -> None:
    """Move ``tmp`` onto ``target``; raise OutputError saying why it could not."""
    try:
        os.replace(tmp, target)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise OutputError(
                "ชื่อไฟล์ผลลัพธ์ยาวเกินกว่าที่ระบบไฟล์รับได้; ตั้งชื่อไฟล์ต้นฉบับให้สั้นลง แล้วลองอีกครั้ง",
                "the output file name is longer than the file system allows; give the input a shorter name "
                "and try again",
                Where(str(target)),
            ) from None
        raise OutputError(
            f"แทนที่ไฟล์ผลลัพธ์ไม่ได้ ({exc.strerror}); ไฟล์อาจเปิดค้างอยู่ในโปรแกรมอื่น ให้ปิดไฟล์แล้วลองอีกครั้ง",
            f"cannot replace the output file ({exc.strerror}); it may be open in another program: close it and try again",
            Where(str(target)),
        ) from None


@contextlib.contextmanager
def atomic_output(target: Path, protect: tuple[Path, ...] = ()) -> Iterator[Path]:
    """Yield a temporary path in ``target``'s folder; on success move it onto ``target``.

    On any exception the temporary file is removed and ``target`` is left as it was. Raises
    OutputError when ``target`` is one of ``protect`` (the inputs), its folder is not writable, or the disk is full.
    """
    with staged_outputs(protect) as stage:
        yield stage.path(target)


class Stage:
    """Temporary files for several targets, moved into place together (see staged_outputs)."""

    def __init__(self, protect: tuple[Path, ...]) -> None:
        self.protect = protect
        self.pending: list[tuple[Path, Path]] = []  # (temporary, target) in the order asked for
        self.written: list[Path] = []  # targets already replaced

    def name_targets(self, where: Where) -> None:
        """Make ``where`` name the target instead of its temporary (whatever suffix the writer gave it)."""
        named = Path(where.file) if where.file else None
        for tmp, target in self.pending:
            if named is not None and named.with_suffix("") == tmp.with_suffix(""):
                where.file = str(target.with_suffix(named.suffix))

    def path(self, target: Path) -> Path:
        """Return a temporary path that will replace ``target`` when the stage commits."""
        with _signals_held():  # a Ctrl+C or SIGTERM between creating and recording it would leave it behind
            tmp = _temporary(target, self.protect)
            self.pending.append((tmp, target))
        return tmp


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM (where the system can) until the block ends; they are delivered then."""
    held = {signal.SIGINT, signal.SIGTERM}
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:
        yield
        return
    old = mask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, old)


@contextlib.contextmanager
def staged_outputs(protect: tuple[Path, ...] = ()) -> Iterator[Stage]:
    """Yield a Stage; when the block ends without error, move each temporary onto its target in order.

    On any exception every temporary is removed and no target changes. Should replacing one fail (a file open in
    another program), the OutputError says which, and ``Stage.written`` names the targets replaced before it.
    """
    stage = Stage(protect)
    try:
        try:
            yield stage
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise disk_full(stage.pending[-1][1] if stage.pending else Path(".")) from None
            raise
        except ItaError as exc:
            stage.name_targets(exc.where)
            raise
        for tmp, target in stage.pending:
            _replace(tmp, target)
            stage.written.append(target)
    finally:
        for tmp, _ in stage.pending:
            with contextlib.suppress(OSError):
                tmp.unlink()
