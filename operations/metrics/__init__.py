"""/metrics for Prometheus: the request and cast counters of every worker, the task queue and the counts.

Restricted to ``METRICS_ALLOWED_ADDRESSES`` (others get the 404 any unknown page gets); open in
development and the demo, where the setting is None. See docs/observability.md.
"""
