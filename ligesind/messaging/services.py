"""Messaging operations: requests, conversations, messages. Saved first, then published."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, Max, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ligesind.accounts.models import User
from ligesind.accounts.permissions import blocked_ids_of
from ligesind.accounts.services import block_user
from ligesind.core.errors import DomainError, NotAllowed
from ligesind.core.look import initials, tone
from ligesind.core.privacy import alias_of, display_alias
from ligesind.core.retention import undo_deadline
from ligesind.core.services import notify
from ligesind.core.text_hooks import text_accepted

from . import permissions
from .models import (
    MAX_COURSE_PARTICIPANTS,
    MAX_PARTICIPANTS,
    Conversation,
    ConversationKind,
    Message,
    MessageRequest,
    MessagingSettings,
    Participant,
    RequestPolicy,
    RequestStatus,
)
from .realtime import publish, publish_many
from .rendering import render_message

MAX_LENGTH = 5000


def _clean_body(body: str) -> str:
    text = (body or "").strip()
    if not text:
        raise DomainError(_("Write something before you send."))
    if len(text) > MAX_LENGTH:
        raise DomainError(_("A message can be at most 5,000 characters."))
    return text


class MessageRate:
    """At most ``LIGESIND_MESSAGES_PER_MINUTE`` messages a minute per member, counted in the
    shared cache: one read and one write for a whole batch (approximate when two batches of the
    same member meet; exact for one writer)."""

    def __init__(self, senders: set[int]) -> None:
        minute = int(timezone.now().timestamp() // 60)
        self.keys = {sender: f"messaging:rate:{sender}:{minute}" for sender in senders}
        self.counts: dict[str, int] = cache.get_many(list(self.keys.values()))
        self.changed: set[str] = set()

    def take(self, sender: int) -> None:
        key = self.keys[sender]
        count = self.counts.get(key, 0) + 1
        if count > settings.LIGESIND_MESSAGES_PER_MINUTE:
            raise DomainError(_("You are sending very fast. Please wait a minute and try again."))
        self.counts[key] = count
        self.changed.add(key)

    def save(self) -> None:
        if self.changed:
            cache.set_many({key: self.counts[key] for key in self.changed}, timeout=70)


def _check_new_conversation_rate(user: User) -> None:
    """New accounts (under 30 days) may start at most 10 new conversations a day."""
    if user.date_joined < timezone.now() - timedelta(days=30):
        return
    since = timezone.now() - timedelta(days=1)
    if MessageRequest.objects.filter(sender=user, created_at__gte=since).count() >= 10:
        raise DomainError(
            _(
                "New members can start 10 new conversations a day. You can write again "
                "tomorrow, and keep writing in the conversations you already have."
            )
        )


def conversation_between(a: User, b: User) -> Conversation | None:
    if a.pk == b.pk:
        return None
    return (
        Conversation.objects.filter(kind=ConversationKind.DIRECT)
        .annotate(n=Count("participants"))
        .filter(n=2, participants__user=a)
        .filter(participants__user=b)
        .first()
    )


@transaction.atomic
def set_request_policy(*, actor: User, policy: str) -> None:
    if policy not in RequestPolicy.values:
        raise DomainError(_("Please choose who may send you message requests."))
    MessagingSettings.objects.update_or_create(user=actor, defaults={"requests_from": policy})


@transaction.atomic
def send_message_request(
    *, actor: User, receiver: User, body: str, client_key: str = ""
) -> MessageRequest:
    """A first message to someone who is not yet a contact waits for their yes."""
    text = _clean_body(body)
    if client_key:
        earlier = MessageRequest.objects.filter(sender=actor, client_key=client_key).first()
        if earlier:
            return earlier
    if conversation_between(actor, receiver):
        raise DomainError(_("You already have a conversation with this member."))
    if MessageRequest.objects.filter(
        sender=actor, receiver=receiver, status=RequestStatus.PENDING
    ).exists():
        raise DomainError(_("Your request is already waiting for an answer."))
    if not permissions.can_request(actor, receiver):
        raise NotAllowed(_("This member does not receive message requests from you right now."))
    _check_new_conversation_rate(actor)
    request = MessageRequest.objects.create(
        sender=actor, receiver=receiver, body=text, client_key=client_key[:64]
    )
    text_accepted(author=actor, text=text, where="message_request")
    notify(receiver, "message_request", url=reverse("messaging:requests"))
    publish([receiver.pk], {"event": "request.new"})
    return request


@transaction.atomic
def accept_message_request(*, actor: User, request: MessageRequest) -> Conversation:
    request = MessageRequest.objects.select_for_update().get(pk=request.pk)
    if request.receiver_id != actor.pk or request.status != RequestStatus.PENDING:
        raise NotAllowed(_("This request is no longer waiting for you."))
    if permissions.is_blocked_between(actor, request.sender):
        raise NotAllowed(_("This request is no longer waiting for you."))
    conversation = open_conversation(people=[request.sender, actor], kind=ConversationKind.DIRECT)
    Message.objects.create(
        conversation=conversation,
        sender=request.sender,
        body=request.body,
        client_key=request.client_key,
        created_at=request.created_at,
    )
    request.status = RequestStatus.ACCEPTED
    request.decided_at = timezone.now()
    request.conversation = conversation
    request.save(update_fields=["status", "decided_at", "conversation"])
    url = reverse("messaging:conversation", args=[conversation.pk])
    notify(request.sender, "message_request_accepted", url=url)
    return conversation


@transaction.atomic
def decline_message_request(*, actor: User, request: MessageRequest, block: bool = False) -> None:
    """Say no. The sender is told kindly, without detail (and never that they were blocked)."""
    request = MessageRequest.objects.select_for_update().get(pk=request.pk)
    if request.receiver_id != actor.pk or request.status != RequestStatus.PENDING:
        raise NotAllowed(_("This request is no longer waiting for you."))
    request.status = RequestStatus.DECLINED
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_at"])
    notify(request.sender, "message_request_declined")
    if block:
        block_user(actor=actor, target=request.sender)


@transaction.atomic
def open_conversation(
    *, people: Sequence[User], kind: str = ConversationKind.GROUP, title: str = ""
) -> Conversation:
    """Open a conversation for 2 to 8 people (matches, groups and accepted requests); a course
    group may hold up to ``MAX_COURSE_PARTICIPANTS``."""
    unique = list({person.pk: person for person in people}.values())
    if not 2 <= len(unique) <= _max_participants(kind):
        raise DomainError(_("A conversation has between 2 and 8 people."))
    conversation = Conversation.objects.create(kind=kind, title=title[:120])
    Participant.objects.bulk_create(
        [Participant(conversation=conversation, user=person) for person in unique]
    )
    return conversation


def _max_participants(kind: str) -> int:
    return MAX_COURSE_PARTICIPANTS if kind == ConversationKind.COURSE else MAX_PARTICIPANTS


@transaction.atomic
def add_participant(*, conversation: Conversation, user: User) -> None:
    """Add someone to a group conversation (a course participant who got a place)."""
    if conversation.participants.filter(user=user).exists():
        return
    if conversation.participants.count() >= _max_participants(conversation.kind):
        raise DomainError(_("This conversation is full."))
    Participant.objects.create(conversation=conversation, user=user)


@transaction.atomic
def remove_participant(*, conversation: Conversation, user: User) -> None:
    """Take someone out of a group conversation (a participant who left the course)."""
    conversation.participants.filter(user=user).delete()


def message_event(message: Message) -> dict[str, Any]:
    return {
        "event": "message",
        "conversation": message.conversation_id,
        "message": message_payload(message),
    }


def message_payload(message: Message) -> dict[str, Any]:
    alias = display_alias(message.sender)
    return {
        "id": message.pk,
        "sender": message.sender_id,
        "alias": alias,
        # the avatar (core.look): initials in the person's colour; none for a deleted member
        "initials": initials(alias) if message.sender_id else "",
        "tone": tone(alias) if message.sender_id else None,
        "html": "" if message.deleted_at or message.hidden_at else render_message(message.body),
        "created_at": message.created_at.isoformat(),
        "edited": message.edited_at is not None,
        "deleted": message.deleted_at is not None or message.hidden_at is not None,
        "hidden": message.hidden_at is not None,
        "client_key": message.client_key,
        "crisis": message.crisis,
    }


def _recipients(conversation: Conversation) -> list[int]:
    return list(conversation.participants.values_list("user_id", flat=True))


def send_message(
    *, actor: User, conversation: Conversation, body: str, client_key: str = ""
) -> Message:
    """Save, then publish. The same ``client_key`` twice gives the same message, never two."""
    result = send_messages([Outgoing(actor, conversation.pk, body, client_key)])[0]
    if isinstance(result, DomainError):
        raise result
    return result


@dataclass(frozen=True)
class Outgoing:
    actor: User
    conversation_id: int  # 0 or unknown: "you cannot write in this conversation"
    body: str
    client_key: str = ""
    # The live connection (a channel name) that sent it: answered directly, not sent it again.
    origin: str = ""


def send_messages(batch: Sequence[Outgoing]) -> list[Message | DomainError]:
    """Save messages in one transaction, then publish them. The chat socket sends everything
    that arrived while the previous batch was saved, so many writers share one commit.

    Each message gets exactly the checks of one sent alone; one that fails them gets its
    error and the others are still sent. A client key seen before gives the earlier message:
    the insert fails on the unique key, and the batch is sent again one by one (retries are
    rare, so the usual batch needs no query to look for them).
    """
    try:
        with transaction.atomic():
            return _save_batch(batch)
    except IntegrityError:  # a client key saved before: one by one instead
        if len(batch) == 1:
            item = batch[0]
            earlier = Message.objects.filter(
                sender=item.actor, client_key=item.client_key[:64]
            ).first()
            if earlier is None or not item.client_key:
                raise
            earlier.sender = item.actor  # loaded: the socket answers with it on its event loop
            return [earlier]
        return [send_messages([item])[0] for item in batch]


def _save_batch(batch: Sequence[Outgoing]) -> list[Message | DomainError]:
    results: list[Message | DomainError | None] = [None] * len(batch)
    members: dict[int, set[int]] = {}
    rows = Participant.objects.filter(
        conversation_id__in={item.conversation_id for item in batch}
    ).values_list("conversation_id", "user_id")
    for conversation_id, user_id in rows:
        members.setdefault(conversation_id, set()).add(user_id)
    senders = {item.actor.pk for item in batch}
    blocked = blocked_ids_of(senders)
    rate = MessageRate(senders)
    first_with_key: dict[tuple[int, str], int] = {}
    new: list[tuple[int, Message]] = []
    for n, item in enumerate(batch):
        key = (item.actor.pk, item.client_key[:64])
        ids = members.get(item.conversation_id, set())
        if not permissions.can_send(item.actor, None, ids, blocked.get(item.actor.pk, set())):
            results[n] = NotAllowed(_("You cannot write in this conversation."))
            continue
        if item.client_key and key in first_with_key:
            continue  # the same message twice in one batch: answered below
        try:
            text = _clean_body(item.body)
            rate.take(item.actor.pk)
        except DomainError as error:
            results[n] = error
            continue
        if item.client_key:
            first_with_key[key] = n
        message = Message(
            conversation_id=item.conversation_id, sender=item.actor, body=text, client_key=key[1]
        )
        new.append((n, message))
    Message.objects.bulk_create([message for _n, message in new])
    rate.save()
    events = []
    for n, message in new:
        results[n] = message
        # Nothing else is written: the sender's own messages never count as unread, and the
        # inbox orders by the newest message, read from the messages themselves.
        about = f"conversation:{message.conversation_id}"
        if text_accepted(author=message.sender, text=message.body, where="message", about=about):  # type: ignore[arg-type]
            _mark_crisis(message)
        event = message_event(message)
        if batch[n].origin:
            event["origin"] = batch[n].origin
        events.append((members[message.conversation_id], event))
    publish_many(events)
    for n, item in enumerate(batch):
        if results[n] is None:  # a repeat within the batch
            results[n] = results[first_with_key[(item.actor.pk, item.client_key[:64])]]
    return [result for result in results if result is not None]


@transaction.atomic
def edit_message(*, actor: User, message: Message, body: str) -> Message:
    if not permissions.can_edit_message(actor, message):
        raise NotAllowed(_("You can only edit your own messages, within 15 minutes."))
    message.body = _clean_body(body)
    message.edited_at = timezone.now()
    message.save(update_fields=["body", "edited_at"])
    about = f"conversation:{message.conversation_id}"
    if text_accepted(author=actor, text=message.body, where="message", about=about):
        _mark_crisis(message)
    publish(_recipients(message.conversation), message_event(message))
    return message


def _mark_crisis(message: Message) -> None:
    """The others in the conversation are told how they can answer (never unmarked)."""
    if not message.crisis:
        message.crisis = True
        Message.objects.filter(pk=message.pk).update(crisis=True)


@transaction.atomic
def delete_message(*, actor: User, message: Message) -> Message:
    if not permissions.can_delete_message(actor, message):
        raise NotAllowed(_("You can only delete your own messages."))
    message.held_body, message.body = message.body, ""
    message.deleted_at = timezone.now()
    message.save(update_fields=["body", "held_body", "deleted_at"])
    publish(_recipients(message.conversation), message_event(message))
    forget_deleted_messages(message.deleted_at)
    return message


@transaction.atomic
def undo_delete_message(*, actor: User, message: Message) -> Message:
    """The writer takes a deletion back within ``LIGESIND_UNDO_MINUTES``."""
    message = Message.objects.select_for_update().select_related("conversation").get(pk=message.pk)
    if not permissions.can_undo_delete_message(actor, message) or message.held_body is None:
        raise NotAllowed(_("The time to undo has passed: the message is deleted for good."))
    message.body, message.held_body, message.deleted_at = message.held_body, None, None
    message.save(update_fields=["body", "held_body", "deleted_at"])
    publish(_recipients(message.conversation), message_event(message))
    return message


def forget_deleted_messages(now: datetime) -> dict[str, int]:
    """Deleted messages past the undo time lose their held-back text for good."""
    held = Message.objects.filter(held_body__isnull=False, deleted_at__lt=undo_deadline(now))
    return {"deleted_message_texts": held.update(held_body=None)}


@transaction.atomic
def set_message_hidden(*, message: Message, hidden: bool) -> Message:
    """A moderator hides a message (or shows it again); the safety app checks who may."""
    message.hidden_at = timezone.now() if hidden else None
    message.save(update_fields=["hidden_at"])
    publish(_recipients(message.conversation), message_event(message))
    return message


@transaction.atomic
def mark_read(*, actor: User, conversation: Conversation, up_to_id: int | None = None) -> int:
    latest = conversation.messages.order_by("-id").values_list("id", flat=True).first() or 0
    target = min(up_to_id, latest) if up_to_id else latest
    Participant.objects.filter(
        conversation=conversation, user=actor, last_read_id__lt=target
    ).update(last_read_id=target)
    publish(
        _recipients(conversation),
        {
            "event": "read",
            "conversation": conversation.pk,
            "user": actor.pk,
            "alias": alias_of(actor),
            "up_to": target,
        },
    )
    return target


def seen_by(user: User, conversation: Conversation) -> list[str]:
    """Who among the others has read the user's latest message."""
    mine = conversation.messages.filter(sender=user).order_by("-id").values_list("id", flat=True)
    last = mine.first()
    if last is None:
        return []
    return [
        alias_of(p.user)
        for p in conversation.participants.all()  # a page prefetches them with their profiles
        if p.user_id != user.pk and p.last_read_id >= last
    ]


@transaction.atomic
def set_muted(*, actor: User, conversation: Conversation, muted: bool) -> None:
    if not permissions.is_participant(actor, conversation):
        raise NotAllowed(_("You are not in this conversation."))
    Participant.objects.filter(conversation=conversation, user=actor).update(muted=muted)


def unread_counts(user: User) -> dict[int, int]:
    """Unread messages from others, by conversation."""
    rows = (
        Participant.objects.filter(user=user)
        .annotate(
            unread=Count(
                "conversation__messages",
                filter=Q(conversation__messages__id__gt=F("last_read_id"))
                & ~Q(conversation__messages__sender=user)
                & Q(conversation__messages__deleted_at__isnull=True),
            )
        )
        .values_list("conversation_id", "unread")
    )
    return {conversation_id: unread for conversation_id, unread in rows if unread}


def total_unread(user: User) -> int:
    return sum(unread_counts(user).values())


def messages_after(conversation: Conversation, after_id: int, limit: int = 200) -> list[Message]:
    """What a reconnecting client missed since the last message id it saw."""
    return list(
        conversation.messages.filter(Q(id__gt=after_id))
        .select_related("sender__profile")
        .order_by("id")[:limit]
    )


def notify_unread_messages() -> int:
    """Tell members about messages left unread for a while (run every few minutes).

    At most one notice per conversation per day; the notice names no one and quotes nothing.
    """
    wait = timedelta(minutes=settings.LIGESIND_UNREAD_NOTICE_MINUTES)
    now = timezone.now()
    day_ago = now - timedelta(days=1)
    told = 0
    waiting = Message.objects.filter(
        conversation=OuterRef("conversation"),
        id__gt=OuterRef("last_read_id"),
        created_at__lte=now - wait,
        deleted_at__isnull=True,
    ).exclude(sender=OuterRef("user"))
    rows = (
        Participant.objects.filter(Exists(waiting), muted=False, user__is_active=True)
        .filter(Q(last_notice_at__isnull=True) | Q(last_notice_at__lt=day_ago))
        .select_related("user", "conversation")
    )
    for participant in rows:
        if not permissions.can_view_conversation(participant.user, participant.conversation):
            continue
        with transaction.atomic():
            Participant.objects.filter(pk=participant.pk).update(last_notice_at=now)
            notify(
                participant.user,
                "unread_message",
                url=reverse("messaging:conversation", args=[participant.conversation_id]),
            )
        told += 1
    return told


def visible_conversations(user: User) -> list[Conversation]:
    rows = (
        Conversation.objects.filter(participants__user=user)
        .prefetch_related("participants__user__profile")
        .annotate(last_message_at=Max("messages__created_at"))
        .order_by(F("last_message_at").desc(nulls_last=True), "-created_at")
    )
    blocked = permissions.blocked_user_ids(user)
    visible: list[Conversation] = []
    for conversation in rows:
        others = {p.user_id for p in conversation.participants.all()} - {user.pk}
        if not permissions.hidden_by_block(others, blocked):
            visible.append(conversation)
    return visible


def other_aliases(user: User, conversation: Conversation) -> list[str]:
    """The others' aliases; someone who deleted their account shows as "deleted member"."""
    names = [display_alias(p.user) for p in conversation.participants.all() if p.user_id != user.pk]
    return names or [display_alias(None)]


def recent_messages(conversation: Conversation, limit: int = 100) -> list[Message]:
    rows = conversation.messages.select_related("sender__profile").order_by("-id")[:limit]
    return list(reversed(list(rows)))


def announce_typing(*, actor: User, conversation: Conversation) -> None:
    """Tell the others that ``actor`` is writing (nothing is saved)."""
    others = [uid for uid in _recipients(conversation) if uid != actor.pk]
    publish(
        others,
        {
            "event": "typing",
            "conversation": conversation.pk,
            "user": actor.pk,
            "alias": alias_of(actor),
        },
    )
