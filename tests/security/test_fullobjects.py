"""``GET soziale-netzwerke?fullobjects=1`` (and on a department folder)
answers every demo actor – the incident form in the database folder is
serialised without a server error (issue 20, item 9)."""

from stadtdo.sozialnetz.demo import BENUTZER
from stadtdo.sozialnetz.demo import demo_password
import pytest


AKTEURE = [userid for userid, _name, _groups in BENUTZER]


def VORRAT(bausteine):
    """Built once for the module (tests/vorrat.py)."""
    return bausteine.antrag_in("beteiligung", mit_anlage=True)


@pytest.fixture
def bestand(vorrat):
    return vorrat


@pytest.mark.parametrize("userid", [*AKTEURE, None])
@pytest.mark.parametrize("pfad", ["soziale-netzwerke", "soziale-netzwerke/fb-10"])
def test_fullobjects_listing_works_for_every_actor(
    request_factory, bestand, userid, pfad
):
    if userid is None:
        session = request_factory(api=False)
    else:
        session = request_factory(basic_auth=(userid, demo_password(userid)), api=False)
    response = session.get(pfad, params={"fullobjects": "1"})
    assert response.status_code in (200, 401), (userid, response.text[:1500])
    if response.status_code == 200:
        items = response.json()["items"]
        # the stored incident reports only for their readers
        for item in items:
            if item["@type"] == "EasyForm" and userid != "sta11":
                assert "savedDataStorage" not in item
