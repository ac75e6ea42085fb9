"""The review app: FastAPI pages (Jinja2) and a JSON API under ``/api``.

:func:`create_app` builds it for one database; ``detente serve`` runs it with
uvicorn.  Pages and API share :mod:`detente.web.views` and the review
actions of :mod:`detente.review`.
"""

from __future__ import annotations

import csv
import getpass
import io
import json
import secrets
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from detente import __version__
from detente.records import ISSUES, KINDS
from detente.review import (
    EDITABLE,
    ConflictError,
    NotFoundError,
    ReviewError,
    add_claim,
    history,
    move_report,
    redate_report,
    review_claim,
)
from detente.store import CLAIM_FIELDS, Store
from detente.web import views
from detente.web.security import AUTH_COOKIE, Guard, auth_value, csrf_of

#: Rows shown per page of the claims list (exports carry all).
PAGE = 100


class ReviewBody(BaseModel):
    """Confirm, reject or edit one claim."""

    action: str = Field(description="confirm, reject or edit")
    version: int = Field(description="the review_version the reviewer saw (0 if unreviewed)")
    changes: dict[str, Any] = Field(
        default_factory=dict, description=f"fields: {', '.join(EDITABLE)}"
    )
    reviewer: str | None = None


class AddBody(BaseModel):
    """A stance the extractor missed, at text[start:end]."""

    start: int
    end: int
    actor: str
    kind: str
    issue: str
    places: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    target: str | None = None
    speaker: str | None = None
    date: str | None = None
    conditional: bool = False
    hedged: bool = False
    negated: bool = False
    denied: bool = False
    reviewer: str | None = None


class DateBody(BaseModel):
    """A new publication date for a report."""

    published: str
    reviewer: str | None = None


class MoveBody(BaseModel):
    """Move a report to another negotiation."""

    negotiation: str
    reviewer: str | None = None


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("detente.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["tojson_attr"] = lambda v: json.dumps(v, ensure_ascii=False)
    env.filters["fromjson"] = json.loads
    return env


def _parse_date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name} must be YYYY-MM-DD, not {value!r}") from None


def _tristate(value: str | None, name: str) -> bool | None:
    if value in (None, "", "any"):
        return None
    if value in ("yes", "true", "1"):
        return True
    if value in ("no", "false", "0"):
        return False
    raise HTTPException(400, f"{name} must be yes or no")


def _filter_from(request: Request) -> views.ClaimFilter:
    p = request.query_params
    conf = p.get("confidence") or None
    try:
        min_conf = float(conf) if conf else None
    except ValueError:
        raise HTTPException(400, "confidence must be a number between 0 and 1") from None
    report = p.get("report") or None
    return views.ClaimFilter(
        negotiation=p.get("negotiation") or None,
        actor=[a for a in p.getlist("actor") if a],
        kind=[k for k in p.getlist("kind") if k],
        issue=[i for i in p.getlist("issue") if i],
        since=_parse_date(p.get("since"), "since"),
        until=_parse_date(p.get("until"), "until"),
        denied=_tristate(p.get("denied"), "denied"),
        min_confidence=min_conf,
        reviewed=_tristate(p.get("reviewed"), "reviewed"),
        q=p.get("q", "")[:200],
        text=p.get("text", "")[:200],
        report=int(report) if report and report.isdigit() else None,
    )


def create_app(
    db: str | Path,
    *,
    token: str | None = None,
    reviewer: str | None = None,
    forecast_runs: int = 100,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The app over the database *db*; *token* makes it ask for a login.

    *allowed_hosts* limits the ``Host`` header the app answers (against DNS
    rebinding when it is served on the loopback address without a token).
    """
    store = Store.open(db, create=False)
    guard = Guard(token, secrets.token_hex(16))
    default_reviewer = reviewer or getpass.getuser()
    env = _env()
    app = FastAPI(
        title="detente review",
        version=__version__,
        description="Read, search and review the evidence behind detente's stances.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.add_middleware(BaseHTTPMiddleware, dispatch=guard)
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    static = resources.files("detente.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    def who(name: str | None) -> str:
        return (name or "").strip() or default_reviewer

    def page(request: Request, template: str, **ctx: Any) -> HTMLResponse:
        html = env.get_template(template).render(
            csrf=csrf_of(request),
            reviewer=default_reviewer,
            version=__version__,
            kinds=KINDS,
            issues=ISSUES,
            counts=views.counts(store),
            path=request.url.path,
            **ctx,
        )
        return HTMLResponse(html)

    # -- pages ------------------------------------------------------------------------

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request, failed: int = 0) -> HTMLResponse:
        if token is None:
            return RedirectResponse("/", status_code=303)  # type: ignore[return-value]
        return page(request, "login.html.j2", failed=bool(failed))

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = getattr(request.state, "form", None)
        if form is None:
            form = {k: str(v) for k, v in (await request.form()).items()}
        if not guard.check_token(form.get("token", "")):
            return RedirectResponse("/login?failed=1", status_code=303)
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(
            AUTH_COOKIE, auth_value(token or "", guard.secret), httponly=True, samesite="strict"
        )
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        return page(request, "index.html.j2", negotiations=views.negotiation_list(store))

    @app.get("/all", response_class=HTMLResponse, include_in_schema=False)
    def all_reports(request: Request) -> HTMLResponse:
        view = views.negotiation_view(store, None, runs=forecast_runs)
        return page(request, "negotiation.html.j2", v=view)

    @app.get("/n/{slug}", response_class=HTMLResponse, include_in_schema=False)
    def negotiation_page(request: Request, slug: str) -> HTMLResponse:
        view = views.negotiation_view(store, slug, runs=forecast_runs)
        if view is None:
            raise HTTPException(404, f"no negotiation {slug!r}")
        return page(request, "negotiation.html.j2", v=view)

    @app.get("/reports", response_class=HTMLResponse, include_in_schema=False)
    def reports_page(request: Request, negotiation: str = "", q: str = "") -> HTMLResponse:
        rows = views.report_rows(store, negotiation=negotiation or None, q=q)
        return page(
            request,
            "reports.html.j2",
            rows=rows,
            negotiation=negotiation,
            q=q,
            negotiations=views.negotiation_list(store),
        )

    @app.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
    def reader_page(request: Request, report_id: int) -> HTMLResponse:
        data = views.reader(store, report_id)
        if data is None:
            raise HTTPException(404, f"no report {report_id}")
        actors = sorted({a["id"] for a in store.actors()})
        return page(
            request,
            "reader.html.j2",
            r=data,
            actors=actors,
            negotiations=views.negotiation_list(store),
        )

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(request: Request, offset: int = 0) -> HTMLResponse:
        f = _filter_from(request)
        offset = max(0, offset)
        rows, total = views.claim_page(store, f, offset=offset, limit=PAGE)
        query = str(request.url.query)
        export = "&".join(kv for kv in query.split("&") if kv and not kv.startswith("offset="))
        return page(
            request,
            "claims.html.j2",
            rows=rows,
            total=total,
            offset=offset,
            step=PAGE,
            f=f,
            export=export,
            negotiations=views.negotiation_list(store),
        )

    @app.get("/reviews", response_class=HTMLResponse, include_in_schema=False)
    def reviews_page(request: Request) -> HTMLResponse:
        return page(request, "reviews.html.j2", rows=history(store, limit=500))

    # -- API --------------------------------------------------------------------------

    api = APIRouter(prefix="/api")

    @api.get("/session")
    def session(request: Request) -> dict[str, Any]:
        """The CSRF token to send as ``X-CSRF-Token`` on every POST, and the default reviewer."""
        return {"csrf": csrf_of(request), "reviewer": default_reviewer}

    @api.get("/negotiations")
    def api_negotiations() -> list[dict[str, Any]]:
        """Negotiations with their report counts."""
        return views.negotiation_list(store)

    @api.get("/negotiations/{slug}")
    def api_negotiation(slug: str) -> dict[str, Any]:
        """Where each party stands now in negotiation *slug*, and its changes."""
        view = views.negotiation_view(store, slug, runs=-1)
        if view is None:
            raise HTTPException(404, f"no negotiation {slug!r}")
        pic = view["picture"]
        return {
            "negotiation": view["meta"],
            "standing": view["standing"],
            "positions": [p.to_dict() for p in pic.positions],
            "changes": [c.to_dict() for c in pic.changes],
        }

    @api.get("/reports")
    def api_reports(negotiation: str = "", q: str = "") -> list[dict[str, Any]]:
        """Reports (without text), optionally of one negotiation or matching a search."""
        return views.report_rows(store, negotiation=negotiation or None, q=q)

    @api.get("/reports/{report_id}")
    def api_report(report_id: int) -> dict[str, Any]:
        """A report with its text, effective claims (rejected flagged), facts, events,
        orphaned reviews and review history."""
        data = views.reader(store, report_id)
        if data is None:
            raise HTTPException(404, f"no report {report_id}")
        data.pop("html")
        return data

    @api.get("/claims")
    def api_claims(
        request: Request,
        format: str = Query("json", pattern="^(json|csv)$"),
        negotiation: str | None = None,
        actor: Annotated[list[str] | None, Query()] = None,
        kind: Annotated[list[str] | None, Query()] = None,
        issue: Annotated[list[str] | None, Query()] = None,
        since: str | None = None,
        until: str | None = None,
        denied: str | None = Query(None, pattern="^(yes|no|any)?$"),
        confidence: float | None = None,
        reviewed: str | None = Query(None, pattern="^(yes|no|any)?$"),
        q: str = "",
        text: str = "",
    ) -> Response:
        """The effective claims matching the filters, as JSON or CSV (all rows).

        *q* searches the quotes, *text* the text of the claims' reports.
        """
        rows = views.filtered_claims(store, _filter_from(request))
        if format == "csv":
            buf = io.StringIO()
            w = csv.DictWriter(
                buf, fieldnames=list(CLAIM_FIELDS), lineterminator="\n", extrasaction="ignore"
            )
            w.writeheader()
            for r in rows:
                w.writerow({k: _csv(r.get(k)) for k in CLAIM_FIELDS})
            return Response(
                buf.getvalue(),
                media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": 'attachment; filename="claims.csv"'},
            )
        return JSONResponse([{k: r.get(k) for k in CLAIM_FIELDS} for r in rows])

    @api.get("/claims/{claim_id}")
    def api_claim(claim_id: int) -> dict[str, Any]:
        """One effective claim (a negative id is a stance a reviewer added)."""
        from detente.review.overlay import effective_claims

        rid = _report_of(claim_id)
        for c in effective_claims(store, report_id=rid, keep_rejected=True):
            if int(c["id"]) == claim_id:
                return c
        raise HTTPException(404, f"no claim {claim_id}")

    def _report_of(claim_id: int) -> int:
        import sqlalchemy as sa

        from detente.store.schema import claims, review_items

        with store.engine.connect() as conn:
            if claim_id < 0:
                q = sa.select(review_items.c.report_id).where(review_items.c.id == -claim_id)
            else:
                q = sa.select(claims.c.report_id).where(claims.c.id == claim_id)
            rid = conn.execute(q).scalar()
        if rid is None:
            raise HTTPException(404, f"no claim {claim_id}")
        return int(rid)

    @api.post("/claims/{claim_id}/review")
    def api_review(claim_id: int, body: ReviewBody) -> dict[str, Any]:
        """Confirm, reject or edit a claim; 409 when someone else changed it meanwhile."""
        return _act(
            lambda: review_claim(
                store,
                claim_id,
                body.action,
                reviewer=who(body.reviewer),
                version=body.version,
                changes=body.changes,
            )
        )

    @api.post("/reports/{report_id}/claims", status_code=201)
    def api_add(report_id: int, body: AddBody) -> dict[str, Any]:
        """Add a stance the extractor missed at text[start:end] of the report."""
        fields = body.model_dump(exclude={"start", "end", "reviewer"})
        return _act(
            lambda: add_claim(
                store, report_id, body.start, body.end, fields, reviewer=who(body.reviewer)
            )
        )

    @api.post("/reports/{report_id}/date")
    def api_redate(report_id: int, body: DateBody) -> dict[str, Any]:
        """Re-date a report (its undated stances follow)."""
        return _act(
            lambda: redate_report(store, report_id, body.published, reviewer=who(body.reviewer))
        )

    @api.post("/reports/{report_id}/negotiation")
    def api_move(report_id: int, body: MoveBody) -> dict[str, Any]:
        """Move a report to another negotiation."""
        return _act(
            lambda: move_report(store, report_id, body.negotiation, reviewer=who(body.reviewer))
        )

    @api.get("/reviews")
    def api_reviews(
        report: int | None = None, limit: int = Query(200, ge=1, le=5000)
    ) -> list[dict[str, Any]]:
        """The audit trail of review actions, newest first."""
        return history(store, report_id=report, limit=limit)

    app.include_router(api)
    return app


def _act(fn: Any) -> Any:
    try:
        return fn()
    except ConflictError as exc:
        raise HTTPException(409, f"conflict: {exc}") from None
    except NotFoundError as exc:
        raise HTTPException(404, str(exc)) from None
    except ReviewError as exc:
        raise HTTPException(400, str(exc)) from None


def _csv(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value
