"""What kind of request this is: a write to the REST API of a site with the
add-on (shared by :mod:`.idempotenz` and :mod:`.schreibschutz`)."""

from plone.rest.interfaces import IService
from stadtdo.sozialnetz.interfaces import IBrowserLayer


#: methods that write
SCHREIBEND = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def schreibanfrage(request):
    """A writing method on a site where the add-on is installed."""
    return request.method in SCHREIBEND and IBrowserLayer.providedBy(request)


def rest_dienst(request):
    """The REST service the request was traversed to, else ``None``
    (meaningful from ``IPubAfterTraversal`` on)."""
    published = request.get("PUBLISHED")
    return published if IService.providedBy(published) else None
