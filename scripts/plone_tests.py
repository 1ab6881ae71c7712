"""Plone's own tests with the add-on installed in their fixture (issue 20).

``make test-plone`` runs the tests of the installed plone.restapi,
Products.CMFPlone, plone.app.users, ... for users, groups, sharing,
workflow, search and the Site Administrator role (:data:`AUSWAHL`) with
zope.testrunner. Before the layers are set up, ``PLONE_FIXTURE`` (the base
of every Plone test layer) is changed to load the ZCML of plone.restapi and
stadtdo.sozialnetz and to apply the profile ``stadtdo.sozialnetz:default``
to its site: every upstream test then runs on a site with the add-on, as a
city site does.

``plone_tests_bekannt.txt`` names the upstream tests that fail because of
what the install adds (the database folder, its groups, roles and types),
one line each with the reason. They run as expected failures: the run fails
if any other test fails, and also if a listed test passes again or no longer
exists (the list is then out of date).

    python scripts/plone_tests.py            # the whole selection
    python scripts/plone_tests.py -m test_services_users   # more filters
    python scripts/plone_tests.py --ohne-addon ...          # stock Plone

Arguments after the options are passed on to zope.testrunner.
"""

from pathlib import Path
import argparse
import doctest
import os
import sys
import sysconfig


#: (package, module regular expression): what the target runs
AUSWAHL = (
    (
        "plone.restapi",
        r"^plone\.restapi\.tests\.test_("
        # users, groups, roles, sign-in
        r"services_users|services_userschema|services_groups|services_principals"
        r"|services_roles|serializer_user|serializer_group|auth|functional_auth|pas"
        r"|services_controlpanels"
        # sharing, workflow, writes on content
        r"|content_local_roles|services_inherit|workflow|permissions"
        r"|content_post|content_patch|content_delete|copymove|services_types"
        # search
        r"|search|search_utils|services_querystring|services_querystringsearch"
        r")$",
    ),
    (
        "Products.CMFPlone",
        r"^Products\.CMFPlone\.tests\.("
        r"testSiteAdminRole|testBrowserAdmin|testPortalCreation"
        r"|testUserFolderBasics|testRegistrationTool|testEmailLogin"
        r"|testCookieAuth|test_login_logout|test_login_views|test_passwordreset"
        r"|testSecurity|testSecurityDeclarations|testContentSecurity"
        r"|testCutPasteSecurity|testCSRFProtection"
        r"|testWorkflowTool|testSearch|testCatalogTool"
        r")$",
    ),
    ("plone.app.users", r"^plone\.app\.users\.tests\."),
    ("plone.app.workflow", r"^plone\.app\.workflow\.tests\."),
    ("plone.app.querystring", r"^plone\.app\.querystring\.tests\."),
    (
        "plone.api",
        r"^plone\.api\.tests\.(test_user|test_group|test_env|test_content"
        r"|test_portal|test_doctests)$",
    ),
)

BEKANNT = Path(__file__).with_name("plone_tests_bekannt.txt")
PROFIL = "stadtdo.sozialnetz:default"


def bekannte_fehler(datei=BEKANNT):
    """The listed test ids (``<id>  # reason``; ``#`` lines are comments)."""
    ids = set()
    for zeile in datei.read_text(encoding="utf-8").splitlines():
        zeile = zeile.split("#", 1)[0].strip()
        if zeile:
            ids.add(zeile)
    return ids


def addon_in_plone_fixture():
    """Make ``PLONE_FIXTURE`` load the add-on and install its profile."""
    from plone.app.testing import layers
    from plone.app.testing.helpers import applyProfile
    from plone.testing import zope
    from zope.configuration import xmlconfig

    fixture = layers.PloneFixture
    set_up_zcml = fixture.setUpZCML
    set_up_default_content = fixture.setUpDefaultContent

    def setUpZCML(self):
        set_up_zcml(self)
        import plone.restapi
        import stadtdo.sozialnetz

        for package in (plone.restapi, stadtdo.sozialnetz):
            xmlconfig.file(
                "configure.zcml", package, context=self["configurationContext"]
            )

    def setUpDefaultContent(self, app):
        set_up_default_content(self, app)
        from plone.app.testing.interfaces import PLONE_SITE_ID
        from plone.app.testing.interfaces import SITE_OWNER_NAME
        from zope.component.hooks import setSite

        portal = app[PLONE_SITE_ID]
        zope.login(app["acl_users"], SITE_OWNER_NAME)
        setSite(portal)
        try:
            applyProfile(portal, PROFIL)
        finally:
            setSite(None)
            zope.logout()

    fixture.setUpZCML = setUpZCML
    fixture.setUpDefaultContent = setUpDefaultContent


def kennung(test, site_packages):
    """The test's id; a doctest file's path relative to site-packages (the
    venv lies elsewhere in CI)."""
    if isinstance(test, doctest.DocFileCase):
        datei = os.path.normpath(test._dt_test.filename)
        return os.path.relpath(datei, site_packages)
    return test.id()


def erwartete_fehler_markieren(bekannt, gelaufen, site_packages):
    """Listed tests run as expected failures; every test id that ran is
    collected in ``gelaufen``."""
    from zope.testrunner import runner

    run_tests = runner.run_tests

    def markiert(options, tests, name, failures, errors, skipped, import_errors):
        for test in _einzeln(tests):
            test_id = kennung(test, site_packages)
            gelaufen.add(test_id)
            if test_id in bekannt:
                test.__unittest_expecting_failure__ = True
        return run_tests(options, tests, name, failures, errors, skipped, import_errors)

    runner.run_tests = markiert


def _einzeln(suite):
    if hasattr(suite, "__iter__"):
        for test in suite:
            yield from _einzeln(test)
    else:
        yield suite


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--ohne-addon",
        action="store_true",
        help="stock Plone: the fixture without the add-on, no list",
    )
    optionen, weiter = parser.parse_known_args(argv)
    os.environ.setdefault("zope_i18n_compile_mo_files", "true")
    site_packages = sysconfig.get_paths()["purelib"]
    args = [sys.argv[0], "--test-path", site_packages, "-v"]
    eigene_module = any(a in ("-m", "--module") for a in weiter)
    for paket, module in AUSWAHL:
        args += ["--package", paket]
        if not eigene_module:
            args += ["--module", module]
    args += weiter

    bekannt = set() if optionen.ohne_addon else bekannte_fehler()
    gelaufen = set()
    if not optionen.ohne_addon:
        addon_in_plone_fixture()
    erwartete_fehler_markieren(bekannt, gelaufen, site_packages)

    from zope.testrunner import run_internal

    fehlgeschlagen = run_internal(defaults=[], args=args)
    nicht_gelaufen = bekannt - gelaufen
    # only a run over the whole selection can tell a stale entry
    if nicht_gelaufen and not weiter:
        print("\nIn plone_tests_bekannt.txt, aber nicht (mehr) vorhanden:")
        for test_id in sorted(nicht_gelaufen):
            print("  " + test_id)
        fehlgeschlagen = True
    return 1 if fehlgeschlagen else 0


if __name__ == "__main__":
    sys.exit(main())
