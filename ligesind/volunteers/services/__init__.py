"""Volunteers' business operations: applications (``applications``), training
(``trainings``) and hours (``hours``)."""

from .applications import (
    ApplicationData,
    add_application_note,
    application_url,
    applications_to_screen,
    apply_to_volunteer,
    book_conversation,
    decide_application,
    look_at_application,
    start_approved,
    start_as_peer_guide,
    withdraw_application,
)
from .hours import HoursData, change_hours, delete_hours, fill_in_hours, log_hours
from .trainings import (
    add_training_module,
    complete_training,
    create_training,
    enrol_in_training,
    record_module_attendance,
    trainings_to_manage,
)

__all__ = [
    "ApplicationData",
    "HoursData",
    "add_application_note",
    "add_training_module",
    "application_url",
    "applications_to_screen",
    "apply_to_volunteer",
    "book_conversation",
    "change_hours",
    "complete_training",
    "create_training",
    "decide_application",
    "delete_hours",
    "enrol_in_training",
    "fill_in_hours",
    "log_hours",
    "look_at_application",
    "record_module_attendance",
    "start_approved",
    "start_as_peer_guide",
    "trainings_to_manage",
    "withdraw_application",
]
