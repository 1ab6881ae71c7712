"""The REST representation of the incident form for every actor.

collective.easyform's serializer asks ``api.user.has_permission`` with the
permission's *id* (``collective.easyform.DownloadSavedInput``); plone.api
expects its title and raises ``InvalidParameterError`` for everybody who
lacks it, so ``GET soziale-netzwerke?fullobjects=1`` answered 500 to every
employee. This one asks with the title: the stored reports are included only
for those who may read them (``vorfall.LESER``), the form for everybody who
can see it.
"""

from collective.easyform.serializer import SerializeToJson
from plone import api
from plone.restapi.serializer.dxcontent import SerializeToJson as DXContentToJson
from stadtdo.sozialnetz.vorfall import DOWNLOAD_SAVED_INPUT


class VorfallFormularToJson(SerializeToJson):
    def __call__(self, version=None, include_items=True):
        result = DXContentToJson.__call__(self, version, include_items)
        if api.user.has_permission(DOWNLOAD_SAVED_INPUT, obj=self.context):
            self.serializeSavedData(result)
        return result
