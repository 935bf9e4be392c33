from django.apps import AppConfig


class ExpertiseConfig(AppConfig):
    """Evidenced expertise: what people have shown they know, topic by topic, ranked for "people you can ask"."""

    name = "portal.expertise"
    label = "expertise"
    verbose_name = "Evidenced expertise"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from portal.expertise import signals

        page_published.connect(signals.on_page_changed, dispatch_uid="expertise-page-published")
        page_unpublished.connect(signals.on_page_changed, dispatch_uid="expertise-page-unpublished")
        post_page_move.connect(signals.on_page_changed, dispatch_uid="expertise-page-moved")
        post_delete.connect(signals.on_page_deleted, dispatch_uid="expertise-page-deleted")
        from portal.people.models import Profile

        post_save.connect(signals.on_profile_saved, sender=Profile, dispatch_uid="expertise-profile-saved")
        m2m_changed.connect(
            signals.on_declared_expertise_changed, sender=Profile.expertise.through, dispatch_uid="expertise-declared"
        )
        post_save.connect(signals.on_restriction_changed, sender=PageViewRestriction, dispatch_uid="expertise-restrict")
        post_delete.connect(
            signals.on_restriction_changed, sender=PageViewRestriction, dispatch_uid="expertise-unrestrict"
        )
        from portal.taxonomy.models import topic_moved

        topic_moved.connect(signals.on_topic_moved, dispatch_uid="expertise-topic-moved")
        from portal.expertise.knowledge import person_search_facts, profile_section
        from portal.people.registry import ProfileSection, profile_sections
        from portal.people.registry import person_search_facts as facts

        if not any(section.context is profile_section for section in profile_sections):
            profile_sections.insert(0, ProfileSection("expertise/knows_about.html", profile_section, order=50))
        if person_search_facts not in facts:
            facts.append(person_search_facts)
