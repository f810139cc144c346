"""Background tasks: thin wrappers around services."""

from django_tasks import task

from . import services


@task()
def send_questionnaire_reminders() -> int:
    """Participants whose questionnaire is due, once per timepoint."""
    return services.send_questionnaire_reminders()
