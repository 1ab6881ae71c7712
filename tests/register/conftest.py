"""The register is tested against a real WSGI server, as anonymous."""

import pytest


@pytest.fixture
def portal(functional_portal):
    return functional_portal
