from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page, plain pages, the reference library and the demo content."""

    name = "home"

    def ready(self):
        from home.curation_targets import ARTICLE
        from home.models import latest_articles
        from home.sections import HomeSection, for_everyone, register_section
        from portal.curation.sources import register_target

        register_target(ARTICLE)
        from home import expertise_sources
        from portal.expertise.sources import register

        register(expertise_sources.facts, expertise_sources.people_of_page)
        from wagtail.signals import page_published

        from home.activity import record_first_publication
        from home.models import ReferenceArticlePage

        page_published.connect(
            record_first_publication, sender=ReferenceArticlePage, dispatch_uid="home-article-activity"
        )

        from home.command_center import PANEL
        from portal.command_center.figures import register_panel

        register_panel(PANEL)
        register_section(
            HomeSection(
                "library",
                "From the library",
                "home/sections/library.html",
                latest_articles,
                more_url="/library/",
                more_label="Browse the library",
                order=30,
                shared_by=for_everyone,
            )
        )
