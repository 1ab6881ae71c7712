"""An SMTP receiver on localhost (aiosmtpd) for tests where delivery itself
is the point: ``smtp`` points the portal's MailHost at it.

Loaded as a pytest plugin by tests/conftest.py; the ``portal`` it uses must
be the functional one (override ``portal`` in the test directory).
"""

from aiosmtpd.controller import Controller
from email import message_from_bytes
from email import policy
from plone import api
import pytest
import socket
import time
import transaction


class Receiver:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((tuple(envelope.rcpt_tos), message))
        return "250 Message accepted"

    def wait_for(self, count, timeout=10):
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.messages

    def to(self, subject_part):
        return sorted(
            rcpt
            for rcpts, m in self.messages
            if subject_part in m["Subject"]
            for rcpt in rcpts
        )


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp(portal):
    receiver = Receiver()
    port = _free_port()
    controller = Controller(receiver, hostname="127.0.0.1", port=port)
    controller.start()
    # Plone's mailer reads host and port from the mail control panel settings.
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", port)
    api.portal.set_registry_record(
        "plone.email_from_address", "soziale-netzwerke@stadtdo.example"
    )
    transaction.commit()
    yield receiver
    controller.stop()
