"""The meeting year: the rules (:mod:`~motesplan.planner.problem`), unavailable time
(:mod:`~motesplan.planner.unavailable`, :mod:`~motesplan.planner.busy`), the free days
(:mod:`~motesplan.planner.freedays`), the soft costs
(:mod:`~motesplan.planner.objective`), the plan records
(:mod:`~motesplan.planner.plan`, :mod:`~motesplan.planner.replan`,
:mod:`~motesplan.planner.explanation`), the independent checker
(:mod:`~motesplan.planner.checker`) and what changed between two plans
(:mod:`~motesplan.planner.diff`).

Nothing here imports OR-Tools: the solver (``motesplan.solver``) reads these records and
returns plans in them. The public names are re-exported by :mod:`motesplan`.
"""
