"""German user interface with English translations."""

from pathlib import Path
from plone import api
from zope.i18n import translate
import ast
import pytest
import stadtdo.sozialnetz


PACKAGE = Path(stadtdo.sozialnetz.__file__).parent


@pytest.mark.parametrize(
    "portal_type,de,en",
    [
        ("Antrag", "Antrag", "Application"),
        ("Person", "Person", "Person"),
        ("Anlage", "Anlage", "Attachment"),
        ("Fachbereich", "Fachbereich", "Department"),
        (
            "SozialnetzDatenbank",
            "Datenbank Soziale Netzwerke",
            "Social Networks database",
        ),
    ],
)
def test_type_titles_german_and_english(portal, portal_type, de, en):
    fti = api.portal.get_tool("portal_types")[portal_type]
    msgid = fti.Title()
    assert translate(msgid, domain="stadtdo.sozialnetz", target_language="de") == de
    assert translate(msgid, domain="stadtdo.sozialnetz", target_language="en") == en


def test_vote_labels_translated(portal):
    from stadtdo.sozialnetz.verfahren.voten import VOTUM_TITEL

    assert translate(VOTUM_TITEL["rueckfrage"], target_language="en") == "Query"
    assert translate(VOTUM_TITEL["rueckfrage"], target_language="de") == "Rückfrage"


def _msgids_in_code():
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) in ("_", "_message", "_t")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def _msgids_in_catalog(language):
    po = (
        PACKAGE / "locales" / language / "LC_MESSAGES" / "stadtdo.sozialnetz.po"
    ).read_text()
    entries = set()
    for block in po.split("\nmsgid ")[1:]:
        entries.add(ast.literal_eval(block.split("\nmsgstr ")[0]))
    return entries


@pytest.mark.parametrize("language", ["en", "de"])
def test_every_message_of_the_code_is_in_the_catalog(language):
    missing = _msgids_in_code() - _msgids_in_catalog(language)
    assert not missing, sorted(missing)


def _catalog(path):
    """msgid -> msgstr of a .po/.pot file (single-line entries as i18ndude
    writes them; the header entry left out)."""
    entries = {}
    for block in path.read_text().split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#")]
        text = "\n".join(lines)
        if not text.startswith("msgid "):
            continue
        msgid, _, msgstr = text[len("msgid ") :].partition("\nmsgstr ")
        msgid = "".join(ast.literal_eval(part) for part in msgid.splitlines())
        if msgid:
            entries[msgid] = "".join(
                ast.literal_eval(part) for part in msgstr.splitlines()
            )
    return entries


POT = PACKAGE / "locales" / "stadtdo.sozialnetz.pot"


def test_the_pot_holds_the_messages_of_the_code():
    missing = _msgids_in_code() - set(_catalog(POT))
    assert not missing, sorted(missing)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_catalogs_are_synced_with_the_pot(language):
    po = PACKAGE / "locales" / language / "LC_MESSAGES" / "stadtdo.sozialnetz.po"
    assert set(_catalog(po)) == set(_catalog(POT))


def test_every_message_of_the_pot_has_an_english_translation():
    en = _catalog(PACKAGE / "locales" / "en" / "LC_MESSAGES" / "stadtdo.sozialnetz.po")
    untranslated = [msgid for msgid in _catalog(POT) if not en.get(msgid)]
    assert not untranslated, untranslated
