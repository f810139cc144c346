"""API endpoints for my notifications."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from . import services
from .api_paging import Pages
from .errors import DomainError
from .models import Notification
from .notifications import render
from .paging import MappedRows

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    text: str
    url: str
    created_at: str
    read: bool


@router.get("/notifications", response=list[NotificationOut], summary="My notifications")
@paginate(Pages, page_size=30)
def notifications(request: HttpRequest) -> Any:
    rows = Notification.objects.filter(recipient_id=request.auth.pk)  # type: ignore[attr-defined]
    return MappedRows(rows, notification_out)


def notification_out(notification: Notification) -> dict[str, Any]:
    return {
        "id": notification.pk,
        "kind": notification.kind,
        "text": render(notification),
        "url": notification.url,
        "created_at": notification.created_at.isoformat(),
        "read": notification.read_at is not None,
    }


@router.post("/notifications/{notification_id}/read", response={204: None, 404: dict})
def mark_read(request: HttpRequest, notification_id: int) -> Any:
    try:
        services.mark_notification_read(actor=request.auth, notification_id=notification_id)  # type: ignore[attr-defined]
    except DomainError as error:
        return Status(404, {"detail": error.message})
    return Status(204, None)
