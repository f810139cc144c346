"""The fast path: everything that leans on a dependency's internals to be fast, fenced here.

Its rules are in docs/architecture.md ("The fast path"). Only the modules listed in the
"fast path" contract in pyproject.toml may import it (import-linter, in make check), and every
private name of a dependency used here is checked by tests/core/test_private_api_canary.py, so
an upgrade that changes one fails in make test instead of on the site.
"""
