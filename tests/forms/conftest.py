"""Form tests drive the Classic UI through zope.testbrowser on the functional
layer; the content fixtures of tests/conftest.py work on its portal."""

from plone.testing.zope import Browser
from stadtdo.sozialnetz.demo import demo_password
import pytest
import transaction


@pytest.fixture
def portal(functional_portal):
    return functional_portal


@pytest.fixture
def browser_as(functional):
    def _browser(userid):
        browser = Browser(functional["app"])
        browser.handleErrors = True
        browser.raiseHttpErrors = False
        browser.addHeader("Accept-Language", "de")
        browser.addHeader("Authorization", f"Basic {userid}:{demo_password(userid)}")
        transaction.commit()
        return browser

    return _browser
