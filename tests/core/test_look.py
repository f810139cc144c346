"""Icons and avatars (core.look): decorative, escaped, the same colour for the same name."""

from ligesind.core.look import TONES, avatar_html, icon_html, initials, tone


def test_initials_from_the_first_two_words():
    assert initials("Skovhjerte") == "S"
    assert initials("anna lise hansen") == "AL"
    assert initials("Kim-Bo") == "KB"
    assert initials("  ") == "?"


def test_a_person_keeps_their_colour_and_every_colour_is_used():
    assert tone("Havfugl") == tone("havfugl")
    assert {tone(f"Peer{n}") for n in range(200)} == set(range(TONES))


def test_an_avatar_is_hidden_from_screen_readers_and_escapes_the_name():
    html = avatar_html("Åse <script>", "m")
    assert 'aria-hidden="true"' in html and "avatar-m" in html and "<script" not in html
    assert ">Å<" in html
    anonymous = avatar_html(None)
    assert "avatar-none" in anonymous and "<svg" in anonymous


def test_an_icon_is_decorative_inline_svg():
    svg = icon_html("phone", 24)
    assert svg.startswith("<svg") and 'aria-hidden="true"' in svg and 'focusable="false"' in svg
    assert 'width="24"' in svg and "\n" not in svg
