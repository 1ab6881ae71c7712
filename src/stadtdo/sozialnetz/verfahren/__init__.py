"""The Beteiligungsprozess (DV § 4, Anlage 1): one path for every step.

``schritte``      one function per user action (einreichen, genehmigen, …);
                  pages, REST services and ``@workflow`` all call them
``workflow``      facts read from the workflow definition (due states, who
                  acts next, open states)
``sperre``        refuses every transition that does not come from ``schritte``
``trennung``      separation of duties on one Antrag (the applicant does not
                  approve, the approving head does not vote)
``gremien``       the review bodies as one table
``voten``         the votes and answers of the bodies
``einreichen``    what must hold before an Antrag can be submitted
``erneut``        „Antrag erneut stellen“ and the predecessor rule
``vergleich``     what changed since the approved predecessor (page, REST,
                  notice of receipt)
``stand``        the key that matches a Person's copies (annotation adapter)
``verlauf``       the workflow's id, its states and dates read from the history
``antragsnummer`` human-readable Antragsnummern

This module imports nothing, so content types may import single modules of
the package without a cycle.
"""
