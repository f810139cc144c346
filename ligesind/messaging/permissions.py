"""Who may read, write and ask whom: one function per rule."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from ligesind.accounts.models import Profile, ProfileExperience, Visibility
from ligesind.accounts.permissions import blocked_user_ids, is_blocked_between, is_member
from ligesind.core.retention import undo_deadline
from ligesind.membership.entitlements import Feature, has_feature

from .models import Conversation, Message, MessagingSettings, RequestPolicy

AnyUser = AbstractBaseUser | AnonymousUser
EDIT_WINDOW_SECONDS = 15 * 60


def can_message(user: AnyUser) -> bool:
    return is_member(user) and has_feature(user, Feature.MESSAGING)


def everyone_in(conversation: Conversation) -> set[int]:
    """Everyone in the conversation (read from the participants a page prefetched, if it did)."""
    return {participant.user_id for participant in conversation.participants.all()}


def is_participant(user: AnyUser, conversation: Conversation) -> bool:
    return user.pk is not None and user.pk in everyone_in(conversation)


def other_participant_ids(user: AnyUser, conversation: Conversation) -> set[int]:
    return everyone_in(conversation) - {user.pk}


def hidden_by_block(others: set[int], blocked: frozenset[int]) -> bool:
    """A two-person conversation is hidden for someone who blocked (or was blocked by) the other."""
    return len(others) == 1 and bool(others & blocked)


def is_hidden_by_block(user: AnyUser, conversation: Conversation) -> bool:
    return hidden_by_block(other_participant_ids(user, conversation), blocked_user_ids(user))


def can_view_conversation(user: AnyUser, conversation: Conversation) -> bool:
    return (
        can_message(user)
        and is_participant(user, conversation)
        and not is_hidden_by_block(user, conversation)
    )


def can_send(
    user: AnyUser,
    conversation: Conversation | None,
    participant_ids: set[int] | None = None,
    blocked: set[int] | frozenset[int] | None = None,
) -> bool:
    """Write only where no one in the conversation has a block with you: a block stops delivery
    both ways, in groups too. Callers that have the participants or the user's blocks (a batch
    of messages) pass them."""
    if not can_message(user):
        return False
    if participant_ids is None:
        assert conversation is not None  # noqa: S101 - one of the two is always given
        participant_ids = everyone_in(conversation)
    others = participant_ids - {user.pk}
    if blocked is None:
        blocked = blocked_user_ids(user)
    return user.pk in participant_ids and not (others & blocked)


def shared_category_ids(a: AbstractBaseUser, b: AbstractBaseUser) -> set[int]:
    mine = set(
        ProfileExperience.objects.filter(profile__user_id=a.pk).values_list("category", flat=True)
    )
    theirs = set(
        ProfileExperience.objects.filter(profile__user_id=b.pk).values_list("category", flat=True)
    )
    return mine & theirs


def accepts_request_from(receiver: AbstractBaseUser, sender: AbstractBaseUser) -> bool:
    policy = (
        MessagingSettings.objects.filter(user_id=receiver.pk)
        .values_list("requests_from", flat=True)
        .first()
    ) or RequestPolicy.SHARED
    if policy == RequestPolicy.NOBODY:
        return False
    if policy == RequestPolicy.SHARED:
        return bool(shared_category_ids(receiver, sender))
    return True


def can_request(sender: AnyUser, receiver: AbstractBaseUser) -> bool:
    profile = Profile.objects.filter(user_id=receiver.pk).first()
    return (
        can_message(sender)
        and sender.pk != receiver.pk
        and profile is not None
        and profile.is_complete
        and can_message(receiver)
        and not is_blocked_between(sender, receiver)
        and accepts_request_from(receiver, sender)  # type: ignore[arg-type]
    )


def experiences_shown_in_request(sender: AbstractBaseUser, receiver: AbstractBaseUser) -> bool:
    """The receiver sees the shared categories only if the sender lets members see them."""
    profile = Profile.objects.filter(user_id=sender.pk).first()
    return profile is not None and profile.experiences_visibility >= Visibility.MEMBERS


def can_edit_message(user: AnyUser, message: Message, may_send: bool | None = None) -> bool:
    """Your own message, within 15 minutes, where you may still write. ``may_send`` may be
    passed when the caller already asked ``can_send`` for this conversation."""
    age = (timezone.now() - message.created_at).total_seconds()
    return (
        message.sender_id == user.pk
        and message.deleted_at is None
        and age <= EDIT_WINDOW_SECONDS
        and (can_send(user, message.conversation) if may_send is None else may_send)
    )


def can_undo_delete_message(user: AnyUser, message: Message) -> bool:
    """The writer, within the undo time, where they may still read the conversation."""
    return (
        message.sender_id == user.pk
        and message.deleted_at is not None
        and message.deleted_at >= undo_deadline()
        and can_view_conversation(user, message.conversation)
    )


def can_delete_message(user: AnyUser, message: Message) -> bool:
    return (
        message.sender_id == user.pk
        and message.deleted_at is None
        and can_view_conversation(user, message.conversation)
    )
