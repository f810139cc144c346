from typing import Any

from django import template

from ligesind.accounts.models import Profile
from ligesind.messaging import permissions
from ligesind.messaging.services import conversation_between

register = template.Library()


@register.simple_tag(takes_context=True)
def can_write_to(context: dict[str, Any], profile: Profile) -> bool:
    """Whether the "Write to …" button belongs on this profile for the viewer."""
    user = context["request"].user
    if not permissions.can_message(user) or profile.user_id == user.pk:
        return False
    existing = conversation_between(user, profile.user)
    if existing is not None:
        return permissions.can_view_conversation(user, existing)
    return permissions.can_request(user, profile.user)
