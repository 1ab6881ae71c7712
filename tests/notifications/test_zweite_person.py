"""Issue 20, item 3: an Antrag whose only head submitted it waits for a
second person; StA 11 is told once."""

from plone import api
from stadtdo.sozialnetz.notifications.events import zweite_person_melden
from tests.notifications.conftest import addr
import pytest


#: the subject ends "Genehmigung durch eine zweite Person nötig" (folded)
BETREFF = "Genehmigung durch eine zweite Person"


@pytest.fixture
def einzige_leitung(fb50, make_antrag, add_person, transition, mails):
    api.group.add_user(groupname="fb-50-leitung", username="mitarbeiter50")
    antrag = make_antrag(container=fb50, userid="mitarbeiter50")
    add_person(antrag, userid="mitarbeiter50")
    mails.clear()
    transition(antrag, "einreichen", "mitarbeiter50")
    return antrag


def test_sta11_is_mailed_once_when_no_second_head_exists(einzige_leitung, mails):
    assert mails.recipients(BETREFF) == addr("sta11")
    assert zweite_person_melden(einzige_leitung) is False
    assert mails.recipients(BETREFF) == addr("sta11")


def test_no_mail_when_the_deputy_can_approve(antrag_in, mails):
    mails.clear()
    antrag_in("genehmigung_fbl")
    assert mails.recipients(BETREFF) == []
