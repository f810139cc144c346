"""The course template from the seeds: "Vejen til hverdagslivet", 10 weeks, 2 hours a week."""

from typing import Any

DESCRIPTION = (
    "Et peer-gruppeforløb for dig, der vil finde vejen tilbage til hverdagslivet. "
    "Vi mødes i en lille gruppe to timer om ugen i ti uger. Forløbet ledes af frivillige, "
    "der selv har levede erfaringer. Vi lytter, deler og finder små skridt sammen – "
    "ingen skal noget, alle må være med."
)


def load_course_templates(apps: Any, schema_editor: Any) -> None:
    CourseTemplate = apps.get_model("activities", "CourseTemplate")
    CourseTemplate.objects.get_or_create(
        name="Vejen til hverdagslivet",
        defaults={
            "description": DESCRIPTION,
            "sessions": 10,
            "session_minutes": 120,
            "interval_days": 7,
            "completion_minimum": 7,
        },
    )
