"""The accessibility check itself must be able to fail (axe-core is loaded
and looks at the content area)."""

import pytest


pytestmark = pytest.mark.browser


def test_axe_reports_a_missing_alt_text(actor, portal):
    poa = actor("poa")
    page = poa.open(portal.absolute_url() + "/soziale-netzwerke")
    assert poa.axe_violations() == []
    page.evaluate(
        "document.querySelector('#content').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')"
    )
    assert any(v.startswith("image-alt") for v in poa.axe_violations())
