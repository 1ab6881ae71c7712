"""``Idempotency-Key``: a write sent twice is carried out once (issue 14).

When an instance dies while it answers a write, the client (or HAProxy in
front of the cluster) cannot know whether the write was committed. A REST
client that sends ``Idempotency-Key: <its own unique value>`` with a POST,
PATCH, PUT or DELETE may send the same request again with the same key:

- the first request that commits stores its answer (status, ``Location``,
  ``Content-Type``, body) under the key, in the same transaction as the write
  – either both are there or neither;
- a later request with the key, by the same user, with the same method, path
  and body, gets that answer again (header ``Idempotent-Replayed: true``) and
  changes nothing (an answer larger than :data:`GROESSTE_ANTWORT` is not
  kept: 409, look with GET);
- the key used by another user or for another request: 422; a key of the
  wrong form or on a page that is not a REST service: 400.

Two requests with the same key at the same moment both insert the key into
the store's BTree: one of them conflicts, is repeated by Zope's publisher and
then finds the answer of the other. HAProxy of the cluster re-sends a POST
only if it carries the key (``instance/etc/cluster/haproxy.cfg.in``).

Answers are kept :data:`AUFBEWAHRUNG` long and removed by the daily job
(:func:`aufraeumen`). The store is an ``OOBTree`` in the site's annotations
of :class:`GespeicherteAntwort` objects (the class is stored by its dotted
name and must stay importable); keys are the clients' random values, so two
writes seldom touch the same bucket, and different keys in one bucket merge.
"""

from persistent import Persistent
from plone import api
from stadtdo.sozialnetz import _
from stadtdo.sozialnetz.infrastruktur.rest import rest_dienst
from stadtdo.sozialnetz.infrastruktur.rest import schreibanfrage
from stadtdo.sozialnetz.infrastruktur.speicher import portal_baum
from zExceptions import BadRequest
from zope.annotation.interfaces import IAnnotations
from zope.i18n import translate
import hashlib
import logging
import re
import time


logger = logging.getLogger(__name__)

HEADER = "Idempotency-Key"
ANNOTATION_KEY = "stadtdo.sozialnetz.idempotenz"

#: how long an answer is kept for a repetition (seconds)
AUFBEWAHRUNG = 24 * 60 * 60

#: a key as clients make it (UUID, ULID, random token), at most 255 characters
GUELTIG = re.compile(r"[A-Za-z0-9._:+/=-]{8,255}")

#: larger answers are not kept (a repetition is then answered 409)
GROESSTE_ANTWORT = 256 * 1024

#: request annotation: the key and fingerprint of the running request
_LAUFEND = "stadtdo.sozialnetz.idempotenz.laufend"


class GespeicherteAntwort(Persistent):
    """The answer to one keyed write: an object of its own, so the store's
    buckets hold only references (small to write, and they merge)."""

    def __init__(self, fingerabdruck, status, header, body):
        self.zeit = time.time()
        self.fingerabdruck = fingerabdruck
        self.status = status
        self.header = header
        self.body = body


class UnprocessableEntity(BadRequest):
    """422: Zope's response takes the status from the class name."""


class Conflict(BadRequest):
    """409: Zope's response takes the status from the class name."""


def _deutsch(message, request):
    return translate(message, context=request)


def schluessel(request):
    """The request's ``Idempotency-Key`` (quotes of a structured-field string
    removed), ``None`` without one; ``BadRequest`` if it has the wrong form."""
    wert = request.getHeader(HEADER)
    if wert is None:
        return None
    wert = wert.strip()
    if len(wert) >= 2 and wert[0] == wert[-1] == '"':
        wert = wert[1:-1]
    if not GUELTIG.fullmatch(wert):
        raise BadRequest(
            _deutsch(
                _(
                    "Der Idempotency-Key muss 8 bis 255 Zeichen lang sein und darf nur Buchstaben, Ziffern und . _ : + / = - enthalten."
                ),
                request,
            )
        )
    return wert


def _fingerabdruck(request, benutzer):
    body = request.get("BODY") or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    teile = [benutzer, request.method, request.get("PATH_INFO", "")]
    digest = hashlib.sha256("\n".join(teile).encode("utf-8") + b"\n" + body)
    return digest.hexdigest()


def _speicher(*, anlegen=False):
    return portal_baum(ANNOTATION_KEY, anlegen=anlegen)


def nach_traversal(event):
    """``IPubAfterTraversal``: a write with a key that was answered before gets
    the same answer again; otherwise the key is noted for ``vor_commit``."""
    request = event.request
    if not schreibanfrage(request):
        return
    wert = schluessel(request)
    if wert is None:
        return
    published = rest_dienst(request)
    if published is None:
        raise BadRequest(
            _deutsch(
                _(
                    "Der Idempotency-Key gilt nur für Schreibanfragen an die REST-API (Accept: application/json)."
                ),
                request,
            )
        )
    benutzer = api.user.get_current().getId() or "Anonymous"
    fingerabdruck = _fingerabdruck(request, benutzer)
    speicher = _speicher()
    frueher = speicher.get(wert) if speicher is not None else None
    if frueher is None:
        IAnnotations(request)[_LAUFEND] = (wert, fingerabdruck)
        return
    status, header, body = frueher.status, frueher.header, frueher.body
    if frueher.fingerabdruck == fingerabdruck and body is None:
        raise Conflict(
            _deutsch(
                _(
                    "Diese Anfrage wurde bereits ausgeführt; ihre Antwort war zu groß, um sie aufzubewahren. Bitte rufen Sie das Ergebnis mit GET ab."
                ),
                request,
            )
        )
    if frueher.fingerabdruck != fingerabdruck:
        raise UnprocessableEntity(
            _deutsch(
                _(
                    "Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet. Bitte senden Sie eine neue Anfrage mit einem neuen Schlüssel."
                ),
                request,
            )
        )
    logger.info("Wiederholte Anfrage %s %s: frühere Antwort", request.method, wert)
    # the service answers with the stored answer instead of acting again
    published.render = lambda: _wiederholen(request, status, header, body)


def _wiederholen(request, status, header, body):
    response = request.response
    response.setStatus(status)
    for name, value in header:
        response.setHeader(name, value)
    response.setHeader("Idempotent-Replayed", "true")
    return body


def vor_commit(event):
    """``IPubBeforeCommit``: store the answer of a keyed write that commits."""
    request = event.request
    laufend = IAnnotations(request).get(_LAUFEND)
    if laufend is None:
        return
    response = request.response
    status = response.getStatus()
    if status >= 400:
        return
    wert, fingerabdruck = laufend
    body = response.body
    if isinstance(body, bytes):
        body = body.decode(response.charset or "utf-8", "replace")
    if len(body) > GROESSTE_ANTWORT:
        body = None
    header = tuple(
        (name, response.getHeader(name))
        for name in ("Location", "Content-Type")
        if response.getHeader(name)
    )
    _speicher(anlegen=True)[wert] = GespeicherteAntwort(
        fingerabdruck, status, header, body
    )


def aufraeumen(today=None, *, dry_run=False):
    """Daily job: remove answers older than :data:`AUFBEWAHRUNG`. Returns no
    summary entries (nothing for a person to read); logs the number."""
    speicher = _speicher()
    if speicher is None or dry_run:
        return []
    grenze = time.time() - AUFBEWAHRUNG
    alt = [wert for wert, antwort in speicher.items() if antwort.zeit < grenze]
    for wert in alt:
        del speicher[wert]
    if alt:
        logger.info("%d gespeicherte Antworten (Idempotency-Key) entfernt", len(alt))
    return []


def vergessen():
    """Uninstall: drop the store with every answer."""
    annotations = IAnnotations(api.portal.get())
    if ANNOTATION_KEY in annotations:
        del annotations[ANNOTATION_KEY]
