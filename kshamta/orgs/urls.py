from django.urls import path

from kshamta.accounts import views as people_views
from kshamta.orgs import views

app_name = "orgs"
urlpatterns = [
    path("", views.org_tree, name="tree"),
    path("<int:org_id>/", views.org_detail, name="detail"),
    path("designations/", views.designation_list, name="designations"),
    path("audit/", views.audit_log, name="audit"),
    path("people/", people_views.people, name="people"),
    path("people/new/", people_views.person_new, name="person_new"),
    path("people/<int:user_id>/", people_views.person, name="person"),
    path("people/<int:user_id>/edit/", people_views.person_edit, name="person_edit"),
    path("people/<int:user_id>/transfer/", people_views.person_transfer, name="person_transfer"),
    path("people/<int:user_id>/roles/", people_views.grant_role, name="grant_role"),
    path("roles/<int:assignment_id>/revoke/", people_views.revoke_role, name="revoke_role"),
]
