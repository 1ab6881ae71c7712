"""What a run of the daily jobs did (or, in the preview, would do), typed.

Every job returns a list of entries: a :class:`Mitteilung` (a mail), an
:class:`Anonymisierung` (retention), an :class:`EntwurfGeloescht` (an
abandoned draft) or a :class:`Fehler` (one item or one job that failed and
was rolled back). :class:`Ergebnis` is the whole run; its :meth:`text` is the
page ``@@sozialnetz-jobs``, its :meth:`to_json` the REST answer of
``@sozialnetz-jobs`` – one rendering for both.

The jobs below this layer (``notifications``, ``datenschutz``) cannot import
it and still return their entries as dicts with an ``art``;
:func:`eintrag` turns them into typed entries, once, in the runner
(``jobs.ausfuehren``). An entry can still be read as a mapping
(``eintrag["art"]``, ``eintrag["antragsnummer"]``) as the dicts were.
"""

from dataclasses import dataclass
from dataclasses import field
from dataclasses import fields
from datetime import date
from typing import Any


class Eintrag:
    """One entry of the summary of a run."""

    art: str

    def als_dict(self) -> dict[str, Any]:
        """The entry as the dict the jobs returned before they were typed."""
        return {
            "art": self.art,
            **{f.name: getattr(self, f.name) for f in fields(self)},
        }

    # BBB: the entries were dicts (callers and tests read them by key)
    def __getitem__(self, key: str) -> Any:
        return self.als_dict()[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.als_dict().get(key, default)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Eintrag):
            return type(self) is type(other) and self.als_dict() == other.als_dict()
        if isinstance(other, dict):  # BBB, as above
            return self.als_dict() == other
        return NotImplemented

    __hash__ = None


@dataclass(eq=False)
class Mitteilung(Eintrag):
    """A mail sent (or, in the preview, due); ``angaben`` holds what else the
    job says about it (``antragsnummer``, ``fachbereich``, ``gremium``, …)."""

    art: str
    empfaenger: list[str]
    betreff: str
    text: str
    angaben: dict[str, Any] = field(default_factory=dict)

    def als_dict(self) -> dict[str, Any]:
        return {
            "art": self.art,
            **self.angaben,
            "empfaenger": self.empfaenger,
            "betreff": self.betreff,
            "text": self.text,
        }

    def to_json(self) -> dict[str, Any]:
        return {"art": self.art, "betreff": self.betreff, "empfaenger": self.empfaenger}

    def zeilen(self) -> list[str]:
        return [
            "=" * 72,
            f"Betreff:    {self.betreff}",
            f"Empfänger:  {', '.join(self.empfaenger) or '(keine Adresse)'}",
            "",
            self.text,
        ]


@dataclass(eq=False)
class Anonymisierung(Eintrag):
    """A Person anonymised after the retention period (``datenschutz.aufbewahrung``)."""

    antragsnummer: str
    person: str
    art = "anonymisierung"

    def to_json(self) -> dict[str, Any]:
        return {"antragsnummer": self.antragsnummer}

    def zeilen(self) -> list[str]:
        return [f"Anonymisierung: Antrag {self.antragsnummer}, Person {self.person}"]


@dataclass(eq=False)
class EntwurfGeloescht(Eintrag):
    """An abandoned draft deleted (``datenschutz.entwuerfe``)."""

    antragsnummer: str
    art = "entwurf_geloescht"

    def to_json(self) -> dict[str, Any]:
        return {"antragsnummer": self.antragsnummer}

    def zeilen(self) -> list[str]:
        return [f"Entwurf gelöscht: Antrag {self.antragsnummer}"]


@dataclass(eq=False)
class Fehler(Eintrag):
    """One item or one job that failed, was rolled back and logged (without
    personal data: the log names the item)."""

    job: str
    antragsnummer: str = ""
    pfad: str = ""
    fehler: str = ""
    art = "fehler"

    @classmethod
    def aus(cls, job: str, error: BaseException, *, antragsnummer="", pfad=""):
        return cls(
            job=job,
            antragsnummer=antragsnummer or "",
            pfad=pfad or "",
            fehler=f"{type(error).__name__}: {error}"[:300],
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "job": self.job,
            "antragsnummer": self.antragsnummer,
            "pfad": self.pfad,
            "fehler": self.fehler,
        }

    def zeilen(self) -> list[str]:
        return [
            f"Fehler in {self.job}: {self.antragsnummer or '-'} "
            f"{self.pfad} – {self.fehler}"
        ]


#: ``art`` of the entries that are not mails -> their type
_ARTEN = {cls.art: cls for cls in (Anonymisierung, EntwurfGeloescht, Fehler)}


def eintrag(wert: Eintrag | dict[str, Any]) -> Eintrag:
    """``wert`` as a typed entry: a dict of a job below this layer is read
    here, and only here, by its ``art``."""
    if isinstance(wert, Eintrag):
        return wert
    daten = dict(wert)
    art = daten.pop("art")
    if art in _ARTEN:
        return _ARTEN[art](**daten)
    return Mitteilung(
        art=art,
        empfaenger=daten.pop("empfaenger"),
        betreff=daten.pop("betreff"),
        text=daten.pop("text"),
        angaben=daten,
    )


@dataclass
class Ergebnis:
    """A whole run: for ``datum``, carried out (``ausgefuehrt``) or previewed."""

    datum: date
    ausgefuehrt: bool
    eintraege: list[Eintrag]

    def _von(self, typ):
        return [e for e in self.eintraege if isinstance(e, typ)]

    @property
    def mitteilungen(self) -> list[Mitteilung]:
        return self._von(Mitteilung)

    @property
    def anonymisierungen(self) -> list[Anonymisierung]:
        return self._von(Anonymisierung)

    @property
    def geloeschte_entwuerfe(self) -> list[EntwurfGeloescht]:
        return self._von(EntwurfGeloescht)

    @property
    def fehler(self) -> list[Fehler]:
        return self._von(Fehler)

    def zahlen(self) -> str:
        """„2 Mitteilung(en), 1 Anonymisierung(en)“ (and drafts, failures)."""
        zahlen = (
            f"{len(self.mitteilungen)} Mitteilung(en), "
            f"{len(self.anonymisierungen)} Anonymisierung(en)"
        )
        if self.geloeschte_entwuerfe:
            zahlen += (
                f", {len(self.geloeschte_entwuerfe)} gelöschte(r) Entwurf/Entwürfe"
            )
        if self.fehler:
            zahlen += f", {len(self.fehler)} Fehler"
        return zahlen

    def kopf(self) -> str:
        if self.ausgefuehrt:
            return (
                f"Geplante Aufgaben für {self.datum:%d.%m.%Y} ausgeführt: "
                f"{self.zahlen()}.\n"
            )
        return (
            f"Vorschau für {self.datum:%d.%m.%Y}: {self.zahlen()} wären fällig. "
            "Nichts wurde gesendet oder geändert (Ausführen mit POST).\n"
        )

    def text(self, bericht: list[str] = ()) -> str:
        """The plain text of ``@@sozialnetz-jobs``; ``bericht``: lines after
        the head (the consistency check of the preview)."""
        teile = [self.kopf(), *bericht]
        for liste in (self.anonymisierungen, self.geloeschte_entwuerfe, self.fehler):
            for e in liste:
                teile.extend(e.zeilen())
        for mail in self.mitteilungen:
            teile.extend(mail.zeilen())
        return "\n".join(teile).rstrip("\n") + "\n"

    def to_json(self) -> dict[str, Any]:
        """The body of ``@sozialnetz-jobs`` (without its ``@id``)."""
        return {
            "datum": self.datum.isoformat(),
            "mitteilungen": [e.to_json() for e in self.mitteilungen],
            "anonymisierungen": [e.to_json() for e in self.anonymisierungen],
            "geloeschte_entwuerfe": [e.to_json() for e in self.geloeschte_entwuerfe],
            "fehler": [e.to_json() for e in self.fehler],
        }
