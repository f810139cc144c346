from django import template

from ligesind.accounts.permissions import AnyUser, is_member
from ligesind.membership.entitlements import Feature, has_feature

register = template.Library()


@register.filter
def lacks(user: AnyUser, feature: str) -> bool:
    """``{% if user|lacks:"activities" %}``: a member whose levels do not open this feature
    (shown the way to it instead of the button)."""
    return is_member(user) and not has_feature(user, Feature(feature))
