from django.urls import path

from kshamta.certificates import views

app_name = "certificates"
urlpatterns = [
    # Public: anyone checks a certificate. Ids are parsed by the views, so a malformed
    # id gets the same "no such certificate" page as an unknown one.
    path("verify/", views.verify_lookup, name="verify_lookup"),
    path("verify/public-key", views.public_key, name="public_key"),
    path("verify/public-key.json", views.public_key_json, name="public_key_json"),
    path("verify/<str:certificate_id>.json", views.verify_json, name="verify_json"),
    path("verify/<str:certificate_id>/", views.verify, name="verify"),
    # The learner.
    path("certificates/", views.mine, name="mine"),
    path("certificates/<uuid:certificate_id>.pdf", views.download, name="download"),
    path("passport/", views.passport, name="passport"),
    path("passport.pdf", views.passport_download, name="passport_pdf"),
    # Administrators.
    path("certificates/issued/", views.issued, name="issued"),
    path("certificates/<uuid:certificate_id>/", views.manage, name="manage"),
    path("certificates/<uuid:certificate_id>/revoke/", views.revoke, name="revoke"),
]
