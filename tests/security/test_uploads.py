"""Anlagen: only PDF, Office, OpenDocument and images, up to the configured
size (default 20 MB) — refused with a German 400 (REST) or a message at the
field (form); the web server's body limit matches."""

from pathlib import Path
from plone import api
from stadtdo.sozialnetz.demo import demo_password
from stadtdo.sozialnetz.settings import ISozialnetzSettings
import ast
import base64
import io
import pytest
import transaction


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
DOCX = b"PK\x03\x04" + b"\x00" * 32
EXE = b"MZ\x90\x00" + b"\x00" * 32


def _errors(response):
    """plone.restapi's 400 message: the list of errors, as Python literal."""
    return ast.literal_eval(response.json()["message"])


@pytest.fixture
def entwurf(make_antrag):
    antrag = make_antrag()
    transaction.commit()
    return antrag


def _post(request_factory, antrag, filename, data, content_type):
    session = request_factory(
        basic_auth=("mitarbeiter", demo_password("mitarbeiter")), api=False
    )
    return session.post(
        antrag.absolute_url(),
        json={
            "@type": "Anlage",
            "title": "Anlage",
            "file": {
                "data": base64.b64encode(data).decode(),
                "encoding": "base64",
                "filename": filename,
                "content-type": content_type,
            },
        },
    )


@pytest.mark.parametrize(
    "filename,data,content_type",
    [
        ("konzept.pdf", PDF, "application/pdf"),
        ("logo.png", PNG, "image/png"),
        ("plan.docx", DOCX, "application/octet-stream"),
        ("Plan.ODT", DOCX, "application/vnd.oasis.opendocument.text"),
    ],
)
def test_allowed_documents_are_accepted(
    request_factory, entwurf, filename, data, content_type
):
    response = _post(request_factory, entwurf, filename, data, content_type)
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    "filename,data,content_type,phrase",
    [
        ("setup.exe", EXE, "application/octet-stream", "„.exe“ können nicht angehängt"),
        (
            "seite.html",
            b"<html><script>",
            "text/html",
            "„.html“ können nicht angehängt",
        ),
        ("bild.svg", b"<svg onload=alert(1)>", "image/svg+xml", "„.svg“"),
        ("ohne-endung", PDF, "application/pdf", "können nicht angehängt"),
        ("getarnt.pdf", EXE, "application/pdf", "passt nicht zur Endung „.pdf“"),
    ],
)
def test_other_files_are_refused_with_a_german_400(
    request_factory, entwurf, filename, data, content_type, phrase
):
    response = _post(request_factory, entwurf, filename, data, content_type)
    assert response.status_code == 400, response.text
    (error,) = _errors(response)
    assert error["field"] == "file"
    assert phrase in error["message"]
    transaction.begin()
    assert not [o for o in entwurf.objectValues() if o.portal_type == "Anlage"]


def test_size_limit_is_configurable_and_named(request_factory, entwurf):
    api.portal.set_registry_record("anlage_max_mb", 1, interface=ISozialnetzSettings)
    transaction.commit()
    gross = PDF + b"0" * (1024 * 1024 + 1)
    response = _post(request_factory, entwurf, "gross.pdf", gross, "application/pdf")
    assert response.status_code == 400
    (error,) = _errors(response)
    assert "höchstens 1 MB" in error["message"]
    api.portal.set_registry_record("anlage_max_mb", 20, interface=ISozialnetzSettings)
    transaction.commit()
    response = _post(request_factory, entwurf, "gross.pdf", gross, "application/pdf")
    assert response.status_code == 201, response.text


def test_add_form_shows_the_refusal_at_the_field(browser_as, entwurf):
    browser = browser_as("mitarbeiter")
    browser.open(entwurf.absolute_url() + "/++add++Anlage")
    browser.getControl(name="form.widgets.file").add_file(
        io.BytesIO(EXE), "application/octet-stream", "setup.exe"
    )
    browser.getControl(name="form.buttons.save").click()
    assert "können nicht angehängt werden" in browser.contents
    assert "/++add++Anlage" in browser.url


def test_web_server_body_limit_fits_the_default():
    """zope.ini: the body limit fits a 20 MB Anlage sent base64 over REST."""
    ini = Path(__file__).parents[2] / "instance" / "etc" / "zope.ini.in"
    line = next(
        line
        for line in ini.read_text().splitlines()
        if line.startswith("max_request_body_size")
    )
    limit = int(line.split("=")[1])
    default = ISozialnetzSettings["anlage_max_mb"].default * 1024 * 1024
    assert default * 4 / 3 < limit <= 64 * 1024 * 1024
