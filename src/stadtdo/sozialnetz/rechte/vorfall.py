"""The incident form "Vorfall melden" is edited only by Managers.

Its fields, actions, XML models and script actions decide where every future
report goes; a Site Administrator or StA 11 who could change them could read
every report. The form is marked with ``IVorfallFormular`` and gets its own
workflow ``sozialnetz_vorfall_workflow`` (through a workflow chain adapter,
so other EasyForms keep the type's chain): Modify portal content, Delete
objects and every collective.easyform editing permission for Manager only.
Because it is a workflow, "update security settings" restores it.
"""

from plone import api
from plone.base.interfaces import IWorkflowChain
from Products.CMFCore.interfaces import IWorkflowTool
from zope.component import adapter
from zope.interface import alsoProvides
from zope.interface import implementer
from zope.interface import Interface


WORKFLOW_ID = "sozialnetz_vorfall_workflow"


class IVorfallFormular(Interface):
    """Marker of the incident form."""


@adapter(IVorfallFormular, IWorkflowTool)
@implementer(IWorkflowChain)
def vorfall_workflow_chain(context, workflow_tool):
    return (WORKFLOW_ID,)


def formular_sperren(form):
    """Mark ``form`` and put it under its own workflow; idempotent."""

    alsoProvides(form, IVorfallFormular)
    wf_tool = api.portal.get_tool("portal_workflow")
    workflow = wf_tool.getWorkflowById(WORKFLOW_ID)
    if workflow._getStatusOf(form) is None:
        workflow.notifyCreated(form)  # sets the state and the permissions
    else:
        workflow.updateRoleMappingsFor(form)
    form.reindexObject()
