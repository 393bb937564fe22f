from django.urls import path

from kshamta.catalog import studio_views as views

app_name = "studio"
urlpatterns = [
    path("", views.home, name="home"),
    path("courses/", views.courses, name="courses"),
    path("courses/new/", views.course_new, name="course_new"),
    path("courses/<int:course_id>/", views.course, name="course"),
    path("courses/<int:course_id>/retire/", views.retire, name="retire"),
    path("courses/<int:course_id>/new-version/", views.new_version, name="new_version"),
    path("versions/<int:version_id>/", views.version, name="version"),
    path("versions/<int:version_id>/edit/", views.version_edit, name="version_edit"),
    path("versions/<int:version_id>/thumbnail/", views.thumbnail, name="thumbnail"),
    path("versions/<int:version_id>/modules/new/", views.module_new, name="module_new"),
    path("versions/<int:version_id>/submit/", views.submit, name="submit"),
    path("versions/<int:version_id>/approve/", views.approve, name="approve"),
    path("versions/<int:version_id>/reject/", views.reject, name="reject"),
    path("versions/<int:version_id>/publish/", views.publish, name="publish"),
    path("versions/<int:version_id>/comments/", views.comment, name="comment"),
    path("modules/<int:module_id>/edit/", views.module_edit, name="module_edit"),
    path("modules/<int:module_id>/delete/", views.module_delete, name="module_delete"),
    path("modules/<int:module_id>/move/", views.module_move, name="module_move"),
    path("modules/<int:module_id>/resources/new/<str:kind>/", views.resource_new, name="resource_new"),
    path("resources/<int:resource_id>/edit/", views.resource_edit, name="resource_edit"),
    path("resources/<int:resource_id>/delete/", views.resource_delete, name="resource_delete"),
    path("resources/<int:resource_id>/move/", views.resource_move, name="resource_move"),
    path("resources/<int:resource_id>/file/", views.resource_file, name="resource_file"),
    path("providers/", views.providers, name="providers"),
    path("providers/new/", views.provider_new, name="provider_new"),
    path("providers/<int:provider_id>/edit/", views.provider_edit, name="provider_edit"),
]
