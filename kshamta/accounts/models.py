from __future__ import annotations

import datetime
import hashlib

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kshamta.core.models import TimeStamped
from kshamta.orgs.models import Designation, Organisation, localised


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    HINDI = "hi", "हिन्दी"


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str | None = None, password: str | None = None, **extra: object) -> User:
        user = self.model(email=email or None, **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str | None = None, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who can sign in: identified by an e-mail address and/or a mobile number."""

    email = models.CharField(_("e-mail"), max_length=254, unique=True, null=True, blank=True)
    mobile = models.CharField(_("mobile"), max_length=10, unique=True, null=True, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_hi = models.CharField(_("name (Hindi)"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    first_sign_in_at = models.DateTimeField(null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=Q(email__isnull=False) | Q(mobile__isnull=False) | Q(is_active=False),
                name="user_has_identity_unless_inactive",
            )
        ]

    def __str__(self) -> str:
        return self.name_en or self.name_hi or self.email or self.mobile or f"user {self.pk}"

    @property
    def name(self) -> str:
        return localised(self.name_en, self.name_hi)

    @property
    def identity(self) -> str:
        return self.email or self.mobile or ""


class Profile(TimeStamped):
    """An employee's service record: where they work and as what."""

    class Gender(models.TextChoices):
        MALE = "M", _("Male")
        FEMALE = "F", _("Female")
        OTHER = "O", _("Other")

    class Category(models.TextChoices):
        GENERAL = "GEN", _("General")
        OBC = "OBC", _("OBC")
        SC = "SC", _("SC")
        ST = "ST", _("ST")
        EWS = "EWS", _("EWS")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        TRANSFERRED = "transferred", _("Transferred")
        RETIRED = "retired", _("Retired")
        SUSPENDED = "suspended", _("Suspended")

    user = models.OneToOneField(User, primary_key=True, on_delete=models.CASCADE, related_name="profile")
    employee_code = models.CharField(_("employee code"), max_length=40, unique=True)
    org = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="people", verbose_name=_("organisation")
    )
    designation = models.ForeignKey(
        Designation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("designation"),
    )
    group = models.CharField(_("group"), max_length=1, choices=Designation.Group.choices, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    date_of_joining = models.DateField(_("date of joining"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, blank=True)
    category = models.CharField(_("category"), max_length=3, choices=Category.choices, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE)
    # Lower-cased names, code, e-mail and mobile: one column that search scans
    # (a trigram index on PostgreSQL makes that an index scan).
    search_text = models.CharField(max_length=700, blank=True, editable=False)

    class Meta:
        ordering = ["employee_code"]
        verbose_name = _("employee profile")
        verbose_name_plural = _("employee profiles")
        indexes = [
            models.Index(fields=["org", "employee_code"], name="profile_org_code"),
            models.Index(fields=["designation", "status"], name="profile_designation_status"),
            models.Index(fields=["status"], name="profile_status"),
        ]

    def __str__(self) -> str:
        return f"{self.employee_code} {self.user}"

    @staticmethod
    def build_search_text(
        *, employee_code: str, name_en: str, name_hi: str, email: str | None, mobile: str | None
    ) -> str:
        parts = [employee_code, name_en, name_hi, email or "", mobile or ""]
        return " ".join(p for p in parts if p).lower()[:700]


class Posting(models.Model):
    """One stretch of a person's service at an organisation in a designation. Never deleted."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="postings")
    org = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    designation = models.ForeignKey(Designation, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    reason = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["user", "-started_on"], name="posting_user_started")]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.org_id} from {self.started_on}"


class Role(models.TextChoices):
    LEARNER = "learner", _("Learner")
    NODAL_OFFICER = "nodal_officer", _("Nodal officer")
    CBP_AUTHOR = "cbp_author", _("CBP author")
    CBP_APPROVER = "cbp_approver", _("CBP approver")
    CONTENT_CREATOR = "content_creator", _("Content creator")
    REVIEWER = "reviewer", _("Content reviewer")
    PUBLISHER = "publisher", _("Content publisher")
    PROGRAMME_COORDINATOR = "programme_coordinator", _("Programme coordinator")
    STATE_ADMIN = "state_admin", _("State admin")


ADMIN_ROLES = frozenset(r for r in Role if r != Role.LEARNER)


class RoleAssignment(models.Model):
    """A role a person holds over an organisation subtree."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    org = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("organisation")
    )
    granted_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["role", "org__path"]
        constraints = [models.UniqueConstraint(fields=["user", "role", "org"], name="role_unique_per_user_org")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.role} @ {self.org_id}"


class OTPChallenge(models.Model):
    """One one-time code sent to an identity. The code itself is never stored."""

    identity = models.CharField(max_length=254)
    code_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    consumed_at = models.DateTimeField(null=True, blank=True)
    # A code asked for to register cannot sign in, and a sign-in code cannot register.
    purpose = models.CharField(max_length=10, default="sign_in")
    # Unknown identities get a challenge too (never delivered), so the
    # response and the rate limits look the same whether the identity exists.
    delivered = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["identity", "-created_at"], name="otp_identity_created")]

    def __str__(self) -> str:
        return f"OTP for {self.identity} at {self.created_at:%H:%M:%S}"

    def is_live(self, now: datetime.datetime) -> bool:
        return self.consumed_at is None and self.expires_at > now and self.attempts < settings.OTP_MAX_ATTEMPTS


class SignInFailure(models.Model):
    """A failed password sign-in, counted per identity to slow guessing."""

    identity = models.CharField(max_length=254)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["identity", "-created_at"], name="signinfail_identity_created")]

    def __str__(self) -> str:
        return f"{self.identity} {self.created_at}"


class APIToken(models.Model):
    """A revocable bearer token for a machine client, acting as its user."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


# --- Registration and requests for approval ---------------------------------------


class EmailDomain(models.Model):
    """An e-mail domain whose people are government employees: registering from it activates at once.

    A domain also covers its subdomains ("gov.in" covers "mp.gov.in")."""

    domain = models.CharField(_("domain"), max_length=253, unique=True)
    added_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["domain"]
        verbose_name = _("allowed e-mail domain")
        verbose_name_plural = _("allowed e-mail domains")

    def __str__(self) -> str:
        return self.domain

    @staticmethod
    def candidates(address_domain: str) -> list[str]:
        """The domain and every parent domain that, when listed, would cover it: mp.gov.in → [mp.gov.in, gov.in, in]."""
        parts = address_domain.lower().strip(".").split(".")
        return [".".join(parts[i:]) for i in range(len(parts))]


class DecisionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Decided(models.Model):
    """The outcome fields every request for approval shares."""

    status = models.CharField(_("status"), max_length=8, choices=DecisionStatus.choices, default=DecisionStatus.PENDING)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    @property
    def is_pending(self) -> bool:
        return self.status == DecisionStatus.PENDING


class RegistrationRequest(Decided):
    """What a person registering told us about themself, waiting for (or past) a nodal officer's decision.

    Registrations from allow-listed e-mail domains are recorded too, already approved (decided_by empty)."""

    identity = models.CharField(_("e-mail or mobile"), max_length=254)
    employee_code = models.CharField(_("employee code"), max_length=40)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_hi = models.CharField(_("name (Hindi)"), max_length=200, blank=True)
    org = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="registration_requests", verbose_name=_("organisation")
    )
    designation = models.ForeignKey(
        Designation, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("designation")
    )
    group = models.CharField(_("group"), max_length=1, choices=Designation.Group.choices, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=1, choices=Profile.Gender.choices, blank=True)
    category = models.CharField(_("category"), max_length=3, choices=Profile.Category.choices, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    user = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="registrations")
    # Set once the welcome message is queued, so that it is never sent twice.
    welcomed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration request")
        verbose_name_plural = _("registration requests")
        indexes = [models.Index(fields=["status", "org"], name="registration_status_org")]
        constraints = [
            models.UniqueConstraint(
                fields=["identity"], condition=Q(status="pending"), name="registration_one_pending_per_identity"
            ),
            models.UniqueConstraint(
                fields=["employee_code"], condition=Q(status="pending"), name="registration_one_pending_per_code"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee_code} {self.name_en or self.name_hi} ({self.status})"

    @property
    def name(self) -> str:
        return localised(self.name_en, self.name_hi)

    @property
    def email(self) -> str | None:
        return self.identity if "@" in self.identity else None

    @property
    def mobile(self) -> str | None:
        return None if "@" in self.identity else self.identity


class StateAdminRequest(Decided):
    """A request only a state admin can decide: allow a new e-mail domain, or create a new designation."""

    class Kind(models.TextChoices):
        EMAIL_DOMAIN = "email_domain", _("New e-mail domain")
        DESIGNATION = "designation", _("New designation")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    # Where the request comes from; the state admins over it decide.
    org = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="state_admin_requests", verbose_name=_("organisation")
    )
    requested_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    requester_identity = models.CharField(max_length=254, blank=True)
    registration = models.ForeignKey(
        RegistrationRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="state_admin_requests"
    )
    domain = models.CharField(_("domain"), max_length=253, blank=True)
    designation_name_en = models.CharField(_("designation (English)"), max_length=200, blank=True)
    designation_name_hi = models.CharField(_("designation (Hindi)"), max_length=200, blank=True)
    designation = models.ForeignKey(Designation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("request to the state admin")
        verbose_name_plural = _("requests to the state admin")
        indexes = [models.Index(fields=["status", "kind"], name="stateadminrequest_status_kind")]

    def __str__(self) -> str:
        subject = self.domain if self.kind == self.Kind.EMAIL_DOMAIN else self.designation_name_en
        return f"{self.kind}: {subject} ({self.status})"

    @property
    def subject(self) -> str:
        if self.kind == self.Kind.EMAIL_DOMAIN:
            return self.domain
        return localised(self.designation_name_en, self.designation_name_hi)


class ProfileChangeRequest(Decided):
    """A person asking to change one field of their service record; decided by the nodal officer
    of the organisation they work in now."""

    class Field(models.TextChoices):
        DESIGNATION = "designation", _("Designation")
        ORG = "org", _("Organisation (transfer)")
        GROUP = "group", _("Group")

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="profile_change_requests")
    field = models.CharField(_("field"), max_length=12, choices=Field.choices)
    new_org = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    new_designation = models.ForeignKey(Designation, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    new_group = models.CharField(max_length=1, choices=Designation.Group.choices, blank=True)
    old_value = models.CharField(_("was"), max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("profile change request")
        verbose_name_plural = _("profile change requests")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "field"], condition=Q(status="pending"), name="profilechange_one_pending_per_field"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.field} ({self.status})"

    @property
    def new_value(self) -> str:
        if self.field == self.Field.ORG and self.new_org is not None:
            return self.new_org.name
        if self.field == self.Field.DESIGNATION and self.new_designation is not None:
            return self.new_designation.name
        return self.new_group
