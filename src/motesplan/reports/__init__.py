"""Printouts for people, in the reader's language: the plan
(:mod:`~motesplan.reports.plan`), its costs (:mod:`~motesplan.reports.costs`), a replan
and its alternatives (:mod:`~motesplan.reports.replan`), why no plan exists
(:mod:`~motesplan.reports.explanation`) and the chair rotation
(:mod:`~motesplan.reports.rotation`).
"""
