"""Control panel "Soziale Netzwerke: Verzeichnisgruppen" (the mapping).

The directory server itself is configured in pas.plugins.ldap's control panel
"LDAP/AD Settings" (``@@plone_ldapcontrolpanel``).
"""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.verzeichnis.einstellungen import IVerzeichnisSettings
from stadtdo.sozialnetz.verzeichnis.einstellungen import PREFIX


class VerzeichnisSettingsForm(RegistryEditForm):
    schema = IVerzeichnisSettings
    schema_prefix = PREFIX
    label = _("Soziale Netzwerke: Verzeichnisgruppen")
    description = _(
        "Welche Gruppe des Verzeichnisses (LDAP/Active Directory) für welche Gruppe "
        "der Datenbank steht. Den Verzeichnisserver selbst stellen Sie unter "
        "„LDAP/AD Settings“ ein."
    )


class VerzeichnisSettingsView(ControlPanelFormWrapper):
    form = VerzeichnisSettingsForm
