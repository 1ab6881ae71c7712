"""Mails of the database (domain.md §5), sent through the portal's MailHost
inside the transaction: a request that is aborted or retried sends nothing
twice."""
