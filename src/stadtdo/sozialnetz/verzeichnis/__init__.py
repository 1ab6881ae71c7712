"""Sign-in from the city's directory (LDAP/Active Directory).

pas.plugins.ldap authenticates staff against the directory and supplies their
name and mail address. It is switched on per site with the profile
``stadtdo.sozialnetz:ldap``; a site without it works as before.

The directory's groups never become Plone groups of their own (the profile
switches the plugin's group functions off). Instead a mapping "group of the
directory → group of the database" (``einstellungen``) is applied at each
sign-in (``abgleich``): through Plone's own group memberships, so the
separation of duties refuses what it must and the Rechteprotokoll records
every change, as for a change made by StA 11.
"""
