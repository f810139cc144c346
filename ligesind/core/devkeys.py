"""Development keys, generated once per checkout and kept in ``var/`` (never committed)."""

import secrets
from pathlib import Path

from cryptography.fernet import Fernet


def _read_or_create(path: Path, make: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(make)
        path.chmod(0o600)
    return path.read_text().strip()


def dev_secret_key(var_dir: Path) -> str:
    return _read_or_create(var_dir / "dev-secret-key", secrets.token_urlsafe(50))


def dev_encryption_keys(var_dir: Path) -> list[str]:
    value = _read_or_create(var_dir / "dev-encryption-keys", Fernet.generate_key().decode())
    return [key.strip() for key in value.split(",") if key.strip()]
