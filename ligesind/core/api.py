"""API endpoints for my notifications."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from . import services
from .errors import DomainError
from .models import Notification
from .notifications import render

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    text: str
    url: str
    created_at: str
    read: bool


@router.get("/notifications", response=list[NotificationOut], summary="My notifications")
@paginate(PageNumberPagination, page_size=30)
def notifications(request: HttpRequest) -> Any:
    rows = Notification.objects.filter(recipient_id=request.auth.pk)  # type: ignore[attr-defined]
    return _Rendered(rows)


class _Rendered:
    def __init__(self, rows: Any) -> None:
        self.rows = rows

    def count(self) -> int:
        return int(self.rows.count())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[dict[str, Any]]:
        return [
            {
                "id": n.pk,
                "kind": n.kind,
                "text": render(n),
                "url": n.url,
                "created_at": n.created_at.isoformat(),
                "read": n.read_at is not None,
            }
            for n in self.rows[index]
        ]


@router.post("/notifications/{notification_id}/read", response={204: None, 404: dict})
def mark_read(request: HttpRequest, notification_id: int) -> Any:
    try:
        services.mark_notification_read(actor=request.auth, notification_id=notification_id)  # type: ignore[attr-defined]
    except DomainError as error:
        return Status(404, {"detail": error.message})
    return Status(204, None)
