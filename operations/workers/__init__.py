"""Task workers: django-tasks' database worker with a heartbeat, and recovering work whose worker died."""
