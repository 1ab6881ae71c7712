"""Run by zconsole in a fresh venv with the installed wheel, after
scripts/create_site.py (tests/release/test_paket.py): the installed package
imports, its profile is installed at the version of its metadata.xml, its
its translations are found."""

from AccessControl.SecurityManagement import newSecurityManager
from pathlib import Path
from plone import api
from Testing.makerequest import makerequest
from zope.component.hooks import setSite
from zope.globalrequest import setRequest
from zope.i18n import translate
import importlib
import json
import pkgutil
import re
import stadtdo.sozialnetz as paket


ergebnis = {"wurzel": str(Path(paket.__file__).parent), "fehler": []}
for info in pkgutil.walk_packages(paket.__path__, "stadtdo.sozialnetz."):
    if not info.name.endswith(".testing"):
        try:
            importlib.import_module(info.name)
        except Exception as error:  # noqa: BLE001 - reported
            ergebnis["fehler"].append(f"{info.name}: {error!r}")
app = makerequest(app)  # noqa: F821 - "app" is provided by zconsole run
setRequest(app.REQUEST)
site = app.Plone
setSite(site)
newSecurityManager(None, app.acl_users.getUserById("admin").__of__(app.acl_users))
metadata = (
    Path(paket.__file__).parent / "profiles" / "default" / "metadata.xml"
).read_text()
ergebnis["metadata"] = re.search(r"<version>(\d+)</version>", metadata).group(1)
ergebnis["installiert"] = site.portal_setup.getLastVersionForProfile(
    "stadtdo.sozialnetz:default"
)
ergebnis["englisch"] = translate(
    "Änderung beantragt:", domain="stadtdo.sozialnetz", target_language="en"
)
ergebnis["fachbereiche"] = len(api.content.find(portal_type="Fachbereich"))
print(json.dumps(ergebnis))
