"""Key rotation: re-encrypt every encrypted value with the newest key.

Put a new key first in ``LIGESIND_ENCRYPTION_KEYS`` (keep the old ones after it), run
``python -m ligesind rotate_keys``, then remove the old keys. Every row stays readable throughout:
each is read with whichever key made it and written back with the newest.
"""

from collections.abc import Iterator

from django.apps import apps
from django.db import models, transaction

from .fields import EncryptedTextField

BATCH = 500


def encrypted_fields() -> Iterator[tuple[type[models.Model], EncryptedTextField]]:
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                yield model, field


def rotate_keys() -> dict[str, int]:
    """Re-encrypt all encrypted fields (and two-factor secrets). Returns rows per field."""
    counts: dict[str, int] = {}
    for model, field in encrypted_fields():
        label = f"{model._meta.label}.{field.name}"
        counts[label] = 0
        rows = model._default_manager.exclude(**{field.name: ""}).exclude(
            **{f"{field.name}__isnull": True}
        )
        for pk, plaintext in rows.values_list("pk", field.name).iterator(chunk_size=BATCH):
            # update() runs the field's get_prep_value: encrypted again with the newest key.
            model._default_manager.filter(pk=pk).update(**{field.name: plaintext})
            counts[label] += 1
    counts["mfa.Authenticator.secret"] = _rotate_totp_secrets()
    return counts


@transaction.atomic
def _rotate_totp_secrets() -> int:
    from allauth.mfa.models import Authenticator

    from .crypto import PREFIX, decrypt_text, encrypt_text

    count = 0
    for authenticator in Authenticator.objects.select_for_update().filter(
        type=Authenticator.Type.TOTP
    ):
        secret = authenticator.data.get("secret", "")
        plain = decrypt_text(secret) if secret.startswith(PREFIX) else secret
        authenticator.data["secret"] = encrypt_text(plain)
        authenticator.save(update_fields=["data"])
        count += 1
    return count
