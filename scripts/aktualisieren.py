"""Upgrade the site as „Aktualisieren“ in the add-ons control panel does.

Run with the instance stopped (a FileStorage can be opened by one process),
after a backup (``make backup``):

    .venv/bin/zconsole run instance/etc/zope.conf scripts/aktualisieren.py

Brings Plone itself up to date if it asks for it (``@@plone-upgrade``), then
runs every pending upgrade step of ``stadtdo.sozialnetz:default``, prints each
step and the profile version before and after, and commits. A step that
fails raises: nothing is committed and the exit code is not zero.
Options through environment variables: SITE_ID (Plone).
"""

from AccessControl.SecurityManagement import newSecurityManager
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
import os
import sys
import transaction


SITE_ID = os.environ.get("SITE_ID", "Plone")
PROFILE = "stadtdo.sozialnetz:default"


def main(app):
    app = makerequest(app)
    admin = app.acl_users.getUserById("admin")
    if admin is None:
        admin = app.acl_users.users.getUsers()[0]
    newSecurityManager(None, admin.__of__(app.acl_users))
    site = app[SITE_ID]
    setSite(site)
    migration = site.portal_migration
    if migration.needUpgrading():
        print(
            "Plone:",
            migration.getInstanceVersion(),
            "→",
            migration.getFileSystemVersion(),
        )
        migration.upgrade(swallow_errors=False)
    setup = site.portal_setup
    vorher = setup.getLastVersionForProfile(PROFILE)
    schritte = setup.listUpgrades(PROFILE)
    for schritt in schritte:
        if isinstance(schritt, list):  # nested steps
            for einzeln in schritt:
                print(
                    f"  {einzeln['ssource']} → {einzeln['sdest']}: {einzeln['title']}"
                )
        else:
            print(f"  {schritt['ssource']} → {schritt['sdest']}: {schritt['title']}")
    setup.upgradeProfile(PROFILE)
    nachher = setup.getLastVersionForProfile(PROFILE)
    transaction.get().note(f"{PROFILE}: {'.'.join(vorher)} → {'.'.join(nachher)}")
    transaction.commit()
    print(f"{PROFILE}: {'.'.join(vorher)} → {'.'.join(nachher)}")
    if setup.listUpgrades(PROFILE):
        print("Es stehen noch Aktualisierungsschritte aus.", file=sys.stderr)
        sys.exit(1)


main(app)  # noqa: F821 - "app" is provided by zconsole run
