"""What the pages app plugs into: the export (what a staff member wrote and uploaded) and the
testimonials on an organisation's page."""

from typing import Any

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Revision

from ligesind.core.privacy import register_export, register_labels
from ligesind.core.sections import register_section


def export_pages(user: Any) -> dict[str, Any]:
    revisions = Revision.objects.filter(user_id=user.pk).order_by("created_at")
    return {
        "page_versions_i_saved": [
            {"title": r.object_str, "when": r.created_at.isoformat()} for r in revisions
        ],
        "images_i_uploaded": [
            i.title for i in get_image_model().objects.filter(uploaded_by_user_id=user.pk)
        ],
        "documents_i_uploaded": [
            d.title for d in get_document_model().objects.filter(uploaded_by_user_id=user.pk)
        ],
    }


def organisation_testimonials(request: Any, item: Any) -> dict[str, Any]:
    from .models import shown_testimonials

    return {"testimonials": shown_testimonials().filter(organisation=item)[:3]}


def register() -> None:
    register_section(
        "organisations:detail",
        template="pages/_testimonials.html",
        context=organisation_testimonials,
        order=10,
    )
    register_export(
        "pages",
        label=_("Public pages"),
        models=[
            "wagtailcore.Page",
            "wagtailcore.Revision",
            "pages.PagesHome",
            "pages.ContentPage",
            "pages.NewsIndexPage",
            "pages.OrganisationNews",
            "pages.NewsPage",
            "wagtailimages.Image",
            "wagtaildocs.Document",
        ],
        collect=export_pages,
    )
    register_labels(
        {
            "pages": _("Public pages"),
            "page_versions_i_saved": _("Versions of public pages I saved"),
            "images_i_uploaded": _("Images I uploaded"),
            "documents_i_uploaded": _("Documents I uploaded"),
        }
    )


def leave_django_admin() -> None:
    """Images and documents are managed in the page editor (/cms/), not in Django's admin
    (its add pages do not work for them). Runs after the admin has found every app's models."""
    for model in (get_image_model(), get_document_model()):
        if admin.site.is_registered(model):
            admin.site.unregister(model)
