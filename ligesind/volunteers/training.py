"""The training gate: an organisation may require its peer guides to complete a qualifying
training. A peer guide is *qualified* unless an organisation their peer-guide role acts for
(a role for every organisation: each of them) requires training they have not completed.
Only qualified peer guides are suggested or proposed as guides, go along in følgeskab or lead
courses; the rest see what they still need. The same rule is written once more as SQL for
PeerMatch's ranking query (``UNTRAINED_SQL``); a test holds the two together."""

from django.db.models import Exists, OuterRef, QuerySet

from ligesind.accounts.models import Role, RoleAssignment
from ligesind.accounts.permissions import AnyUser, acting_for, has_role
from ligesind.organisations.models import Organisation

from .models import TrainingEnrolment, TrainingProgramme


def lacking_training(user_ref: OuterRef | int) -> QuerySet[Organisation]:
    """Organisations requiring training that the peer guide acts for without having it."""
    user = user_ref if isinstance(user_ref, int) else OuterRef(user_ref)
    acts = RoleAssignment.objects.filter(
        acting_for(OuterRef("pk")), user_id=user, role=Role.PEER_GUIDE
    )
    done = TrainingEnrolment.objects.filter(
        volunteer_id=user,
        programme__organisation_id=OuterRef("pk"),
        programme__qualifies=True,
        completed_at__isnull=False,
    )
    return Organisation.objects.filter(Exists(acts), requires_training=True).exclude(Exists(done))


def untrained(user_field: str = "user_id") -> Exists:
    """For a queryset with a user id column: the peer guide lacks a required training."""
    return Exists(lacking_training(OuterRef(user_field)))


def is_qualified_guide(user: AnyUser) -> bool:
    return (
        user.pk is not None
        and has_role(user, Role.PEER_GUIDE)
        and not lacking_training(int(user.pk)).exists()
    )


def still_needed(user: AnyUser) -> list[TrainingProgramme]:
    """The qualifying programmes of the organisations whose training this guide lacks."""
    if user.pk is None or not has_role(user, Role.PEER_GUIDE):
        return []
    return list(
        TrainingProgramme.objects.filter(
            organisation__in=lacking_training(int(user.pk)), qualifies=True
        ).select_related("organisation")
    )


# The same rule for PeerMatch's raw ranking SQL (``mp.user_id`` is the candidate).
UNTRAINED_SQL = (
    "EXISTS (SELECT 1 FROM organisations_organisation o WHERE o.requires_training"
    " AND EXISTS (SELECT 1 FROM accounts_roleassignment r2"
    " LEFT JOIN accounts_roleassignment_organisations ro ON ro.roleassignment_id = r2.id"
    " WHERE r2.user_id = mp.user_id AND r2.role = 'peer_guide'"
    " AND (ro.organisation_id IS NULL OR ro.organisation_id = o.id))"
    " AND NOT EXISTS (SELECT 1 FROM volunteers_trainingenrolment e"
    " JOIN volunteers_trainingprogramme p ON p.id = e.programme_id"
    " WHERE e.volunteer_id = mp.user_id AND p.organisation_id = o.id AND p.qualifies"
    " AND e.completed_at IS NOT NULL))"
)
