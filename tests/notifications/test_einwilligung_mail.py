"""After a withdrawal of consent the head of the department is asked to
re-apply without the Person (DV § 2)."""

from plone import api
from stadtdo.sozialnetz.datenschutz import einwilligung


def test_head_is_asked_to_reapply(antrag_in, mails):
    antrag = antrag_in("genehmigt")
    mails.clear()
    with api.env.adopt_user(username="sta11"):
        einwilligung.widerruf_vermerken(antrag["person"])
    gesendet = [m for m in mails.all() if "Einwilligung widerrufen" in m["Subject"]]
    assert gesendet  # one mail per head and deputy
    for mail in gesendet:
        assert "ohne diese Person erneut" in mail.get_content()
        assert "Mustermann" not in mail.get_content()
