"""``@workflow/<transition>`` for an Antrag goes through the process layer.

plone.restapi's generic service would fire the transition directly. For an
Antrag every step is taken by ``verfahren.schritte``: steps whose only data
is a comment (einreichen, genehmigen, zurückweisen — with its required
reason —, einstellen) are dispatched there; steps that carry a vote, a
statement or an answer are refused with a German 400 that names the endpoint
recording them (``@votum``, ``@rueckfrage``). 403 when the step is not the
user's, 401 for anonymous.
"""

from plone.restapi.serializer.converters import json_compatible
from plone.restapi.services.workflow.transition import WorkflowTransition
from plone.restapi.services.workflow.utils import elevated_privileges
from stadtdo.sozialnetz.infrastruktur.dienst import SozialnetzService
from stadtdo.sozialnetz.verfahren import schritte


class AntragWorkflowTransition(SozialnetzService, WorkflowTransition):
    #: plone.restapi's @workflow: the cookie rule of .schreibschutz holds
    #: for it as for every REST write in the database (an Antrag is there)
    eigener_dienst = False

    def reply(self):
        if self.transition is None:
            return WorkflowTransition.reply(self)  # plone.restapi's 400
        return super().reply()  # antworten(), inside the mapping of refusals

    def antworten(self):
        data = self.json()
        if data is None:
            if (self.request.get("BODY") or b"").strip():
                return self.bad_json()  # a body, but no JSON object
            data = {}
        schritte.ausfuehren(
            self.context, self.transition, kommentar=data.get("comment", "")
        )
        with elevated_privileges(self.context):
            history = self.wftool.getInfoFor(self.context, "review_history")
            action = dict(history[-1])
            action["title"] = self.context.translate(
                self.wftool.getTitleForStateOnType(
                    action["review_state"], self.context.portal_type
                )
            )
        return json_compatible(action)
