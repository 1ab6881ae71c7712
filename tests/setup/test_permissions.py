"""``permissions.py`` names every permission once (issue 22, item 3)."""

from pathlib import Path
from stadtdo.sozialnetz import permissions
from zope.component import getUtilitiesFor
from zope.security.interfaces import IPermission
import ast
import pytest
import stadtdo.sozialnetz


PAKET = Path(stadtdo.sozialnetz.__file__).parent

KONSTANTEN = {
    name: value
    for name, value in vars(permissions).items()
    if name.isupper() and isinstance(value, str)
}


def test_there_are_constants():
    assert len(KONSTANTEN) > 20


@pytest.mark.parametrize("name", sorted(KONSTANTEN))
def test_every_constant_is_a_permission_of_the_site(portal, name):
    """Asked through the site's permission settings: ``rolesOfPermission``
    refuses a name Zope does not know."""
    titel = KONSTANTEN[name]
    portal.rolesOfPermission(titel)  # ValueError for an unknown permission
    assert titel in {p[0] for p in portal.ac_inherited_permissions(1)}


def test_every_permission_of_the_add_on_has_a_constant(portal):
    eigene = {
        permission.title
        for pid, permission in getUtilitiesFor(IPermission)
        if pid.startswith("stadtdo.sozialnetz.")
    }
    assert eigene
    assert eigene <= set(KONSTANTEN.values())


def _literale(path):
    """``(line, text)`` of every string constant in the module ``path``."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def test_no_module_but_permissions_spells_a_permission():
    werte = set(KONSTANTEN.values())
    funde = [
        f"{path.relative_to(PAKET)}:{zeile}: {text!r}"
        for path in sorted(PAKET.rglob("*.py"))
        if path != PAKET / "permissions.py"
        for zeile, text in _literale(path)
        if text in werte
    ]
    assert not funde, "\n".join(funde)
