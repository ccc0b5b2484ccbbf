"""The pre-check: an initiator asks the district to look at a draft before submitting it.

A reviewer or official of the district answers on the edition's review checklist, informally and
without a verdict, within the edition's ``precheck_days``; the formal review later shows that it
happened. The plan's status never changes here.
"""
