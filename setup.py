"""Installer for the stadtdo.sozialnetz package."""

from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup


long_description = "\n\n".join(
    Path(name).read_text(encoding="utf-8") for name in ("README.rst", "CHANGES.rst")
)

setup(
    name="stadtdo.sozialnetz",
    version="1.0.0a2.dev0",
    description=(
        "Datenbank 'Soziale Netzwerke' der Stadt Dortmund: Katalog der "
        "Social-Media-Auftritte und Beteiligungsprozess als Plone-Add-on."
    ),
    long_description=long_description,
    long_description_content_type="text/x-rst",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python :: 3.11",
        "Natural Language :: German",
    ],
    keywords="Plone Dexterity Workflow Social Media Beteiligungsverfahren",
    author="Stadt Dortmund",
    license="GPL-2.0-only",
    packages=find_namespace_packages("src", include=["stadtdo.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "Products.CMFPlone>=6.2",
        "plone.api",
        "plone.restapi",
        "plone.app.dexterity",
        "plone.app.versioningbehavior",
        "plone.app.caching",  # cache rulesets of the public register
        "collective.easyform",
        "lxml",  # Notes DXL import (pinned in constraints.txt)
        "holidays",  # NRW public holidays for the vote deadlines
        "zodbverify",  # sozialnetz-pruefen: every record loads
        "zodbupdate",  # rewriting moved class paths (docs/verwaltung.rst, „Aktualisieren“)
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "plone.testing",
            "pytest",
            "pytest-plone",
            "pytest-xdist",  # make test-fast: two workers, one per core
            "zope.pytestlayer",
            "aiosmtpd",
            "playwright",
            "pas.plugins.ldap",  # tests/ldap
            # make test-plone: what Plone's own tests import
            "plone.restapi[test]",
            "plone.api[test]",
            "Products.CMFPlone[test]",
            "plone.app.users[test]",
            "plone.app.workflow[test]",
            "build",  # tests/release/test_paket.py: sdist and wheel
            "twine",  # ... pass twine check
        ],
        # sign-in from the city's directory (profile stadtdo.sozialnetz:ldap);
        # python-ldap builds against Debian's libldap2-dev and libsasl2-dev
        "ldap": ["pas.plugins.ldap"],
        # make changelog (CHANGES.rst from news/). Sphinx for make docs has a
        # venv of its own (docs/requirements.txt): no Sphinx for Python 3.11
        # accepts the docutils pinned for Plone.
        "docs": ["towncrier"],
        # several Zope instances on one PostgreSQL database (make start-cluster)
        "cluster": [
            "RelStorage",
            # the driver RelStorage[postgresql] names is psycopg2 (built from
            # source); the binary wheel provides the same module
            "psycopg2-binary",
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
        "console_scripts": [
            "sozialnetz-notes-import = stadtdo.sozialnetz.migration.cli:main",
            "sozialnetz-pruefen = stadtdo.sozialnetz.upgrades.pruefen:main",
        ],
        # moved class paths, for rewriting the stored references (docs/verwaltung.rst,
        # „Aktualisieren“)
        "zodbupdate": ["renames = stadtdo.sozialnetz.bbb:UMBENENNUNGEN"],
    },
)
