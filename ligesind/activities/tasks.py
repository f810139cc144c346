"""Background tasks: thin wrappers around services."""

from django_tasks import task

from . import services


@task()
def send_activity_reminders() -> int:
    return services.send_activity_reminders()
