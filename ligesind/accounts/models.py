"""Users, pseudonymous profiles, lived experience, roles, blocks and consent."""

import uuid
from collections.abc import Iterator
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ligesind.core.fields import EncryptedTextField
from ligesind.core.models import Municipality


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A login. Everything other members see lives on ``Profile``; the e-mail never leaves here."""

    email = models.EmailField(_("e-mail address"), unique=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("Django admin access"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    adult_confirmed_at = models.DateTimeField(_("confirmed 18 or older at"), null=True, blank=True)
    # Set by moderators (safety app): while suspended or banned, the member can sign in only to
    # read why and to appeal. Raising session_epoch ends every session at once.
    suspended_until = models.DateTimeField(_("suspended until"), null=True, blank=True)
    banned_at = models.DateTimeField(_("banned at"), null=True, blank=True)
    session_epoch = models.PositiveIntegerField(default=0, editable=False)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.email

    def get_session_auth_hash(self) -> str:
        """Sessions carry this hash; it changes with the password and with ``session_epoch``."""
        return salted_hmac(
            "ligesind.accounts.User.session",
            f"{self.password}:{self.session_epoch}",
            algorithm="sha256",
        ).hexdigest()

    def get_session_auth_fallback_hash(self) -> Iterator[str]:
        for fallback in settings.SECRET_KEY_FALLBACKS:
            yield salted_hmac(
                "ligesind.accounts.User.session",
                f"{self.password}:{self.session_epoch}",
                secret=fallback,
                algorithm="sha256",
            ).hexdigest()

    @property
    def is_restricted(self) -> bool:
        """Banned, or suspended right now."""
        if self.banned_at is not None:
            return True
        return self.suspended_until is not None and self.suspended_until > timezone.now()


class Visibility(models.IntegerChoices):
    """Who may see a profile field. Each level includes everyone in the levels before it."""

    ONLY_ME = 0, _("Only me")
    COORDINATORS = 1, _("Me and the coordinators of my municipality")
    CONTACTS = 2, _("Also my contacts (matches and conversation partners)")
    MEMBERS = 3, _("All members")


class Perspective(models.TextChoices):
    AFFECTED = "affected", _("Affected myself")
    RELATIVE = "relative", _("Relative")
    BOTH = "both", _("Both affected and relative")


class ContactPreference(models.TextChoices):
    ONLINE = "online", _("Online only")
    IN_PERSON = "in_person", _("Online and in person")


class SupportRole(models.TextChoices):
    SEEKS = "seeks", _("I am looking for support")
    OFFERS = "offers", _("I can offer support")
    BOTH = "both", _("Both")


class Language(models.TextChoices):
    DA = "da", _("Danish")
    EN = "en", _("English")
    DE = "de", _("German")
    SV = "sv", _("Swedish")
    NO = "no", _("Norwegian")
    PL = "pl", _("Polish")
    UK = "uk", _("Ukrainian")
    AR = "ar", _("Arabic")
    TR = "tr", _("Turkish")
    FA = "fa", _("Persian")
    SO = "so", _("Somali")
    UR = "ur", _("Urdu")


class NamedData(models.Model):
    """Data an admin can extend, named in Danish and English."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name_da = models.CharField(_("name (Danish)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name_da"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "da").startswith("en") else self.name_da


class ExperienceCategory(NamedData):
    class Meta(NamedData.Meta):
        verbose_name = _("lived-experience category")
        verbose_name_plural = _("lived-experience categories")


class Interest(NamedData):
    class Meta(NamedData.Meta):
        verbose_name = _("interest")
        verbose_name_plural = _("interests")


def avatar_path(instance: "Profile", filename: str) -> str:
    return f"avatars/{instance.public_id}-{uuid.uuid4().hex[:8]}.png"


class Profile(models.Model):
    """What a member tells about themselves, each part with its own visibility."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    alias = models.CharField(_("alias"), max_length=40, blank=True)
    listed_in_directory = models.BooleanField(_("show me in the member directory"), default=True)

    real_name = models.CharField(_("real name"), max_length=120, blank=True)
    real_name_visibility = models.IntegerField(choices=Visibility.choices, default=0)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("municipality"),
    )
    municipality_visibility = models.IntegerField(choices=Visibility.choices, default=1)
    experiences_visibility = models.IntegerField(choices=Visibility.choices, default=1)
    story = EncryptedTextField(_("my story"), blank=True)
    story_visibility = models.IntegerField(choices=Visibility.choices, default=0)
    interests = models.ManyToManyField(Interest, blank=True, verbose_name=_("interests"))
    interests_visibility = models.IntegerField(choices=Visibility.choices, default=2)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    languages_visibility = models.IntegerField(choices=Visibility.choices, default=2)
    contact_preference = models.CharField(
        _("contact"), max_length=20, choices=ContactPreference.choices, default="online"
    )
    contact_preference_visibility = models.IntegerField(choices=Visibility.choices, default=2)
    support_role = models.CharField(
        _("support"), max_length=20, choices=SupportRole.choices, default="seeks"
    )
    support_role_visibility = models.IntegerField(choices=Visibility.choices, default=2)
    # Private: only decides whether activities for working peers are shown to the member.
    works_as_peer = models.BooleanField(
        _("I work with my lived experience (paid or as a volunteer)"), default=False
    )
    peer_title = models.CharField(
        _("my title as a working peer"),
        max_length=60,
        blank=True,
        help_text=_("For example recovery mentor, recovery coach, peer worker or MB'er."),
    )
    peer_title_visibility = models.IntegerField(choices=Visibility.choices, default=2)
    avatar = models.ImageField(_("picture"), upload_to=avatar_path, blank=True)
    avatar_visibility = models.IntegerField(choices=Visibility.choices, default=2)
    # A moderator hid what the member wrote and chose (story, picture) from other members.
    hidden_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        constraints = [
            models.UniqueConstraint(
                Lower("alias"),
                name="unique_alias_ci",
                condition=~models.Q(alias=""),
                violation_error_message=_("That alias is taken. Please choose another."),
            )
        ]

    def __str__(self) -> str:
        return self.alias or f"#{self.pk}"

    @property
    def is_complete(self) -> bool:
        return bool(self.alias)


class ProfileExperience(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="experiences")
    category = models.ForeignKey(ExperienceCategory, on_delete=models.PROTECT)
    perspective = models.CharField(max_length=20, choices=Perspective.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "category"], name="one_perspective_each")
        ]
        ordering = ["category__position", "category__name_da"]

    def __str__(self) -> str:
        return f"{self.category} ({self.get_perspective_display()})"


class Role(models.TextChoices):
    PEER_GUIDE = "peer_guide", _("Peer guide")
    COORDINATOR = "coordinator", _("Coordinator")
    MODERATOR = "moderator", _("Moderator")
    RESEARCHER = "researcher", _("Researcher")
    TREASURER = "treasurer", _("Treasurer")
    EDITOR = "editor", _("News editor")
    ADMIN = "admin", _("Administrator")


def role_labels(keys: str) -> list[str]:
    """The names of the roles in a comma-separated list of keys (as the access log keeps them)."""
    return [str(Role(key).label) for key in keys.split(",") if key in Role]


class RoleAssignment(models.Model):
    """A role held by a user. Coordinators (and peer guides) are scoped to municipalities, and
    any role may be scoped to organisations."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    municipalities = models.ManyToManyField(
        Municipality, blank=True, verbose_name=_("municipalities")
    )
    # The organisations the role acts for; none means every organisation (one organisation
    # installations, and staff of the whole installation).
    organisations = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="staff_roles",
        verbose_name=_("organisations"),
    )
    granted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="one_role_each")]
        indexes = [models.Index(fields=["role", "-granted_at", "-id"], name="roles_newest_first")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"


class Block(models.Model):
    blocker = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks_made")
    blocked = models.ForeignKey(User, on_delete=models.CASCADE, related_name="blocks_received")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once"),
            models.CheckConstraint(
                condition=~models.Q(blocker=models.F("blocked")), name="no_self_block"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.blocker_id} → {self.blocked_id}"


class ConsentRecord(models.Model):
    """Consent to the processing of health data: which text version, when, and withdrawal."""

    user = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="consents")
    version = models.CharField(max_length=20)
    language = models.CharField(max_length=5)
    given_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.version} {self.given_at:%Y-%m-%d}"


class AccessToken(models.Model):
    """A personal access token for the API, made and revoked by the member.

    Only a SHA-256 hash is stored; the token itself is shown once, when it is made.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="access_tokens")
    name = models.CharField(_("name"), max_length=80)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("access token")
        verbose_name_plural = _("access tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
