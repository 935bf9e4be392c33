from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """Profiles, expertise and the people directory."""

    name = "portal.people"
    label = "people"
    verbose_name = "People"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from portal.people.models import give_every_user_a_profile, reindex_the_profile_of

        post_save.connect(give_every_user_a_profile, sender=get_user_model(), dispatch_uid="people-profile")
        post_save.connect(reindex_the_profile_of, sender=get_user_model(), dispatch_uid="people-profile-reindex")

        from portal.people.models import Profile
        from portal.pictures import avatars
        from portal.searchable import register

        register(
            Profile,
            index="people",
            queryset=lambda: Profile.objects.active().select_related("user").prefetch_related("expertise"),
            select_related=("user",),
            prefetch_related=("expertise", "ask_me_about", avatars()),  # what a hit shows, read once for all hits
            title_field="display_name",
        )
