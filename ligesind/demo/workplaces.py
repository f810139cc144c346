"""Demo workplace requests: a job centre asked Peer-Netværket for a talk (seed 003), and a
member of the network shows their title as a working peer. Safe to run again."""

from ligesind.accounts.models import Profile, Visibility
from ligesind.demo.people import DOMAIN
from ligesind.organisations.models import Organisation
from ligesind.workplaces.models import RequestStatus, WorkplaceNote, WorkplaceRequest


def load_demo_workplaces() -> None:
    network = Organisation.objects.filter(slug="peer-netvaerket").first()
    if network is None or WorkplaceRequest.objects.filter(organisation=network).exists():
        return
    asked = WorkplaceRequest.objects.create(
        organisation=network,
        workplace="Jobcenter Odense",
        contact_name="Hanne Madsen",
        reach="hanne.madsen@example.org",
        wants=["advice", "talk"],
        message="Vi overvejer at ansætte to peer-medarbejdere i vores ungeindsats og vil gerne "
        "høre, hvad vi skal tænke på.",
        status=RequestStatus.CONTACTED,
    )
    WorkplaceNote.objects.create(request=asked, text="Ringet til Hanne. Oplæg i det nye år.")
    WorkplaceRequest.objects.create(
        organisation=network,
        workplace="Botilbuddet Engen",
        contact_name="Lars Holm",
        reach="62 00 00 00",
        wants=["workshop"],
    )
    Profile.objects.filter(user__email=f"medlem1@{DOMAIN}").update(
        peer_title="Recovery mentor", peer_title_visibility=Visibility.MEMBERS
    )
