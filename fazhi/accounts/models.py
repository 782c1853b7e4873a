"""A person's role in fazhi: which office, unit and jurisdiction they act for."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Role(models.TextChoices):
    OFFICE = "office", "办公室工作人员"
    LEADER = "leader", "领导"
    LIAISON = "liaison", "单位联络员"
    INSPECTOR = "inspector", "督察组成员"


class Profile(models.Model):
    """Role and scope of one user. Office, leader and inspector act for a jurisdiction (and the
    jurisdictions below it); a liaison acts for one unit only."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    jurisdiction = models.ForeignKey(
        "units.Jurisdiction", verbose_name="辖区", on_delete=models.PROTECT, related_name="profiles"
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="所属单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="liaisons",
    )
    phone = models.CharField("电话", max_length=30, blank=True)

    class Meta:
        verbose_name = "用户角色"
        verbose_name_plural = "用户角色"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role="liaison") | models.Q(unit__isnull=False),
                name="liaison_has_unit",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"
