"""The treasurer's pages for one organisation: the overview (members per level, overdue,
income per month), levels and terms, payments by hand and from the bank, declarations for
free membership and waivers."""

import csv
import io
from collections.abc import Iterator
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from ligesind.accounts.models import User
from ligesind.core.charts import Chart
from ligesind.core.errors import DomainError
from ligesind.core.pager import pager_html
from ligesind.core.sheets import neutralise

from . import permissions, services
from .figures import figures_for
from .forms import (
    DecisionForm,
    LevelForm,
    MatchForm,
    PaymentForm,
    StatementForm,
    TermsForm,
    WaiverForm,
)
from .lifecycle import LABELS, Standing
from .models import (
    Declaration,
    DeclarationStatus,
    FeeLevel,
    LineStatus,
    Payment,
    StatementLine,
    Subscription,
)
from .views import organisation_for

PAYMENTS_PER_PAGE = 50
SHOWN = 50  # requests, bank lines and waivers on one page, the oldest first: the rest after
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STANDINGS = [
    Standing.PAID,
    Standing.FREE,
    Standing.GRACE,
    Standing.AWAITING,
    Standing.LAPSED,
    Standing.ENDED,
]


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)


def _kept_by(request: HttpRequest, slug: str) -> Any:
    organisation = organisation_for(slug)
    if not permissions.keeps_accounts(request.user, organisation.pk):
        raise Http404
    return organisation


def _decided_by(request: HttpRequest, slug: str) -> Any:
    organisation = organisation_for(slug)
    if not permissions.can_decide_for(request.user, organisation.pk):
        raise Http404
    return organisation


@login_required
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _kept_by(request, slug)
    today = services.today()
    terms = services.terms_of(organisation.pk)
    figures = figures_for(organisation.pk, today, terms.grace_days)
    levels = list(FeeLevel.objects.filter(organisation=organisation))
    for level in levels:
        counts = figures.counts.get(level.pk, {})
        level.row = [counts.get(state, 0) for state in STANDINGS]  # type: ignore[attr-defined]
    context = {
        "organisation": organisation,
        "levels": levels,
        "standings": [LABELS[state] for state in STANDINGS],
        "overdue": services.overdue(organisation.pk, today, terms.grace_days)[:50],
        "chart": Chart(
            "income", _("Income from fees"), _("kr."), figures.months, list(figures.income)
        ),
        "year": figures.years[0],
        "this_year": figures.years[1],
        "made_at": figures.made_at,
        "waiting": Declaration.objects.filter(
            level__organisation=organisation, status=DeclarationStatus.WAITING
        ).count(),
        "open_lines": StatementLine.objects.filter(
            organisation=organisation, status=LineStatus.OPEN
        ).count(),
    }
    return render(request, "membership/treasury/overview.html", context)


@login_required
def level(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    organisation = _kept_by(request, slug)
    item = (
        get_object_or_404(FeeLevel, pk=pk, organisation=organisation)
        if pk
        else FeeLevel(organisation=organisation)
    )
    form = LevelForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_level(actor=_user(request), level=form.save(commit=False))
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The level is saved."))
            return redirect("membership:overview", slug=slug)
    context = {
        "organisation": organisation,
        "form": form,
        "title": item.name if item.pk else _("New level"),
        "note": _("A change of price applies from each member's next period."),
    }
    return render(request, "membership/treasury/form.html", context)


@login_required
def terms(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _kept_by(request, slug)
    form = TermsForm(request.POST or None, instance=services.terms_of(organisation.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.save_terms(actor=_user(request), terms=form.save(commit=False))
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The terms are saved."))
            return redirect("membership:overview", slug=slug)
    context = {"organisation": organisation, "form": form, "title": _("Terms and how to pay")}
    return render(request, "membership/treasury/form.html", context)


@login_required
def payments(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _kept_by(request, slug)
    form = PaymentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            payment = services.register_by_reference(
                actor=_user(request), organisation_id=organisation.pk, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Payment registered: receipt no. %(number)s, paid until %(until)s.")
                % {"number": payment.number, "until": payment.covers_until.strftime("%d.%m.%Y")},
            )
            return redirect("membership:payments", slug=slug)
    rows = Payment.objects.filter(organisation=organisation).select_related("user__profile")
    page = Paginator(rows, PAYMENTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"organisation": organisation, "form": form, "page": page, "pager": pager_html(page)}
    return render(request, "membership/treasury/payments.html", context)


def _payment_rows(organisation_id: int) -> Iterator[list[str | int | float]]:
    yield [
        _("Receipt no."),
        _("Paid on"),
        _("Amount"),
        _("Level"),
        _("Period from"),
        _("Period to"),
        _("Payment reference"),
        _("Paid by"),
    ]
    rows = Payment.objects.filter(organisation_id=organisation_id).order_by("number")
    for payment in rows.iterator(chunk_size=2000):
        yield [
            payment.number,
            payment.paid_on.isoformat(),
            float(payment.amount),
            neutralise(payment.level_name),
            payment.covers_from.isoformat(),
            payment.covers_until.isoformat(),
            payment.reference,
            neutralise(str(payment.get_provider_display())),
        ]


@login_required
def payments_file(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """Every payment as CSV (semicolons and decimal commas, as Danish spreadsheets read it) or
    XLSX; a text a spreadsheet could take for a formula is neutralised."""
    organisation = _kept_by(request, slug)
    if kind not in ("csv", "xlsx"):
        raise Http404
    name = f"betalinger-{organisation.slug}.{kind}"
    if kind == "xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet(str(_("Payments"))[:31])
        for row in _payment_rows(organisation.pk):
            sheet.append(row)
        out = io.BytesIO()
        book.save(out)
        response = HttpResponse(out.getvalue(), content_type=XLSX)
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        for row in _payment_rows(organisation.pk):
            writer.writerow(
                [f"{v:.2f}".replace(".", ",") if isinstance(v, float) else v for v in row]
            )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def statement(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _kept_by(request, slug)
    form = StatementForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["statement"].read()
        try:
            counts = services.import_statement(
                actor=_user(request), organisation_id=organisation.pk, data=data
            )
        except DomainError as error:
            form.add_error("statement", error.message)
        else:
            messages.success(
                request,
                _(
                    "%(matched)s payments registered, %(open)s lines to match by hand, "
                    "%(known)s already imported, %(outgoing)s lines with money out left out, "
                    "%(unreadable)s lines that could not be read."
                )
                % counts,
            )
            return redirect("membership:lines", slug=slug)
    return render(
        request, "membership/treasury/statement.html", {"organisation": organisation, "form": form}
    )


@login_required
def lines(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _kept_by(request, slug)
    open_lines = StatementLine.objects.filter(organisation=organisation, status=LineStatus.OPEN)
    context = {
        "organisation": organisation,
        "lines": open_lines[:SHOWN],
        "more": max(open_lines.count() - SHOWN, 0),
        "form": MatchForm(),
    }
    return render(request, "membership/treasury/lines.html", context)


@login_required
@require_POST
def line(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _kept_by(request, slug)
    item = get_object_or_404(StatementLine, pk=pk, organisation=organisation)
    form = MatchForm(request.POST)
    try:
        if "aside" in request.POST:
            services.set_line_aside(actor=_user(request), line=item)
            messages.success(request, _("The line is set aside."))
        elif form.is_valid():
            payment = services.match_line(
                actor=_user(request), line=item, reference=form.cleaned_data["reference"]
            )
            messages.success(
                request, _("Matched: receipt no. %(number)s.") % {"number": payment.number}
            )
        else:
            messages.error(request, _("Write the member's payment reference."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("membership:lines", slug=slug)


@login_required
def declarations(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _decided_by(request, slug)
    rows = Declaration.objects.filter(level__organisation=organisation).select_related(
        "user__profile", "level", "decided_by__profile"
    )
    waiting = rows.filter(status=DeclarationStatus.WAITING).order_by("created_at")
    context = {
        "organisation": organisation,
        "waiting": waiting[:SHOWN],
        "more_waiting": max(waiting.count() - SHOWN, 0),
        "answered": rows.exclude(status=DeclarationStatus.WAITING)[:30],
        "form": DecisionForm(),
    }
    return render(request, "membership/treasury/declarations.html", context)


@login_required
@require_POST
def decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _decided_by(request, slug)
    item = get_object_or_404(
        Declaration.objects.select_related("level", "user"), pk=pk, level__organisation=organisation
    )
    form = DecisionForm(request.POST)
    form.is_valid()
    try:
        services.decide_declaration(
            actor=_user(request),
            declaration=item,
            confirm="confirm" in request.POST,
            reason=form.cleaned_data.get("reason", ""),
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The member has been answered."))
    return redirect("membership:declarations", slug=slug)


@login_required
def waivers(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _decided_by(request, slug)
    form = WaiverForm(request.POST or None, organisation_id=organisation.pk)
    if request.method == "POST" and form.is_valid():
        member = User.objects.filter(email__iexact=form.cleaned_data["email"]).first()
        if member is None:
            form.add_error("email", _("No member has this e-mail address."))
        else:
            try:
                services.grant_waiver(
                    actor=_user(request),
                    user=member,
                    level=form.cleaned_data["level"],
                    until=form.cleaned_data["until"],
                    reason=form.cleaned_data["reason"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The fee is waived."))
                return redirect("membership:waivers", slug=slug)
    current = Subscription.objects.filter(
        organisation=organisation, waived_until__gte=services.today()
    ).select_related("user__profile", "level", "waived_by__profile")
    context = {"organisation": organisation, "form": form, "current": current[:SHOWN]}
    return render(request, "membership/treasury/waivers.html", context)
