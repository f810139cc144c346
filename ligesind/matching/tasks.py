"""Background tasks: thin wrappers around services."""

from django_tasks import task

from . import services


@task()
def send_check_ins() -> int:
    return services.send_check_ins()
