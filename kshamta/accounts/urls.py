from django.urls import path

from kshamta.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/code/", views.verify, name="verify"),
    path("sign-in/resend/", views.resend, name="resend"),
    path("sign-in/password/", views.password_sign_in, name="password_sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("language/", views.set_language, name="set_language"),
    path("account/api-tokens/", views.api_tokens, name="api_tokens"),
    path("account/api-tokens/<int:token_id>/revoke/", views.revoke_api_token, name="revoke_api_token"),
]

urlpatterns += [
    path("register/", views.register, name="register"),
    path("register/code/", views.register_verify, name="register_verify"),
    path("register/resend/", views.register_resend, name="register_resend"),
    path("register/details/", views.register_details, name="register_details"),
    path("register/submitted/", views.register_submitted, name="register_submitted"),
    path("account/profile/", views.my_profile, name="my_profile"),
    # Organisation-admin pages, under /org/ with the others.
    path("org/registrations/", views.registrations, name="registrations"),
    path("org/profile-changes/", views.profile_changes, name="profile_changes"),
    path("org/requests/", views.state_admin_requests, name="state_admin_requests"),
    path("org/email-domains/add/", views.add_email_domain, name="add_email_domain"),
    path("org/email-domains/<int:domain_id>/remove/", views.remove_email_domain, name="remove_email_domain"),
]
