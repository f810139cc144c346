"""factory_boy factories. State is built through the services, as the application builds it."""

from collections.abc import Iterable
from typing import Any

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from factory.django import DjangoModelFactory

from ligesind.accounts import services
from ligesind.accounts.consent import current_version
from ligesind.accounts.models import Role, User
from ligesind.core.models import Municipality
from ligesind.organisations.models import Organisation

PASSWORD = "a-long-test-password-42"


class UserFactory(DjangoModelFactory[User]):
    """A signed-up, verified member with an alias (pass ``alias=""`` for a fresh sign-up)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def member(obj: User, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create:
            return
        EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)
        if extracted is False:
            return
        services.register_member(
            user=obj, adult_confirmed=True, consent_version=current_version(), language="da"
        )
        fields = {"alias": f"Peer{obj.pk}", **kwargs}
        if fields["alias"]:
            services.update_profile(actor=obj, data=services.ProfileData(**fields))


def municipality(name: str) -> Municipality:
    return Municipality.objects.get(name=name)


def with_two_factor(user: User) -> User:
    TOTP.activate(user, generate_totp_secret())
    return user


def make_admin() -> User:
    user = with_two_factor(UserFactory.create(member__alias="Admin"))
    User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
    user.refresh_from_db()
    return user


def make_staff(
    role: Role,
    *places: str,
    admin: User | None = None,
    organisations: Iterable[Organisation] = (),
    **profile: Any,
) -> User:
    """A two-factor account with a role in these municipalities, acting for these
    organisations (none: every organisation)."""
    user = with_two_factor(UserFactory.create(**{f"member__{k}": v for k, v in profile.items()}))
    services.grant_role(
        actor=admin or make_admin(),
        user=user,
        role=role,
        municipalities=[municipality(p) for p in places],
        organisations=organisations,
    )
    return User.objects.get(pk=user.pk)


def make_organisation(
    name: str, slug: str, *places: str, kind: str = "partnership"
) -> Organisation:
    organisation = Organisation.objects.create(name=name, slug=slug, kind=kind, summary=name)
    organisation.municipalities.set([municipality(p) for p in places])
    return organisation
