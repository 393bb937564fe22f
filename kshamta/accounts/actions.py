"""Every write about people: sign-in codes, profiles, transfers, roles, tokens."""

from __future__ import annotations

import datetime
import hmac
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
    OTPChallenge,
    Posting,
    Profile,
    Role,
    RoleAssignment,
    SignInFailure,
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


def do_request_otp(raw_identity: str, *, language: str = "en") -> OTPRequest:
    """Issue a 6-digit code for an e-mail address or mobile number.

    Unknown identities get the same answer (and the same limits), but nothing is sent.
    """
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
            delivered=user is not None,
        )
        # Earlier codes stop working once a new one is issued.
        OTPChallenge.objects.filter(identity=identity, consumed_at__isnull=True).exclude(pk=challenge.pk).update(
            consumed_at=now
        )
        if user is not None:
            _queue_code(user, identity, code, language=user.preferred_language or language)
    return OTPRequest(identity=identity, expires_at=challenge.expires_at, resend_after=now + cooldown)


def _queue_code(user: User, identity: str, code: str, *, language: str) -> None:
    minutes = settings.OTP_TTL_SECONDS // 60
    with override(language):
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
        challenge = (
            OTPChallenge.objects.select_for_update()
            .filter(identity=identity, consumed_at__isnull=True)
            .order_by("-created_at")
            .first()
        )
        if challenge is None or challenge.expires_at <= now:
            error = SignInError(_("This code has expired or was already used. Ask for a new code."))
        elif challenge.attempts >= settings.OTP_MAX_ATTEMPTS:
            error = SignInError(_("Too many wrong attempts for this code. Ask for a new code."))
        elif not (
            len(code) == 6 and code.isdigit() and hmac.compare_digest(challenge.code_hash, _hash_code(identity, code))
        ):
            challenge.attempts += 1
            challenge.save(update_fields=["attempts"])
            left = settings.OTP_MAX_ATTEMPTS - challenge.attempts
            if left > 0:
                error = SignInError(_("Wrong code. %(left)s attempts left.") % {"left": left})
            else:
                error = SignInError(_("Too many wrong attempts for this code. Ask for a new code."))
        else:
            challenge.consumed_at = now
            challenge.save(update_fields=["consumed_at"])
            user = find_user_by_identity(identity)
            if user is None:
                error = SignInError(_("Wrong code. %(left)s attempts left.") % {"left": 0})
            else:
                _mark_signed_in(user, now)
    if error is not None:
        locked = otp_locked_until(identity, now)
        if locked is not None and user is None:
            # Every code of this hour is spent: say when a new one can be asked for.
            live = OTPChallenge.objects.filter(
                identity=identity, consumed_at__isnull=True, expires_at__gt=now, attempts__lt=settings.OTP_MAX_ATTEMPTS
            ).exists()
            if not live:
                raise SignInLocked(locked)
        raise error
    assert user is not None
    return user


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
    return profile


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
