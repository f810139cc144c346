"""Aliases that cannot pass for someone else's: no invisible or direction-changing characters,
compatibility forms made plain, no mixing of Latin with lookalike Greek or Cyrillic letters."""

import pytest
from django.urls import reverse

from ligesind.accounts import services
from ligesind.accounts.aliases import clean_alias
from ligesind.core.errors import DomainError
from tests.factories import UserFactory


@pytest.mark.parametrize(
    "alias",
    [
        "Havfugl\u202e",  # right-to-left override
        "Hav\u200bfugl",  # zero-width space
        "\ufeffHavfugl",  # byte order mark
        "Hav\u200dfugl",  # zero-width joiner
        "Hav\u2066fugl\u2069",  # directional isolates
        "Hav\x07fugl",  # a control character
        "Hav\u2028fugl",  # line separator
        "Hаvfugl",  # Cyrillic а among Latin letters
        "Ηavfugl",  # Greek capital eta for H
    ],
)
def test_refused(alias):
    with pytest.raises(DomainError):
        clean_alias(alias)


@pytest.mark.parametrize(
    ("alias", "saved"),
    [
        ("Ｈａｖｆｕｇｌ", "Havfugl"),  # full-width forms
        ("  Blå   Fugl ", "Blå Fugl"),
        ("Søren Ø. 42", "Søren Ø. 42"),
        ("Σοφία", "Σοφία"),  # one alphabet is fine
        ("Ольга", "Ольга"),
        ("Ærø-pigen", "Ærø-pigen"),
    ],
)
def test_normalised(alias, saved):
    assert clean_alias(alias) == saved


def test_a_lookalike_of_a_taken_alias_is_refused_or_is_the_same_alias(other):
    member = UserFactory.create()
    with pytest.raises(DomainError, match="taken|optaget"):
        services.update_profile(actor=member, data=services.ProfileData(alias="Ｈａｖｆｕｇｌ"))
    with pytest.raises(DomainError):
        services.update_profile(actor=member, data=services.ProfileData(alias="Havfugl\u200b"))


def test_the_profile_page_explains_and_keeps_the_rest(client, member):
    client.force_login(member)
    response = client.post(
        reverse("accounts:profile_edit"),
        {"alias": "Sol\u202ehjerte", "story": "Min historie", "real_name_visibility": 0},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "synlige bogstaver" in html
    assert "Min historie" in html
    member.profile.refresh_from_db()
    assert member.profile.alias == "Solhjerte"
