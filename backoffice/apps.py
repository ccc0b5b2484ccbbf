"""App configurations: the backoffice's own (templates, translations) and the admin with its site."""

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    default = True
    name = "backoffice"
    verbose_name = _("Management")


class ScopedAdminConfig(admin_apps.AdminConfig):
    """Django's admin, with ``admin.site`` the district-scoped site every app registers on."""

    default = False
    default_site = "backoffice.site.ScopedAdminSite"
