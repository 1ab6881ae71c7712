"""acl_users' own URLs are for Managers only.

Plone gives Site Administrators Zope's "Manage users" so that its user and
group screens work. The same permission also opens every published method of
``acl_users`` and its plugins — ``portal_role_manager/assignRolesToPrincipal``
grants Manager to anyone, ``userSetPassword`` sets any password — without the
checks of Plone's screens and of @users/@groups (which refuse Manager to
non-Managers). Restricting the permission on the ``acl_users`` object keeps
those screens and services working (they call PAS from trusted code) and
closes the raw URLs.
"""

MANAGE_USERS = "Manage users"


def acl_users_sperren(portal):
    """Only Managers reach acl_users' methods through the web; idempotent."""
    portal.acl_users.manage_permission(MANAGE_USERS, ["Manager"], acquire=False)
