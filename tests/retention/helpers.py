"""Helpers shared by the retention tests."""

from plone import api
from stadtdo.sozialnetz.interfaces import IDatenschutzstandPerson
from stadtdo.sozialnetz.jobs.lauf import run_jobs


FRIST = 180


def run(today, **kw):
    with api.env.adopt_roles(["Manager"]):
        return run_jobs(today=today, **kw)


def beendet_am(person, tag):
    """The Person's task ended on ``tag``, entered on that day (as the
    subscriber ``stichtage.taetigkeit_bis_vermerken`` records it)."""
    person.taetigkeit_bis = tag
    IDatenschutzstandPerson(person).taetigkeit_bis_vermerken(
        {
            "wert": tag.isoformat(),
            "am": tag.isoformat(),
            "von": "mitarbeiter",
            "zeit": "",
        }
    )


def art(result, name):
    return [e for e in result if e["art"] == name]


def retrieved_versions(obj):
    repository = api.portal.get_tool("portal_repository")
    with api.env.adopt_roles(["Manager"]):
        history = repository.getHistoryMetadata(obj)
        if not history:
            return []
        return [
            repository.retrieve(obj, selector).object
            for selector in range(history.getLength(countPurged=False))
        ]


def history_id(obj):
    return api.portal.get_tool("portal_historyidhandler").queryUid(obj)


def versionen_vorhanden(hid):
    """How many versions of history ``hid`` are still stored (not purged)."""
    storage = api.portal.get_tool("portal_historiesstorage")
    if hid is None or not storage.isRegistered(hid):
        return 0
    return len(storage.getHistory(hid, countPurged=False))


def gefunden(text):
    catalog = api.portal.get_tool("portal_catalog")
    return len(catalog.unrestrictedSearchResults(SearchableText=text))
