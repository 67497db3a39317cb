"""Files for programs: the plan as JSON (:mod:`~motesplan.formats.plan_json`), the
rotation as JSON (:mod:`~motesplan.formats.rotation_json`), and iCalendar written
(:mod:`~motesplan.formats.ics_write`) and read back (:mod:`~motesplan.formats.ics_read`).
"""
