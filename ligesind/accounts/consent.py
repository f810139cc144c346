"""The versioned texts of the consent to processing of health data (GDPR art. 9(2)(a))."""

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

CONSENT_TEXTS: dict[str, Promise] = {
    "2026-11": _(
        "I consent to Ligesind processing the information I give about my lived experience "
        "(for example mental vulnerability, addiction or illness, my own or a relative's) so "
        "that I can use the community. This is health data. It is only shown to others as I "
        "choose in my privacy settings, my story is stored encrypted, and staff who open my "
        "data are logged. I can withdraw my consent at any time; my account and personal data "
        "are then deleted."
    ),
    # The same consent in easy-to-read words (DANISH.md): a changed text is a new version, so
    # every member is asked again.
    "2026-12": _(
        "I agree that Ligesind may keep what I tell about my lived experience, for example "
        "mental vulnerability, addiction or illness – my own or a relative's. I need this to use "
        "the community. It is health data. Others only see what I choose in my privacy "
        "settings. My story is stored encrypted. When staff open my data, it is written down. "
        "I can take my consent back at any time. Then my account and my data are deleted. It "
        "cannot be undone."
    ),
}


def current_version() -> str:
    return str(settings.LIGESIND_CONSENT_VERSION)


def current_text() -> Promise:
    return CONSENT_TEXTS[current_version()]
