"""Safety's business operations, one module per noun; import them from here."""

from .crisis import (
    add_crisis_term,
    check_crisis_term,
    check_text,
    current_lexicon,
    moderator_ids,
    new_alert_count,
    set_alert_status,
    set_term_active,
    take_pending_panel,
    write_to_alert_author,
)
from .decisions import (
    answer_appeal,
    appeal_decision,
    end_sessions,
    open_appeal_count,
    restore_decision,
    take_decision,
)
from .muted import contains_muted, mute_word, muted_words, unmute_word
from .reports import new_report_count, report_content, reported_content, set_report_status

__all__ = [
    "add_crisis_term",
    "answer_appeal",
    "appeal_decision",
    "check_crisis_term",
    "check_text",
    "contains_muted",
    "end_sessions",
    "moderator_ids",
    "mute_word",
    "muted_words",
    "new_alert_count",
    "new_report_count",
    "open_appeal_count",
    "current_lexicon",
    "report_content",
    "reported_content",
    "restore_decision",
    "set_alert_status",
    "set_report_status",
    "set_term_active",
    "take_decision",
    "take_pending_panel",
    "unmute_word",
    "write_to_alert_author",
]
