"""Signals other apps listen to (so accounts need not know them)."""

from django.dispatch import Signal

# Sent with ``user`` when a role is granted, changed or removed (the public pages' editors
# follow the role "editor").
role_changed = Signal()
