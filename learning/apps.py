from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "learning"

    def ready(self):
        from home.sections import HomeSection, continue_providers, register_section
        from learning import home_sections
        from learning.curation_targets import LESSON
        from portal.curation.sources import register_target

        register_target(LESSON)
        from learning import expertise_sources
        from portal.expertise.sources import register

        register(expertise_sources.facts)

        from wagtail.signals import post_page_move

        from learning.command_center import PANEL
        from learning.progress import follow_moved_lesson
        from portal.command_center.figures import register_panel

        register_panel(PANEL)
        connect_page_cache()
        post_page_move.connect(follow_moved_lesson, sender=self.get_model("LessonPage"), dispatch_uid="learning-moved")

        register_section(
            HomeSection(
                "learning",
                "Learning paths",
                "learning/home_paths.html",
                home_sections.learning_paths,
                more_url="/learning/",
                more_label="All learning",
                order=20,
                shared_by=home_sections.shared_by_role,
            )
        )
        register_section(
            HomeSection(
                "next-step",
                "Your next step",
                "learning/home_next_step.html",
                home_sections.next_step,
                more_url="/programme/",
                more_label="The KM programme",
                order=5,
            )
        )
        if home_sections.lessons_in_progress not in continue_providers:
            continue_providers.append(home_sections.lessons_in_progress)


def connect_page_cache():
    """My learning is kept for each learner (learning/my_learning.py) until their learning or profile changes; the
    departments' stages change the next step of everyone in them, like a setting."""
    from django.db.models.signals import post_delete, post_save

    from learning.my_learning import learner_tag
    from learning.programme_stages import DepartmentStage
    from learning.progress import Enrolment, LessonCompletion
    from portal.pagecache.cache import bump
    from portal.pagecache.signals import connect_site_wide
    from portal.people.models import Profile

    def changed(sender, instance, **kwargs):
        bump({learner_tag(instance.user_id)})

    for model in (Enrolment, LessonCompletion, Profile):
        label = model._meta.label_lower
        post_save.connect(changed, sender=model, weak=False, dispatch_uid=f"pagecache-learner-{label}-saved")
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=f"pagecache-learner-{label}-gone")
    connect_site_wide(DepartmentStage, "department-stage")
