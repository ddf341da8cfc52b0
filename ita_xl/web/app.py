"""The page's routes (Flask): forms in, results and downloads out; every error a page in the user's language."""

from __future__ import annotations

import io
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask, abort, g, redirect, render_template, request, send_file, url_for
from markupsafe import Markup
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.wrappers import Response

from ita_xl.errors import ItaError
from ita_xl.web.chart import bar_chart
from ita_xl.web.guard import Guard
from ita_xl.web.store import Job, Store
from ita_xl.web.uploads import WORKBOOKS, Saver, UploadError
from ita_xl.web.words import LANGS, hint, word
from ita_xl.web.work import OfficeRequest, OfficeView, analyse_office, rollup_offices

log = logging.getLogger("ita_xl.web")
LANG_COOKIE = "ita_xl_lang"


@dataclass
class Limits:
    """What one request may send: bytes in all, files, and bytes a zip may unpack to."""

    max_bytes: int = 100 << 20
    max_files: int = 300
    max_unpacked: int = 1 << 30

    @property
    def mb(self) -> int:
        return self.max_bytes >> 20


def create_app(store: Store, guard: Guard, limits: Limits | None = None, pdf_available: bool | None = None) -> Flask:
    """Return the page's application, keeping its jobs in ``store`` and judging requests with ``guard``."""
    limits = limits or Limits()
    if pdf_available is None:
        from ita_xl.word.pdf import find_soffice

        pdf_available = find_soffice() is not None
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=limits.max_bytes, MAX_FORM_PARTS=limits.max_files + 50)

    def lang() -> str:
        return str(g.get("lang", "th"))

    def fail(key: str, status: int, **values: Any) -> tuple[str, int]:
        return render_template("error.html", message=word(key, lang(), **values)), status

    @app.before_request
    def judge() -> Any:
        g.lang = request.cookies.get(LANG_COOKIE) if request.cookies.get(LANG_COOKIE) in LANGS else "th"
        if not guard.host_ok(request.host):
            return fail("foreign", 403)
        if request.method == "POST":
            if not guard.origin_ok(dict(request.headers)):
                return fail("foreign", 403)
            if request.content_length is not None and request.content_length > limits.max_bytes:
                return fail("too_large", 413, mb=limits.mb)
            sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf")
            if not guard.token_ok(sent):
                return fail("csrf", 403)
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.context_processor
    def helpers() -> dict[str, Any]:
        return {
            "lang": lang(),
            "t": lambda key, **values: word(key, lang(), **values),
            "hint": lambda code: hint(code, lang()),
            "csrf": guard.token,
            "limits": limits,
            "pdf_available": pdf_available,
            "minutes": int(store.ttl // 60),
        }

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(exc: Exception) -> tuple[str, int]:
        return fail("too_large", 413, mb=limits.mb)

    @app.errorhandler(UploadError)
    def bad_upload(exc: UploadError) -> tuple[str, int]:
        return fail(exc.key, exc.status, **exc.values)

    @app.errorhandler(ItaError)
    def ita_error(exc: ItaError) -> tuple[str, int]:
        return render_template("error.html", message=exc.message(lang())), 400

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> tuple[str, int]:
        key = {404: "not_found", 410: "gone"}.get(exc.code or 400, "bad_request")
        return fail(key, exc.code or 400)

    @app.errorhandler(Exception)
    def internal(exc: Exception) -> tuple[str, int]:
        log.exception("internal error")  # the traceback goes to the program's window, never to the page
        return fail("internal", 500, what=type(exc).__name__)

    @app.get("/")
    def index() -> str:
        from ita_xl import framework as fwmod

        years = [(y, fwmod.load(year=y).provisional is not None) for y in fwmod.available_years()]
        return render_template("index.html", years=years, default_year=fwmod.default_year())

    @app.get("/lang/<code>")
    def switch(code: str) -> Response:
        back = request.args.get("next", "/")
        if not back.startswith("/") or back.startswith("//"):
            back = "/"
        response = redirect(back, 303)
        if code in LANGS:
            response.set_cookie(LANG_COOKIE, code, samesite="Strict", httponly=True, max_age=3600 * 24 * 365)
        return response

    @app.post("/template")
    def template() -> Response:
        from ita_xl import framework as fwmod
        from ita_xl.excel.template import write_template

        year = _year(request.form.get("year"))
        fw = fwmod.load(year=year)
        office = request.form.get("office", "").strip()[:200] or None
        with tempfile.TemporaryDirectory(dir=store.root) as tmp:
            path = Path(tmp) / "template.xlsx"
            write_template(fw, path, office=office)
            data = path.read_bytes()
        return send_file(
            io.BytesIO(data),
            mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            as_attachment=True,
            download_name=f"ita-{fw.year}.xlsx",
        )

    @app.post("/office")
    def office() -> Response:
        files = [f for f in request.files.getlist("workbook") if f.filename]
        if not files:
            raise UploadError("no_file")
        job = store.new("office")
        try:
            saver = Saver(job.inbox, limits.max_files, limits.max_unpacked)
            field = word("workbook", lang())
            req = OfficeRequest(saver.save(files[0], WORKBOOKS, field))
            req.year = _year(request.form.get("year"))
            for name, kinds in (("framework", (".toml",)), ("text", (".toml",)), ("style", (".docx",))):
                item = request.files.get(name)
                if item is not None and item.filename:
                    setattr(req, name, saver.save(item, kinds, word(f"{name}_file", lang())))
            item = request.files.get("rollup")
            if item is not None and item.filename:
                req.rollup = saver.save(item, (".xlsx",), word("rollup_file", lang()))
            req.charts = request.form.get("charts") == "on"
            req.pdf = pdf_available and request.form.get("pdf") == "on"
            job.view = analyse_office(req, job.outbox)
        except BaseException:
            store.remove(job.id)
            raise
        finally:
            job.clear_inbox()
        return redirect(url_for("office_result", job_id=job.id), 303)

    @app.get("/office/<job_id>")
    def office_result(job_id: str) -> str:
        job = _job(job_id, "office")
        view: OfficeView = job.view
        chart = ""
        if view.indicators:
            bars = [(f"{r.code}. {r.name}", r.score, r.strength) for r in view.indicators]
            mark = view.strength_mark
            chart = bar_chart(bars, mark, word("chart_caption", lang(), mark=mark))
        return render_template("office.html", job=job, view=view, chart=Markup(chart))

    @app.post("/rollup")
    def rollup() -> Response:
        files = [f for f in request.files.getlist("workbooks") if f.filename]
        if not files:
            raise UploadError("no_file")
        job = store.new("rollup")
        try:
            saver = Saver(job.inbox, limits.max_files, limits.max_unpacked)
            inputs = saver.save_many(files, word("workbooks", lang()))
            year_text = (request.form.get("year") or "").strip()
            job.view = rollup_offices(
                inputs,
                job.outbox,
                charts=request.form.get("charts") == "on",
                name=(request.form.get("group_name") or "").strip(),
                year=int(year_text) if year_text.isdigit() else None,
            )
        except BaseException:
            store.remove(job.id)
            raise
        finally:
            job.clear_inbox()
        return redirect(url_for("rollup_result", job_id=job.id), 303)

    @app.get("/rollup/<job_id>")
    def rollup_result(job_id: str) -> str:
        job = _job(job_id, "rollup")
        return render_template("rollup.html", job=job, view=job.view)

    @app.get("/download/<job_id>/<key>")
    def download(job_id: str, key: str) -> Response:
        job = _job(job_id)
        for d in job.view.downloads:
            if d.key == key and d.path.is_file():
                return send_file(d.path, as_attachment=True, download_name=d.name)
        abort(410)

    @app.post("/keep/<job_id>")
    def keep(job_id: str) -> tuple[str, int]:
        _job(job_id)
        return "", 204

    @app.post("/forget/<job_id>")
    def forget(job_id: str) -> Response:
        store.remove(job_id)
        return redirect(url_for("index"), 303)

    def _job(job_id: str, kind: str | None = None) -> Job:
        job = store.get(job_id, kind)
        if job is None or job.view is None:
            abort(410)
        return job

    return app


def refusal_page(app: Flask, key: str, **values: Any) -> bytes:
    """Return the page's error page (in Thai) for a refusal made before the page sees the request."""
    with app.test_request_context("/"):
        g.lang = "th"
        return render_template("error.html", message=word(key, "th", **values)).encode()


def _year(value: str | None) -> int | None:
    """Return a fiscal year chosen in a form, or None for "as the workbook says"."""
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit():
        abort(400)
    return int(value)
