"""Cross-field errors shown next to the field they concern.

The schemas' invariants raise ``FeldFehler`` naming a field. z3c.form shows
invariant errors above the form only; this error view finds the named widget
in the form (or fieldset) and attaches itself to it, so the message appears
next to the field like any other validation error.
"""

from z3c.form.error import InvalidErrorViewSnippet


class FeldFehlerViewSnippet(InvalidErrorViewSnippet):
    def update(self):
        super().update()
        if self.widget is not None or self.form is None:
            return
        name = getattr(self.error, "field", None)
        widget = _find_widget(self.form, name)
        if widget is not None:
            self.widget = widget
            self.field = widget.field
            widget.error = self


def _find_widget(form, name):
    widgets = getattr(form, "widgets", None) or {}
    if name in widgets:
        return widgets[name]
    for group in getattr(form, "groups", ()) or ():
        found = _find_widget(group, name)
        if found is not None:
            return found
    return None
