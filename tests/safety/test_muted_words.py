"""Muted words: messages containing them are folded for the member who muted them only."""

from django.urls import reverse

from ligesind.messaging import services as messaging
from ligesind.safety import services
from ligesind.safety.models import MutedWord


def test_a_muted_word_catches_its_endings():
    assert services.contains_muted("Det var misbruget der fyldte", ["misbrug"])
    assert not services.contains_muted("Vi gik en tur", ["misbrug"])
    assert not services.contains_muted("noget", [])


def test_muting_from_the_page_and_folding_in_the_chat(client, member, other):
    chat = messaging.open_conversation(people=[member, other], kind="direct")
    messaging.send_message(actor=other, conversation=chat, body="Om misbruget i familien")
    messaging.send_message(actor=other, conversation=chat, body="Og om gåture")
    client.force_login(member)
    client.post(reverse("safety:muted"), {"word": "Misbrug"})
    assert list(MutedWord.objects.values_list("word", flat=True)) == ["misbrug"]
    page = client.get(reverse("messaging:conversation", args=[chat.pk])).content.decode()
    assert page.count("Indeholder et ord, du har skjult – vis alligevel</summary>") == 1
    assert "Om misbruget i familien" in page  # folded, not removed
    assert 'data-muted-words="misbrug"' in page
    client.force_login(other)
    page = client.get(reverse("messaging:conversation", args=[chat.pk])).content.decode()
    assert "vis alligevel</summary>" not in page


def test_bad_input_and_removal(client, member):
    client.force_login(member)
    response = client.post(reverse("safety:muted"), {"word": "to ord"}, follow=True)
    assert "Skriv ét ord." in response.content.decode()
    client.post(reverse("safety:muted"), {"word": "sorg"})
    client.post(reverse("safety:muted"), {"remove": "sorg"})
    assert not MutedWord.objects.exists()
    client.logout()
    assert client.get(reverse("safety:muted")).status_code == 302
