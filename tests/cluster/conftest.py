"""The cluster tests start a real cluster: Debian's PostgreSQL (a cluster of
its own in a temporary directory), RelStorage, two Zope instances and HAProxy,
all on free loopback ports (scripts/cluster.py, as ``make start-cluster``).

Skipped with the reason when postgresql or haproxy is missing; ``make test``
installs both (``make cluster-deps``), so CI runs them.
"""

from pathlib import Path
from tests.smtp_receiver import _free_port
from tests.smtp_receiver import Receiver
import pytest
import shutil
import sys
import tempfile


SCRIPTS = Path(__file__).parents[2] / "scripts"
sys.path.insert(0, str(SCRIPTS))

import cluster as cluster_script  # noqa: E402


def pytest_collection_modifyitems(config, items):
    missing = cluster_script.missing_binaries()
    if not missing:
        return
    skip = pytest.mark.skip(
        reason="Cluster-Tests brauchen "
        + ", ".join(missing)
        + " (make cluster-deps bzw. make test installiert sie als root)"
    )
    for item in items:
        if "cluster" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def smtp_empfaenger():
    """An SMTP receiver on loopback the cluster's MailHost delivers to."""
    from aiosmtpd.controller import Controller

    receiver = Receiver()
    port = _free_port()
    controller = Controller(receiver, hostname="127.0.0.1", port=port)
    controller.start()
    receiver.port = port
    yield receiver
    controller.stop()


@pytest.fixture(scope="session")
def cluster(smtp_empfaenger):
    """A running cluster with the demo site, for the whole session."""
    var = Path(tempfile.mkdtemp(prefix="sozialnetz-cluster-"))
    # as root, PostgreSQL runs as the user postgres and must reach its files
    var.chmod(0o755)
    ports = [_free_port() for _ in range(4)]
    umgebung = cluster_script.Cluster(
        var, port=ports[0], instances=ports[1:3], pg_port=ports[3]
    )
    umgebung.site_env = {
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp_empfaenger.port),
    }
    try:
        umgebung.start()
        yield umgebung
    finally:
        umgebung.stop()
        shutil.rmtree(var, ignore_errors=True)
