"""Who may do what in the database, and the record of every change of it.

- ``umfang``: which groups and roles belong to the database;
- ``trennung``: separation of duties in the roles (nobody holds the roles of
  two review bodies or a head's and a body's role, StA 11 holds none; the
  rules of one Antrag are in ``verfahren.trennung``);
- ``mitglieder``: StA 11's scoped management of memberships and local roles;
- ``protokoll``: the append-only record of every change of rights;
- ``subscribers``: the hooks that fill the record and keep content free of the
  ``Owner`` local role;
- ``vorfall``: the incident form is edited only by Managers;
- ``regeln``: which local role may be given to whom where (every door);
- ``upgrades``: the upgrade step "rechte" for existing sites.
"""
