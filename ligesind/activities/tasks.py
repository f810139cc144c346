"""Background tasks: thin wrappers around services."""

from django_tasks import task

from . import services


@task()
def send_activity_reminders() -> int:
    """Activities and course sessions that start within a day."""
    return services.send_activity_reminders() + services.send_session_reminders()
