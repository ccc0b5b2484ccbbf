"""The funnel of an edition's plans (started to completed), why plans dropped out, how long steps took."""
