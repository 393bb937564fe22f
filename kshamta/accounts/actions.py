"""Every write about people: sign-in codes, profiles, transfers, roles, tokens."""

from __future__ import annotations

import datetime
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import override

from kshamta.accounts.models import (
    APIToken,
    DecisionStatus,
    EmailDomain,
    OTPChallenge,
    Posting,
    Profile,
    ProfileChangeRequest,
    RegistrationRequest,
    Role,
    RoleAssignment,
    SignInFailure,
    StateAdminRequest,
    User,
)
from kshamta.core import audit
from kshamta.core.text import (
    clean_text,
    identity_kind,
    normalise_email,
    normalise_identity,
    normalise_mobile,
)
from kshamta.notifications.actions import queue_message
from kshamta.orgs.models import Designation, Organisation

HOUR = datetime.timedelta(hours=1)


class SignInError(Exception):
    """A sign-in step failed; ``str(exc)`` is the message for the person."""


class SignInLocked(SignInError):
    def __init__(self, until: datetime.datetime):
        self.until = until
        local = timezone.localtime(until)
        super().__init__(
            _("Too many attempts. This sign-in is locked until %(time)s.") % {"time": local.strftime("%H:%M")}
        )


class ResendTooSoon(SignInError):
    def __init__(self, seconds: int):
        self.seconds = seconds
        super().__init__(_("Please wait %(seconds)s seconds before asking for another code.") % {"seconds": seconds})


class PersonError(ValueError):
    """A change to a person was refused; the message is for the person making it."""


# --- One-time codes --------------------------------------------------------------


def _hash_code(identity: str, code: str) -> str:
    return salted_hmac("kshamta.otp", f"{identity}:{code}", algorithm="sha256").hexdigest()


def find_user_by_identity(identity: str) -> User | None:
    kind = identity_kind(identity)
    if kind == "email":
        return User.objects.filter(email=identity, is_active=True).first()
    if kind == "mobile":
        return User.objects.filter(mobile=identity, is_active=True).first()
    return None


def otp_locked_until(identity: str, now: datetime.datetime) -> datetime.datetime | None:
    """When the identity may ask for codes again, if it has used up its hourly allowance."""
    recent = list(
        OTPChallenge.objects.filter(identity=identity, created_at__gt=now - HOUR)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[: settings.OTP_MAX_PER_HOUR]
    )
    if len(recent) < settings.OTP_MAX_PER_HOUR:
        return None
    return recent[-1] + HOUR


@dataclass
class OTPRequest:
    identity: str
    expires_at: datetime.datetime
    resend_after: datetime.datetime


OTP_PURPOSES = ("sign_in", "register")


def do_request_otp(raw_identity: str, *, language: str = "en", purpose: str = "sign_in") -> OTPRequest:
    """Issue a 6-digit code for an e-mail address or mobile number.

    To sign in, unknown identities get the same answer (and the same limits), but nothing is sent.
    To register (``purpose="register"``), the code is always sent: it proves the identity is the
    registrant's. Both purposes share one hourly allowance, cooldown and lock per identity.
    """
    if purpose not in OTP_PURPOSES:
        raise ValueError(f"unknown OTP purpose {purpose}")
    identity = normalise_identity(raw_identity)
    if identity is None:
        raise SignInError(_("Enter a valid e-mail address or a 10-digit mobile number."))
    now = timezone.now()
    with transaction.atomic():
        # Serialise concurrent requests for one identity (a row lock on its user
        # when there is one; SQLite's IMMEDIATE transactions serialise anyway).
        user = find_user_by_identity(identity)
        if user is not None:
            User.objects.select_for_update().filter(pk=user.pk).first()
        locked = otp_locked_until(identity, now)
        if locked is not None:
            raise SignInLocked(locked)
        newest = OTPChallenge.objects.filter(identity=identity).order_by("-created_at").first()
        cooldown = datetime.timedelta(seconds=settings.OTP_RESEND_COOLDOWN_SECONDS)
        if newest and newest.created_at + cooldown > now:
            raise ResendTooSoon(int((newest.created_at + cooldown - now).total_seconds()) + 1)
        code = f"{secrets.randbelow(10**6):06d}"
        challenge = OTPChallenge.objects.create(
            identity=identity,
            code_hash=_hash_code(identity, code),
            created_at=now,
            expires_at=now + datetime.timedelta(seconds=settings.OTP_TTL_SECONDS),
            delivered=user is not None or purpose == "register",
            purpose=purpose,
        )
        # Earlier codes stop working once a new one is issued.
        OTPChallenge.objects.filter(identity=identity, consumed_at__isnull=True).exclude(pk=challenge.pk).update(
            consumed_at=now
        )
        if user is not None:
            _queue_code(identity, code, language=user.preferred_language or language, purpose=purpose)
        elif purpose == "register":
            _queue_code(identity, code, language=language, purpose=purpose)
    return OTPRequest(identity=identity, expires_at=challenge.expires_at, resend_after=now + cooldown)


def _queue_code(identity: str, code: str, *, language: str, purpose: str = "sign_in") -> None:
    minutes = settings.OTP_TTL_SECONDS // 60
    with override(language):
        if purpose == "register":
            body = _(
                "%(code)s is your Kshamta registration code. It expires in %(minutes)s minutes. Do not share it."
            ) % {"code": code, "minutes": minutes}
            subject = _("Your Kshamta registration code")
        else:
            body = _("%(code)s is your Kshamta sign-in code. It expires in %(minutes)s minutes. Do not share it.") % {
                "code": code,
                "minutes": minutes,
            }
            subject = _("Your Kshamta sign-in code")
    channel = "email" if identity_kind(identity) == "email" else "sms"
    queue_message(channel=channel, to=identity, subject=subject, body=body, kind="otp", sensitive=True)


def do_verify_otp(raw_identity: str, code: str) -> User:
    """The user the code signs in, or SignInError. Wrong guesses are counted even though we raise."""
    identity = normalise_identity(raw_identity)
    code = clean_text(code).replace(" ", "")
    if identity is None:
        raise SignInError(_("Enter a valid e-mail address or a 10-digit mobile number."))
    now = timezone.now()
    error: SignInError | None = None
    user: User | None = None
    with transaction.atomic():
        error = _check_and_consume_code(identity, code, now, purpose="sign_in")
        if error is None:
            user = find_user_by_identity(identity)
            if user is None:
                error = SignInError(_("Wrong code. %(left)s attempts left.") % {"left": 0})
            else:
                _mark_signed_in(user, now)
    if error is not None:
        _raise_otp_error(identity, now, error)
    assert user is not None
    return user


def _check_and_consume_code(identity: str, code: str, now: datetime.datetime, *, purpose: str) -> SignInError | None:
    """Check ``code`` against the identity's live challenge for ``purpose``: consume it when right,
    count the attempt when wrong. Returns the error to raise (after the transaction commits the count)."""
    challenge = (
        OTPChallenge.objects.select_for_update()
        .filter(identity=identity, consumed_at__isnull=True, purpose=purpose)
        .order_by("-created_at")
        .first()
    )
    if challenge is None or challenge.expires_at <= now:
        return SignInError(_("This code has expired or was already used. Ask for a new code."))
    if challenge.attempts >= settings.OTP_MAX_ATTEMPTS:
        return SignInError(_("Too many wrong attempts for this code. Ask for a new code."))
    if not (len(code) == 6 and code.isdigit() and hmac.compare_digest(challenge.code_hash, _hash_code(identity, code))):
        challenge.attempts += 1
        challenge.save(update_fields=["attempts"])
        left = settings.OTP_MAX_ATTEMPTS - challenge.attempts
        if left > 0:
            return SignInError(_("Wrong code. %(left)s attempts left.") % {"left": left})
        return SignInError(_("Too many wrong attempts for this code. Ask for a new code."))
    challenge.consumed_at = now
    challenge.save(update_fields=["consumed_at"])
    return None


def _raise_otp_error(identity: str, now: datetime.datetime, error: SignInError) -> None:
    locked = otp_locked_until(identity, now)
    if locked is not None:
        # Every code of this hour is spent: say when a new one can be asked for.
        live = OTPChallenge.objects.filter(
            identity=identity, consumed_at__isnull=True, expires_at__gt=now, attempts__lt=settings.OTP_MAX_ATTEMPTS
        ).exists()
        if not live:
            raise SignInLocked(locked)
    raise error


def do_verify_registration_otp(raw_identity: str, code: str) -> str:
    """The normalised identity a registration code proves, or SignInError (same limits as signing in)."""
    identity = normalise_identity(raw_identity)
    code = clean_text(code).replace(" ", "")
    if identity is None:
        raise SignInError(_("Enter a valid e-mail address or a 10-digit mobile number."))
    now = timezone.now()
    with transaction.atomic():
        error = _check_and_consume_code(identity, code, now, purpose="register")
    if error is not None:
        _raise_otp_error(identity, now, error)
    return identity


def _mark_signed_in(user: User, now: datetime.datetime) -> None:
    if user.first_sign_in_at is None:
        User.objects.filter(pk=user.pk, first_sign_in_at__isnull=True).update(first_sign_in_at=now)
        user.first_sign_in_at = now
        profile = Profile.objects.filter(pk=user.pk).select_related("org").first()
        audit.record(
            actor=user,
            action="user.activate",
            target=user,
            org_path=profile.org.path if profile else "",
            after={"first_sign_in_at": now.isoformat()},
        )


def do_password_sign_in(raw_identity: str, password: str) -> User:
    """Password sign-in, allowed only for people who hold an admin role."""
    from kshamta.accounts.access import has_admin_role

    identity = normalise_identity(raw_identity) or clean_text(raw_identity).lower()
    now = timezone.now()
    failures = SignInFailure.objects.filter(identity=identity, created_at__gt=now - HOUR)
    if failures.count() >= settings.PASSWORD_MAX_FAILURES_PER_HOUR:
        oldest = failures.order_by("created_at").values_list("created_at", flat=True).first()
        raise SignInLocked((oldest or now) + HOUR)
    user = find_user_by_identity(identity)
    ok = user is not None and user.check_password(password) and (user.is_superuser or has_admin_role(user))
    if not ok or user is None:
        SignInFailure.objects.create(identity=identity, created_at=now)
        raise SignInError(_("Wrong e-mail/mobile or password, or this account does not use a password."))
    with transaction.atomic():
        _mark_signed_in(user, now)
    return user


# --- People ---------------------------------------------------------------------

PROFILE_FIELDS = [
    "employee_code",
    "org",
    "designation",
    "group",
    "date_of_birth",
    "date_of_joining",
    "gender",
    "category",
    "status",
]
USER_FIELDS = ["email", "mobile", "name_en", "name_hi", "preferred_language", "is_active"]


def _check_identity_free(email: str | None, mobile: str | None, exclude_user_id: int | None) -> None:
    others = User.objects.exclude(pk=exclude_user_id) if exclude_user_id else User.objects.all()
    if email and others.filter(email=email).exists():
        raise PersonError(_("The e-mail %(email)s belongs to another person.") % {"email": email})
    if mobile and others.filter(mobile=mobile).exists():
        raise PersonError(_("The mobile number %(mobile)s belongs to another person.") % {"mobile": mobile})


def _check_designation_fits(designation: Designation | None, org: Organisation) -> None:
    if designation is not None and not org.path.startswith(designation.org.path):
        raise PersonError(
            _("The designation %(designation)s is not used in %(org)s.")
            % {"designation": designation.name, "org": org.name}
        )


def _clean_identity_fields(email: Any, mobile: Any) -> tuple[str | None, str | None]:
    clean_email = normalise_email(email) if email else None
    if email and clean_email is None:
        raise PersonError(_("%(value)s is not a valid e-mail address.") % {"value": clean_text(email)})
    clean_mobile = normalise_mobile(mobile) if mobile else None
    if mobile and clean_mobile is None:
        raise PersonError(
            _("%(value)s is not a valid Indian mobile number (10 digits starting with 6-9).")
            % {"value": clean_text(mobile)}
        )
    return clean_email, clean_mobile


@transaction.atomic
def do_create_person(
    *,
    employee_code: str,
    name_en: str,
    name_hi: str = "",
    org: Organisation,
    designation: Designation | None = None,
    email: str | None = None,
    mobile: str | None = None,
    group: str = "",
    date_of_birth: datetime.date | None = None,
    date_of_joining: datetime.date | None = None,
    gender: str = "",
    category: str = "",
    preferred_language: str = "en",
    acting_user: Any,
) -> Profile:
    employee_code = clean_text(employee_code)
    name_en, name_hi = clean_text(name_en), clean_text(name_hi)
    if not employee_code:
        raise PersonError(_("An employee code is required."))
    if not (name_en or name_hi):
        raise PersonError(_("A name in English or Hindi is required."))
    clean_email, clean_mobile = _clean_identity_fields(email, mobile)
    if not (clean_email or clean_mobile):
        raise PersonError(_("An e-mail address or a mobile number is required to sign in."))
    if Profile.objects.filter(employee_code=employee_code).exists():
        raise PersonError(_("The employee code %(code)s is already in use.") % {"code": employee_code})
    _check_identity_free(clean_email, clean_mobile, None)
    _check_designation_fits(designation, org)
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=clean_email,
                mobile=clean_mobile,
                name_en=name_en,
                name_hi=name_hi,
                preferred_language=preferred_language if preferred_language in {"en", "hi"} else "en",
            )
            profile = Profile.objects.create(
                user=user,
                employee_code=employee_code,
                org=org,
                designation=designation,
                group=group or (designation.group if designation else ""),
                date_of_birth=date_of_birth,
                date_of_joining=date_of_joining,
                gender=gender,
                category=category,
                search_text=Profile.build_search_text(
                    employee_code=employee_code,
                    name_en=name_en,
                    name_hi=name_hi,
                    email=clean_email,
                    mobile=clean_mobile,
                ),
            )
    except IntegrityError as exc:  # a concurrent insert of the same code or identity
        raise PersonError(_("The employee code, e-mail or mobile is already in use.")) from exc
    Posting.objects.create(
        user=user, org=org, designation=designation, started_on=date_of_joining or timezone.localdate(), reason="joined"
    )
    audit.record(
        actor=acting_user,
        action="person.create",
        target=profile,
        org_path=org.path,
        after={**audit.snapshot(user, USER_FIELDS), **audit.snapshot(profile, PROFILE_FIELDS)},
    )
    _sync_assignments_after_commit(user.pk)
    return profile


def _sync_assignments_after_commit(user_id: int) -> None:
    """The courses assigned to the person's organisation and designation follow them (after commit)."""
    from kshamta.learning.assignments import sync_person_after_commit

    sync_person_after_commit(user_id)


@transaction.atomic
def do_update_person(profile: Profile, *, acting_user: Any, reason: str = "", **changes: Any) -> Profile:
    """Change any of USER_FIELDS and PROFILE_FIELDS. A change of organisation or designation
    closes the current posting and opens a new one, so the history stays whole."""
    # Lock the profile and user rows only: PostgreSQL refuses FOR UPDATE on the outer join to a null designation.
    profile = (
        Profile.objects.select_for_update(of=("self", "user"))
        .select_related("user", "org", "designation")
        .get(pk=profile.pk)
    )
    user = profile.user
    before = {**audit.snapshot(user, USER_FIELDS), **audit.snapshot(profile, PROFILE_FIELDS)}
    old_org_path = profile.org.path
    if "email" in changes or "mobile" in changes:
        email, mobile = _clean_identity_fields(changes.pop("email", user.email), changes.pop("mobile", user.mobile))
        if not (email or mobile):
            raise PersonError(_("An e-mail address or a mobile number is required to sign in."))
        _check_identity_free(email, mobile, user.pk)
        user.email, user.mobile = email, mobile
    for name in ("name_en", "name_hi"):
        if name in changes:
            setattr(user, name, clean_text(changes.pop(name)))
    if not (user.name_en or user.name_hi):
        raise PersonError(_("A name in English or Hindi is required."))
    for name in ("preferred_language", "is_active"):
        if name in changes:
            setattr(user, name, changes.pop(name))
    if "employee_code" in changes:
        code = clean_text(changes.pop("employee_code"))
        if not code:
            raise PersonError(_("An employee code is required."))
        if code != profile.employee_code and Profile.objects.filter(employee_code=code).exists():
            raise PersonError(_("The employee code %(code)s is already in use.") % {"code": code})
        profile.employee_code = code
    for name, value in changes.items():
        if name not in PROFILE_FIELDS:
            raise PersonError(f"unknown field {name}")
        setattr(profile, name, value)
    _check_designation_fits(profile.designation, profile.org)
    after = {**audit.snapshot(user, USER_FIELDS), **audit.snapshot(profile, PROFILE_FIELDS)}
    if after == before:
        return profile
    profile.search_text = Profile.build_search_text(
        employee_code=profile.employee_code,
        name_en=user.name_en,
        name_hi=user.name_hi,
        email=user.email,
        mobile=user.mobile,
    )
    user.save()
    profile.save()
    if (before["org"], before["designation"]) != (after["org"], after["designation"]):
        today = timezone.localdate()
        moved = before["org"] != after["org"]
        Posting.objects.filter(user=user, ended_on__isnull=True).update(ended_on=today)
        Posting.objects.create(
            user=user,
            org=profile.org,
            designation=profile.designation,
            started_on=today,
            reason=reason or ("transfer" if moved else "designation change"),
        )
    action = "person.transfer" if before["org"] != after["org"] else "person.update"
    audit.record(
        actor=acting_user, action=action, target=profile, org_path=profile.org.path, before=before, after=after
    )
    if old_org_path != profile.org.path:
        # The old organisation's admins see that the person left.
        audit.record(
            actor=acting_user,
            action="person.transfer_out",
            target=profile,
            org_path=old_org_path,
            before={"org": before["org"]},
            after={"org": after["org"]},
        )
    if any(before[name] != after[name] for name in ("org", "designation", "status")):
        _sync_assignments_after_commit(user.pk)
    return profile


def do_transfer_person(
    profile: Profile, *, to_org: Organisation, designation: Designation | None = None, acting_user: Any
) -> Profile:
    changes: dict[str, Any] = {"org": to_org}
    if designation is not None:
        changes["designation"] = designation
    return do_update_person(profile, acting_user=acting_user, reason="transfer", **changes)


# --- Roles ----------------------------------------------------------------------


@transaction.atomic
def do_grant_role(*, user: User, role: str, org: Organisation, acting_user: Any) -> RoleAssignment:
    if role not in Role.values:
        raise PersonError(_("Unknown role."))
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user,
        role=role,
        org=org,
        defaults={"granted_by": acting_user if getattr(acting_user, "pk", None) else None},
    )
    if created:
        audit.record(
            actor=acting_user,
            action="role.grant",
            target=assignment,
            org_path=org.path,
            after={"user": user.pk, "role": role, "org": org.code},
        )
    return assignment


@transaction.atomic
def do_revoke_role(assignment: RoleAssignment, *, acting_user: Any) -> None:
    audit.record(
        actor=acting_user,
        action="role.revoke",
        target=assignment,
        org_path=assignment.org.path,
        before={"user": assignment.user_id, "role": assignment.role, "org": assignment.org.code},
    )
    assignment.delete()


# --- Preferences and tokens -----------------------------------------------------


def do_set_language(user: User, language: str) -> None:
    if language in {"en", "hi"} and user.preferred_language != language:
        User.objects.filter(pk=user.pk).update(preferred_language=language)
        user.preferred_language = language


@transaction.atomic
def do_create_api_token(user: User, *, name: str, acting_user: Any) -> tuple[APIToken, str]:
    """A new token; the secret key is returned once and only its hash is kept."""
    key = "ksh_" + secrets.token_urlsafe(32)
    token = APIToken.objects.create(
        user=user, name=clean_text(name)[:100] or "token", prefix=key[:12], key_hash=APIToken.hash_key(key)
    )
    audit.record(
        actor=acting_user, action="api_token.create", target=token, after={"name": token.name, "prefix": token.prefix}
    )
    return token, key


@transaction.atomic
def do_revoke_api_token(token: APIToken, *, acting_user: Any) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(
            actor=acting_user,
            action="api_token.revoke",
            target=token,
            before={"revoked": False},
            after={"revoked": True},
        )


# --- Messages to people about their requests --------------------------------------


def _notify(identity: str, *, language: str, kind: str, subject: str, body: str) -> None:
    """Queue one e-mail or SMS to ``identity``; subject and body are already in ``language``."""
    channel = "email" if identity_kind(identity) == "email" else "sms"
    queue_message(channel=channel, to=identity, subject=subject, body=body, kind=kind)


def _contact_of(user: User) -> str:
    return user.email or user.mobile or ""


# --- E-mail domains -----------------------------------------------------------------

_DOMAIN_LABEL = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def normalise_email_domain(value: object) -> str | None:
    """'Gov.IN', '@gov.in' or '.gov.in' → 'gov.in'; None if it is not a domain name."""
    text = clean_text(value).lower().lstrip("@").strip(".")
    labels = text.split(".")
    if len(text) > 253 or len(labels) < 2 or not all(_DOMAIN_LABEL.match(label) for label in labels):
        return None
    return text


def email_domain_is_allowed(email: str) -> bool:
    """Whether the address is on an allow-listed domain or a subdomain of one."""
    domain = email.rsplit("@", 1)[-1]
    return EmailDomain.objects.filter(domain__in=EmailDomain.candidates(domain)).exists()


@transaction.atomic
def do_add_email_domain(raw_domain: str, *, acting_user: Any) -> EmailDomain:
    domain = normalise_email_domain(raw_domain)
    if domain is None:
        raise PersonError(_("%(value)s is not a valid domain name.") % {"value": clean_text(raw_domain)})
    entry, created = EmailDomain.objects.get_or_create(
        domain=domain, defaults={"added_by": acting_user if getattr(acting_user, "pk", None) else None}
    )
    if created:
        audit.record(actor=acting_user, action="email_domain.add", target=entry, after={"domain": domain})
    return entry


@transaction.atomic
def do_remove_email_domain(entry: EmailDomain, *, acting_user: Any) -> None:
    """Stop activating registrations from a domain at once; people already registered stay."""
    audit.record(actor=acting_user, action="email_domain.remove", target=entry, before={"domain": entry.domain})
    entry.delete()


# --- Registration -------------------------------------------------------------------

MAX_BULK_DECISIONS = 200


@dataclass
class RegistrationOutcome:
    request: RegistrationRequest
    # Set when the registration was activated at once (an allow-listed e-mail domain).
    profile: Profile | None


def _check_registration_free(identity: str, employee_code: str) -> None:
    """Refuse, with a message the registrant can act on, what would clash with a person or a pending request."""
    kind = identity_kind(identity)
    if kind == "email" and User.objects.filter(email=identity).exists():
        raise PersonError(
            _("The e-mail %(email)s is already registered. Sign in with it instead.") % {"email": identity}
        )
    if kind == "mobile" and User.objects.filter(mobile=identity).exists():
        raise PersonError(
            _("The mobile number %(mobile)s is already registered. Sign in with it instead.") % {"mobile": identity}
        )
    if Profile.objects.filter(employee_code=employee_code).exists():
        raise PersonError(
            _(
                "The employee code %(code)s is already registered to another person. "
                "Check it, or ask your nodal officer."
            )
            % {"code": employee_code}
        )
    pending = RegistrationRequest.objects.filter(status=DecisionStatus.PENDING)
    if pending.filter(identity=identity).exists():
        raise PersonError(
            _("A registration for %(identity)s is already waiting for approval.") % {"identity": identity}
        )
    if pending.filter(employee_code=employee_code).exists():
        raise PersonError(
            _("A registration with the employee code %(code)s is already waiting for approval.")
            % {"code": employee_code}
        )


def _check_choice(value: str, allowed: list[str], label: str) -> str:
    if value and value not in allowed:
        raise PersonError(_("%(label)s: %(value)s is not a valid choice.") % {"label": label, "value": value})
    return value


@transaction.atomic
def do_register(
    *,
    identity: str,
    employee_code: str,
    name_en: str,
    name_hi: str = "",
    org: Organisation,
    designation: Designation | None = None,
    group: str = "",
    date_of_birth: datetime.date | None = None,
    gender: str = "",
    category: str = "",
    preferred_language: str = "en",
    request_domain: bool = False,
    new_designation_en: str = "",
    new_designation_hi: str = "",
) -> RegistrationOutcome:
    """Register someone whose ``identity`` (e-mail or mobile) a code has just proved.

    On an allow-listed e-mail domain the person is created and activated at once; otherwise the
    request waits for a nodal officer of ``org``. A new e-mail domain or designation the registrant
    asks for goes to the state admins."""
    identity = normalise_identity(identity) or ""
    if not identity:
        raise PersonError(_("Enter a valid e-mail address or a 10-digit mobile number."))
    employee_code = clean_text(employee_code)
    name_en, name_hi = clean_text(name_en), clean_text(name_hi)
    if not employee_code:
        raise PersonError(_("An employee code is required."))
    if not (name_en or name_hi):
        raise PersonError(_("A name in English or Hindi is required."))
    if not org.is_active:
        raise PersonError(_("Choose an organisation that is in use."))
    _check_choice(group, Designation.Group.values, _("Group"))
    _check_choice(gender, Profile.Gender.values, _("Gender"))
    _check_choice(category, Profile.Category.values, _("Category"))
    _check_designation_fits(designation, org)
    _check_registration_free(identity, employee_code)
    language = preferred_language if preferred_language in {"en", "hi"} else "en"
    email = identity if identity_kind(identity) == "email" else None
    now = timezone.now()
    group = group or (designation.group if designation else "")
    fields: dict[str, Any] = {
        "identity": identity,
        "employee_code": employee_code,
        "name_en": name_en,
        "name_hi": name_hi,
        "org": org,
        "designation": designation,
        "group": group,
        "date_of_birth": date_of_birth,
        "gender": gender,
        "category": category,
        "preferred_language": language,
    }
    profile: Profile | None = None
    if email and email_domain_is_allowed(email):
        profile = do_create_person(
            employee_code=employee_code,
            name_en=name_en,
            name_hi=name_hi,
            org=org,
            designation=designation,
            email=email,
            group=group,
            date_of_birth=date_of_birth,
            gender=gender,
            category=category,
            preferred_language=language,
            acting_user=None,
        )
        _mark_signed_in(profile.user, now)
        registration = RegistrationRequest.objects.create(
            **fields, status=DecisionStatus.APPROVED, decided_at=now, user=profile.user, created_at=now
        )
        audit.record(
            actor=profile.user,
            action="registration.auto_approve",
            target=registration,
            org_path=org.path,
            after={"identity": identity, "employee_code": employee_code},
        )
        _queue_welcome(registration, profile.user)
    else:
        try:
            with transaction.atomic():
                registration = RegistrationRequest.objects.create(**fields, created_at=now)
        except IntegrityError as exc:  # a concurrent registration of the same identity or code
            raise PersonError(
                _("A registration with this e-mail, mobile or employee code is already waiting.")
            ) from exc
        audit.record(
            actor=None,
            action="registration.request",
            target=registration,
            org_path=org.path,
            after={"identity": identity, "employee_code": employee_code, "org": org.code},
        )
    if email and request_domain and profile is None:
        _request_email_domain(email.rsplit("@", 1)[1], org=org, registration=registration)
    if designation is None and (clean_text(new_designation_en) or clean_text(new_designation_hi)):
        _request_designation(new_designation_en, new_designation_hi, org=org, registration=registration)
    return RegistrationOutcome(request=registration, profile=profile)


def _queue_welcome(registration: RegistrationRequest, user: User) -> None:
    """The welcome message, once per registration however often it is approved or retried."""
    if not RegistrationRequest.objects.filter(pk=registration.pk, welcomed_at__isnull=True).update(
        welcomed_at=timezone.now()
    ):
        return
    language = user.preferred_language or registration.preferred_language
    with override(language):
        subject = _("Welcome to Kshamta")
        body = _(
            "Welcome to Kshamta, %(name)s. Your account is active: sign in with %(identity)s to start your courses."
        ) % {"name": localised_name(user, language), "identity": _contact_of(user)}
    _notify(_contact_of(user), language=language, kind="welcome", subject=subject, body=body)


def localised_name(user: User, language: str) -> str:
    if language == "hi" and user.name_hi:
        return user.name_hi
    return user.name_en or user.name_hi


def _request_email_domain(domain: str, *, org: Organisation, registration: RegistrationRequest) -> None:
    pending = StateAdminRequest.objects.filter(
        kind=StateAdminRequest.Kind.EMAIL_DOMAIN, domain=domain, status=DecisionStatus.PENDING
    )
    if pending.exists():
        return
    request = StateAdminRequest.objects.create(
        kind=StateAdminRequest.Kind.EMAIL_DOMAIN,
        org=org,
        requester_identity=registration.identity,
        registration=registration,
        domain=domain,
    )
    audit.record(actor=None, action="state_request.create", target=request, org_path=org.path, after={"domain": domain})


def _request_designation(
    name_en: str, name_hi: str, *, org: Organisation, registration: RegistrationRequest
) -> StateAdminRequest:
    request = StateAdminRequest.objects.create(
        kind=StateAdminRequest.Kind.DESIGNATION,
        org=org,
        requester_identity=registration.identity,
        registration=registration,
        designation_name_en=clean_text(name_en)[:200],
        designation_name_hi=clean_text(name_hi)[:200],
    )
    audit.record(
        actor=None,
        action="state_request.create",
        target=request,
        org_path=org.path,
        after={"designation_name_en": request.designation_name_en, "designation_name_hi": request.designation_name_hi},
    )
    return request


def _lock_pending(model: type[Any], pk: int) -> Any:
    row = model.objects.select_for_update().get(pk=pk)
    if row.status != DecisionStatus.PENDING:
        raise PersonError(_("This request was already decided."))
    return row


def _required_reason(reason: object) -> str:
    text = clean_text(reason)
    if not text:
        raise PersonError(_("Give a reason for the rejection."))
    return text[:2000]


DECISION_FIELDS = ["status", "reason", "decided_by", "decided_at"]


def _close(
    row: Any,
    *,
    status: str,
    reason: str = "",
    acting_user: Any,
    action: str,
    org_path: str,
    after: dict[str, Any],
    also_save: tuple[str, ...] = (),
) -> None:
    """Record a decision on a pending request: its status, reason and decider, saved and audited."""
    row.status = status
    row.reason = reason
    row.decided_by = acting_user if getattr(acting_user, "pk", None) else None
    row.decided_at = timezone.now()
    row.save(update_fields=[*DECISION_FIELDS, *also_save])
    audit.record(actor=acting_user, action=action, target=row, org_path=org_path, after=after)


@transaction.atomic
def do_approve_registration(registration: RegistrationRequest, *, acting_user: Any) -> Profile:
    """Create the person a pending registration describes, and welcome them."""
    registration = _lock_pending(RegistrationRequest, registration.pk)
    profile = do_create_person(
        employee_code=registration.employee_code,
        name_en=registration.name_en,
        name_hi=registration.name_hi,
        org=registration.org,
        designation=registration.designation,
        email=registration.email,
        mobile=registration.mobile,
        group=registration.group,
        date_of_birth=registration.date_of_birth,
        gender=registration.gender,
        category=registration.category,
        preferred_language=registration.preferred_language,
        acting_user=acting_user,
    )
    registration.user = profile.user
    _close(
        registration,
        status=DecisionStatus.APPROVED,
        acting_user=acting_user,
        action="registration.approve",
        org_path=registration.org.path,
        after={"status": DecisionStatus.APPROVED, "user": profile.pk},
        also_save=("user",),
    )
    _queue_welcome(registration, profile.user)
    return profile


@transaction.atomic
def do_reject_registration(registration: RegistrationRequest, *, reason: str, acting_user: Any) -> RegistrationRequest:
    reason = _required_reason(reason)
    registration = _lock_pending(RegistrationRequest, registration.pk)
    _close(
        registration,
        status=DecisionStatus.REJECTED,
        reason=reason,
        acting_user=acting_user,
        action="registration.reject",
        org_path=registration.org.path,
        after={"status": DecisionStatus.REJECTED, "reason": reason},
    )
    language = registration.preferred_language
    with override(language):
        subject = _("Your Kshamta registration was not approved")
        body = _("Your registration on Kshamta (employee code %(code)s) was not approved. Reason: %(reason)s") % {
            "code": registration.employee_code,
            "reason": reason,
        }
    _notify(registration.identity, language=language, kind="registration_rejected", subject=subject, body=body)
    return registration


@dataclass
class BulkDecision:
    decided: int
    # (what, why) for each request that could not be decided.
    failed: list[tuple[str, str]]


def decide_each(rows: list[Any], decide: Any) -> BulkDecision:
    """Apply ``decide(row)`` to each row in its own transaction, so one refusal does not undo the others."""
    if len(rows) > MAX_BULK_DECISIONS:
        raise PersonError(_("Decide at most %(count)s requests at a time.") % {"count": MAX_BULK_DECISIONS})
    result = BulkDecision(decided=0, failed=[])
    for row in rows:
        try:
            decide(row)
        except PersonError as exc:
            result.failed.append((str(row), str(exc)))
        else:
            result.decided += 1
    return result


def do_decide_registrations(
    registrations: list[RegistrationRequest], *, approve: bool, reason: str = "", acting_user: Any
) -> BulkDecision:
    if not approve:
        _required_reason(reason)
        return decide_each(registrations, lambda r: do_reject_registration(r, reason=reason, acting_user=acting_user))
    return decide_each(registrations, lambda r: do_approve_registration(r, acting_user=acting_user))


# --- Requests to the state admin ------------------------------------------------------


def _designation_home(org: Organisation) -> Organisation:
    """Where a requested designation is defined: the department the org belongs to (depth 1), so
    that it is usable in all the department's offices."""
    if org.depth <= 1:
        return org
    return Organisation.objects.get(pk=org.ancestor_ids()[1])


def _designation_code(name_en: str, name_hi: str) -> str:
    base = re.sub(r"[^A-Z0-9]+", "-", clean_text(name_en).upper()).strip("-")[:30] or "DESIGNATION"
    code, n = base, 1
    while Designation.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return code


@transaction.atomic
def do_approve_state_admin_request(request: StateAdminRequest, *, acting_user: Any) -> StateAdminRequest:
    """Allow the e-mail domain, or create the designation (and give it to the registrant who asked)."""
    from kshamta.orgs.actions import OrgError, do_save_designation

    request = _lock_pending(StateAdminRequest, request.pk)
    if request.kind == StateAdminRequest.Kind.EMAIL_DOMAIN:
        do_add_email_domain(request.domain, acting_user=acting_user)
    else:
        try:
            designation, _outcome = do_save_designation(
                org=_designation_home(request.org),
                code=_designation_code(request.designation_name_en, request.designation_name_hi),
                name_en=request.designation_name_en or request.designation_name_hi,
                name_hi=request.designation_name_hi,
                acting_user=acting_user,
            )
        except OrgError as exc:
            raise PersonError(str(exc)) from exc
        request.designation = designation
        _give_requested_designation(request, designation, acting_user=acting_user)
    _close(
        request,
        status=DecisionStatus.APPROVED,
        acting_user=acting_user,
        action="state_request.approve",
        org_path=request.org.path,
        after={"kind": request.kind, "subject": request.subject},
        also_save=("designation",),
    )
    return request


def _give_requested_designation(request: StateAdminRequest, designation: Designation, *, acting_user: Any) -> None:
    registration = request.registration
    if registration is None or registration.designation_id is not None:
        return
    if registration.is_pending:
        RegistrationRequest.objects.filter(pk=registration.pk).update(designation=designation)
        return
    profile = Profile.objects.filter(pk=registration.user_id, designation__isnull=True).first()
    if registration.status == DecisionStatus.APPROVED and profile is not None:
        do_update_person(profile, designation=designation, acting_user=acting_user)


@transaction.atomic
def do_reject_state_admin_request(request: StateAdminRequest, *, reason: str, acting_user: Any) -> StateAdminRequest:
    reason = _required_reason(reason)
    request = _lock_pending(StateAdminRequest, request.pk)
    _close(
        request,
        status=DecisionStatus.REJECTED,
        reason=reason,
        acting_user=acting_user,
        action="state_request.reject",
        org_path=request.org.path,
        after={"kind": request.kind, "subject": request.subject, "reason": reason},
    )
    if request.requester_identity:
        language = request.registration.preferred_language if request.registration else "en"
        with override(language):
            subject = _("Your request on Kshamta was not approved")
            body = _("Your request (%(kind)s: %(subject)s) was not approved. Reason: %(reason)s") % {
                "kind": request.get_kind_display(),
                "subject": request.subject,
                "reason": reason,
            }
        _notify(
            request.requester_identity, language=language, kind="state_request_rejected", subject=subject, body=body
        )
    return request


def do_decide_state_admin_requests(
    requests: list[StateAdminRequest], *, approve: bool, reason: str = "", acting_user: Any
) -> BulkDecision:
    if not approve:
        _required_reason(reason)
        return decide_each(requests, lambda r: do_reject_state_admin_request(r, reason=reason, acting_user=acting_user))
    return decide_each(requests, lambda r: do_approve_state_admin_request(r, acting_user=acting_user))


# --- Profile-change requests ------------------------------------------------------------


@transaction.atomic
def do_request_profile_change(
    user: User,
    *,
    org: Organisation | None = None,
    designation: Designation | None = None,
    group: str = "",
) -> list[ProfileChangeRequest]:
    """One request per field that would change. The nodal officer of the person's current org decides."""
    profile = Profile.objects.select_related("org", "designation").filter(pk=user.pk).first()
    if profile is None:
        raise PersonError(_("You have no employee profile to change."))
    wanted: list[ProfileChangeRequest] = []
    if org is not None and org.pk != profile.org_id:
        wanted.append(
            ProfileChangeRequest(
                person=user, field=ProfileChangeRequest.Field.ORG, new_org=org, old_value=profile.org.name
            )
        )
    if designation is not None and designation.pk != profile.designation_id:
        _check_designation_fits(designation, org or profile.org)
        wanted.append(
            ProfileChangeRequest(
                person=user,
                field=ProfileChangeRequest.Field.DESIGNATION,
                new_designation=designation,
                old_value=profile.designation.name if profile.designation else "",
            )
        )
    if group and group != profile.group:
        _check_choice(group, Designation.Group.values, _("Group"))
        wanted.append(
            ProfileChangeRequest(
                person=user, field=ProfileChangeRequest.Field.GROUP, new_group=group, old_value=profile.group
            )
        )
    if not wanted:
        raise PersonError(_("Choose at least one thing to change."))
    pending = set(
        ProfileChangeRequest.objects.filter(person=user, status=DecisionStatus.PENDING).values_list("field", flat=True)
    )
    for row in wanted:
        if row.field in pending:
            raise PersonError(
                _("You already asked to change your %(field)s. Wait for that decision first.")
                % {"field": row.get_field_display().lower()}
            )
    now = timezone.now()
    for row in wanted:
        row.created_at = now
        row.save()
        audit.record(
            actor=user,
            action="profile_change.request",
            target=row,
            org_path=profile.org.path,
            after={"field": row.field, "new": row.new_org_id or row.new_designation_id or row.new_group},
        )
    return wanted


def _notify_profile_change(row: ProfileChangeRequest) -> None:
    person = row.person
    language = person.preferred_language or "en"
    with override(language):
        field = row.get_field_display()
        if row.status == DecisionStatus.APPROVED:
            subject = _("Your profile change was approved")
            body = _("Your request to change your %(field)s to %(value)s was approved.") % {
                "field": field,
                "value": row.new_value,
            }
        else:
            subject = _("Your profile change was not approved")
            body = _("Your request to change your %(field)s to %(value)s was not approved. Reason: %(reason)s") % {
                "field": field,
                "value": row.new_value,
                "reason": row.reason,
            }
    _notify(_contact_of(person), language=language, kind="profile_change", subject=subject, body=body)


@transaction.atomic
def do_approve_profile_change(request: ProfileChangeRequest, *, acting_user: Any) -> ProfileChangeRequest:
    """Apply the requested change through do_update_person / do_transfer_person (which audit it).

    A transfer is applied together with a pending designation request of the same person, since
    the new organisation often uses a different designation."""
    request = _lock_pending(ProfileChangeRequest, request.pk)
    profile = Profile.objects.select_related("org", "designation").get(pk=request.person_id)
    org_path = profile.org.path
    decided = [request]
    if request.field == ProfileChangeRequest.Field.ORG:
        assert request.new_org is not None
        companion = (
            ProfileChangeRequest.objects.select_for_update()
            .filter(
                person_id=request.person_id, field=ProfileChangeRequest.Field.DESIGNATION, status=DecisionStatus.PENDING
            )
            .first()
        )
        if companion is not None:
            decided.append(companion)
        do_transfer_person(
            profile,
            to_org=request.new_org,
            designation=companion.new_designation if companion else None,
            acting_user=acting_user,
        )
    elif request.field == ProfileChangeRequest.Field.DESIGNATION:
        do_update_person(
            profile, designation=request.new_designation, acting_user=acting_user, reason="designation change"
        )
    else:
        do_update_person(profile, group=request.new_group, acting_user=acting_user)
    for row in decided:
        _close(
            row,
            status=DecisionStatus.APPROVED,
            acting_user=acting_user,
            action="profile_change.approve",
            org_path=org_path,
            after={"field": row.field, "status": DecisionStatus.APPROVED},
        )
        _notify_profile_change(row)
    return request


@transaction.atomic
def do_reject_profile_change(request: ProfileChangeRequest, *, reason: str, acting_user: Any) -> ProfileChangeRequest:
    reason = _required_reason(reason)
    request = _lock_pending(ProfileChangeRequest, request.pk)
    org_path = Profile.objects.filter(pk=request.person_id).values_list("org__path", flat=True).first() or ""
    _close(
        request,
        status=DecisionStatus.REJECTED,
        reason=reason,
        acting_user=acting_user,
        action="profile_change.reject",
        org_path=org_path,
        after={"field": request.field, "status": DecisionStatus.REJECTED, "reason": reason},
    )
    _notify_profile_change(request)
    return request


def do_decide_profile_changes(
    requests: list[ProfileChangeRequest], *, approve: bool, reason: str = "", acting_user: Any
) -> BulkDecision:
    if not approve:
        _required_reason(reason)
        return decide_each(requests, lambda r: do_reject_profile_change(r, reason=reason, acting_user=acting_user))
    # Transfers first: approving one also approves the person's pending designation request,
    # which is then skipped here rather than reported as already decided.
    ordered = sorted(requests, key=lambda r: r.field != ProfileChangeRequest.Field.ORG)
    approved_with_transfer: set[int] = set()

    def approve_one(row: ProfileChangeRequest) -> None:
        if row.pk in approved_with_transfer:
            return
        do_approve_profile_change(row, acting_user=acting_user)
        approved_with_transfer.update(
            ProfileChangeRequest.objects.filter(
                person_id=row.person_id, status=DecisionStatus.APPROVED, decided_at__isnull=False
            ).values_list("pk", flat=True)
        )

    return decide_each(ordered, approve_one)
