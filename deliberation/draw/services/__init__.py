"""The draw services: the panel set-up and quotas, the draw itself, and the queued draw's runner."""
