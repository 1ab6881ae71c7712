"""Frozen means frozen, even for admin (issue 20, item 7).

A Manager gives the workflow's permissions back on one submitted Antrag
(``manage_permission``, as in the ZMI) and then tries every door: REST
PATCH/POST/DELETE, plone.api, OFS delete and rename. The data layer
(verfahren.einfrieren) refuses each; the record is unchanged afterwards.
"""

from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from stadtdo.sozialnetz.verfahren.einfrieren import freigeben
from tests.conftest import PERSON_DATEN
from zExceptions import Forbidden
import pytest
import transaction


WIEDER_ERLAUBT = (
    "Modify portal content",
    "Add portal content",
    "stadtdo.sozialnetz: Add Person",
    "stadtdo.sozialnetz: Add Anlage",
    "Delete objects",
    "Copy or Move",
)


def _aufgetaut(antrag):
    """What an administrator does in the ZMI: permissions back for Manager on
    the Antrag and its children."""
    for obj in (antrag, *antrag.objectValues()):
        gueltig = {p[0] for p in obj.ac_inherited_permissions(1)}
        for permission in gueltig.intersection(WIEDER_ERLAUBT):
            obj.manage_permission(permission, ["Manager"], acquire=False)


@pytest.fixture
def genehmigt(antrag_in):
    antrag = antrag_in("genehmigt", mit_anlage=True)
    _aufgetaut(antrag)
    transaction.commit()
    return antrag


@pytest.fixture
def admin(request_factory):
    return request_factory(role="Manager", api=False)


def _kinder(antrag):
    return sorted(antrag.objectIds())


def test_admin_cannot_patch_a_frozen_antrag(genehmigt, admin):
    vorher = genehmigt.kontoname
    response = admin.patch(genehmigt.absolute_url(), json={"kontoname": "@gekapert"})
    assert response.status_code == 403, response.text
    assert "eingefroren" in response.json()["message"]
    transaction.begin()
    assert genehmigt.kontoname == vorher


def test_admin_cannot_patch_a_person_of_a_frozen_antrag(genehmigt, admin):
    person = genehmigt["person"]
    vorher = person.nachname
    response = admin.patch(person.absolute_url(), json={"nachname": "Anders"})
    assert response.status_code == 403, response.text
    transaction.begin()
    assert person.nachname == vorher


def test_admin_cannot_add_a_person_to_a_frozen_antrag(genehmigt, admin):
    vorher = _kinder(genehmigt)
    data = dict(PERSON_DATEN, **{"@type": "Person"})
    for key in ("einwilligung_datum", "taetigkeit_von"):
        data[key] = data[key].isoformat()
    response = admin.post(genehmigt.absolute_url(), json=data)
    assert response.status_code == 403, response.text
    transaction.begin()
    assert _kinder(genehmigt) == vorher


@pytest.mark.parametrize("portal_type", ["Person", "Anlage"])
def test_admin_cannot_delete_a_child_of_a_frozen_antrag(genehmigt, admin, portal_type):
    (kind,) = [k for k in genehmigt.objectValues() if k.portal_type == portal_type]
    vorher = _kinder(genehmigt)
    response = admin.delete(kind.absolute_url())
    assert response.status_code == 403, response.text
    transaction.begin()
    assert _kinder(genehmigt) == vorher


def test_admin_cannot_delete_a_frozen_antrag(genehmigt, admin):
    folder = genehmigt.aq_parent
    response = admin.delete(genehmigt.absolute_url())
    assert response.status_code == 403, response.text
    transaction.begin()
    assert genehmigt.getId() in folder


def test_plone_api_edits_and_deletes_are_refused(genehmigt):
    folder = genehmigt.aq_parent
    with api.env.adopt_roles(["Manager"]):
        with pytest.raises(Forbidden, match="eingefroren"):
            api.content.delete(obj=genehmigt["person"], check_linkintegrity=False)
        with pytest.raises(Forbidden, match="eingefroren"):
            folder.manage_delObjects([genehmigt.getId()])
        with pytest.raises(Forbidden, match="eingefroren"):
            genehmigt.manage_renameObject("person", "person-neu")
        with pytest.raises(Forbidden, match="eingefroren"):
            createContentInContainer(
                genehmigt,
                "Anlage",
                title="Nachgereicht",
                file=NamedBlobFile(b"%PDF-1.4 neu", filename="neu.pdf"),
            )


def test_a_draft_stays_editable(antrag_in, admin):
    antrag = antrag_in("entwurf")
    transaction.commit()
    response = admin.patch(antrag.absolute_url(), json={"kontoname": "@neuer_name"})
    assert response.status_code == 204, response.text
    transaction.begin()
    assert antrag.kontoname == "@neuer_name"


def test_the_process_changes_frozen_data_only_inside_freigeben(genehmigt):
    """The retention period deletes Anlagen of closed Anträge through
    ``freigeben``; outside it the same call is refused."""
    (anlage,) = [k for k in genehmigt.objectValues() if k.portal_type == "Anlage"]
    with api.env.adopt_roles(["Manager"]):
        with pytest.raises(Forbidden, match="eingefroren"):
            genehmigt._delObject(anlage.getId())
        with freigeben("Test"):
            genehmigt._delObject(anlage.getId())
    assert anlage.getId() not in genehmigt
