"""Whose numbers a dashboard or report counts: some municipalities (or all) and some
organisations (or all). Things of no organisation count for every organisation."""

from dataclasses import dataclass

from django.db.models import Q

from ligesind.accounts.models import User
from ligesind.accounts.permissions import (
    coordinated_municipality_ids,
    coordinator_organisation_ids,
    covered_q,
    is_admin,
)


@dataclass(frozen=True)
class Scope:
    municipalities: frozenset[int] | None  # None: every municipality
    organisations: frozenset[int] | None  # None: every organisation

    def q(self, municipality: str = "municipality", organisation: str = "organisation") -> Q:
        """A filter on a model's municipality and organisation fields ("" to leave one out)."""
        return covered_q(
            self.municipalities,
            self.organisations,
            municipality=municipality,
            organisation=organisation,
        )

    def narrowed(self, municipality_id: int | None) -> "Scope":
        """One of the scope's municipalities (an id outside it narrows to nothing)."""
        if municipality_id is None:
            return self
        inside = self.municipalities is None or municipality_id in self.municipalities
        return Scope(frozenset({municipality_id} if inside else set()), self.organisations)


def coordinator_scope(user: User) -> Scope:
    """An admin's is everything; a coordinator's is their municipalities and organisations."""
    if is_admin(user):
        return Scope(None, None)
    return Scope(coordinated_municipality_ids(user), coordinator_organisation_ids(user))
