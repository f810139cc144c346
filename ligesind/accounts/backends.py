"""Signing in (allauth's e-mail login), and loading the signed-in user once per request
together with what every page asks about them.

Every page needs the member's profile (alias, complete or not), whether they hold current
consent, and a few counters in the navigation. Loading them as annotations on the one user
query keeps a page's SQL count small; apps add theirs with ``register_user_annotation``.
Code that reads an annotation falls back to its own query when it is missing (a user loaded
some other way).
"""

from collections.abc import Callable
from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.db.models import Exists, OuterRef, QuerySet

from .consent import current_version
from .models import ConsentRecord, User

_annotations: dict[str, Callable[[], Any]] = {}
_built: dict[str, QuerySet[User]] = {}  # by consent version


def register_user_annotation(name: str, expression: Callable[[], Any]) -> None:
    """``name`` must start with ``ligesind_``; ``expression`` builds it (OuterRef("pk") is
    the user)."""
    _annotations[name] = expression
    _built.clear()


def users_for_pages() -> QuerySet[User]:
    """Built once per process and consent version (making the expressions costs more than
    running the query); each request filters a copy."""
    version = current_version()
    if version not in _built:
        _built.clear()
        consent = ConsentRecord.objects.filter(
            user=OuterRef("pk"), version=version, withdrawn_at__isnull=True
        )
        rows = User.objects.select_related("profile").annotate(ligesind_consent=Exists(consent))
        _built[version] = rows.annotate(**{name: make() for name, make in _annotations.items()})
    return _built[version].all()


class MemberBackend(AuthenticationBackend):
    def get_user(self, user_id: Any) -> User | None:
        user = users_for_pages().filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        user._ligesind_consent = user.ligesind_consent  # type: ignore[attr-defined]
        return user
