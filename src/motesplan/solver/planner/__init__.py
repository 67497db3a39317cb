"""The meeting plan in CP-SAT: the model of the rules (``model.py``), the plan at once
(``construct.py``), the independent parts (``parts.py``), the search (``solve.py``,
``neighbourhood.py``), why no plan exists (``explain.py``) and replanning a booked plan
(``replan.py``)."""
