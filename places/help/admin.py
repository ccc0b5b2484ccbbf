"""Admin for the helpdesks and help locations: each district's officials edit their own (backoffice.rules)."""

from django.contrib import admin

from .models import HelpDesk, HelpLocation


@admin.register(HelpDesk)
class HelpDeskAdmin(admin.ModelAdmin[HelpDesk]):
    list_display = ["district", "phone", "whatsapp", "updated_at"]
    list_select_related = ["district"]
    fields = [
        "district",
        "introduction",
        "address",
        "phone",
        "whatsapp",
        "email",
        "opening_hours",
        "translations",
    ]


@admin.register(HelpLocation)
class HelpLocationAdmin(admin.ModelAdmin[HelpLocation]):
    list_display = ["name", "district", "address", "assisted_voting"]
    list_filter = ["district", "assisted_voting"]
    list_select_related = ["district"]
    search_fields = ["name", "address"]
    fields = [
        "district",
        "name",
        "address",
        "opening_hours",
        "assisted_voting",
        "notes",
        "position",
        "translations",
    ]
