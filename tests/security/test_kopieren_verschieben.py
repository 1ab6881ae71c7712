"""Anträge are not copied, moved, renamed or pasted; Persons and Anlagen only
while their Antrag is a draft (issue 20, item 9; ``content.ortsfest``).

Every door answers a German 403 – REST ``@copy``/``@move``, the containers'
``manage_copyObjects``/``manage_cutObjects``/``manage_pasteObjects``/
``manage_renameObject`` (ZMI, plone.api), folder_contents – never OFS's 500
"CopyError"; as the applicant and as admin. Nothing is changed afterwards.
"""

from plone import api
from plone.protect.authenticator import createToken
from stadtdo.sozialnetz.demo import demo_password
from zExceptions import Forbidden
from zExceptions import Unauthorized
import json
import pytest
import transaction


def _session(request_factory, userid):
    if userid == "admin":
        return request_factory(role="Manager", api=False)
    return request_factory(basic_auth=(userid, demo_password(userid)), api=False)


def _ids(folder):
    transaction.begin()
    return sorted(folder.objectIds())


def _forbidden_german(response):
    assert response.status_code == 403, response.text[:500]
    assert "Traceback" not in response.text
    return response.json()["message"]


def _forbidden(response):
    """403 – ours with the German reason, or plone.restapi's own empty one
    (``@move`` without "Delete objects" on a frozen Antrag's content)."""
    if response.status_code == 403 and response.json() is None:
        return "eingefroren"
    return _forbidden_german(response)


@pytest.fixture
def eingereicht(antrag_in):
    antrag = antrag_in("genehmigung_fbl", mit_anlage=True)
    transaction.commit()
    return antrag


@pytest.fixture
def entwurf(antrag_in):
    antrag = antrag_in("entwurf", mit_anlage=True)
    transaction.commit()
    return antrag


@pytest.mark.parametrize("userid", ["mitarbeiter", "admin"])
@pytest.mark.parametrize("zustand", ["entwurf", "genehmigung_fbl", "genehmigt"])
def test_rest_copy_of_an_antrag_is_a_german_403(
    request_factory, antrag_in, fb10, userid, zustand
):
    antrag = antrag_in(zustand)
    transaction.commit()
    vorher = _ids(fb10)
    response = _session(request_factory, userid).post(
        fb10.absolute_url() + "/@copy", json={"source": antrag.absolute_url()}
    )
    assert "Ein Antrag wird nicht kopiert" in _forbidden_german(response)
    assert _ids(fb10) == vorher


@pytest.mark.parametrize("userid", ["mitarbeiter", "admin"])
def test_rest_move_of_a_submitted_antrag_is_a_german_403(
    request_factory, eingereicht, fb10, fb50, userid
):
    vorher = (_ids(fb10), _ids(fb50))
    response = _session(request_factory, userid).post(
        fb50.absolute_url() + "/@move", json={"source": eingereicht.absolute_url()}
    )
    if response.status_code != 401:  # mitarbeiter may not add in FB 50
        assert "weder verschoben noch umbenannt" in _forbidden_german(response)
    assert (_ids(fb10), _ids(fb50)) == vorher


@pytest.mark.parametrize("door", ["copy", "move"])
def test_rest_copy_or_move_of_a_person_out_of_a_submitted_antrag_is_403(
    request_factory, eingereicht, entwurf, door
):
    person = [o for o in eingereicht.objectValues() if o.portal_type == "Person"][0]
    vorher = (_ids(eingereicht), _ids(entwurf))
    response = _session(request_factory, "admin").post(
        entwurf.absolute_url() + "/@" + door, json={"source": person.absolute_url()}
    )
    assert "eingefroren" in _forbidden(response)
    assert (_ids(eingereicht), _ids(entwurf)) == vorher


def test_a_person_of_a_draft_may_be_copied_into_another_draft(
    request_factory, entwurf, make_antrag
):
    ziel = make_antrag()
    transaction.commit()
    person = [o for o in entwurf.objectValues() if o.portal_type == "Person"][0]
    response = _session(request_factory, "mitarbeiter").post(
        ziel.absolute_url() + "/@copy", json={"source": person.absolute_url()}
    )
    assert response.status_code == 200, response.text[:500]
    transaction.begin()
    assert [o.portal_type for o in ziel.objectValues()] == ["Person"]


@pytest.mark.parametrize(
    "door",
    [
        lambda fb, a, ziel: fb.manage_renameObject(a.getId(), "neu"),
        lambda fb, a, ziel: api.content.rename(obj=a, new_id="neu"),
        lambda fb, a, ziel: api.content.copy(source=a, target=fb),
        lambda fb, a, ziel: api.content.move(source=a, target=ziel),
        lambda fb, a, ziel: fb.manage_copyObjects([a.getId()]),
        lambda fb, a, ziel: fb.manage_cutObjects([a.getId()]),
        lambda fb, a, ziel: fb.manage_clone(a, "klon"),
    ],
    ids=[
        "manage_renameObject",
        "rename",
        "copy",
        "move",
        "copyObjects",
        "cut",
        "clone",
    ],
)
def test_zmi_and_api_doors_refuse_an_antrag_even_for_manager(
    eingereicht, fb10, fb50, door
):
    vorher = sorted(fb10.objectIds())
    with api.env.adopt_roles(["Manager"]), pytest.raises(Forbidden) as info:
        door(fb10, eingereicht, fb50)
    assert "Antrag" in str(info.value)
    assert sorted(fb10.objectIds()) == vorher
    assert eingereicht.aq_parent is fb10


def test_paste_of_a_clipboard_filled_while_draft_is_refused(
    entwurf, make_antrag, transition
):
    """Cut a Person while the Antrag is a draft, submit, then paste: refused."""
    ziel = make_antrag()
    person = [o for o in entwurf.objectValues() if o.portal_type == "Person"][0]
    with api.env.adopt_user(username="mitarbeiter"):
        clipboard = entwurf.manage_cutObjects([person.getId()])
    transition(entwurf, "einreichen", "mitarbeiter")
    # OFS refuses first (nobody may delete from a frozen Antrag), else we
    with (
        api.env.adopt_roles(["Manager"]),
        pytest.raises((Forbidden, Unauthorized)),
    ):
        ziel.manage_pasteObjects(clipboard)
    assert person.getId() in entwurf.objectIds()
    assert not ziel.objectIds()


def test_anlage_of_a_submitted_antrag_is_not_renamed(eingereicht):
    (anlage,) = [o for o in eingereicht.objectValues() if o.portal_type == "Anlage"]
    with api.env.adopt_roles(["Manager"]), pytest.raises(Forbidden):
        eingereicht.manage_renameObject(anlage.getId(), "erika-mustermann.pdf")
    assert anlage.getId() in eingereicht.objectIds()


def _folder_contents(folder, name, **form):
    request = folder.REQUEST
    request.method = "POST"
    request["REQUEST_METHOD"] = "POST"
    request.form.clear()
    request.form.update(form, _authenticator=createToken())
    return json.loads(folder.restrictedTraverse(name)())


def test_folder_contents_rename_and_copy_of_an_antrag_do_nothing(eingereicht, fb10):
    vorher = sorted(fb10.objectIds())
    with api.env.adopt_roles(["Manager"]):
        antwort = _folder_contents(
            fb10,
            "@@fc-rename",
            UID_0=eingereicht.UID(),
            newid_0="neu",
            newtitle_0="",
        )
        assert antwort["status"] == "warning", antwort
        antwort = _folder_contents(
            fb10, "@@fc-copy", selection=json.dumps([eingereicht.UID()])
        )
        assert antwort["status"] == "warning", antwort
    assert sorted(fb10.objectIds()) == vorher


def test_a_copied_department_folder_takes_no_antrag_along(eingereicht, datenbank):
    vorher = sorted(datenbank.objectIds())
    with api.env.adopt_roles(["Manager"]), pytest.raises(Forbidden):
        api.content.copy(source=eingereicht.aq_parent, target=datenbank, id="kopie")
    assert sorted(datenbank.objectIds()) == vorher
