"""A line break that reached a subject (old data) no longer makes the mail,
and with it the daily job, fail (issue 12, item 3)."""

from stadtdo.sozialnetz.notifications.mail import send


def test_line_break_in_subject_is_flattened(mails):
    assert send(["fbl@stadtdo.de"], "Konto @a\nb\r\nc", "Text") == ["fbl@stadtdo.de"]
    assert mails.subjects() == ["Konto @a b c"]
