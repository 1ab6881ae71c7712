"""The page asks the process (issue 20, item 11).

For every state of the permission matrix and every demo actor, the Antrag
page offers exactly the steps ``schritte.moegliche_schritte`` allows — no
more, no fewer — and each offered step, taken with valid data, is accepted by
its step function. The REST representation lists the same steps.
"""

from html.parser import HTMLParser
from plone import api
from stadtdo.sozialnetz.verfahren import schritte
from tests.vorrat import bausteine_aus_vorrat
from tests.vorrat import je_zustand
from tests.workflow.test_permission_matrix import ACTORS
from tests.workflow.test_permission_matrix import STATES
import pytest
import transaction


#: The value of the hidden input ``aktion`` per step of the process layer.
AKTION_ZU_SCHRITT = {
    "genehmigen": "genehmigen",
    "zurueckweisen": "zurueckweisen",
    "einstellen": "einstellen",
    "votum": "votum",
    "rueckfrage": "rueckfrage_beantworten",
    "erneut": "erneut_stellen",
    "verantwortung": "verantwortung_uebertragen",
}


class _Formulare(HTMLParser):
    """The steps a page offers: its action forms and the submit link."""

    def __init__(self):
        super().__init__()
        self.angeboten = set()
        self._form = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {}
        elif (
            tag == "input" and self._form is not None and attrs.get("type") == "hidden"
        ):
            self._form[attrs.get("name")] = attrs.get("value") or ""
        elif tag == "a" and (attrs.get("href") or "").endswith("/@@einreichen"):
            self.angeboten.add(("einreichen", ""))

    def handle_endtag(self, tag):
        if tag == "form" and self._form is not None:
            schritt = AKTION_ZU_SCHRITT.get(self._form.get("aktion"))
            if schritt:
                self.angeboten.add((schritt, self._form.get("gremium", "")))
            self._form = None


def _angeboten(html):
    parser = _Formulare()
    parser.feed(html)
    return parser.angeboten


def _erlaubt(antrag):
    return {(m.schritt, m.gremium) for m in schritte.moegliche_schritte(antrag)}


def _nehmen(antrag, schritt, gremium):
    """Take ``schritt`` with valid data through its step function."""
    if schritt == "votum":
        return schritte.votum(antrag, gremium=gremium, votum="ja", kommentar="ok")
    if schritt == "rueckfrage_beantworten":
        return schritte.rueckfrage_beantworten(antrag, gremium=gremium, antwort="So.")
    if schritt in ("erneut_stellen", "verantwortung_uebertragen"):
        return getattr(schritte, schritt)(antrag)
    return getattr(schritte, schritt)(antrag, kommentar="Begründung")


def _mit_rueckfrage(antrag_in):
    antrag = antrag_in("beteiligung", mit_anlage=True)
    with api.env.adopt_user(username="datenschutz"):
        schritte.votum(
            antrag,
            gremium="datenschutz",
            votum="rueckfrage",
            kommentar="Wer moderiert?",
        )
    return antrag


FAELLE = [*STATES, "beteiligung_mit_rueckfrage"]
#: the Anträge of these tests, walked once for the module (tests/vorrat.py)
VORRAT = je_zustand(*STATES, mit_anlage=True)
bausteine = bausteine_aus_vorrat


@pytest.mark.parametrize("fall", FAELLE)
def test_the_page_offers_exactly_what_the_process_allows(
    fall, antrag_in, browser_as, request_factory
):
    if fall == "beteiligung_mit_rueckfrage":
        antrag = _mit_rueckfrage(antrag_in)
    else:
        antrag = antrag_in(fall, mit_anlage=True)
    transaction.commit()
    abweichungen = []
    angeboten_insgesamt = 0
    for actor in ACTORS:
        with api.env.adopt_user(username=actor):
            erlaubt = _erlaubt(antrag)
        browser = browser_as(actor)
        try:
            browser.open(antrag.absolute_url())
        except Exception:  # no View right: the page offers nothing
            angeboten = set()
        else:
            angeboten = _angeboten(browser.contents)
        angeboten_insgesamt += len(angeboten)
        if angeboten != erlaubt:
            abweichungen.append(
                f"{actor}: Seite {sorted(angeboten)} ≠ {sorted(erlaubt)}"
            )
        for schritt, gremium in sorted(angeboten):
            savepoint = transaction.savepoint()
            try:
                with api.env.adopt_user(username=actor):
                    _nehmen(antrag, schritt, gremium)
            except Exception as error:
                abweichungen.append(
                    f"{actor}: {schritt} {gremium} angeboten, {error!r}"
                )
            finally:
                savepoint.rollback()
    assert not abweichungen, "\n".join(abweichungen)
    if fall not in ("abgelehnt", "archiviert", "eingestellt"):
        assert angeboten_insgesamt, f"in {fall} offers nobody any step"


def test_rest_lists_the_same_steps(antrag_in, request_factory):
    antrag = antrag_in("beteiligung")
    transaction.commit()
    from stadtdo.sozialnetz.demo import demo_password

    for actor in ("poa", "personalrat", "mitarbeiter", "leitung", "sta11"):
        session = request_factory(basic_auth=(actor, demo_password(actor)), api=False)
        antwort = session.get(antrag.absolute_url()).json()["moegliche_schritte"]
        with api.env.adopt_user(username=actor):
            erwartet = [
                {"schritt": m.schritt, "gremium": m.gremium or None}
                for m in schritte.moegliche_schritte(antrag)
            ]
        assert antwort == erwartet, actor
    with api.env.adopt_user(username="poa"):
        assert ("votum", "poa") in _erlaubt(antrag)


def test_a_refused_step_says_why(antrag_in):
    antrag = antrag_in("beteiligung")
    with api.env.adopt_user(username="personalrat"):
        alle = schritte.moegliche_schritte(antrag, mit_abgelehnten=True)
    poa = next(m for m in alle if m.schritt == "votum" and m.gremium == "poa")
    assert not poa.moeglich
    assert "Personal- und Organisationsamt" in poa.grund


def test_the_applicant_who_is_also_head_is_not_offered_his_own_approval(
    antrag_in, browser_as
):
    """With ``mitarbeiter`` also in ``fb-10-leitung``, his own submitted
    Antrag is not his task: neither the page, nor Meine Aufgaben, nor the
    process offer him the approval; the other head still gets it."""
    with api.env.adopt_roles(["Manager"]):
        api.group.add_user(groupname="fb-10-leitung", username="mitarbeiter")
    antrag = antrag_in("genehmigung_fbl")
    transaction.commit()
    with api.env.adopt_user(username="mitarbeiter"):
        assert not {"genehmigen", "zurueckweisen"} & {
            m.schritt for m in schritte.moegliche_schritte(antrag)
        }
    with api.env.adopt_user(username="leitung"):
        assert {"genehmigen", "zurueckweisen"} <= {
            m.schritt for m in schritte.moegliche_schritte(antrag)
        }
    seite = browser_as("mitarbeiter")
    seite.open(antrag.absolute_url())
    assert not {"genehmigen", "zurueckweisen"} & {
        s for s, _ in _angeboten(seite.contents)
    }
    aufgaben_url = f"{antrag.aq_parent.aq_parent.absolute_url()}/@@meine-aufgaben"
    seite.open(aufgaben_url)
    assert antrag.antragsnummer not in seite.contents
    leitung = browser_as("leitung")
    leitung.open(aufgaben_url)
    assert antrag.antragsnummer in leitung.contents
