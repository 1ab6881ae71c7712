"""The Antrag's guard conditions are no content methods: no URL runs them."""

from stadtdo.sozialnetz.demo import demo_password
import pytest
import transaction


METHODEN = (
    "beteiligung_ergebnis",
    "einreichbar",
    "offene_rueckfragen",
    "ist_abgeloest",
)


@pytest.mark.parametrize("methode", METHODEN)
@pytest.mark.parametrize("userid", [None, "mitarbeiter", "poa"])
def test_guard_conditions_are_not_publishable(
    request_factory, antrag_in, methode, userid
):
    antrag = antrag_in("beteiligung")
    transaction.commit()
    if userid is None:
        session = request_factory(api=False)
    else:
        session = request_factory(basic_auth=(userid, demo_password(userid)), api=False)
    response = session.get(f"{antrag.absolute_url()}/{methode}", allow_redirects=False)
    assert response.status_code in (302, 401, 404), response.status_code
    assert response.text.strip() not in ("None", "True", "False", "[]", "genehmigt")
