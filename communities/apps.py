from django.apps import AppConfig


class CommunitiesConfig(AppConfig):
    """Communities of practice, membership, discussions and notifications."""

    name = "communities"

    def ready(self):
        from wagtail.signals import page_published

        from communities import people_pages
        from communities.notifications import announce_first_publication

        page_published.connect(announce_first_publication, dispatch_uid="communities-blog-announce")
        from portal.people.registry import DirectoryFilter, ProfileSection, directory_filters, profile_sections

        directory_filters.append(
            DirectoryFilter("community", "Community", people_pages.community_options, people_pages.in_community)
        )
        profile_sections.append(ProfileSection("communities/profile_section.html", people_pages.profile_context))
