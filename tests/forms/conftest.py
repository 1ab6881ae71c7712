"""Form tests drive the Classic UI through zope.testbrowser (``browser_as``
of tests/conftest.py) on the functional layer; the content fixtures of
tests/conftest.py work on its portal."""

import pytest


@pytest.fixture
def portal(functional_portal):
    return functional_portal
