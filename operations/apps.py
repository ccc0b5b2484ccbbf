"""App config for operations: running the platform (scheduled jobs, workers, health, metrics)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Operations")

    def ready(self) -> None:
        # issue 18 §5: the request id through the task queue, and the check of the metrics allow-list.
        from common.observability import tasks

        from .metrics import checks  # noqa: F401  (registers the check)

        tasks.connect()
