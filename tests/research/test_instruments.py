"""Questionnaires the team defines as data: one line per question, with Likert scales,
choices, numbers, free text, required items, reverse scoring and skip logic."""

import csv
import io
import zipfile

import pytest
from django.urls import reverse

from ligesind.core.errors import DomainError
from ligesind.research import instruments, services
from ligesind.research.forms import InstrumentAnswerForm
from ligesind.research.models import Block, Participant, Response, Timepoint
from ligesind.safety.models import CrisisAlert
from tests.research.test_taking_part import consent, join

LINES = """
sleep | likert | Hvor godt har du sovet? | 0=Dårligt; 1=Nogenlunde; 2=Godt | required
worry | likert | Hvor meget har du bekymret dig? | 0=Slet ikke; 1=Lidt; 2=Meget | required reverse
hours | number | Hvor mange timer sov du? | | min=0 max=24 if=sleep:0
help | multiple | Hvad hjalp? | 1=Gåture; 2=Venner; 3=Musik |
words | text | Vil du fortælle mere? | |
"""


def test_the_lines_become_items_and_back():
    items = instruments.parse_items(LINES)
    assert [item["kind"] for item in items] == ["likert", "likert", "number", "multiple", "text"]
    assert items[1]["reverse"] and items[0]["required"] and not items[4]["required"]
    assert items[2]["show_if"] == {"item": "sleep", "values": [0]} and items[2]["max"] == 24
    assert instruments.parse_items(instruments.items_text(items)) == items


@pytest.mark.parametrize(
    ("lines", "says"),
    [
        ("sleep | likert", "Linje 1"),
        ("Sleep | likert | Søvn? | 0=A; 1=B", "nøglen"),
        ("sleep | scale | Søvn? | 0=A; 1=B", "likert, single"),
        ("sleep | likert | Søvn? | 0=A", "mindst to"),
        ("sleep | likert | Søvn? | 0=A; 1=B | if=other:1", "tidligere"),
        ("sleep | likert | Søvn? | 0=A; 1=B\nsleep | text | Igen?", "Linje 2"),
    ],
)
def test_a_wrong_line_is_named_with_what_to_do(lines, says):
    with pytest.raises(DomainError, match=says):
        instruments.parse_items(lines)


def test_likert_items_are_summed_with_reverse_scoring_and_skip_logic():
    items = instruments.parse_items(LINES)
    assert instruments.score(items, {"sleep": 2, "worry": 0}) == 4  # 2 + (2 - 0)
    assert instruments.score(items, {"sleep": 0, "worry": 2}) == 0
    assert instruments.score(items, {"sleep": 1}) is None  # a likert item skipped


def test_the_form_asks_a_conditional_item_only_after_its_answer():
    items = instruments.parse_items(LINES.replace("min=0 max=24", "required min=0 max=24"))
    form = InstrumentAnswerForm({"sleep": "2", "worry": "1"}, items=items)
    assert form.is_valid(), form.errors
    assert "hours" not in form.cleaned_data
    form = InstrumentAnswerForm({"sleep": "0", "worry": "1"}, items=items)
    assert not form.is_valid() and "hours" in form.errors
    form = InstrumentAnswerForm({"sleep": "0", "worry": "1", "hours": "30"}, items=items)
    assert not form.is_valid()  # above max


@pytest.fixture
def with_instrument(study, researcher):
    services.save_instrument(
        actor=researcher,
        study=study,
        name="Søvn og bekymring",
        key="sleep",
        lines=LINES,
        instrument=None,
    )
    Timepoint.objects.filter(study=study, days=70).update(instrument="sleep", days=0)
    return study


def test_a_participant_answers_the_teams_questionnaire_and_free_text_is_checked(
    client, member, with_instrument, researcher
):
    study = with_instrument
    client.force_login(member)
    join(client, study)
    consent(client, study)
    timepoint = Timepoint.objects.get(study=study, instrument="sleep")
    url = reverse("research:questionnaire", args=[study.slug, timepoint.pk])
    page = client.get(url).content.decode()
    assert "Søvn og bekymring" in page and "Kun hvis dit svar på" in page
    client.post(
        url,
        {
            "sleep": "0",
            "worry": "2",
            "hours": "5",
            "help": ["1", "3"],
            "words": "Jeg vil ikke leve mere",
        },
    )
    response = Response.objects.get(participant__user=member, timepoint=timepoint)
    assert response.raw_score == 0 and response.score is None
    assert CrisisAlert.objects.filter(author=member).exists()
    client.force_login(researcher)
    archive = zipfile.ZipFile(
        io.BytesIO(client.get(reverse("research:export", args=[study.slug])).content)
    )
    assert "sleep.csv" in archive.namelist()
    rows = list(csv.DictReader(io.StringIO(archive.read("sleep.csv").decode())))
    assert rows[0]["sleep_help"] == "1;3" and rows[0]["sleep_score"] == "0"
    assert "sleep_worry" in archive.read("codebook.csv").decode()
    assert Participant.objects.get(user=member).code in archive.read("sleep.csv").decode()


def test_only_the_team_defines_questionnaires(client, study, researcher, other_researcher):
    url = reverse("research:instrument_new", args=[study.slug])
    client.force_login(other_researcher)
    assert client.get(url).status_code == 404
    client.force_login(researcher)
    response = client.post(url, {"name": "Søvn", "key": "sleep", "items": "sleep | likert"})
    assert "Linje 1" in response.content.decode()
    response = client.post(url, {"name": "Søvn", "key": "sleep", "items": LINES})
    assert response.status_code == 302


def test_the_dashboard_charts_the_teams_questionnaire_on_its_own_scale(
    client, member, other, with_instrument, researcher
):
    from ligesind.research.analysis import outcome_charts

    study = with_instrument
    first, second = study.arms.order_by("pk")
    Block.objects.create(study=study, stratum="", number=1, sequence=[first.pk, second.pk])
    timepoint = Timepoint.objects.get(study=study, instrument="sleep")
    url = reverse("research:questionnaire", args=[study.slug, timepoint.pk])
    for person, answers in ((member, {"sleep": "2", "worry": "0"}), (other, {"sleep": "1"})):
        client.force_login(person)
        join(client, study)
        consent(client, study)
        client.post(url, {**answers, "worry": answers.get("worry", "1")})
    who5_chart, sleep = outcome_charts(study)
    assert who5_chart.key == "who5" and sleep.title == "Søvn og bekymring"
    assert (sleep.low, sleep.high) == (0, 4)  # two items scored 0–2
    answered = sorted(row.mean for row in sleep.rows if row.mean is not None)
    assert answered == [2.0, 4.0]  # 1 + (2 - 1) and 2 + (2 - 0), one in each group
    top = min(mark.y for mark in sleep.marks)
    assert top == 16.0  # a mean of 4 sits at the top of the 0–4 scale
    client.force_login(researcher)
    page = client.get(reverse("research:dashboard", args=[study.slug])).content.decode()
    assert "Søvn og bekymring pr. gruppe og tidspunkt" in page and "Score fra 0 til 4." in page
