"""REST tests run against a real WSGI server: the content fixtures of
tests/conftest.py work on the functional portal here."""

import pytest


@pytest.fixture
def portal(functional_portal):
    return functional_portal
