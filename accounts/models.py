"""A user is identified by e-mail; staff roles are held per district."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from places.models import District


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("public name"), max_length=80, help_text=_("The name others see next to your plans and comments.")
    )
    is_staff = models.BooleanField(_("may use the admin"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    email_notifications = models.BooleanField(
        _("e-mail me about my plans"),
        default=True,
        help_text=_("Status changes, verdicts and comments on plans you started or joined."),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # Accounts made by staff, the demo or the command line count as verified; one a visitor
    # registers starts empty (``register_resident``) until its confirmation link is used.
    email_verified_at = models.DateTimeField(
        _("e-mail address confirmed at"), null=True, blank=True, default=timezone.now
    )

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.display_name or self.email

    @property
    def audit_label(self) -> str:
        """How the append-only audit log names this account: by number, never by name or address."""
        return f"{self._meta.verbose_name} #{self.pk}"

    def get_short_name(self) -> str:
        return self.display_name

    def get_full_name(self) -> str:
        return self.display_name

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None


class Role(models.TextChoices):
    OFFICIAL = "official", _("District official")
    REVIEWER = "reviewer", _("Reviewer")
    COMMITTEE = "committee", _("Committee member")
    FACILITATOR = "facilitator", _("Panel facilitator")
    ADMINISTRATOR = "administrator", _("Administrator")


class StaffRole(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="staff_roles")
    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="staff_roles")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)

    class Meta:
        verbose_name = _("staff role")
        verbose_name_plural = _("staff roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "district", "role"], name="staff_role_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} — {self.district}"
