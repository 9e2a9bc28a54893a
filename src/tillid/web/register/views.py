"""The register's pages: public ones without login (/register/...), and the organisation's own page
for drafting, approving, publishing and withdrawing a system's record (/o/<org>/systems/<id>/register/).

Public views read only through `selectors.public_records` / `selectors.public_record`, which never
return a draft, an unpublished or a withdrawn record.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tillid.web.accounts.models import Country, Organisation, Role
from tillid.web.accounts.permissions import organisation_view
from tillid.web.assessments.labels import outcome_labels
from tillid.web.inventory.models import AISystem, LifecyclePhase
from tillid.web.inventory.views import risk_class_choices
from tillid.web.register import selectors, services
from tillid.web.register.export import records_csv, records_xlsx
from tillid.web.register.forms import RecordForm
from tillid.web.register.models import PublishedRecord, RegisterRecord
from tillid.web.register.plain_language import Check, Finding
from tillid.web.register.standards import (
    STANDARD_TITLES,
    STANDARDS,
    RecordSnapshot,
    applies,
    export,
    missing,
)

PAGE_SIZE = 50

# The structures' names as readers see them: the Dutch one is a proper name; the others describe.
STANDARD_LABELS = {
    "algoritmeregister": STANDARD_TITLES["algoritmeregister"],
    "atrs": gettext_lazy("Algorithmic Transparency Recording Standard 3.0 (UK), tier 1 and tier 2"),
    "eu_database": gettext_lazy(
        "EU database, AI Act Art. 49(3) and Annex VIII section C (deployers)"
    ),
}


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _record_url(request: HttpRequest, record_id: int) -> str:
    return request.build_absolute_uri(reverse("register_record", args=[record_id]))


def _filter(request: HttpRequest) -> selectors.PublicFilter:
    get = request.GET
    return selectors.PublicFilter(
        text=get.get("q", "").strip()[:200],
        organisation=get.get("organisation", "")[:60],
        risk_class=get.get("risk", "")[:100],
        country=get.get("country", "")[:10],
    )


# --- Public pages ---------------------------------------------------------------------------------


def register_list(request: HttpRequest) -> HttpResponse:
    want = _filter(request)
    page = Paginator(selectors.public_records(want), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "register/list.html",
        {
            "page": page,
            "records": [RecordSnapshot.from_dict(r.snapshot) for r in page.object_list],
            "want": want,
            "organisations": selectors.public_organisations(),
            "risk_classes": [
                c for c in risk_class_choices(request.LANGUAGE_CODE) if c[0] != "none"
            ],
            "countries": Country.choices,
            "labels": outcome_labels(request.LANGUAGE_CODE),
            "query": query.urlencode(),
            "filtered": any([want.text, want.organisation, want.risk_class, want.country]),
        },
    )


def _withdrawn_page(request: HttpRequest, record: RegisterRecord) -> HttpResponse:
    # Only that it was withdrawn and when: nothing of the record itself is shown any more.
    return render(
        request, "register/withdrawn.html", {"withdrawn_at": record.withdrawn_at}, status=410
    )


def register_record(request: HttpRequest, record_id: int) -> HttpResponse:
    try:
        row = selectors.public_record(record_id)
    except selectors.NotPublic:
        raise Http404 from None
    except selectors.Withdrawn as gone:
        return _withdrawn_page(request, gone.record)
    return _record_page(request, row)


def register_record_version(request: HttpRequest, record_id: int, version: int) -> HttpResponse:
    """An earlier version as it was published, so readers can see what changed and when."""
    try:
        row = selectors.public_version(record_id, version)
    except selectors.NotPublic:
        raise Http404 from None
    except selectors.Withdrawn as gone:
        return _withdrawn_page(request, gone.record)
    return _record_page(request, row)


def _record_page(request: HttpRequest, row: PublishedRecord) -> HttpResponse:
    snapshot = RecordSnapshot.from_dict(row.snapshot)
    return render(
        request,
        "register/record.html",
        {
            "row": row,
            "s": snapshot,
            "current_version": row.record.published_version,
            "versions": selectors.public_versions(row.record),
            "labels": outcome_labels(request.LANGUAGE_CODE),
            "phase": _choice_label(LifecyclePhase, snapshot.lifecycle_phase),
            "country": _choice_label(Country, snapshot.country),
            "written_in": WRITTEN_IN.get(snapshot.language, ""),
            "assessment_date": _iso_date(snapshot.assessment_date),
            "standards": [(key, STANDARD_LABELS[key]) for key in STANDARDS],
        },
    )


# Whole sentences per language: the choices name each language in itself, which suits a menu but
# not a sentence ("written in Dansk"), and languages inflect differently inside a sentence.
WRITTEN_IN = {
    "da": gettext_lazy("The organisation wrote this record in Danish."),
    "sv": gettext_lazy("The organisation wrote this record in Swedish."),
    "en": gettext_lazy("The organisation wrote this record in English."),
}


def _iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _choice_label(choices: Any, value: str) -> str:
    return str(choices(value).label) if value in choices.values else value


def register_record_export(request: HttpRequest, record_id: int, standard: str) -> HttpResponse:
    if standard not in STANDARDS:
        raise Http404("Unknown standard")
    try:
        row = selectors.public_record(record_id)
    except (selectors.NotPublic, selectors.Withdrawn):
        raise Http404 from None
    snapshot = RecordSnapshot.from_dict(row.snapshot)
    response = _json(export(standard, snapshot))  # type: ignore[arg-type]
    response["Content-Disposition"] = (
        f'attachment; filename="tillid-register-{record_id}-v{row.version}-{standard}.json"'
    )
    return response


def register_download(request: HttpRequest, fmt: str) -> HttpResponse:
    rows = list(selectors.public_records(_filter(request)))
    labels = outcome_labels(request.LANGUAGE_CODE)
    urls = {r.record_id: _record_url(request, r.record_id) for r in rows}
    if fmt == "csv":
        response = HttpResponse(
            records_csv(rows, labels, urls), content_type="text/csv; charset=utf-8"
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            records_xlsx(rows, labels, urls),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404("Unknown format")
    response["Content-Disposition"] = f'attachment; filename="tillid-transparency-register.{fmt}"'
    return response


# --- Public JSON API ------------------------------------------------------------------------------


def _json(data: Any, status: int = 200) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
        status=status,
    )
    # Public data without credentials: any web page may read it.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _api_record(request: HttpRequest, snapshot: RecordSnapshot) -> dict[str, Any]:
    return {
        **snapshot.to_dict(),
        "url": _record_url(request, snapshot.record_id),
        "exports": {
            key: request.build_absolute_uri(
                reverse("register_record_export", args=[snapshot.record_id, key])
            )
            for key in STANDARDS
        },
    }


API_PAGE_SIZE = 100


def register_api_records(request: HttpRequest) -> HttpResponse:
    """The current version of every public record, 100 per page (`?page=2`), with links on."""
    paginator = Paginator(selectors.public_records(_filter(request)), API_PAGE_SIZE)
    number = _int(request.GET.get("page")) or 1
    if number < 1:
        return _json({"error": f"There is no page {number}; pages start at 1."}, status=404)
    if number > max(1, paginator.num_pages):
        pages = paginator.num_pages
        there = "there is 1 page" if pages == 1 else f"there are {pages} pages"
        return _json({"error": f"There is no page {number}; {there}."}, status=404)
    page = paginator.page(number)

    def page_url(n: int) -> str:
        query = request.GET.copy()
        query["page"] = str(n)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    records = [_api_record(request, RecordSnapshot.from_dict(r.snapshot)) for r in page]
    return _json(
        {
            "count": paginator.count,
            "page": number,
            "pages": paginator.num_pages,
            "next": page_url(number + 1) if page.has_next() else None,
            "previous": page_url(number - 1) if page.has_previous() else None,
            "records": records,
        }
    )


def _withdrawn_json(record_id: int, record: RegisterRecord) -> HttpResponse:
    withdrawn = record.withdrawn_at
    return _json(
        {
            "id": record_id,
            "withdrawn": True,
            "withdrawn_at": withdrawn.isoformat(timespec="seconds") if withdrawn else None,
        },
        status=410,
    )


def register_api_record(request: HttpRequest, record_id: int) -> HttpResponse:
    try:
        row = selectors.public_record(record_id)
    except selectors.NotPublic:
        return _json({"error": "No published record with this id."}, status=404)
    except selectors.Withdrawn as gone:
        return _withdrawn_json(record_id, gone.record)
    return _json(_api_record_with_versions(request, row))


def register_api_record_version(request: HttpRequest, record_id: int, version: int) -> HttpResponse:
    try:
        row = selectors.public_version(record_id, version)
    except selectors.NotPublic:
        return _json({"error": "No published record with this id and version."}, status=404)
    except selectors.Withdrawn as gone:
        return _withdrawn_json(record_id, gone.record)
    return _json(_api_record_with_versions(request, row))


def _api_record_with_versions(request: HttpRequest, row: PublishedRecord) -> dict[str, Any]:
    data = _api_record(request, RecordSnapshot.from_dict(row.snapshot))
    data["current_version"] = row.record.published_version
    data["versions"] = [
        {
            "version": v.version,
            "published_at": v.published_at.isoformat(timespec="seconds"),
            "url": request.build_absolute_uri(
                reverse("register_api_record_version", args=[row.record_id, v.version])
            ),
        }
        for v in selectors.public_versions(row.record)
    ]
    return data


# --- The organisation's page ----------------------------------------------------------------------


def _system_and_record(
    organisation: Organisation, system_pk: int
) -> tuple[AISystem, RegisterRecord | None]:
    try:
        return selectors.system_and_record(organisation, system_pk)
    except AISystem.DoesNotExist:
        raise Http404 from None


def _field_label(name: str) -> str:
    return str(RegisterRecord._meta.get_field(name).verbose_name).capitalize()


_BANDS = {
    "very_easy": gettext_lazy("Very easy"),
    "easy": gettext_lazy("Easy"),
    "medium": gettext_lazy("Medium"),
    "difficult": gettext_lazy("Difficult"),
    "very_difficult": gettext_lazy("Very difficult"),
}


def _band(name: str) -> str:
    return str(_BANDS[name])


def _message(finding: Finding) -> str:
    field = _field_label(finding.field)
    if finding.kind == "missing":
        return _("%(field)s: write this text; it is required.") % {"field": field}
    if finding.kind == "too_long":
        return _("%(field)s has %(n)d characters; the limit is %(max)d. Shorten it.") % {
            "field": field,
            "n": finding.length,
            "max": finding.limit,
        }
    assert finding.lix is not None
    return _(
        "%(field)s is very difficult to read (LIX %(lix)d). Use shorter sentences (at most 15-20 "
        "words), everyday words instead of technical terms, and explain abbreviations."
    ) % {"field": field, "lix": round(finding.lix.score)}


def _check_context(check: Check, snapshot: RecordSnapshot) -> dict[str, Any]:
    return {
        "blocking": [_message(f) for f in check.blocking],
        "warnings": [_message(f) for f in check.warnings],
        "scores": [
            {
                "field": _field_label(name),
                "score": round(score.score),
                "words": score.words,
                "sentences": score.sentences,
                "band": _band(score.band),
                "too_difficult": score.too_difficult,
            }
            for name, score in check.scores.items()
        ],
        "standards": [
            {
                "key": key,
                "title": STANDARD_LABELS[key],
                "applies": applies(key, snapshot),
                "missing": missing(key, snapshot),
            }
            for key in STANDARDS
        ],
    }


@organisation_view(Role.VIEWER)
def record_manage(request: HttpRequest, organisation: Organisation, system_pk: int) -> HttpResponse:
    system, record = _system_and_record(organisation, system_pk)
    membership = request.membership  # type: ignore[attr-defined]
    can_edit = membership.allows(Role.EDITOR)
    form = None
    if request.method == "POST":
        if not can_edit:
            return HttpResponse(status=403)
        if record is None:
            raise Http404
        # The form works on its own copy, so `record` keeps what is stored.
        form = RecordForm(request.POST, instance=RegisterRecord.objects.get(pk=record.pk))
        if form.is_valid():
            texts = {name: form.cleaned_data[name] for name in form.Meta.fields}
            try:
                services.save_texts(record, request.user, texts, _int(request.POST.get("version")))  # type: ignore[arg-type]
            except services.RegisterError as error:
                messages.error(request, str(error))  # the form below still holds their texts
            else:
                messages.success(
                    request, _("Saved. A reviewer approves the texts before publishing.")
                )
                return redirect("record_manage", org_slug=organisation.slug, system_pk=system.pk)
    elif record is not None and can_edit:
        form = RecordForm(instance=record, initial={"version": record.version})
    approval = services.latest_approval(system)
    context: dict[str, Any] = {
        "system": system,
        "record": record,
        "form": form,
        "approval": approval,
        "facts": services.assessment_facts(approval),
        "labels": outcome_labels(request.LANGUAGE_CODE),
        "can_edit": can_edit,
        "can_approve": membership.allows(Role.REVIEWER),
        "required_texts": {"language", *(r.name for r in services.RULES if r.required)},
    }
    if record is not None:
        snapshot = services.snapshot_of(record, approval, record.published_version + 1)
        context |= _check_context(services.check_record(record), snapshot)
        context["versions"] = record.published_versions.order_by("-version").select_related(
            "published_by", "approved_by"
        )
        context["events"] = record.events.select_related("actor").order_by("-at", "-id")[:50]
    return render(request, "register/manage.html", context)


@organisation_view(Role.EDITOR)
def record_step(request: HttpRequest, organisation: Organisation, system_pk: int) -> HttpResponse:
    system, record = _system_and_record(organisation, system_pk)
    if request.method != "POST":
        return redirect("record_manage", org_slug=organisation.slug, system_pk=system.pk)
    action = request.POST.get("action", "")
    if action == "approve" and not request.membership.allows(Role.REVIEWER):  # type: ignore[attr-defined]
        return HttpResponse(status=403)
    seen = _int(request.POST.get("version"))
    user = request.user
    try:
        if action == "start":
            services.start_record(system, user)  # type: ignore[arg-type]
            messages.success(
                request, _("A draft was made from the inventory and the approved assessment.")
            )
        elif record is None:
            raise Http404
        elif action == "approve":
            services.approve_record(record, user, seen)  # type: ignore[arg-type]
            messages.success(request, _("Approved. An editor can now publish the record."))
        elif action == "publish":
            published = services.publish_record(
                record,
                user,  # type: ignore[arg-type]
                seen,
                _record_url(request, record.pk),
            )
            messages.success(
                request,
                _("Published as version %(version)d. Anyone can now read it in the register.")
                % {"version": published.version},
            )
        elif action == "withdraw":
            services.withdraw_record(record, user, seen)  # type: ignore[arg-type]
            messages.success(
                request, _("Withdrawn. The record is no longer public; its versions are kept.")
            )
        else:
            raise Http404
    except services.RegisterError as error:
        messages.error(request, str(error))
    return redirect("record_manage", org_slug=organisation.slug, system_pk=system.pk)
