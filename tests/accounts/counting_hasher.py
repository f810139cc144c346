"""A password hasher that counts its work (sign-up must do the same work for every address)."""

from typing import Any

from django.contrib.auth.hashers import MD5PasswordHasher


class CountingHasher(MD5PasswordHasher):
    algorithm = "counting_md5"
    calls = 0

    def encode(self, password: str, salt: str, *args: Any, **kwargs: Any) -> str:
        CountingHasher.calls += 1
        return super().encode(password, salt, *args, **kwargs)
