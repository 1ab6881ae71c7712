"""Post-install of the profile ``ldap``: the directory only signs in.

pas.plugins.ldap activates all its PAS interfaces. Here the directory keeps
only authentication, user enumeration, the user properties (name, mail) and
the role "Member". Its groups are not Plone groups (the mapping of
``abgleich`` gives the database's groups, under the separation of duties),
and Plone sets no passwords in the directory (IUserManagement).
"""

from plone import api
from Products.PlonePAS.interfaces.group import IGroupIntrospection
from Products.PlonePAS.interfaces.group import IGroupManagement
from Products.PlonePAS.interfaces.plugins import IUserManagement
from Products.PluggableAuthService.interfaces.plugins import IGroupEnumerationPlugin
from Products.PluggableAuthService.interfaces.plugins import IGroupsPlugin
from stadtdo.sozialnetz.verzeichnis.abgleich import PLUGIN_ID
import logging


logger = logging.getLogger("stadtdo.sozialnetz.verzeichnis")

#: functions of the plugin that stay off
AUS = (
    IGroupEnumerationPlugin,
    IGroupsPlugin,
    IGroupIntrospection,
    IGroupManagement,
    IUserManagement,
)


def nur_anmeldung(acl_users):
    """Deactivate the plugin's group and write functions; idempotent."""
    plugin = acl_users.get(PLUGIN_ID)
    if plugin is None:
        return
    for interface in AUS:
        if PLUGIN_ID in acl_users.plugins.listPluginIds(interface):
            acl_users.plugins.deactivatePlugin(interface, PLUGIN_ID)
            logger.info("%s: %s abgeschaltet", PLUGIN_ID, interface.__name__)


def post_install(context):
    nur_anmeldung(api.portal.get_tool("acl_users"))
