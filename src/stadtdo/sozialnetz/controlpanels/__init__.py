"""Control panel "Soziale Netzwerke" for the add-on's settings."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.settings import ISozialnetzSettings


class SozialnetzSettingsForm(RegistryEditForm):
    schema = ISozialnetzSettings
    label = _("Soziale Netzwerke: Einstellungen")
    description = _(
        "Adressen der Gremien und des Systemhauses, Absender der Mitteilungen und "
        "Termine der geplanten Aufgaben. Die Liste der Plattformen steht in der "
        "Konfigurationsregistry unter „stadtdo.sozialnetz.plattformen“."
    )


class SozialnetzSettingsView(ControlPanelFormWrapper):
    form = SozialnetzSettingsForm
