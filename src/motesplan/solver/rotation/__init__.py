"""The chair rotation in CP-SAT: the model (``model.py``), the search (``solve.py``) and
why no rotation exists (``explain.py``)."""
