"""``@workflow/<transition>`` for an Antrag: plone.restapi's service, with
the reason when a step is refused.

plone.restapi answers a refused transition with 400 "No workflow provides
the ... action". For an Antrag the user learns why: 403 when the step is not
theirs, 400 with the missing data when ``einreichen`` is not possible yet.
"""

from plone import api
from plone.restapi.services.workflow.transition import WorkflowTransition
from stadtdo.sozialnetz.einreichen import hindernisse
from stadtdo.sozialnetz.services.base import SozialnetzService
from zope.i18n import translate


class AntragWorkflowTransition(WorkflowTransition):
    error = SozialnetzService.error
    forbidden = SozialnetzService.forbidden

    def reply(self):
        if self.transition is None:
            return super().reply()
        (workflow,) = self.wftool.getWorkflowsFor(self.context)
        state = workflow._getWorkflowStateOf(self.context)
        tdef = workflow.transitions.get(self.transition)
        if tdef is None or self.transition not in state.transitions:
            title = translate(state.title, domain="plone", context=self.request)
            return self.error(
                400,
                f"Der Schritt „{self.transition}“ ist im Status „{title}“ nicht möglich.",
            )
        guard = tdef.guard
        permissions = guard.permissions if guard is not None else ()
        if permissions and not any(
            api.user.has_permission(p, obj=self.context) for p in permissions
        ):
            return self.forbidden(
                f"Sie dürfen den Schritt „{tdef.title}“ bei diesem Antrag nicht ausführen."
            )
        if self.transition == "einreichen":
            reasons = hindernisse(self.context)
            if reasons:
                self.request.response.setStatus(400)
                return {
                    "error": {
                        "type": "BadRequest",
                        "message": "Der Antrag kann noch nicht eingereicht werden: "
                        + " ".join(reasons),
                        "hindernisse": reasons,
                    }
                }
        return super().reply()
