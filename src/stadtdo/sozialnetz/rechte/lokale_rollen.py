"""Local roles within the database: their last recorded state, so a change
can be recorded as before → after, and the removal of ``Owner``.

``Owner`` is the local role Zope gives whoever creates an object. The Antrag
workflow grants Owner View in every state, so a creator would keep reading
the Antrag (and its Personen) after leaving the department; a Fachbereich's
creator would even own every Antrag in it. In the database rights come only
from groups and the roles StA 11 gives, so the Owner role is removed when
content is added (ownership itself, ``getOwner``, stays).
"""

from Acquisition import aq_base
from plone import api
from stadtdo.sozialnetz.rechte import protokoll
from zope.annotation.interfaces import IAnnotations


STAND_KEY = "stadtdo.sozialnetz.rechte.stand"


def _rollen(obj):
    return {
        principal: sorted(rollen)
        for principal, rollen in (
            getattr(aq_base(obj), "__ac_local_roles__", None) or {}
        ).items()
        if rollen
    }


def _blockiert(obj):
    return bool(getattr(aq_base(obj), "__ac_local_roles_block__", False))


def pfad(obj):
    return "/".join(obj.getPhysicalPath()[2:]) or "/"


def stand_sichern(obj):
    """Remember the current local roles of ``obj`` as the state "before"."""
    IAnnotations(obj)[STAND_KEY] = {
        "rollen": _rollen(obj),
        "blockiert": _blockiert(obj),
    }


def war_blockiert(obj):
    """Whether the remembered state had the inheritance blocked (False if
    nothing was remembered)."""
    stand = IAnnotations(obj).get(STAND_KEY)
    return bool(stand and stand["blockiert"])


def ist_blockiert(obj):
    return _blockiert(obj)


def hat_stand(obj):
    return STAND_KEY in IAnnotations(obj)


def unterschiede(obj):
    """Per principal whose local roles on ``obj`` differ from the remembered
    state: ``(principal, vorher, nachher)``; ``vorher`` is None when no state
    was remembered (then only principals holding roles now are listed)."""
    stand = IAnnotations(obj).get(STAND_KEY)
    vorher = stand["rollen"] if stand is not None else None
    nachher = _rollen(obj)
    result = []
    for principal in sorted(set(nachher) | set(vorher or ())):
        alt = (vorher or {}).get(principal, [])
        neu = nachher.get(principal, [])
        if vorher is not None and alt == neu:
            continue
        if vorher is None and not neu:
            continue
        result.append((principal, alt if vorher is not None else None, neu))
    return result


def aenderungen_protokollieren(obj):
    """Record every difference between the remembered and the current local
    roles of ``obj`` (one entry per principal), then remember the current."""
    stand = IAnnotations(obj).get(STAND_KEY)
    ziel = pfad(obj)
    for principal, alt, neu in unterschiede(obj):
        protokoll.protokollieren(
            art=protokoll.LOKALE_ROLLEN,
            principal=principal,
            ziel=ziel,
            vorher=alt,
            nachher=neu,
        )
    blockiert = _blockiert(obj)
    vorher_blockiert = stand["blockiert"] if stand is not None else None
    if vorher_blockiert != blockiert and (stand is not None or blockiert):
        protokoll.protokollieren(
            art=protokoll.VERERBUNG,
            principal="",
            ziel=ziel,
            vorher=vorher_blockiert,
            nachher=blockiert,
        )
    stand_sichern(obj)


def rollen_filtern(obj, behalten):
    """Keep on ``obj`` only the local roles for which ``behalten(principal,
    rolle)`` is true; True if any was removed."""
    entfernt = False
    for principal, rollen in list(obj.get_local_roles()):
        rest = [rolle for rolle in rollen if behalten(principal, rolle)]
        if len(rest) == len(rollen):
            continue
        if rest:
            obj.manage_setLocalRoles(principal, rest)
        else:
            obj.manage_delLocalRoles([principal])
        entfernt = True
    return entfernt


def owner_entfernen(obj):
    """Remove the ``Owner`` local role from ``obj``; True if there was one."""
    return rollen_filtern(obj, lambda principal, rolle: rolle != "Owner")


def alle_in(datenbank):
    """The database folder and everything in it."""
    yield datenbank
    catalog = api.portal.get_tool("portal_catalog")
    pfad_ = "/".join(datenbank.getPhysicalPath())
    for brain in catalog.unrestrictedSearchResults(path=pfad_):
        obj = brain._unrestrictedGetObject()
        if obj is not None and aq_base(obj) is not aq_base(datenbank):
            yield obj
