from email import message_from_bytes
from email import message_from_string
from email import policy
from plone import api
import pytest


def _parse(raw):
    if isinstance(raw, bytes):
        return message_from_bytes(raw, policy=policy.default)
    return message_from_string(raw, policy=policy.default)


@pytest.fixture
def mails(portal):
    """The mails sent so far, parsed; ``mails.clear()`` forgets them."""
    mailhost = portal.MailHost

    class Mails:
        def all(self):
            return [_parse(raw) for raw in mailhost.messages]

        def clear(self):
            mailhost.reset()

        def recipients(self, subject_part=""):
            return sorted(m["To"] for m in self.all() if subject_part in m["Subject"])

        def subjects(self):
            return [m["Subject"] for m in self.all()]

    mailhost.reset()
    return Mails()


@pytest.fixture
def systemhaus(portal):
    api.portal.set_registry_record(
        "adresse_systemhaus",
        "freischaltung@dosys.example",
        interface=__import__(
            "stadtdo.sozialnetz.settings", fromlist=["x"]
        ).ISozialnetzSettings,
    )
    return "freischaltung@dosys.example"


def addr(*userids):
    return sorted(f"{u}@stadtdo.example" for u in userids)
