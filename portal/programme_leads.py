"""The Programme leads group (KM leads, HR and learning staff): the command center and the reports its panels link
to let them in. Its own module, so the reports of every platform app may ask without importing each other."""

PROGRAMME_LEADS = "Programme leads"


def is_programme_lead(user) -> bool:
    return user.is_authenticated and user.groups.filter(name=PROGRAMME_LEADS).exists()
