"""The January digest lists „Verantwortung klären“ with who left and why."""

from datetime import date
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from stadtdo.sozialnetz.jobs.lauf import run_jobs
from tests.offboarding.conftest import RITA


def test_digest_shows_the_flag(konto, antrag_in, mails):
    markiert = konto()
    ohne = antrag_in("genehmigt")
    with api.env.adopt_roles(["Manager"]):
        api.user.delete(username=RITA)
    mails.clear()
    with api.env.adopt_user(username=SITE_OWNER_NAME):
        run_jobs(today=date(date.today().year + 1, 1, 2))
    (digest, *_rest) = [m for m in mails.all() if "Jahresübersicht" in m["Subject"]]
    text = digest.get_content()
    teil = text.split(markiert.antragsnummer)[1].split(ohne.antragsnummer)[0]
    assert "! Verantwortung klären" in teil
    assert "Rita Redakteurin: Das Benutzerkonto wurde am" in teil
    assert "Verantwortung klären" not in text.split(ohne.antragsnummer)[1]
