"""Background tasks: thin wrappers around services."""

from django_tasks import task

from . import services


@task()
def tell_followers(post_id: int) -> int:
    """A new post's followers hear about it (in-app, and by e-mail as each chose)."""
    return services.tell_followers(post_id=post_id)
