from django.apps import AppConfig


class NetworkConfig(AppConfig):
    """A person's knowledge network: the people and topics they follow (communities and threads are followed in
    communities), and the value network of who helps whom across departments."""

    name = "portal.network"
    label = "network"
    verbose_name = "Knowledge network"

    def ready(self):
        from portal.network.profile import helped_this_year
        from portal.people.registry import ProfileSection, profile_sections

        if not any(section.context is helped_this_year for section in profile_sections):
            profile_sections.append(ProfileSection("network/profile_helped.html", helped_this_year, order=90))
