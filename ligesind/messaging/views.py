import uuid
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ligesind.accounts.models import ExperienceCategory, Profile, User
from ligesind.accounts.services import block_user
from ligesind.core.errors import DomainError
from ligesind.core.text_hooks import contains_muted, help_due, muted_words
from ligesind.membership.entitlements import Feature, require_feature

from . import permissions, services
from .forms import MessageForm, RequestPolicyForm
from .models import (
    Conversation,
    Message,
    MessageRequest,
    MessagingSettings,
    Participant,
    RequestStatus,
)

PAGE = 100


def _messenger(request: HttpRequest) -> User:
    require_feature(request.user, Feature.MESSAGING)
    if not permissions.can_message(request.user):
        raise Http404
    return cast(User, request.user)


def _conversation(request: HttpRequest, pk: int) -> tuple[User, Conversation]:
    user = _messenger(request)
    everyone = Participant.objects.select_related("user__profile")
    conversation = get_object_or_404(
        Conversation.objects.prefetch_related(Prefetch("participants", queryset=everyone)), pk=pk
    )
    if not permissions.can_view_conversation(user, conversation):
        raise Http404
    return user, conversation


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    user = _messenger(request)
    unread = services.unread_counts(user)
    rows = []
    for conversation in services.visible_conversations(user):
        rows.append(
            {
                "conversation": conversation,
                "names": services.other_aliases(user, conversation),
                "unread": unread.get(conversation.pk, 0),
            }
        )
    pending = MessageRequest.objects.filter(receiver=user, status=RequestStatus.PENDING).count()
    return render(request, "messaging/inbox.html", {"rows": rows, "pending": pending})


@login_required
def conversation(request: HttpRequest, pk: int) -> HttpResponse:
    user, convo = _conversation(request, pk)
    form = MessageForm(request.POST or None, initial={"client_key": uuid.uuid4().hex})
    if request.method == "POST":
        if not form.is_valid():
            if _wants_json(request):
                errors = [str(error) for error in form.errors.get("body", [])]
                return JsonResponse({"error": " ".join(errors)}, status=400)
        else:
            try:
                message = services.send_message(
                    actor=user,
                    conversation=convo,
                    body=form.cleaned_data["body"],
                    client_key=form.cleaned_data["client_key"] or "",
                )
            except DomainError as error:
                if _wants_json(request):
                    return JsonResponse({"error": error.message}, status=400)
                form.add_error("body", error.message)
            else:
                if _wants_json(request):
                    payload = services.message_payload(message)
                    payload["crisis_panel"] = help_due(user)  # help at once
                    return JsonResponse(payload)
                return redirect(f"{request.path}#m{message.pk}")
    messages_shown = services.recent_messages(convo, limit=PAGE)
    muted = muted_words(user)
    may_send = permissions.can_send(user, convo)
    last_id = messages_shown[-1].pk if messages_shown else 0
    everyone = list(convo.participants.all())  # prefetched by _conversation
    participant = next(p for p in everyone if p.user_id == user.pk)
    context = {
        "conversation": convo,
        "names": services.other_aliases(user, convo),
        "chat_messages": messages_shown,
        "form": form,
        "can_send": may_send,
        "last_id": last_id,
        "me": user,
        "muted": participant.muted,
        # marked read by the page (POST to messaging:read) once it is shown, never by a GET
        "unread_here": participant.last_read_id < last_id,
        "editable": {
            m.pk for m in messages_shown if permissions.can_edit_message(user, m, may_send)
        },
        "undoable": {m.pk for m in messages_shown if permissions.can_undo_delete_message(user, m)},
        "is_direct": len(everyone) == 2,
        "muted_words": muted,
        "folded": {
            m.pk
            for m in messages_shown
            if m.sender_id != user.pk and not m.deleted_at and contains_muted(m.body, muted)
        },
        "seen_by": services.seen_by(user, convo),
        "others_in_crisis": any(
            m.crisis and m.sender_id != user.pk and not m.deleted_at for m in messages_shown
        ),
    }
    return render(request, "messaging/conversation.html", context)


@login_required
@require_POST
def read(request: HttpRequest, pk: int) -> HttpResponse:
    """The reader has seen the conversation up to ``up_to`` (the page posts it once shown)."""
    user, convo = _conversation(request, pk)
    try:
        up_to = int(request.POST.get("up_to") or 0)
    except ValueError:
        up_to = 0
    services.mark_read(actor=user, conversation=convo, up_to_id=max(up_to, 0) or None)
    if _wants_json(request):
        return JsonResponse({"unread": services.total_unread(user)})
    return redirect("messaging:conversation", convo.pk)


@login_required
def messages_after(request: HttpRequest, pk: int, after_id: int) -> JsonResponse:
    """Catch-up for a client that reconnects: everything after the last id it saw."""
    _user, convo = _conversation(request, pk)
    rows = services.messages_after(convo, after_id)
    return JsonResponse({"messages": [services.message_payload(m) for m in rows]})


def _own_message(request: HttpRequest, pk: int) -> tuple[User, Message]:
    user = _messenger(request)
    message = get_object_or_404(Message.objects.select_related("conversation"), pk=pk)
    if not permissions.can_view_conversation(user, message.conversation):
        raise Http404
    return user, message


@login_required
def edit_message(request: HttpRequest, pk: int) -> HttpResponse:
    user, message = _own_message(request, pk)
    form = MessageForm(request.POST or None, initial={"body": message.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_message(actor=user, message=message, body=form.cleaned_data["body"])
        except DomainError as error:
            form.add_error("body", error.message)
        else:
            url = reverse("messaging:conversation", args=[message.conversation_id])
            return redirect(f"{url}#m{message.pk}")
    return render(request, "messaging/edit.html", {"form": form, "message": message})


@login_required
def delete_message(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first (a page of its own, so a slip of the finger deletes nothing), then deletes."""
    user, message = _own_message(request, pk)
    back = reverse("messaging:conversation", args=[message.conversation_id])
    if not permissions.can_delete_message(user, message):
        raise Http404
    if request.method != "POST":
        return render(
            request,
            "messaging/delete.html",
            {"message": message, "back": back, "undo_minutes": settings.LIGESIND_UNDO_MINUTES},
        )
    try:
        services.delete_message(actor=user, message=message)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The message is deleted. You can undo it for %(minutes)s minutes, where it was.")
            % {"minutes": settings.LIGESIND_UNDO_MINUTES},
        )
    return redirect(f"{back}#m{message.pk}")


@login_required
@require_POST
def undo_delete_message(request: HttpRequest, pk: int) -> HttpResponse:
    user, message = _own_message(request, pk)
    if message.sender_id != user.pk:  # only the writer has anything to undo
        raise Http404
    try:
        services.undo_delete_message(actor=user, message=message)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The message is back."))
    return redirect(reverse("messaging:conversation", args=[message.conversation_id]) + f"#m{pk}")


@login_required
@require_POST
def mute(request: HttpRequest, pk: int) -> HttpResponse:
    user, convo = _conversation(request, pk)
    muted = request.POST.get("muted") == "1"
    services.set_muted(actor=user, conversation=convo, muted=muted)
    messages.success(
        request,
        _("You will not get notices about this conversation.")
        if muted
        else _("You will get notices about this conversation again."),
    )
    return redirect("messaging:conversation", pk=pk)


@login_required
@require_POST
def block_in_conversation(request: HttpRequest, pk: int) -> HttpResponse:
    user, convo = _conversation(request, pk)
    user_id = request.POST.get("user", "")
    if not user_id.isdigit():
        raise Http404
    target = get_object_or_404(User, pk=int(user_id), conversation_memberships__conversation=convo)
    try:
        block_user(actor=user, target=target)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("messaging:conversation", pk=pk)
    messages.success(request, _("You have blocked this member. You will no longer see each other."))
    return redirect("messaging:inbox")


@login_required
def requests(request: HttpRequest) -> HttpResponse:
    user = _messenger(request)
    received = list(
        MessageRequest.objects.filter(receiver=user, status=RequestStatus.PENDING)
        .select_related("sender__profile")
        .order_by("created_at")
    )
    for item in received:
        shown = permissions.experiences_shown_in_request(item.sender, user)
        ids = permissions.shared_category_ids(user, item.sender) if shown else set()
        item.shared = list(ExperienceCategory.objects.filter(pk__in=ids))  # type: ignore[attr-defined]
    sent = MessageRequest.objects.filter(sender=user).select_related("receiver__profile")[:30]
    return render(request, "messaging/requests.html", {"received": received, "sent": sent})


@login_required
@require_POST
def answer_request(request: HttpRequest, pk: int) -> HttpResponse:
    user = _messenger(request)
    item = get_object_or_404(MessageRequest, pk=pk, receiver=user)
    answer = request.POST.get("answer")
    try:
        if answer == "accept":
            convo = services.accept_message_request(actor=user, request=item)
            return redirect("messaging:conversation", pk=convo.pk)
        services.decline_message_request(actor=user, request=item, block=answer == "block")
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("You have blocked this member.")
            if answer == "block"
            else _("The request is declined."),
        )
    return redirect("messaging:requests")


@login_required
def write(request: HttpRequest, public_id: str) -> HttpResponse:
    user = _messenger(request)
    profile = get_object_or_404(Profile.objects.select_related("user"), public_id=public_id)
    existing = services.conversation_between(user, profile.user)
    if existing and permissions.can_view_conversation(user, existing):
        return redirect("messaging:conversation", pk=existing.pk)
    if not permissions.can_request(user, profile.user):
        raise Http404
    form = MessageForm(request.POST or None, initial={"client_key": uuid.uuid4().hex})
    if request.method == "POST" and form.is_valid():
        try:
            services.send_message_request(
                actor=user,
                receiver=profile.user,
                body=form.cleaned_data["body"],
                client_key=form.cleaned_data["client_key"] or "",
            )
        except DomainError as error:
            form.add_error("body", error.message)
        else:
            messages.success(
                request,
                _("Your message is sent as a request. %(alias)s decides whether to answer.")
                % {"alias": profile.alias},
            )
            return redirect("messaging:requests")
    return render(request, "messaging/write.html", {"form": form, "profile": profile})


@login_required
def settings_view(request: HttpRequest) -> HttpResponse:
    user = _messenger(request)
    current = MessagingSettings.objects.filter(user=user).first()
    form = RequestPolicyForm(
        request.POST or None,
        initial={"requests_from": current.requests_from if current else "shared"},
    )
    if request.method == "POST" and form.is_valid():
        services.set_request_policy(actor=user, policy=form.cleaned_data["requests_from"])
        messages.success(request, _("Your choice is saved."))
        return redirect("messaging:settings")
    return render(request, "messaging/settings.html", {"form": form})
