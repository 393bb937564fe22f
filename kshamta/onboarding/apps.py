from django.apps import AppConfig


class OnboardingConfig(AppConfig):
    name = "kshamta.onboarding"
    label = "onboarding"
    verbose_name = "Onboarding"
