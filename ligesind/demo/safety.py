"""A demo report, so the moderators' queue is not empty when someone tries the demo."""

from django.db import transaction

from ligesind.accounts.models import User
from ligesind.messaging import services as messaging
from ligesind.safety import services
from ligesind.safety.models import Report

DOMAIN = "demo.ligesind.dk"


@transaction.atomic
def load_demo_safety() -> None:
    if Report.objects.exists():
        return
    reporter = User.objects.get(email=f"medlem1@{DOMAIN}")
    seller = User.objects.get(email=f"medlem9@{DOMAIN}")
    conversation = messaging.open_conversation(people=[reporter, seller], kind="direct")
    message = messaging.send_message(
        actor=seller,
        conversation=conversation,
        body="Hej! Mine kosttilskud kurerer depression på to uger. Køb dem på mit website.",
        client_key="demo-safety-0",
    )
    services.report_content(
        actor=reporter,
        kind="message",
        object_id=message.pk,
        reason="misleading",
        details="Det føles forkert at få salg i en samtale her.",
    )
