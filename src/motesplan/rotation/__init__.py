"""The chair rotation: its rules and records (:mod:`~motesplan.rotation.problem`) and
its independent checker (:mod:`~motesplan.rotation.checker`). The solver
(``motesplan.solver``) proposes rotations; the public names are re-exported by
:mod:`motesplan`.
"""
