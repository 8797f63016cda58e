from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Cases")

    def ready(self):
        from cases.models import Analysis, Event
        from sources import citing

        citing.register(Event, lambda: Event.objects.select_related("case"))
        citing.register(Analysis, lambda: Analysis.objects.select_related("case", "concept"))
