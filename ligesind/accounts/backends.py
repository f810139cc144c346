"""Signing in (allauth's e-mail login), and loading the signed-in user once per request
together with what every page asks about them.

Every page needs the member's profile (alias, complete or not), whether they hold current
consent, and a few counters in the navigation. Loading them as annotations on the one user
query keeps a page's SQL count small; apps add theirs with
``ligesind.core.people.register_user_annotation``.
Code that reads an annotation falls back to its own query when it is missing (a user loaded
some other way).
"""

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.db.models import Aggregate, CharField, Exists, OuterRef, QuerySet, Subquery

from ligesind.core.fast.prepared import PreparedQuery
from ligesind.core.people import on_annotations_changed, user_annotations
from ligesind.core.remembered import Memory

from .consent import current_version
from .models import Block, ConsentRecord, RoleAssignment, User


class JoinedText(Aggregate):
    """A comma-separated list of the values: GROUP_CONCAT on SQLite, STRING_AGG on PostgreSQL."""

    function = "GROUP_CONCAT"
    output_field = CharField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s((%(expressions)s)::text, ',')",
            **extra,
        )


def _joined(rows: QuerySet[Any], key: str, value: str) -> Subquery:
    return Subquery(rows.order_by().values(key).annotate(joined=JoinedText(value)).values("joined"))


def _ids(text: str | None) -> frozenset[int]:
    return frozenset(int(part) for part in text.split(",")) if text else frozenset()


_built: Memory[str, QuerySet[User]] = Memory(8)  # by consent version


def users_for_pages() -> QuerySet[User]:
    """Built once per process and consent version (making the expressions costs more than
    running the query); each request filters a copy."""
    version = current_version()
    if version not in _built:
        _built.clear()
        consent = ConsentRecord.objects.filter(
            user=OuterRef("pk"), version=version, withdrawn_at__isnull=True
        )
        rows = User.objects.select_related("profile").annotate(
            ligesind_consent=Exists(consent),
            ligesind_roles=_joined(
                RoleAssignment.objects.filter(user=OuterRef("pk")), "user", "role"
            ),
            ligesind_blocked=_joined(
                Block.objects.filter(blocker=OuterRef("pk")), "blocker", "blocked_id"
            ),
            ligesind_blocked_by=_joined(
                Block.objects.filter(blocked=OuterRef("pk")), "blocked", "blocker_id"
            ),
        )
        _built[version] = rows.annotate(
            **{name: make() for name, make in user_annotations().items()}
        )
    return _built[version].all()


# Its SQL is made once per process and consent version (bench/forum.py: building it took
# longer than running it).
_user_by_pk: PreparedQuery[User] = PreparedQuery(
    lambda pk, version: users_for_pages().filter(pk=pk)
)


def _forget_built() -> None:
    _built.clear()
    _user_by_pk.clear()


on_annotations_changed(_forget_built)


class MemberBackend(AuthenticationBackend):
    def get_user(self, user_id: Any) -> User | None:
        user = _user_by_pk.first(int(user_id), version=current_version())
        if user is None or not self.user_can_authenticate(user):
            return None
        # What permissions.roles_of, has_current_consent and the forums' blocked_ids read.
        user._ligesind_consent = user.ligesind_consent  # type: ignore[attr-defined]
        roles = user.ligesind_roles  # type: ignore[attr-defined]
        user._ligesind_roles = frozenset(roles.split(",")) if roles else frozenset()  # type: ignore[attr-defined]
        user._ligesind_blocked = _ids(user.ligesind_blocked) | _ids(user.ligesind_blocked_by)  # type: ignore[attr-defined]
        return user
