"""Instances of their own on temporary databases (tests/release/instanz.py)."""

from tests.release import instanz
import pytest
import shutil


@pytest.fixture(scope="session")
def frische_vorlage(tmp_path_factory):
    """A fresh demo site, created once; tests work on copies."""
    var = tmp_path_factory.mktemp("frisch")
    instanz.site_anlegen(var)
    return var


@pytest.fixture
def frische_site(frische_vorlage, tmp_path):
    """A copy of the fresh demo site: its zope.conf."""
    var = tmp_path / "var"
    shutil.copytree(frische_vorlage, var, ignore=shutil.ignore_patterns("*.lock"))
    return instanz.konfigurieren(var)
