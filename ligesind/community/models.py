"""Forums and groups: categories and groups hold threads; threads hold posts.

A group's discussion is the same forum: its threads point at the group instead of a category.
Counters (threads, posts, last post) are kept on the rows by the services, so list pages need
no aggregation over 100,000 posts.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ligesind.core.models import Municipality

USER = settings.AUTH_USER_MODEL


class Category(models.Model):
    """A forum theme. ``name`` and ``description`` are English sources shown translated, or any
    text an administrator types (shown as typed)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=80)
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    allows_anonymous = models.BooleanField(_("anonymous posts allowed"), default=False)
    # Kept to the members of one organisation (shown to others as theirs, with the way to
    # join); empty: open to every member of the community.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forum_categories",
        verbose_name=_("only for members of"),
    )
    thread_count = models.PositiveIntegerField(default=0, editable=False)
    post_count = models.PositiveIntegerField(default=0, editable=False)
    last_post_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def __str__(self) -> str:
        return self.name


class GroupKind(models.TextChoices):
    NETWORK = "network", _("Network group")
    EXPERIENCE = "experience", _("Experience group (erfagruppe)")
    COMMUNITY = "community", _("Community")
    VOLUNTEERS = "volunteers", _("Volunteers' group")


class Visibility(models.TextChoices):
    OPEN = "open", _("Open: anyone can join")
    REQUEST = "request", _("By request: group moderators approve")
    HIDDEN = "hidden", _("Hidden: by invitation only")


class Group(models.Model):
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=GroupKind.choices)
    visibility = models.CharField(
        _("who can join"), max_length=20, choices=Visibility.choices, default=Visibility.OPEN
    )
    # Set only for a municipality's volunteers' group (one per organisation working there,
    # with ``organisation``); its members are the peer guides and coordinators whose roles
    # cover the municipality and act for the organisation.
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, null=True, blank=True, editable=False
    )
    # Kept to the members of one organisation (shown to others as theirs, with the way to
    # join); empty: open to every member of the community.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="groups",
        verbose_name=_("only for members of"),
    )
    created_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    hidden_at = models.DateTimeField(null=True, blank=True, editable=False)  # by a moderator
    member_count = models.PositiveIntegerField(default=0, editable=False)
    thread_count = models.PositiveIntegerField(default=0, editable=False)
    last_post_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality"],
                condition=Q(municipality__isnull=False, organisation__isnull=True),
                name="one_shared_volunteers_group",
            ),
            models.UniqueConstraint(
                fields=["municipality", "organisation"],
                condition=Q(municipality__isnull=False, organisation__isnull=False),
                name="one_volunteers_group_each",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class MembershipStatus(models.TextChoices):
    REQUESTED = "requested", _("Asked to join")
    INVITED = "invited", _("Invited")
    MEMBER = "member", _("Member")


class GroupMembership(models.Model):
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="group_memberships")
    status = models.CharField(max_length=20, choices=MembershipStatus.choices)
    is_moderator = models.BooleanField(_("group moderator"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.group_id} ({self.status})"


class Thread(models.Model):
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, null=True, blank=True, related_name="threads"
    )
    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, null=True, blank=True, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=140)
    author = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    anonymous = models.BooleanField(_("post anonymously"), default=False)
    pinned = models.BooleanField(_("pinned"), default=False)
    locked = models.BooleanField(_("locked"), default=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_post_at = models.DateTimeField(default=timezone.now)
    post_count = models.PositiveIntegerField(default=0)
    hidden_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(category__isnull=True) ^ Q(group__isnull=True),
                name="thread_in_category_or_group",
            )
        ]
        indexes = [
            models.Index(fields=["category", "-pinned", "-last_post_at"]),
            models.Index(fields=["group", "-pinned", "-last_post_at"]),
            # Counting a category's threads a reader may see reads this index alone.
            models.Index(fields=["category", "hidden_at", "author"], name="thread_count_idx"),
        ]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")

    def __str__(self) -> str:
        return self.title


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    number = models.PositiveIntegerField()  # 1 for the opening post
    author = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    anonymous = models.BooleanField(default=False)
    body = models.TextField(_("text"), max_length=10000)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True, editable=False)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)  # by its writer
    # the deleted text, out of sight, while its writer may still undo (core.retention)
    held_body = models.TextField(null=True, blank=True, editable=False)  # noqa: DJ001 - null: none held
    recognised_count = models.PositiveIntegerField(default=0)
    thanks_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["thread", "number"], name="one_post_per_number")
        ]
        indexes = [
            models.Index(
                fields=["deleted_at"],
                condition=models.Q(held_body__isnull=False),
                name="post_held_deleted",
            )
        ]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self) -> str:
        return f"{self.thread_id} #{self.number}"


class PostRevision(models.Model):
    """The text a post had before an edit; moderators read the history."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    written_at = models.DateTimeField()
    edited_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        ordering = ["written_at", "pk"]

    def __str__(self) -> str:
        return f"{self.post_id} at {self.written_at:%Y-%m-%d %H:%M}"


class ReactionKind(models.TextChoices):
    RECOGNISE = "recognise", _("I recognise this")
    THANKS = "thanks", _("Thank you")


class Reaction(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=ReactionKind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="one_reaction_each")
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.post_id}"


class Subscription(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="subscriptions")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="one_subscription_each")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.thread_id}"


class ThreadRead(models.Model):
    """How far a member has read a thread: posts after ``read_at`` are unread."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="one_read_each")]

    def __str__(self) -> str:
        return f"{self.user_id} read {self.thread_id}"
