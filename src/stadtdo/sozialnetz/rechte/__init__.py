"""Who may do what in the database, and the record of every change of it.

- ``umfang``: which groups and roles belong to the database;
- ``trennung``: separation of duties (nobody holds the roles of two review
  bodies, StA 11 holds none);
- ``mitglieder``: StA 11's scoped management of memberships and local roles;
- ``protokoll``: the append-only record of every change of rights;
- ``subscribers``: the hooks that fill the record and keep content free of the
  ``Owner`` local role;
- ``vorfall``: the incident form is edited only by Managers;
- ``acl_users``: acl_users' own URLs are for Managers only;
- ``upgrades``: the upgrade step "rechte" for existing sites.
"""
