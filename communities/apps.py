from django.apps import AppConfig


class CommunitiesConfig(AppConfig):
    """Communities of practice, membership, discussions and notifications."""

    name = "communities"

    def ready(self):
        from communities import people_pages
        from portal.people.registry import DirectoryFilter, ProfileSection, directory_filters, profile_sections

        directory_filters.append(
            DirectoryFilter("community", "Community", people_pages.community_options, people_pages.in_community)
        )
        profile_sections.append(ProfileSection("communities/profile_section.html", people_pages.profile_context))
