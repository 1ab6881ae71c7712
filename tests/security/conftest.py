"""Security tests run against a real WSGI server on the functional portal."""

import pytest


@pytest.fixture
def portal(functional_portal):
    return functional_portal
