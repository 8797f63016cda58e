from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """Installed only for its management command (dump_knowledge_base); it has no models."""

    name = "config.api"
    label = "api"
    verbose_name = _("API")
