from django.apps import AppConfig


class Staff2faConfig(AppConfig):
    name = "staff_2fa"
    verbose_name = "Staff two-factor authentication"

    def ready(self):
        from staff_2fa import lockout  # noqa: F401 - connects the signal receiver
