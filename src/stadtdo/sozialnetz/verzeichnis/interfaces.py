"""The browser layer of the profile ``ldap``."""

from zope.publisher.interfaces.browser import IDefaultBrowserLayer


class IVerzeichnisLayer(IDefaultBrowserLayer):
    """Set on sites with the profile ``stadtdo.sozialnetz:ldap``."""
