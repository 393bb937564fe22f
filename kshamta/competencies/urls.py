from django.urls import path

from kshamta.competencies import views

app_name = "competencies"
urlpatterns = [
    path("", views.frameworks, name="frameworks"),
    path("import/", views.import_upload, name="import"),
    path("f/<str:code>/", views.framework, name="framework"),
    path("f/<str:code>/export/", views.export, name="export"),
    path("f/<str:code>/activate/", views.activate, name="activate"),
    path("f/<str:code>/c/<str:competency_code>/", views.competency, name="competency"),
    path("f/<str:code>/c/<str:competency_code>/edit/", views.edit_competency, name="edit_competency"),
    path("profiles/", views.profile_list, name="profiles"),
    path("profiles/<int:designation_id>/", views.profile, name="profile"),
    path("profiles/<int:designation_id>/edit/", views.edit_profile, name="edit_profile"),
    path("profiles/<int:designation_id>/copy/", views.copy_profile, name="copy_profile"),
    path("profiles/<int:designation_id>/roles/add/", views.add_role, name="add_role"),
    path("profiles/roles/<int:role_id>/edit/", views.edit_role, name="edit_role"),
    path("profiles/roles/<int:role_id>/delete/", views.delete_role, name="delete_role"),
    path("profiles/roles/<int:role_id>/activities/add/", views.add_activity, name="add_activity"),
    path("profiles/activities/<int:activity_id>/edit/", views.edit_activity, name="edit_activity"),
    path("profiles/activities/<int:activity_id>/delete/", views.delete_activity, name="delete_activity"),
    path("profiles/activities/<int:activity_id>/competencies/add/", views.add_link, name="add_link"),
    path("profiles/links/<int:link_id>/level/", views.set_link_level, name="set_link_level"),
    path("profiles/links/<int:link_id>/delete/", views.remove_link, name="remove_link"),
]
