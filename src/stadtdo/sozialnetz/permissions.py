"""Every permission the add-on's Python code asks for or sets, once.

The values are Zope permission names (titles), as ``api.user.has_permission``,
``manage_permission`` and the workflow definition use them. The add-on's own
permissions are declared with their ids in ``permissions.zcml``,
``rechte/configure.zcml`` and ``verzeichnis/configure.zcml``; their roles are
in ``profiles/default/rolemap.xml`` and the workflows. ZCML and XML keep the
ids and names they need; Python modules import the constants from here
(``tests/setup/test_permissions.py`` checks both).
"""

# Plone and Zope

VIEW = "View"
ADD_PORTAL_CONTENT = "Add portal content"
MODIFY_PORTAL_CONTENT = "Modify portal content"
MANAGE_USERS = "Manage users"
#: Plone's Sharing page (zope id ``plone.DelegateRoles``).
DELEGATE_ROLES = "Sharing page: Delegate roles"
#: The incident form's stored reports (collective.easyform).
DOWNLOAD_SAVED_INPUT = "collective.easyform: Download Saved Input"

# Adding content (default roles in rolemap.xml; inside an Antrag the
# workflow decides)

ADD_DATENBANK = "stadtdo.sozialnetz: Add Datenbank"
ADD_FACHBEREICH = "stadtdo.sozialnetz: Add Fachbereich"
ADD_ANTRAG = "stadtdo.sozialnetz: Add Antrag"
ADD_PERSON = "stadtdo.sozialnetz: Add Person"
ADD_ANLAGE = "stadtdo.sozialnetz: Add Anlage"

# Steps of the Beteiligungsprozess (mapped per state in the workflow)

SUBMIT_ANTRAG = "stadtdo.sozialnetz: Submit Antrag"
APPROVE_AS_HEAD = "stadtdo.sozialnetz: Approve as Fachbereichsleitung"
VOTE_AGENTUR = "stadtdo.sozialnetz: Vote as Dortmund-Agentur"
VOTE_DATENSCHUTZ = "stadtdo.sozialnetz: Vote as Datenschutz"
VOTE_PERSONALRAT = "stadtdo.sozialnetz: Vote as Personalrat"
VOTE_POA = "stadtdo.sozialnetz: Vote as POA"
VOTE_ITSICHERHEIT = "stadtdo.sozialnetz: Vote as IT-Sicherheit"
ANSWER_RUECKFRAGE = "stadtdo.sozialnetz: Answer Rueckfrage"
REAPPLY = "stadtdo.sozialnetz: Reapply Antrag"
CLOSE_ACCOUNT = "stadtdo.sozialnetz: Close account"

# Rights, data protection, directory

DELEGATE_SOZIALNETZ_ROLES = "stadtdo.sozialnetz: Delegate Sozialnetz roles"
MANAGE_MEMBERSHIPS = "stadtdo.sozialnetz: Manage memberships"
LINK_USER_ACCOUNTS = "stadtdo.sozialnetz: Link user accounts"
VIEW_RIGHTS_LOG = "stadtdo.sozialnetz: View rights log"
#: The report of everything stored about one person (DSGVO Art. 15).
AUSKUNFT = "stadtdo.sozialnetz: Request data subject report"
#: Recording that a Person withdrew consent (DV § 2).
EINWILLIGUNG_WIDERRUFEN = "stadtdo.sozialnetz: Record consent withdrawal"
#: Answering the yearly review of the voluntary basis (DV § 2): the head
#: of the department and the deputy.
UEBERPRUEFUNG_BEANTWORTEN = "stadtdo.sozialnetz: Answer yearly review"
MANAGE_DIRECTORY_MAPPING = "stadtdo.sozialnetz: Manage directory mapping"
