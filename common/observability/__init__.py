"""Observability shared by every app: JSON log lines with a request id, the scrubber, the request metrics.

Nothing here may log or label what identifies a resident: no path (it may hold a code or a login
token), no e-mail address, no code, no ballot. ``docs/observability.md`` lists every field and metric.
"""
