"""News editors per organisation. Each organisation gets its own news section under the news
(``OrganisationNews``) and a Wagtail group, "Redaktion: <name>", that may add, change and
publish pages in that section only, use the editor at /cms/ and add and choose images. An
account with the role "editor" is in the groups of the organisations its role acts for (no
organisation ticked: every one); Wagtail's own permission checks then keep each editor to
their organisation's news: editing, preview, history, moving, deleting, bulk actions."""

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from ligesind.accounts.models import Role, RoleAssignment, User
from ligesind.organisations.models import Organisation

from .models import NewsIndexPage, OrganisationNews

GROUP_PREFIX = "Redaktion: "
PAGE_PERMISSIONS = ("add", "change", "publish")
IMAGE_PERMISSIONS = ("add_image", "choose_image")


def editors_group(organisation: Organisation) -> Group:
    return Group.objects.get_or_create(name=f"{GROUP_PREFIX}{organisation.name}"[:150])[0]


@transaction.atomic
def ensure_news_section(organisation: Organisation) -> OrganisationNews | None:
    """The organisation's news section and its editors' group (idempotent)."""
    section = OrganisationNews.objects.filter(organisation=organisation).first()
    if section is None:
        index = NewsIndexPage.objects.first()
        if index is None:  # no public pages yet: made after migrations
            return None
        section = index.add_child(
            instance=OrganisationNews(
                title=organisation.name, slug=slugify(organisation.slug), organisation=organisation
            )
        )
        section.save_revision().publish()
    group = editors_group(organisation)
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(admin_access)
    for kind in PAGE_PERMISSIONS:
        if not GroupPagePermission.objects.filter(
            group=group, page=section, permission__codename=f"{kind}_page"
        ).exists():
            GroupPagePermission.objects.create(group=group, page=section, permission_type=kind)
    root = Collection.get_first_root_node()
    if root is None:  # a flushed database (tests) lacks what Wagtail's migrations made
        root = Collection.add_root(name="Root")
    for codename in IMAGE_PERMISSIONS:
        permission = Permission.objects.get(
            content_type__app_label="wagtailimages", codename=codename
        )
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )
    return section


def ensure_news_sections(**_kwargs: Any) -> None:
    for organisation in Organisation.objects.all():
        ensure_news_section(organisation)


def sync_editor(user: User) -> None:
    """Put the account in the editors' groups its role "editor" acts for, and no other."""
    assignment = (
        RoleAssignment.objects.filter(user=user, role=Role.EDITOR)
        .prefetch_related("organisations")
        .first()
    )
    wanted: set[int] = set()
    if assignment is not None and user.is_active:
        chosen = list(assignment.organisations.all()) or list(Organisation.objects.all())
        wanted = {editors_group(organisation).pk for organisation in chosen}
    current = set(user.groups.filter(name__startswith=GROUP_PREFIX).values_list("pk", flat=True))
    user.groups.remove(*(current - wanted))
    user.groups.add(*(wanted - current))
