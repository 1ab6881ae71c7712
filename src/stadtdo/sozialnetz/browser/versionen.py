"""``@@versionen``: the saved versions of an Antrag, and what changed between
any of them and the current state (CMFEditions + CMFDiffTool). What changed
since the approved predecessor of a re-application is on the Antrag's page
(``verfahren.vergleich``); this page links there."""

from plone import api
from Products.Five.browser import BrowserView
from stadtdo.sozialnetz.content.antrag import IAntrag
from stadtdo.sozialnetz.verfahren.vergleich import genehmigter_vorgaenger
from zope.schema import getFieldsInOrder


class VersionenView(BrowserView):
    def genehmigter_vorgaenger(self):
        """The Antragsnummer of the approved predecessor, or None."""
        alt = genehmigter_vorgaenger(self.context)
        return alt.antragsnummer if alt is not None else None

    def versionen(self):
        repository = api.portal.get_tool("portal_repository")
        metadata = repository.getHistoryMetadata(self.context)
        if not metadata:
            return []
        result = []
        for index in range(metadata.getLength(countPurged=False)):
            info = metadata.retrieve(index)["metadata"]["sys_metadata"]
            result.append(
                {
                    "version": index,
                    "zeit": api.portal.get_localized_time(
                        info["timestamp"], long_format=True
                    ),
                    "wer": info.get("principal", ""),
                    "kommentar": info.get("comment", ""),
                }
            )
        return list(reversed(result))

    def vergleich(self):
        """Fields whose value differs between the chosen version and now."""
        version = self.request.form.get("version")
        if version is None or not str(version).isdigit():
            return None
        repository = api.portal.get_tool("portal_repository")
        try:
            alt = repository.retrieve(self.context, int(version)).object
        except Exception:
            return None
        unterschiede = []
        for name, field in getFieldsInOrder(IAntrag):
            vorher = getattr(alt, name, None)
            jetzt = getattr(self.context, name, None)
            if hasattr(vorher, "output"):
                vorher, jetzt = vorher.output, getattr(jetzt, "output", jetzt)
            if vorher != jetzt:
                unterschiede.append(
                    {
                        "feld": field.title,
                        "vorher": vorher if vorher is not None else "",
                        "jetzt": jetzt if jetzt is not None else "",
                    }
                )
        return {"version": int(version), "unterschiede": unterschiede}
