"""The reply when part of the assistant fails during a turn: nobody is left in silence, and the
family always has a person to phone."""

from send_guide.contacts import phone


def something_went_wrong() -> str:
    return ("Sorry, something went wrong on our side. Please try again. "
            f"If it keeps happening, phone Luton SENDIAS on {phone('sendias')}.")
