"""App configuration for pages."""

from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"

    def ready(self) -> None:
        # The public pages are served from the page cache; every committed write retires them.
        from common.pagecache import watch_writes

        watch_writes()
