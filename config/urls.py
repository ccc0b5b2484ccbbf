"""Root URLs: Dutch at /, the other languages under a prefix, admin, operational endpoints."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.static import serve

handler403 = "pages.views.permission_denied"
handler404 = "pages.views.page_not_found"
handler500 = "pages.views.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("operations.urls")),
    path("api/", include("api.urls")),
]
urlpatterns += i18n_patterns(
    path("", include("pages.urls")),
    path("plannen/", include("proposals.urls")),
    path("beoordelen/", include("review.urls")),
    path("ontwikkelen/", include("development.urls")),
    path("", include("voting.urls")),
    path("", include("outreach.urls")),
    path("uitslag/", include("outcomes.urls")),
    path("panel/", include("deliberation.urls")),
    path("uitvoering/", include("execution.urls")),
    path("evaluatie/", include("evaluation.urls")),
    path("account/meldingen/", include("notifications.urls")),
    path("privacy/", include("privacy.urls")),
    path("", include("places.urls")),
    path("account/", include("accounts.urls")),
    path("beheer/", admin.site.urls),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}, name="media")
    )
