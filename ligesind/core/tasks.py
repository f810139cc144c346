"""Background tasks: thin wrappers around services, taking primary keys, safe to retry."""

from django_tasks import task

from . import services


@task()
def send_notification_email(user_id: int, notification_id: int) -> bool:
    return services.email_notifications(user_id=user_id, notification_ids=[notification_id])


@task()
def send_digest_email(user_id: int, notification_ids: list[int]) -> bool:
    return services.email_notifications(user_id=user_id, notification_ids=notification_ids)


@task()
def send_prepared_email(
    *, subject: str, body: str, html: str, from_email: str, to: list[str]
) -> int:
    return services.send_prepared_email(
        subject=subject, body=body, html=html, from_email=from_email, to=to
    )


@task()
def purge_old_data() -> dict[str, int]:
    return services.purge_old_data()
