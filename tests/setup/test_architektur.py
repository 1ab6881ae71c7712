"""docs/architektur.rst says what the code is.

Its layer diagram is the import-linter contract of pyproject.toml, each
package of the add-on has its paragraph naming every module in it, and the
table of earlier places points to modules that exist (and from ones that
are gone, unless a BBB alias keeps the old path for stored objects).
"""

from pathlib import Path
import re
import tomllib


REPO = Path(__file__).resolve().parents[2]
PAKET = REPO / "src" / "stadtdo" / "sozialnetz"
ARCHITEKTUR = (REPO / "docs" / "architektur.rst").read_text(encoding="utf-8")


def abschnitt(titel):
    """The text of the section ``titel`` (up to the next section title)."""
    zeilen = ARCHITEKTUR.splitlines()
    start = zeilen.index(titel) + 2
    ende = len(zeilen)
    for i in range(start, len(zeilen) - 1):
        if zeilen[i + 1] and set(zeilen[i + 1]) == {"="} and zeilen[i]:
            ende = i
            break
    return "\n".join(zeilen[start:ende])


def schichten_im_bild():
    """The first line of every box of the diagram: the packages of a layer."""
    schichten = []
    zeilen = abschnitt("Schichten").splitlines()
    for i, zeile in enumerate(zeilen[:-1]):
        if zeile.strip().startswith("+---"):
            inhalt = zeilen[i + 1].strip()
            if inhalt.startswith("|"):
                schichten.append(re.split(r"\s{2,}", inhalt.strip("| "))[0])
    return schichten


def pakete():
    return sorted(
        p.name
        for p in PAKET.iterdir()
        if p.is_dir() and (p / "__init__.py").exists() and p.name != "tests"
    )


def absaetze():
    """Package name → its paragraph in "Die Pakete"."""
    text = abschnitt("Die Pakete")
    teile = re.split(r"^``(\w+)``\n", text, flags=re.MULTILINE)
    return dict(zip(teile[1::2], teile[2::2], strict=True))


def test_das_bild_ist_der_vertrag():
    konfiguration = tomllib.loads((REPO / "pyproject.toml").read_text())
    vertrag = next(
        c
        for c in konfiguration["tool"]["importlinter"]["contracts"]
        if c["type"] == "layers"
    )
    assert schichten_im_bild() == vertrag["layers"]


def test_jedes_paket_hat_seinen_absatz():
    assert sorted(absaetze()) == pakete()


def test_jeder_absatz_nennt_jedes_modul():
    fehlen = []
    for paket, absatz in absaetze().items():
        genannt = set(re.findall(r"``([\w/]+?)(?:\.py)?``", absatz))
        for kind in sorted((PAKET / paket).iterdir()):
            name = kind.stem if kind.suffix == ".py" else kind.name
            modul = kind.suffix == ".py" or (kind / "__init__.py").exists()
            if modul and name != "__init__" and not genannt & {name, f"{paket}/{name}"}:
                fehlen.append(f"{paket}/{name}")
    assert fehlen == []


def test_fruehere_orte_stimmen():
    from stadtdo.sozialnetz.bbb import UMBENENNUNGEN

    aliase = {alt.split(" ")[0] for alt in UMBENENNUNGEN}
    zeilen = abschnitt("Frühere Orte").splitlines()
    regel = next(z for z in zeilen if z.startswith("==="))
    spalte = regel.index("  ") + 2  # where the second column starts
    falsch = []
    for zeile in zeilen:
        if zeile.startswith("===") or not zeile.startswith("``"):
            continue
        for pfad in re.findall(r"``([\w/.]+)``", zeile[spalte:]):
            if not (PAKET / pfad).exists():
                falsch.append(f"jetzt fehlt: {pfad}")
        for pfad in re.findall(r"``([\w/.]+)``", zeile[:spalte]):
            if not pfad.endswith((".py", "/")):
                continue  # a function such as setuphandlers.get_datenbank
            modul = "stadtdo.sozialnetz." + pfad.strip("/").removesuffix(".py")
            if (PAKET / pfad).exists() and modul.replace("/", ".") not in aliase:
                falsch.append(f"bisher noch da: {pfad}")
    assert falsch == []
