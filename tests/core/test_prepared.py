"""ligesind.core.fast.prepared: SQL made once gives the objects the queryset would have given."""

import pytest
from django.db.models import Exists, OuterRef, QuerySet

from ligesind.accounts.models import Block, User
from ligesind.core.fast.prepared import PreparedQuery
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def with_block(pk: int, other: int) -> QuerySet[User]:
    blocks = Block.objects.filter(blocker=OuterRef("pk"), blocked_id=other)
    return User.objects.select_related("profile").annotate(blocks=Exists(blocks)).filter(pk=pk)


def test_each_run_gives_what_the_queryset_gives():
    one = UserFactory.create(member__alias="Ahorn", member__story="Min historie")
    two = UserFactory.create(member__alias="Bøg")
    Block.objects.create(blocker=one, blocked=two)
    prepared = PreparedQuery(with_block, arity=2)
    for pk, other in ((one.pk, two.pk), (two.pk, one.pk), (one.pk, one.pk)):
        expected = with_block(pk, other).get()
        found = prepared.first(pk, other)
        assert found is not None
        blocks = getattr(found, "blocks")  # noqa: B009 - an annotation mypy cannot see
        assert (found.pk, found.email, blocks) == (
            expected.pk,
            expected.email,
            getattr(expected, "blocks"),  # noqa: B009
        )
        # select_related objects and converted (decrypted) fields come along
        assert found.profile.alias == expected.profile.alias
        assert found.profile.story == expected.profile.story
    assert getattr(prepared.first(one.pk, two.pk), "blocks") is True  # noqa: B009
    assert getattr(prepared.first(two.pk, one.pk), "blocks") is False  # noqa: B009
    assert prepared.first(10**6, one.pk) is None


def test_rows_come_in_the_querysets_order():
    users = UserFactory.create_batch(3)
    prepared = PreparedQuery(lambda low: User.objects.filter(pk__gte=low).order_by("-pk"))
    assert [u.pk for u in prepared.rows(users[0].pk)] == [u.pk for u in reversed(users)]


def test_a_value_the_queryset_does_not_use_is_refused():
    prepared = PreparedQuery(lambda pk, other: User.objects.filter(pk=pk), arity=2)
    with pytest.raises(ValueError, match="every value"):
        prepared.first(1, 2)


def test_text_values_too():
    one = UserFactory.create(email="ahorn@example.org")
    prepared = PreparedQuery(lambda email: User.objects.filter(email=email), kinds=(str,))
    assert prepared.first("ahorn@example.org") == one
    assert prepared.first("nobody@example.org") is None
    assert prepared.first("x' OR '1'='1") is None  # a value, never SQL


def _fields(obj: object) -> dict[str, object]:
    return {k: v for k, v in vars(obj).items() if k != "_state"}


def test_instances_are_made_as_django_makes_them():
    from ligesind.community import services
    from ligesind.community.models import Category, Post

    writer = UserFactory.create()
    thread = services.start_thread(
        actor=writer,
        category=Category.objects.get(slug="everyday-life"),
        title="Gåture",
        body="Hej *alle*",
    )
    post = Post.objects.get(thread=thread)
    prepared = PreparedQuery(lambda pk: Post.objects.filter(pk=pk))
    found, expected = prepared.first(post.pk), Post.objects.get(pk=post.pk)
    assert found is not None and type(found) is Post
    assert _fields(found) == _fields(expected) and list(vars(found))[0] == "_state"
    assert (found._state.adding, found._state.db) == (False, "default")
    assert found.thread == thread and found.author == writer  # relations load as usual
    found.body = "Ændret"
    found.save(update_fields=["body"])
    assert Post.objects.get(pk=post.pk).body == "Ændret"


def test_deferred_fields_stay_deferred():
    one = UserFactory.create()
    prepared = PreparedQuery(lambda pk: User.objects.only("email").filter(pk=pk))
    found = prepared.first(one.pk)
    assert found is not None and found.get_deferred_fields() == (
        User.objects.only("email").get(pk=one.pk).get_deferred_fields()
    )


def test_a_model_with_post_init_receivers_is_made_by_django():
    from django.db.models.signals import post_init

    one = UserFactory.create()
    seen: list[object] = []

    def receiver(sender: object, instance: object, **kwargs: object) -> None:
        seen.append(instance)

    post_init.connect(receiver, sender=User)
    try:
        found = PreparedQuery(lambda pk: User.objects.filter(pk=pk)).first(one.pk)
    finally:
        post_init.disconnect(receiver, sender=User)
    assert found is not None and seen == [found]
