from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Cases")

    def ready(self):
        from cases import search
        from cases.models import Analysis, Case, Event
        from sources import citing

        citing.register(Event, lambda: Event.objects.select_related("case"))
        citing.register(Analysis, lambda: Analysis.objects.select_related("case", "concept"))
        # A case body cites sources too (field body_en / body_zh_hant).
        citing.register(Case, lambda: Case.objects.all())
        search.register()
