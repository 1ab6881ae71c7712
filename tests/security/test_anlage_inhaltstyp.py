"""Anlagen are served with the content type of the checked file type, never
the one the client declared, and their ids come from the Antragsnummer and a
counter, never from the file name (issue 20, item 8).

A PDF uploaded as ``x.pdf`` but declared ``text/html`` (REST, add form, PATCH)
is served as ``application/pdf`` at every door: the object URL,
``@@download``, ``@@display-file`` and the REST representation's download
URL, for the applicant and for a reader of the department.
"""

from plone import api
from plone.dexterity.utils import createContentInContainer
from plone.namedfile.file import NamedBlobFile
from stadtdo.sozialnetz.content.anlage import anlagen_inhaltstypen
from stadtdo.sozialnetz.demo import demo_password
import base64
import io
import pytest
import transaction


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n<script>alert(1)</script>"


def _session(request_factory, userid):
    return request_factory(basic_auth=(userid, demo_password(userid)), api=False)


def _datei(filename="x.pdf", data=PDF, content_type="text/html"):
    return {
        "data": base64.b64encode(data).decode(),
        "encoding": "base64",
        "filename": filename,
        "content-type": content_type,
    }


@pytest.fixture
def entwurf(make_antrag):
    antrag = make_antrag()
    transaction.commit()
    return antrag


def _post(request_factory, antrag, **kw):
    response = _session(request_factory, "mitarbeiter").post(
        antrag.absolute_url(), json={"@type": "Anlage", "file": _datei(**kw)}
    )
    assert response.status_code == 201, response.text
    return response.json()


def _content_types(request_factory, url, userid):
    session = _session(request_factory, userid)
    types = {}
    for door in ("", "/@@download", "/@@download/file", "/@@display-file"):
        response = session.get(url + door, headers={"Accept": "text/html"})
        assert response.status_code == 200, (door, response.status_code)
        types[door or "object URL"] = response.headers["Content-Type"]
    rest = session.get(url, headers={"Accept": "application/json"}).json()["file"]
    assert rest["content-type"] == types["/@@download"]
    response = session.get(rest["download"])
    types["REST download"] = response.headers["Content-Type"]
    return types


@pytest.mark.parametrize("userid", ["mitarbeiter", "leitung"])
def test_declared_html_is_served_as_pdf_at_every_door(request_factory, entwurf, userid):
    anlage = _post(request_factory, entwurf)
    types = _content_types(request_factory, anlage["@id"], userid)
    assert set(types.values()) == {"application/pdf"}, types


def test_ids_from_the_antragsnummer_and_a_counter_the_file_name_is_the_title(
    request_factory, entwurf
):
    nummer = entwurf.antragsnummer.lower()
    erste = _post(request_factory, entwurf, filename="Erika Mustermann.pdf")
    zweite = _post(request_factory, entwurf, filename="Konzept.pdf")
    assert erste["@id"].endswith(f"/{nummer}-anlage-1")
    assert zweite["@id"].endswith(f"/{nummer}-anlage-2")
    assert erste["title"] == "Erika Mustermann.pdf"
    assert "mustermann" not in erste["@id"].lower()
    # a number is never given twice, even after a deletion
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(entwurf[f"{nummer}-anlage-2"])
    transaction.commit()
    dritte = _post(request_factory, entwurf, filename="Konzept.pdf")
    assert dritte["@id"].endswith(f"/{nummer}-anlage-3")


def test_patch_with_declared_html_keeps_the_checked_type(request_factory, entwurf):
    anlage = _post(request_factory, entwurf, content_type="application/pdf")
    response = _session(request_factory, "mitarbeiter").patch(
        anlage["@id"], json={"file": _datei(filename="y.pdf")}
    )
    assert response.status_code == 204, response.text
    types = _content_types(request_factory, anlage["@id"], "mitarbeiter")
    assert set(types.values()) == {"application/pdf"}, types


def test_add_form_upload_declared_html_is_served_as_pdf(
    browser_as, request_factory, entwurf
):
    browser = browser_as("mitarbeiter")
    browser.open(entwurf.absolute_url() + "/++add++Anlage")
    browser.getControl(name="form.widgets.file").add_file(
        io.BytesIO(PDF), "text/html", "x.pdf"
    )
    browser.getControl(name="form.buttons.save").click()
    transaction.begin()
    (anlage,) = [o for o in entwurf.objectValues() if o.portal_type == "Anlage"]
    assert anlage.getId() == f"{entwurf.antragsnummer.lower()}-anlage-1"
    assert anlage.title == "x.pdf"
    types = _content_types(request_factory, anlage.absolute_url(), "mitarbeiter")
    assert set(types.values()) == {"application/pdf"}, types


def test_unrecognised_file_is_a_plain_download(request_factory, entwurf):
    """A file that did not pass the check (e.g. taken over from Notes) is
    never shown inline as what it claims to be."""
    with api.env.adopt_roles(["Manager"]):
        anlage = createContentInContainer(
            entwurf,
            "Anlage",
            file=NamedBlobFile(
                b"<html><script>alert(1)</script>",
                filename="seite.html",
                contentType="text/html",
            ),
        )
    transaction.commit()
    assert anlage.file.contentType == "application/octet-stream"
    response = _session(request_factory, "mitarbeiter").get(
        anlage.absolute_url() + "/@@display-file"
    )
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert response.headers["Content-Disposition"].startswith("attachment")


def test_upgrade_sets_the_checked_type_of_existing_anlagen(antrag_in, portal):
    antrag = antrag_in("genehmigt", mit_anlage=True)
    (anlage,) = [o for o in antrag.objectValues() if o.portal_type == "Anlage"]
    anlage.file.contentType = "text/html"  # as stored before the fix
    with api.env.adopt_roles(["Manager"]):
        geaendert = anlagen_inhaltstypen(api.portal.get_tool("portal_setup"))
        assert anlagen_inhaltstypen(None) == []
    assert geaendert == [
        {
            "pfad": "/".join(anlage.getPhysicalPath()),
            "vorher": "text/html",
            "nachher": "application/pdf",
        }
    ]
    assert anlage.file.contentType == "application/pdf"
