"""Create the demo site "Plone" with stadtdo.sozialnetz, if it is missing.

Run with the instance stopped (a FileStorage can be opened by one process):

    .venv/bin/zconsole run instance/etc/zope.conf scripts/create_site.py

Idempotent: an existing site keeps its data; missing demo departments and
users are added. Options through environment variables:

    SITE_ID (Plone), SITE_TITLE, ADMIN_PASSWORD (admin), DEMO (1: demo set),
    EMAIL_FROM (sender address of the mails, if the site has none),
    SMTP_HOST / SMTP_PORT (mail server of the MailHost, default localhost:25)
"""

from AccessControl.SecurityManagement import newSecurityManager
from plone import api
from plone.base.utils import get_installer
from plone.distribution.api import site as site_api
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
import os
import transaction


SITE_ID = os.environ.get("SITE_ID", "Plone")
SITE_TITLE = os.environ.get("SITE_TITLE", "Soziale Netzwerke – Stadt Dortmund")
ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "admin")
DEMO = os.environ.get("DEMO", "1") == "1"
MAIL_QUEUE = os.path.abspath(os.environ.get("MAIL_QUEUE", "instance/var/mailqueue"))
ADDON = "stadtdo.sozialnetz"


def main(app):
    app = makerequest(app)
    app.REQUEST["PARENTS"] = [app]
    if app.acl_users.getUserById("admin") is None:
        app.acl_users._doAddUser("admin", ADMIN_PASSWORD, ["Manager"], [])
        # commit now: creating the site below begins a transaction of its own
        transaction.commit()
        print("Created the Zope administrator 'admin'.")
    newSecurityManager(None, app.acl_users.getUserById("admin").__of__(app.acl_users))

    site = app.get(SITE_ID)
    if site is None:
        site = site_api.create(
            app,
            "classic",
            {
                "site_id": SITE_ID,
                "title": SITE_TITLE,
                "description": "Datenbank der Social-Media-Auftritte der Stadt Dortmund",
                "default_language": "de",
                "portal_timezone": "Europe/Berlin",
                "setup_content": False,
            },
        )
        print(f"Created the Plone site '{SITE_ID}'.")
    setSite(site)
    installer = get_installer(site, app.REQUEST)
    if not installer.is_product_installed(ADDON):
        if not installer.install_product(ADDON):
            raise SystemExit(f"{ADDON} could not be installed (see the log above).")
        print(f"Installed {ADDON}.")
    if not api.portal.get_registry_record("plone.email_from_address", default=None):
        api.portal.set_registry_record(
            "plone.email_from_address",
            os.environ.get("EMAIL_FROM", "soziale-netzwerke@stadtdo.example"),
        )
        api.portal.set_registry_record("plone.email_from_name", SITE_TITLE)
    if os.environ.get("SMTP_HOST"):
        api.portal.set_registry_record("plone.smtp_host", os.environ["SMTP_HOST"])
    if os.environ.get("SMTP_PORT"):
        api.portal.set_registry_record("plone.smtp_port", int(os.environ["SMTP_PORT"]))
    if not site.MailHost.smtp_queue:
        # Mails are written to a queue at commit and sent by a background
        # thread: a mail server that is down delays mails, never a transition.
        site.MailHost.smtp_queue = True
        site.MailHost.smtp_queue_directory = MAIL_QUEUE
        print(f"Mail queue: {MAIL_QUEUE}")
    if DEMO:
        from stadtdo.sozialnetz.demo import create_demo_content

        with api.env.adopt_roles(["Manager"]):
            create_demo_content(site)
        print("Demo departments and users are in place (see README.rst).")
    transaction.commit()


main(app)  # noqa: F821 - "app" is provided by zconsole run
