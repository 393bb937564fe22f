from django.urls import path

from kshamta.learning import views

app_name = "learning"
urlpatterns = [
    path("", views.my_learning, name="my_learning"),
    path("progress", views.progress, name="progress"),
    path("<str:code>/", views.course, name="course"),
    path("<str:code>/continue/", views.resume, name="resume"),
    path("<str:code>/enrol/", views.enrol, name="enrol"),
    path("<str:code>/unenrol/", views.unenrol, name="unenrol"),
    path("<str:code>/r/<int:resource_id>/", views.resource, name="resource"),
    path("<str:code>/r/<int:resource_id>/mark/", views.mark, name="mark"),
    path("<str:code>/r/<int:resource_id>/file", views.resource_file, name="resource_file"),
]
