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
