"""Save uploaded files under names of our own (the user's name is kept only to show), and unpack zips safely."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Protocol

from ita_xl.web.work import Upload

WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")  # an old .xls or an .ods gets the reader's own message on what to do
_UNSHOWN = re.compile(r"[\x00-\x1f\x7f]")


class FileLike(Protocol):
    """What is needed of an uploaded file (werkzeug's FileStorage has it)."""

    @property
    def filename(self) -> str | None: ...

    @property
    def stream(self) -> IO[bytes]: ...


class UploadError(Exception):
    """An upload that cannot be used: ``key`` names the page's message, ``values`` fill it, ``status`` is HTTP's."""

    def __init__(self, key: str, status: int = 400, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.status = status
        self.values = values


def display_name(filename: str | None) -> str:
    """Return the last part of an uploaded file's name, without control characters, for showing only."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = _UNSHOWN.sub("", name).strip()[:150]
    return name or "file"


class Saver:
    """Saves one request's files into ``folder`` as 0001.xlsx, 0002.toml, …, counting them against ``max_files``."""

    def __init__(self, folder: Path, max_files: int, max_unpacked: int) -> None:
        self.folder = folder
        self.max_files = max_files
        self.max_unpacked = max_unpacked  # bytes a zip may unpack to
        self.count = 0

    def _next(self, suffix: str) -> Path:
        self.count += 1
        if self.count > self.max_files:
            raise UploadError("too_many", 413, files=self.max_files)
        return self.folder / f"{self.count:04d}{suffix}"

    def save(self, item: FileLike, kinds: tuple[str, ...], field: str) -> Upload:
        """Return the upload saved under a name of our own; raise UploadError when its kind is not one of ``kinds``."""
        name = display_name(item.filename)
        suffix = Path(name).suffix.lower()
        if suffix not in kinds:
            raise UploadError("wrong_kind", name=name, field=field, kinds=" ".join(kinds))
        path = self._next(suffix)
        with path.open("wb") as out:
            shutil.copyfileobj(item.stream, out, 1 << 20)
        return Upload(path, name)

    def save_many(self, items: Iterable[FileLike], field: str) -> list[Upload]:
        """Return the workbooks (.xlsx, .json results) of ``items``, each zip among them unpacked."""
        saved: list[Upload] = []
        for item in items:
            name = display_name(item.filename)
            if name.lower().endswith(".zip"):
                archive = self.save(item, (".zip",), field)
                saved.extend(self.unzip(archive))
                archive.path.unlink()
            else:
                saved.append(self.save(item, (*WORKBOOKS, ".json", ".zip"), field))
        return saved

    def unzip(self, archive: Upload) -> list[Upload]:
        """Return the workbooks inside a zip, copied out under names of our own, never more than the limits allow."""
        try:
            with zipfile.ZipFile(archive.path) as zf:
                members = [i for i in zf.infolist() if _wanted(i)]
                if sum(i.file_size for i in members) > self.max_unpacked:
                    raise UploadError("zip_too_large", 413, name=archive.name, mb=self.max_unpacked >> 20)
                out: list[Upload] = []
                budget = self.max_unpacked
                for info in members:
                    path = self._next(Path(info.filename).suffix.lower())
                    with zf.open(info) as src, path.open("wb") as dst:
                        while chunk := src.read(1 << 20):
                            budget -= len(chunk)  # the sizes a zip declares can lie: count what comes out
                            if budget < 0:
                                raise UploadError("zip_too_large", 413, name=archive.name, mb=self.max_unpacked >> 20)
                            dst.write(chunk)
                    out.append(Upload(path, display_name(info.filename)))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError):
            raise UploadError("bad_zip", name=archive.name) from None
        if not out:
            raise UploadError("bad_zip", name=archive.name)
        return out


def _wanted(info: zipfile.ZipInfo) -> bool:
    """Return True for a workbook or JSON result in a zip (not a folder, Excel lock file, Mac extra or our output)."""
    if info.is_dir() or "__MACOSX" in info.filename:
        return False
    name = display_name(info.filename)
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    return suffix in (*WORKBOOKS, ".json") and not name.startswith(("~$", ".")) and not stem.endswith("-analysis")
