"""The features a fee level can unlock. Every app asks ``entitlements.has_feature``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Feature(models.TextChoices):
    MESSAGING = "messaging", _("Chat and messages with other peers")
    COMMUNITY = "community", _("Forums, network groups and communities")
    MATCHING = "matching", _("PeerMatch: a peer guide of your own")
    ACTIVITIES = "activities", _("Activities and følgeskab")
    COURSES = "courses", _("Peer group courses")
    RESEARCH = "research", _("Research")


# Where a member finds each feature (the locked page sends them back there once it is open).
FEATURE_URLS: dict[str, str] = {
    Feature.MESSAGING: "messaging:inbox",
    Feature.COMMUNITY: "community:index",
    Feature.MATCHING: "matching:home",
    Feature.ACTIVITIES: "activities:list",
    Feature.COURSES: "activities:courses",
    Feature.RESEARCH: "front",
}
