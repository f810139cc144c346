"""The demo's study (seed 004): Peer-Partnerskabet evaluates the free 10-week peer group course
"Vejen til hverdagslivet" in "Håb og Selvbestemmelse i hverdagslivet". The demo researcher is
on its team; a few demo members take part and have answered the baseline WHO-5."""

import random

from ligesind.accounts.models import Role, User
from ligesind.activities.models import CourseTemplate
from ligesind.demo.people import DOMAIN
from ligesind.organisations.models import Organisation
from ligesind.research import services
from ligesind.research.models import (
    Arm,
    ConsentVersion,
    Question,
    Study,
    TeamMember,
    Timepoint,
)

DESCRIPTION = (
    "Vi undersøger effekten af “Vejen til hverdagslivet”: et gratis peer-gruppeforløb, hvor man"
    " mødes to timer om ugen i 10 uger. Du kan også få følgeskab.\n\n"
    "Halvdelen af deltagerne begynder i et forløb med det samme, den anden halvdel kommer på"
    " venteliste og får en plads, når studiet er slut for dem. Det afgør en lodtrækning.\n\n"
    "Alle, du møder – forskere, medarbejdere og frivillige – har selv erfaring med psykiske"
    " kriser og sårbarhed."
)
CONSENT = (
    "Du svarer på et kort spørgeskema om din trivsel (WHO-5) nu, efter 10 uger og efter 6"
    " måneder. Dine svar bliver gemt krypteret, og forskerne ser dem kun med en kode, aldrig"
    " med dit navn.\n\n"
    "Du kan altid trække dig uden at give en grund. Du vælger selv, om de svar, du har givet,"
    " må blive i studiet."
)


def load_demo_research() -> None:
    organisation = Organisation.objects.get(slug="peer-partnerskabet")
    study, created = Study.objects.get_or_create(
        slug="haab-og-selvbestemmelse",
        defaults={
            "organisation": organisation,
            "title": "Håb og Selvbestemmelse i hverdagslivet",
            "summary": "Gør en forskel: hjælp os med at finde ud af, om gruppeforløbet virker.",
            "description": DESCRIPTION,
            "status": "recruiting",
            "strata": "municipality",
            "course_template": CourseTemplate.objects.filter(
                name="Vejen til hverdagslivet"
            ).first(),
        },
    )
    if not created:
        return
    for n, (text, answer) in enumerate(
        [
            ("Er du fyldt 18 år?", True),
            ("Går du allerede i et peer-gruppeforløb?", False),
        ]
    ):
        Question.objects.create(study=study, text=text, eligible_answer=answer, position=n)
    ConsentVersion.objects.create(
        study=study,
        number=1,
        text=CONSENT,
        statements=[
            "Jeg har læst informationen om studiet.",
            "Jeg ved, at jeg altid kan trække mig.",
            "Jeg vil gerne deltage.",
        ],
    )
    Arm.objects.create(study=study, name="Forløb nu", kind="intervention")
    Arm.objects.create(study=study, name="Venteliste", kind="waiting_list")
    for name, days in [("Start", 0), ("Efter 10 uger", 70), ("Efter 6 måneder", 182)]:
        Timepoint.objects.create(study=study, name=name, days=days)
    researcher = User.objects.filter(email=f"forsker@{DOMAIN}", roles__role=Role.RESEARCHER).first()
    if researcher is not None:
        TeamMember.objects.create(study=study, user=researcher, peer_researcher=True)
    rng = random.Random(4)
    baseline = study.timepoints.get(days=0)
    eligible = {q.pk: q.eligible_answer for q in study.questions.all()}
    for member in User.objects.filter(email__startswith="medlem", roles__isnull=True).order_by(
        "pk"
    )[1:13]:
        participant = services.screen(actor=member, study=study, answers=eligible)
        services.give_consent(
            actor=member, participant=participant, statements=[0, 1, 2], typed_name="Demo"
        )
        services.answer_questionnaire(
            actor=member,
            participant=participant,
            timepoint=baseline,
            answers={key: rng.randint(0, 5) for key in services.who5_keys()},
        )
