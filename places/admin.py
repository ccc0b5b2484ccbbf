"""Admin for municipalities, districts and neighbourhoods."""

from django.contrib import admin

from common.translated.admin import TranslatedAdminMixin

from .help import admin as help_admin  # noqa: F401  (registers the helpdesk and its locations)
from .models import District, Municipality, Neighbourhood, PostcodeArea


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin[Municipality]):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class NeighbourhoodInline(admin.TabularInline[Neighbourhood, District]):
    model = Neighbourhood
    extra = 0
    prepopulated_fields = {"slug": ["name"]}


@admin.register(District)
class DistrictAdmin(TranslatedAdminMixin, admin.ModelAdmin[District]):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [NeighbourhoodInline]


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(admin.ModelAdmin[Neighbourhood]):
    list_display = ["name", "district", "population"]
    list_filter = ["district"]
    search_fields = ["name", "district__name"]
    list_select_related = ["district"]


@admin.register(PostcodeArea)
class PostcodeAreaAdmin(admin.ModelAdmin[PostcodeArea]):
    """Read here; officials replace the whole table by importing a file (outreach:postcode_table)."""

    list_display = ["postcode", "street", "first_number", "last_number", "neighbourhood", "district"]
    list_filter = ["district"]
    search_fields = ["postcode", "street", "neighbourhood__name"]
    list_select_related = ["district", "neighbourhood"]
