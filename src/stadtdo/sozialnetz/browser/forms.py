"""Add and edit forms of Antrag and Person.

The first tab is "1. Soziales Netzwerk" (the Notes form starts there), and the
versioning switch of the versioning behavior is not offered: every revision of
an Antrag must be kept (Anlage 1 Nr. 3).
"""

from plone.dexterity.browser import add
from plone.dexterity.browser import edit
from stadtdo.sozialnetz import _


VERSIONIERUNG_AUS = "IVersionable.versioning_enabled"
AENDERUNGSNOTIZ = "IVersionable.changeNote"


def _ask_for_choice(form, names):
    """Required selections start empty ("bitte wählen"), not on the first option."""
    for name in names:
        widget = form.widgets.get(name)
        if widget is not None and hasattr(widget, "prompt"):
            widget.prompt = True
            widget.promptMessage = _("– bitte wählen –")


def _omit(form, names):
    form.fields = form.fields.omit(*names)
    for group in form.groups:
        group.fields = group.fields.omit(*names)
    form.groups = [group for group in form.groups if len(group.fields)]


class AntragAddForm(add.DefaultAddForm):
    portal_type = "Antrag"
    default_fieldset_label = _("1. Soziales Netzwerk")

    def updateFields(self):
        super().updateFields()
        _omit(self, (VERSIONIERUNG_AUS, AENDERUNGSNOTIZ))

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        _ask_for_choice(self, ("plattform", "auftrittsart"))


class AntragAddView(add.DefaultAddView):
    form = AntragAddForm


class AntragEditForm(edit.DefaultEditForm):
    default_fieldset_label = _("1. Soziales Netzwerk")

    def updateFields(self):
        super().updateFields()
        _omit(self, (VERSIONIERUNG_AUS,))


class PersonAddForm(add.DefaultAddForm):
    portal_type = "Person"
    default_fieldset_label = _("Personendaten")

    def updateFields(self):
        super().updateFields()
        _omit(self, (VERSIONIERUNG_AUS, AENDERUNGSNOTIZ))

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        _ask_for_choice(self, ("funktion",))


class PersonAddView(add.DefaultAddView):
    form = PersonAddForm


class PersonEditForm(edit.DefaultEditForm):
    default_fieldset_label = _("Personendaten")

    def updateFields(self):
        super().updateFields()
        _omit(self, (VERSIONIERUNG_AUS,))
