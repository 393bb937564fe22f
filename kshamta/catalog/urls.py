from django.urls import path

from kshamta.catalog import views

app_name = "catalog"
urlpatterns = [
    path("", views.browse, name="browse"),
    path("import/", views.import_upload, name="import"),
    path("import/<str:token>/", views.import_status, name="import_status"),
    path("export/", views.export, name="export"),
    path("<str:code>/", views.detail, name="detail"),
]
