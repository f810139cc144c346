"""Background tasks: thin wrappers around services."""

from django_tasks import task

from . import services


@task()
def send_unread_notices() -> int:
    return services.notify_unread_messages()
