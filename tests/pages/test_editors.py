"""News editors per organisation: the role "editor" acting for an organisation writes, previews
and publishes that organisation's news in /cms/, and cannot touch another organisation's."""

import pytest
from wagtail.test.utils.form_data import rich_text

from ligesind.accounts import services as accounts
from ligesind.accounts.models import Role
from ligesind.pages.editors import GROUP_PREFIX
from ligesind.pages.models import NewsPage, OrganisationNews
from tests.factories import make_organisation, make_staff


@pytest.fixture
def organisations():
    return (
        make_organisation("Peer-Partnerskabet", "peer-partnerskabet", "Fredericia"),
        make_organisation("Peer-Netværket", "peer-netvaerket", kind="network"),
    )


def editor_for(admin_user, organisation):
    return make_staff(Role.EDITOR, admin=admin_user, alias="Redaktør", organisations=[organisation])


def groups_of(user):
    return set(user.groups.filter(name__startswith=GROUP_PREFIX).values_list("name", flat=True))


def write(client, section, title, action="action-publish"):
    return client.post(
        f"/cms/pages/add/pages/newspage/{section.pk}/",
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "date": "2026-12-05",
            "intro": "Kort om det",
            "body": rich_text("<p>Hele teksten</p>"),
            action: "1",
        },
    )


def test_every_organisation_gets_a_news_section(organisations):
    partnership, network = organisations
    assert OrganisationNews.objects.get(organisation=partnership).live
    assert OrganisationNews.objects.filter(organisation=network).exists()


def test_the_role_puts_the_editor_in_their_organisations_group_only(admin_user, organisations):
    partnership, network = organisations
    editor = editor_for(admin_user, partnership)
    assert groups_of(editor) == {f"{GROUP_PREFIX}Peer-Partnerskabet"}
    accounts.grant_role(actor=admin_user, user=editor, role=Role.EDITOR)  # every organisation
    assert len(groups_of(editor)) == 2
    assignment = editor.roles.get(role=Role.EDITOR)
    accounts.revoke_role(actor=admin_user, assignment=assignment)
    assert groups_of(editor) == set()


def test_an_editor_publishes_their_organisations_news_only(client, admin_user, organisations):
    partnership, network = organisations
    own, other = (OrganisationNews.objects.get(organisation=o) for o in organisations)
    client.force_login(editor_for(admin_user, partnership))
    assert client.get("/cms/").status_code == 200
    answer = write(client, own, "Nyt forløb i Fredericia")
    assert answer.status_code == 302, answer.content.decode()[:2000]
    news = NewsPage.objects.get(title="Nyt forløb i Fredericia")
    assert news.live and news.organisation == partnership
    assert "Nyt forløb i Fredericia" in client.get("/pages/nyheder/").content.decode()
    assert write(client, other, "Ikke min nyhed").status_code in (302, 403)
    assert not NewsPage.objects.filter(title="Ikke min nyhed").exists()
    theirs = other.add_child(
        instance=NewsPage(title="Netværkets nyhed", intro="Kort", body="<p>x</p>", live=False)
    )
    theirs.save_revision()
    for url in (f"/cms/pages/{theirs.pk}/edit/", f"/cms/pages/{theirs.pk}/delete/"):
        answer = client.get(url)
        assert answer.status_code in (302, 403), url
    assert theirs.specific.organisation == network  # its section decides, whatever was chosen


def test_a_member_is_no_editor(client, member, organisations):
    client.force_login(member)
    assert client.get("/cms/").status_code == 302
