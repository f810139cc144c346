"""The peer organisations one installation hosts: who they are, where they work, who to contact
locally, and which members have joined them. Members share one account and one community."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.core.fields import EncryptedTextField
from ligesind.core.models import Municipality


class OrganisationKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    VOLUNTEER_PROJECT = "volunteer_project", _("Volunteer project")
    NETWORK = "network", _("Network")
    PARTNERSHIP = "partnership", _("Partnership")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    summary = models.CharField(
        _("in one sentence"), max_length=300, help_text=_("Shown in lists of organisations.")
    )
    description = models.TextField(_("description"), max_length=10000, blank=True)
    logo = models.ImageField(_("logo"), upload_to="organisations/", blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="organisations", verbose_name=_("municipalities")
    )
    requires_training = models.BooleanField(
        _("peer guides must be trained"),
        default=False,
        help_text=_(
            "Only peer guides who completed a qualifying training are suggested as guides, "
            "go along in følgeskab or lead courses."
        ),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class OrganisationMembership(models.Model):
    """A member has joined an organisation; fees, volunteering and research attach here."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("membership of an organisation")
        verbose_name_plural = _("memberships of organisations")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="join_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} – {self.organisation}"


class LocalContact(models.Model):
    """Whom to contact about an organisation in a municipality, as shown to the public: a
    name, a title and how to reach them. A staff account it belongs to is never shown."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contacts"
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("title"), max_length=120, default=_("Local coordinator"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="contacts/", blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("staff account"),
    )

    class Meta:
        ordering = ["municipality__name", "organisation__name", "name"]
        verbose_name = _("local contact")
        verbose_name_plural = _("local contacts")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation}, {self.municipality})"


class SiteNotice(models.Model):
    """A short notice at the top of every page, switched on by an admin (e.g. rules during an
    epidemic). There is one; it is shown while it is switched on."""

    text = models.CharField(_("notice"), max_length=500, blank=True)
    text_en = models.CharField(_("notice in English"), max_length=500, blank=True)
    active = models.BooleanField(_("shown"), default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("site notice")
        verbose_name_plural = _("site notices")

    def __str__(self) -> str:
        return self.text


class ContactTopic(models.TextChoices):
    VOLUNTEER = "volunteer", _("I would like to become a volunteer")
    TAKE_PART = "take_part", _("I would like to take part in an activity or a course")
    RESEARCH = "research", _("I would like to take part in research")
    WORKPLACE = "workplace", _("A workplace asks for advice, a talk or a workshop")
    OTHER = "other", _("Something else")


class ContactStatus(models.TextChoices):
    NEW = "new", _("New")
    ANSWERED = "answered", _("Answered")


class ContactRequest(models.Model):
    """Someone wrote to an organisation through its page. Its local contacts' staff accounts
    (or, without any, the administrators) read it inside the platform. The text and the ways
    to answer are stored encrypted and deleted a year after it was answered."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="contact_requests"
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    topic = models.CharField(max_length=20, choices=ContactTopic.choices)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contact_requests",
    )
    name = EncryptedTextField(blank=True)
    reach = EncryptedTextField(blank=True)  # an e-mail address or a phone number
    text = EncryptedTextField()
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=ContactStatus.choices, default="new")
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")

    def __str__(self) -> str:
        return f"{self.organisation} {self.created_at:%Y-%m-%d}"


class Access(models.TextChoices):
    STEP_FREE = "step_free", _("Step-free access")
    TOILET = "toilet", _("Accessible toilet")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    PARKING = "parking", _("Disabled parking nearby")
    QUIET_ROOM = "quiet_room", _("A quiet room to step away to")


class Place(models.Model):
    """A room an organisation uses, often a partner's (a library, a volunteer centre): chosen
    when an activity is planned, so its address and accessibility are told the same way every
    time."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="places",
        verbose_name=_("organisation"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, verbose_name=_("municipality")
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("For example: Room 2"))
    partner = models.CharField(
        _("partner"), max_length=120, blank=True, help_text=_("Whose rooms they are, if not yours.")
    )
    address = models.CharField(_("address"), max_length=200)
    access = models.JSONField(_("accessibility"), default=list, blank=True)
    access_notes = models.CharField(
        _("more about getting there"),
        max_length=300,
        blank=True,
        help_text=_("For example: the lift is by the back door; the bus stops outside."),
    )
    contact = models.CharField(
        _("who to contact"),
        max_length=200,
        blank=True,
        help_text=_("The partner's contact person for keys and bookings. Only staff see it."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["municipality__name", "name", "pk"]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return f"{self.partner}, {self.name}" if self.partner else self.name

    def access_labels(self) -> list[str]:
        return [str(Access(a).label) for a in self.access if a in Access.values]
