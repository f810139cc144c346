from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ligesind.core.errors import DomainError
from ligesind.core.models import Municipality

from . import services
from .aliases import clean_alias
from .consent import current_text, current_version
from .models import (
    ContactPreference,
    ExperienceCategory,
    Interest,
    Language,
    Perspective,
    Profile,
    Role,
    RoleAssignment,
    SupportRole,
    User,
    Visibility,
)

REAL_NAME_VISIBILITY = [(v.value, v.label) for v in (Visibility.ONLY_ME, Visibility.COORDINATORS)]


class ConsentForm(forms.Form):
    health_data_consent = forms.BooleanField(
        label=_("I give my consent as described above."),
        error_messages={"required": _("We cannot create your account without this consent.")},
    )
    consent_version = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["consent_version"].initial = current_version()
        self.consent_text = current_text()


class SignupForm(AllauthSignupForm, ConsentForm):
    adult = forms.BooleanField(
        label=_("I am 18 years or older."),
        error_messages={"required": _("You must be 18 or older to join.")},
    )

    field_order = ["email", "password1", "password2", "adult", "health_data_consent"]

    def try_save(self, request: HttpRequest) -> Any:
        """An address with an account gets the same work as a new one (the password hashed,
        one e-mail queued), so the answer's timing does not tell whether it has an account."""
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        return super().try_save(request)

    def save(self, request: HttpRequest) -> User:
        user: User = super().save(request)
        services.register_member(
            user=user,
            adult_confirmed=self.cleaned_data["adult"],
            consent_version=self.cleaned_data["consent_version"],
            language=get_language() or "da",
        )
        return user


def visibility_field(label: Any, *, real_name: bool = False) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=REAL_NAME_VISIBILITY if real_name else Visibility.choices,
        coerce=int,
    )


class ProfileForm(forms.Form):
    alias = forms.CharField(
        label=_("Alias"),
        max_length=40,
        help_text=_("The name other members see. Avoid your real name."),
    )
    listed_in_directory = forms.BooleanField(
        label=_("Show me in the member directory"), required=False
    )
    real_name = forms.CharField(
        label=_("Real name (optional)"),
        max_length=120,
        required=False,
        help_text=_("Never shown to other members."),
    )
    real_name_visibility = visibility_field(_("Who may see my real name"), real_name=True)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("Choose a municipality"),
    )
    municipality_visibility = visibility_field(_("Who may see my municipality"))
    experiences_visibility = visibility_field(_("Who may see my lived experience"))
    story = forms.CharField(
        label=_("My story"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Stored encrypted. Share only what you want to."),
    )
    story_visibility = visibility_field(_("Who may read my story"))
    interests = forms.ModelMultipleChoiceField(
        label=_("Interests"),
        queryset=Interest.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    interests_visibility = visibility_field(_("Who may see my interests"))
    languages = forms.MultipleChoiceField(
        label=_("Languages I speak"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages_visibility = visibility_field(_("Who may see my languages"))
    contact_preference = forms.ChoiceField(
        label=_("How I like to meet"), choices=ContactPreference.choices, widget=forms.RadioSelect
    )
    contact_preference_visibility = visibility_field(_("Who may see how I like to meet"))
    support_role = forms.ChoiceField(
        label=_("Support"), choices=SupportRole.choices, widget=forms.RadioSelect
    )
    support_role_visibility = visibility_field(_("Who may see this"))
    works_as_peer = forms.BooleanField(
        label=_("I work with my lived experience (paid or as a volunteer)"),
        required=False,
        help_text=_(
            "Only you see this. It shows you the network's activities for working peers, "
            "such as after-work meetings."
        ),
    )
    peer_title = forms.CharField(
        label=_("My title as a working peer (optional)"),
        max_length=60,
        required=False,
        help_text=_("For example recovery mentor, recovery coach, peer worker or MB'er."),
        widget=forms.TextInput(attrs={"list": "peer-titles"}),
    )
    # Not required: a form from before the title existed keeps the default.
    peer_title_visibility = forms.TypedChoiceField(
        label=_("Who may see my title"),
        choices=Visibility.choices,
        coerce=int,
        required=False,
        empty_value=Visibility.CONTACTS,  # type: ignore[arg-type]
    )
    avatar_visibility = visibility_field(_("Who may see my picture"))

    def __init__(self, *args: Any, profile: Profile, **kwargs: Any) -> None:
        self.categories = list(ExperienceCategory.objects.all())
        current = {e.category_id: e.perspective for e in profile.experiences.all()}
        initial = {name: getattr(profile, name) for name in self.base_fields if name != "interests"}
        initial["interests"] = list(profile.interests.all()) if profile.pk else []
        initial["languages"] = profile.languages
        for category in self.categories:
            initial[f"exp_{category.pk}"] = current.get(category.pk, "")
        kwargs["initial"] = initial | kwargs.get("initial", {})
        super().__init__(*args, **kwargs)
        for category in self.categories:
            self.fields[f"exp_{category.pk}"] = forms.ChoiceField(
                label=category.name,
                required=False,
                choices=[("", _("Not part of my story here")), *Perspective.choices],
            )

    def experience_fields(self) -> list[forms.BoundField]:
        return [self[f"exp_{category.pk}"] for category in self.categories]

    def clean_alias(self) -> str:
        try:
            return clean_alias(self.cleaned_data["alias"])
        except DomainError as error:
            raise forms.ValidationError(error.message) from error

    def to_data(self) -> services.ProfileData:
        data = self.cleaned_data
        experiences = {
            category.pk: data[f"exp_{category.pk}"]
            for category in self.categories
            if data.get(f"exp_{category.pk}")
        }
        names = [f.name for f in services.ProfileData.__dataclass_fields__.values()]
        values = {name: data[name] for name in names if name in data}
        values["interests"] = tuple(data["interests"])
        values["languages"] = tuple(data["languages"])
        return services.ProfileData(**values, experiences=experiences)


class AvatarForm(forms.Form):
    avatar = forms.ImageField(
        label=_("Picture"),
        help_text=_("JPEG, PNG, WebP or GIF, at most 2 MB. We remove location and camera data."),
    )


class DirectoryFilterForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Lived experience"),
        queryset=ExperienceCategory.objects.all(),
        required=False,
        empty_label=_("All"),
    )
    perspective = forms.ChoiceField(
        label=_("Perspective"), choices=[("", _("All")), *Perspective.choices], required=False
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("All"),
    )
    interest = forms.ModelChoiceField(
        label=_("Interest"), queryset=Interest.objects.all(), required=False, empty_label=_("All")
    )
    contact = forms.ChoiceField(
        label=_("Meeting"),
        choices=[("", _("All")), *ContactPreference.choices],
        required=False,
    )
    offers_support = forms.BooleanField(label=_("Can offer support"), required=False)


class AccessTokenForm(forms.Form):
    name = forms.CharField(
        label=_("What is the token for?"),
        max_length=80,
        help_text=_("For example the name of the app that will use it."),
    )


class GrantRoleForm(forms.Form):
    email = forms.EmailField(label=_("The account's e-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities (for coordinators and peer guides)"),
        queryset=Municipality.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    organisations: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Organisations the role acts for"),
        queryset=None,  # every organisation: set in __init__
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every organisation."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # accounts sits below organisations: the model comes from the field, not an import
        organisation = RoleAssignment._meta.get_field("organisations").related_model
        self.fields["organisations"].queryset = organisation._default_manager.all()  # type: ignore[attr-defined]

    def clean_email(self) -> User:
        email = self.cleaned_data["email"].lower()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(_("No account has that e-mail address."))
        return user
