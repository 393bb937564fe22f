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
