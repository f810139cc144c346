"""Domain errors raised by services. Each carries a translated message that is safe to show."""

from django.utils.functional import Promise


class DomainError(Exception):
    def __init__(self, message: str | Promise) -> None:
        super().__init__(str(message))
        self.message = str(message)


class NotAllowed(DomainError):
    """The actor may not do this."""
