from django.apps import AppConfig


class CurationConfig(AppConfig):
    """Curation: members' contributions nominated, queued, curated into approved library pages and lessons, with
    their provenance and credit kept."""

    name = "portal.curation"
    label = "curation"
    verbose_name = "Curation"

    def ready(self):
        from wagtail.signals import page_published

        from portal.curation.models import credit_on_publication

        page_published.connect(credit_on_publication, dispatch_uid="curation-credit-on-publication")
        from portal.curation import expertise_sources
        from portal.curation.credits import profile_section
        from portal.expertise.sources import register
        from portal.people.registry import ProfileSection, profile_sections

        register(expertise_sources.facts, expertise_sources.people_of_page)
        if not any(section.context is profile_section for section in profile_sections):
            profile_sections.append(ProfileSection("curation/profile_section.html", profile_section, order=110))
        from portal.curation import help_source

        help_source.register()
