"""Background tasks: thin wrappers around services."""

from django_tasks import task

from . import services


@task()
def send_renewal_reminders() -> int:
    """Members whose paid period ends soon, once per period."""
    return services.send_renewal_reminders()
