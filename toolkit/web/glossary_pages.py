"""The glossary pages: the search list (paged), a concept with its editor, and the form that
adds a concept. Saves run under the project state's lock and the file's write lock
(:func:`toolkit.web.saving.save_edit`); a file changed on disk since the form was loaded gives
the conflict page, and nothing is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from toolkit.glossary.files import glossary_files
from toolkit.glossary.model import GENDERS, LANGUAGES, PARTS_OF_SPEECH, STATUSES, Concept
from toolkit.glossary.search import search
from toolkit.web.concept_edit import prepare_edit
from toolkit.web.concept_new import check_new_concept, domain_file, prepare_new
from toolkit.web.forms import (
    NEW_CONCEPT_ROWS,
    FormError,
    FormState,
    blank_rows,
    form_state,
    read_edit,
    read_new_concept,
)
from toolkit.web.pages import check_csrf, read_form, render, require_editing, web_of
from toolkit.web.saving import ConflictError, EditError, file_digest, save_edit
from toolkit.web.security import FORM_FIELD
from toolkit.web.state import ProjectState
from toolkit.web.views import paginate

MAX_QUERY = 500
#: what every editor form offers to choose from
CHOICES = {"languages": LANGUAGES, "statuses": STATUSES, "parts_of_speech": PARTS_OF_SPEECH,
           "genders": GENDERS}  # fmt: skip
CHOICE_CONTEXT = {"choices": CHOICES, "languages": LANGUAGES}


def _page_number(request: Request) -> int:
    raw = request.query_params.get("page", "1")
    if not raw.isdigit() or len(raw) > 6:
        raise HTTPException(400, "The page number must be a positive whole number.")
    return int(raw)


def _page_url(query: str, domain: str, number: int) -> str:
    params = {k: v for k, v in (("q", query), ("domain", domain)) if v}
    if number > 1:
        params["page"] = str(number)
    return "/glossary" + (f"?{urlencode(params)}" if params else "")


async def glossary_search(request: Request) -> Response:
    state = web_of(request).state
    query = request.query_params.get("q", "")
    domain = request.query_params.get("domain", "")
    number = _page_number(request)
    if len(query) > MAX_QUERY:
        raise HTTPException(400, f"The search text is longer than {MAX_QUERY} characters.")
    glossary = await run_in_threadpool(state.glossary)
    domains = glossary.domains()
    if domain and domain not in domains:
        raise HTTPException(400, f"There is no domain {domain!r}; choose one from the list.")
    found = await run_in_threadpool(search, glossary, query)
    if domain:
        found = [c for c in found if c.domain == domain]
    try:
        paging = paginate(len(found), number)
    except ValueError as exc:
        raise HTTPException(404, f"The list has no such page: {exc}.") from exc
    links = {
        "previous_url": _page_url(query, domain, number - 1) if number > 1 else None,
        "next_url": _page_url(query, domain, number + 1) if number < paging.pages else None,
    }
    context = {"query": query, "domain": domain, "domains": domains,
               "concepts": paging.slice(found), "paging": paging, **links}  # fmt: skip
    return render(request, "glossary.html", {**context, "languages": LANGUAGES})


def _concept_page(request: Request, concept: Concept, **extra: Any) -> tuple[str, dict[str, Any]]:
    state = web_of(request).state
    issues = [i for i in state.lint() if i.message.startswith(f"{concept.id}: ")]
    context = {
        "concept": concept,
        "generated": state.recognised_forms().get(concept.id, {}),
        **CHOICE_CONTEXT,
        "issues": issues,
        "file": Path(concept.path).name,
        "digest": state.digest(concept.path),
        "form": form_state(concept),
        "errors": [],
        "field_errors": {},
        "saved": request.query_params.get("saved") == "1",
    }
    context.update(extra)
    return "concept.html", context


def _concept_or_404(state: ProjectState, concept_id: str) -> Concept:
    concept = state.glossary().get(concept_id)
    if concept is None or not state.in_glossary_dir(concept.path):
        raise HTTPException(404, "There is no concept with this id in the glossary.")
    return concept


async def concept_view(request: Request) -> Response:
    state = web_of(request).state

    def gather() -> tuple[str, dict[str, Any]]:
        concept = _concept_or_404(state, request.path_params["concept_id"])
        return _concept_page(request, concept)

    name, context = await run_in_threadpool(gather)
    return render(request, name, context)


def _conflict(request: Request, concept_id: str, form: FormData) -> Response:
    note = form.get("note")
    context = {"concept_id": concept_id, "note": note if isinstance(note, str) else ""}
    return render(request, "conflict.html", context, status_code=409)


async def concept_save(request: Request) -> Response:
    web = web_of(request)
    concept_id = request.path_params["concept_id"]
    await run_in_threadpool(_concept_or_404, web.state, concept_id)
    require_editing(request)
    form = await read_form(request)
    check_csrf(request, form.get(FORM_FIELD))
    digest = form.get("digest")
    if not isinstance(digest, str) or len(digest) != 64:
        raise HTTPException(400, "The form has no file digest: reload the page and retry.")

    def save() -> Response:
        state = web.state
        with state.lock:
            concept = _concept_or_404(state, concept_id)
            path = Path(concept.path)
            raw = path.read_bytes()
            if file_digest(raw) != digest:
                raise ConflictError("changed on disk", str(path))
            try:
                edit, shown = read_edit(form, concept)
            except FormError as exc:
                raise HTTPException(400, str(exc)) from exc
            try:
                result = prepare_edit(state.glossary(), concept, edit, raw.decode("utf-8"))
                save_edit(result, digest)
            except EditError as exc:
                name, context = _concept_page(
                    request, concept, errors=exc.general, field_errors=exc.fields,
                    form=shown, digest=digest,
                )  # fmt: skip
                return render(request, name, context, status_code=400)
        return RedirectResponse(f"/glossary/{concept_id}?saved=1", status_code=303)

    try:
        return await run_in_threadpool(save)
    except ConflictError:
        return _conflict(request, concept_id, form)


def _new_page(request: Request, form: FormState, **extra: Any) -> tuple[str, dict[str, Any]]:
    domains = web_of(request).state.glossary().domains()
    context = {"form": form, "domains": domains, "errors": [], "field_errors": {}, **CHOICE_CONTEXT}
    return "concept_new.html", {**context, **extra}


async def concept_new(request: Request) -> Response:
    """The form that adds a concept."""
    require_editing(request)
    blank = FormState(new_rows=blank_rows(NEW_CONCEPT_ROWS, preferred_first=True))
    name, context = await run_in_threadpool(_new_page, request, blank)
    return render(request, name, context)


async def concept_create(request: Request) -> Response:
    web = web_of(request)
    require_editing(request)
    form = await read_form(request)
    check_csrf(request, form.get(FORM_FIELD))
    try:
        concept, shown = read_new_concept(form)
    except FormError as exc:
        raise HTTPException(400, str(exc)) from exc

    def create() -> Response:
        state = web.state
        with state.lock:
            glossary = state.glossary()
            try:
                check_new_concept(concept)  # before the domain names a file
                files = glossary_files(state.glossary_dir)
                path = domain_file(state.glossary_dir, files, concept.domain)
                raw = path.read_bytes() if path.exists() else None
                text = raw.decode("utf-8") if raw is not None else None
                result = prepare_new(glossary, path, concept, text)
                save_edit(result, file_digest(raw) if raw is not None else None)
            except EditError as exc:
                name, context = _new_page(
                    request, shown, errors=exc.general, field_errors=exc.fields
                )
                return render(request, name, context, status_code=400)
        return RedirectResponse(f"/glossary/{concept.id}?saved=1", status_code=303)

    try:
        return await run_in_threadpool(create)
    except ConflictError:
        return _conflict(request, concept.id, form)
