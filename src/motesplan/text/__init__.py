"""Text for people: the phrases in each language, and dates and times as each locale
writes them (:mod:`~motesplan.text.messages`)."""
