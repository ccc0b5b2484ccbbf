"""Admin for carrying out: every execution row is a record here, read by the district's officials.

Projects, agreements, the ledger's lines and entries, updates, blockers and final reports
change only through their services (which check the phase and the ledger's invariants, notify
followers and audit), so the rules in ``backoffice.rules`` let nobody add, change or delete them
here; officials of the project's district read them, everyone else sees nothing. Who follows what is
the residents' own business and is not shown here at all.
"""

from __future__ import annotations

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .models import (
    Agreement,
    Blocker,
    Expense,
    FinalReport,
    FinalReportPhoto,
    HelpRequest,
    LedgerDecision,
    Milestone,
    Payment,
    Project,
    ProjectLine,
    ProjectOwner,
    Reminder,
    ScheduledPayment,
    StatusChange,
    Update,
    UpdatePhoto,
)


class ProjectOwnerInline(admin.TabularInline[ProjectOwner, Project]):
    model = ProjectOwner
    extra = 0


class ProjectLineInline(admin.TabularInline[ProjectLine, Project]):
    model = ProjectLine
    extra = 0


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin[Project]):
    list_display = ["plan", "edition", "status", "progress_percent", "opened_at"]
    list_filter = ["edition", "status"]
    list_select_related = ["plan", "edition"]
    search_fields = ["plan__title"]
    inlines = [ProjectOwnerInline, ProjectLineInline]


class MilestoneInline(admin.TabularInline[Milestone, Agreement]):
    model = Milestone
    extra = 0


class ScheduledPaymentInline(admin.TabularInline[ScheduledPayment, Agreement]):
    model = ScheduledPayment
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin[Agreement]):
    list_display = ["project", "number", "proposed_at", "in_force_at", "superseded_at"]
    list_select_related = ["project__plan"]
    inlines = [MilestoneInline, ScheduledPaymentInline]


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin[Payment]):
    list_display = ["project", "line", "amount_cents", "paid_on", "reference", "source"]
    list_select_related = ["project__plan", "line"]
    search_fields = ["reference"]


@admin.register(Expense)
class ExpenseAdmin(admin.ModelAdmin[Expense]):
    list_display = ["project", "line", "amount_cents", "spent_on", "description"]
    list_select_related = ["project__plan", "line"]
    # The receipt is a private file without a URL: the admin links to the guarded download instead.
    exclude = ["receipt"]
    readonly_fields = ["receipt_link"]

    @admin.display(description=_("receipt"))
    def receipt_link(self, expense: Expense) -> SafeString:
        return format_html('<a href="{}">{}</a>', reverse("execution:receipt", args=[expense.pk]), _("Open"))


@admin.register(LedgerDecision)
class LedgerDecisionAdmin(admin.ModelAdmin[LedgerDecision]):
    list_display = ["project", "kind", "amount_cents", "decided_at"]
    list_select_related = ["project__plan"]


class UpdatePhotoInline(admin.TabularInline[UpdatePhoto, Update]):
    model = UpdatePhoto
    extra = 0


@admin.register(Update)
class UpdateAdmin(admin.ModelAdmin[Update]):
    list_display = ["project", "side", "posted_at", "progress_percent", "hidden_at"]
    list_select_related = ["project__plan"]
    inlines = [UpdatePhotoInline]


@admin.register(StatusChange)
class StatusChangeAdmin(admin.ModelAdmin[StatusChange]):
    list_display = ["project", "from_status", "to_status", "changed_at"]
    list_select_related = ["project__plan"]


@admin.register(Blocker)
class BlockerAdmin(admin.ModelAdmin[Blocker]):
    list_display = ["project", "category", "opened_at", "resolved_at"]
    list_filter = ["category"]
    list_select_related = ["project__plan"]


@admin.register(HelpRequest)
class HelpRequestAdmin(admin.ModelAdmin[HelpRequest]):
    list_display = ["project", "asked_at", "answered_at"]
    list_select_related = ["project__plan"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin[Reminder]):
    list_display = ["project", "kind", "due_on", "sent_at"]


class FinalReportPhotoInline(admin.TabularInline[FinalReportPhoto, FinalReport]):
    model = FinalReportPhoto
    extra = 0


@admin.register(FinalReport)
class FinalReportAdmin(admin.ModelAdmin[FinalReport]):
    list_display = ["project", "submitted_at", "decision", "decided_at"]
    list_select_related = ["project__plan"]
    inlines = [FinalReportPhotoInline]
