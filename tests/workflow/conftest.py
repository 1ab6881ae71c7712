"""Workflow tests run on the integration layer (MockMailHost); the mails
of a step are read with the ``mails`` fixture of tests/notifications."""

from tests.notifications.conftest import mails  # noqa: F401 (fixture)
