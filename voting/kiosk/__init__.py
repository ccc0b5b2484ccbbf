"""Assisted voting: a device in a community centre turned into a voting kiosk for one edition."""
