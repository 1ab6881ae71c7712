"""The DSB early (issue 23 item 5, DV § 4): the department invites the DSB
into its draft, the DSB reads it and leaves notes the department reads; the
checklist's „frühzeitig beteiligt“ is set by the system, never by hand."""

from plone import api
from stadtdo.sozialnetz.content.gremien import GREMIEN_BY_ID
from stadtdo.sozialnetz.datenschutz import fruehbeteiligung
from stadtdo.sozialnetz.errors import AktionAbgelehnt
from tests.notifications.conftest import addr
from tests.notifications.conftest import mails  # noqa: F401 (fixture)
from zExceptions import Unauthorized
import pytest


def _als(userid, funktion, *args):
    with api.env.adopt_user(username=userid):
        return funktion(*args)


def _sieht(userid, obj):
    with api.env.adopt_user(username=userid):
        return bool(api.user.has_permission("View", obj=obj))


@pytest.fixture
def entwurf(antrag_in):
    return antrag_in("entwurf")


def test_the_dsb_does_not_see_a_draft_before_the_invitation(entwurf):
    assert not _sieht("datenschutz", entwurf)
    assert entwurf.datenschutz_beteiligt is False


def test_the_invitation_lets_the_dsb_read_this_draft_only(entwurf, make_antrag):
    anderer = make_antrag()
    eintrag = _als("mitarbeiter", fruehbeteiligung.einladen, entwurf)
    assert eintrag["wer"] == "mitarbeiter" and eintrag["zeit"]
    assert entwurf.datenschutz_beteiligt is True
    assert _sieht("datenschutz", entwurf)
    assert _sieht("datenschutz", entwurf["person"])
    assert not _sieht("datenschutz", anderer)
    for userid in ("poa", "personalrat", "agentur", "itsicherheit", "mitarbeiter50"):
        assert not _sieht(userid, entwurf), userid
    # the catalog knows it too: the DSB finds the draft in searches
    with api.env.adopt_user(username="datenschutz"):
        gefunden = api.content.find(UID=entwurf.UID())
    assert len(gefunden) == 1


def test_the_invitation_is_mailed_to_the_dsb(entwurf, mails):  # noqa: F811
    mails.clear()
    _als("mitarbeiter", fruehbeteiligung.einladen, entwurf)
    assert mails.recipients("Frühzeitige Beteiligung") == addr("datenschutz")
    body = mails.all()[0].get_content()
    assert entwurf.absolute_url() in body
    assert "noch im Entwurf" in body


@pytest.mark.parametrize(
    "userid", ["leitung", "datenschutz", "poa", "mitarbeiter50", "dsfachkraft"]
)
def test_only_the_department_s_staff_invites(entwurf, userid):
    with pytest.raises(Unauthorized):
        _als(userid, fruehbeteiligung.einladen, entwurf)
    assert fruehbeteiligung.Fruehbeteiligung(entwurf).eingeladen is None
    assert entwurf.datenschutz_beteiligt is False
    assert not _sieht("datenschutz", entwurf)


def test_once_and_only_in_the_draft(entwurf, antrag_in):
    _als("mitarbeiter", fruehbeteiligung.einladen, entwurf)
    with pytest.raises(AktionAbgelehnt, match="bereits beteiligt"):
        _als("mitarbeiter", fruehbeteiligung.einladen, entwurf)
    eingereicht = antrag_in("genehmigung_fbl")
    with pytest.raises(AktionAbgelehnt, match="im Entwurf"):
        _als("mitarbeiter", fruehbeteiligung.einladen, eingereicht)


def test_the_invited_dsb_leaves_a_note_the_department_reads(entwurf, mails):  # noqa: F811
    _als("mitarbeiter", fruehbeteiligung.einladen, entwurf)
    mails.clear()
    hinweis = _als(
        "datenschutz",
        fruehbeteiligung.hinweis_geben,
        entwurf,
        "  Bitte die Einwilligung nach Art. 7 DSGVO beifügen.  ",
    )
    assert hinweis["text"] == "Bitte die Einwilligung nach Art. 7 DSGVO beifügen."
    assert hinweis["wer"] == "datenschutz"
    stand = fruehbeteiligung.stand(entwurf)
    assert [h["text"] for h in stand["hinweise"]] == [hinweis["text"]]
    assert "mitarbeiter@stadtdo.example" in mails.recipients(
        "Hinweis des Datenschutzes"
    )
    body = next(
        m for m in mails.all() if "Hinweis des Datenschutzes" in m["Subject"]
    ).get_content()
    assert "Art. 7 DSGVO" in body


def test_no_note_without_invitation_nor_from_others(entwurf):
    with pytest.raises(Unauthorized):
        _als("datenschutz", fruehbeteiligung.hinweis_geben, entwurf, "Zu früh.")
    _als("mitarbeiter", fruehbeteiligung.einladen, entwurf)
    for userid in ("mitarbeiter", "leitung", "poa", "personalrat"):
        with pytest.raises(Unauthorized):
            _als(userid, fruehbeteiligung.hinweis_geben, entwurf, "Ich auch.")
    with pytest.raises(AktionAbgelehnt, match="Hinweis ein"):
        _als("datenschutz", fruehbeteiligung.hinweis_geben, entwurf, "   ")
    assert fruehbeteiligung.stand(entwurf)["hinweise"] == []


def test_moeglich_tells_each_actor_what_to_do(entwurf):
    assert _als("mitarbeiter", fruehbeteiligung.moeglich, entwurf) == {
        "einladen": True,
        "hinweis": False,
    }
    _als("mitarbeiter", fruehbeteiligung.einladen, entwurf)
    assert _als("mitarbeiter", fruehbeteiligung.moeglich, entwurf) == {
        "einladen": False,
        "hinweis": False,
    }
    assert _als("datenschutz", fruehbeteiligung.moeglich, entwurf) == {
        "einladen": False,
        "hinweis": True,
    }


def test_a_statement_without_invitation_is_shown_as_the_department_s(entwurf):
    """Before 1010 (and from Notes) the department ticked the box itself."""
    entwurf.datenschutz_beteiligt = True
    stand = fruehbeteiligung.stand(entwurf)
    assert stand["eingeladen"] is None and stand["nur_angegeben"] is True


def test_the_role_is_no_role_of_the_sharing_page(portal):
    sharing = api.content.get_view("sharing", portal, portal.REQUEST)
    assert fruehbeteiligung.ROLLE not in {r["id"] for r in sharing.roles()}
    assert GREMIEN_BY_ID["datenschutz"].gruppe
