"""Writing to an organisation, and its staff's inbox."""

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ligesind.accounts.models import User
from ligesind.core.audit import record_staff_access
from ligesind.core.errors import DomainError
from ligesind.core.models import Municipality

from . import permissions
from .contact import MAX_TEXT, ContactData, mark_contact_answered, send_contact_request
from .models import ContactRequest, ContactTopic, Organisation

SENT_KEY = "ligesind_contact_crisis"


class ContactForm(forms.Form):
    topic = forms.ChoiceField(
        label=gettext_lazy("What is it about?"),
        choices=ContactTopic.choices,
        widget=forms.RadioSelect,
    )
    municipality = forms.ModelChoiceField(
        label=gettext_lazy("Municipality"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=gettext_lazy("No particular municipality"),
    )
    text = forms.CharField(
        label=gettext_lazy("Your message"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    name = forms.CharField(
        label=gettext_lazy("Your name (if you like)"), max_length=120, required=False
    )
    reach = forms.CharField(
        label=gettext_lazy("E-mail or phone, so we can answer"),
        max_length=200,
        required=False,
    )

    def __init__(self, *args: Any, organisation: Organisation, member: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = organisation.municipalities.all()  # type: ignore[attr-defined]
        if member:
            self.fields["reach"].help_text = gettext_lazy(
                "Leave it empty to be answered in a private message here."
            )
        else:
            self.fields["reach"].required = True

    def to_data(self) -> ContactData:
        data = self.cleaned_data
        return ContactData(
            topic=data["topic"],
            text=data["text"],
            municipality=data["municipality"],
            name=data["name"],
            reach=data["reach"],
        )


def contact(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_write_to(request.user, organisation):
        raise Http404
    member = request.user.is_authenticated
    initial = {"topic": request.GET.get("topic", ""), "municipality": request.GET.get("place")}
    form = ContactForm(
        request.POST or None, organisation=organisation, member=member, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            sent = send_contact_request(
                actor=request.user,
                organisation=organisation,
                data=form.to_data(),
                address=request.META.get("REMOTE_ADDR", ""),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            request.session[SENT_KEY] = sent.crisis
            return redirect("organisations:contact_sent", slug=organisation.slug)
    context = {"organisation": organisation, "form": form}
    return render(request, "organisations/contact.html", context)


def contact_sent(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    crisis = request.session.pop(SENT_KEY, False)
    return render(
        request, "organisations/contact_sent.html", {"organisation": organisation, "crisis": crisis}
    )


def _staff_organisation(request: HttpRequest, slug: str) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_read_contact_requests(request.user, organisation):
        raise Http404
    return organisation


@login_required
def requests(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _staff_organisation(request, slug)
    rows = ContactRequest.objects.filter(organisation=organisation).select_related(
        "municipality", "sender__profile"
    )
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    for item in page.object_list:
        if item.sender is not None:
            record_staff_access(
                viewer=request.user,
                subject=item.sender,
                what=gettext_lazy("a message to an organisation"),
                purpose=gettext_lazy("answering a contact request"),
            )
    return render(
        request, "organisations/requests.html", {"organisation": organisation, "page": page}
    )


@login_required
@require_POST
def answered(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = _staff_organisation(request, slug)
    item = get_object_or_404(ContactRequest, pk=pk, organisation=organisation)
    mark_contact_answered(actor=cast(User, request.user), request=item)
    messages.success(request, _("Marked as answered."))
    return redirect("organisations:requests", slug=organisation.slug)
