"""Booking without re-importing: the plan's invitations, updates and cancellations
e-mailed to each meeting's invitees (:mod:`~motesplan.booking.mail`, iMIP:
:func:`~motesplan.booking.mail.send_mails`), and a shared CalDAV calendar kept equal to
the plan (:mod:`~motesplan.booking.caldav_sync`:
:func:`~motesplan.booking.caldav_sync.publish_to_caldav`).
"""
