"""The reply when part of the assistant fails during a turn: nobody is left in silence, and the
family always has a person to phone."""

from send_guide.contacts import phone


def something_went_wrong() -> str:
    return ("Sorry, something went wrong on our side. Please try again. "
            f"If it keeps happening, phone Luton SENDIAS on {phone('sendias')}.")


def too_many_messages() -> str:
    """The live chat's answer to a connection that sends faster than a person types."""
    return "You sent many messages very fast. Please wait a few seconds. Then send your message again."


def message_not_read() -> str:
    """The live chat's answer to a message that is not in the form the chat sends."""
    return ("Sorry, the chat could not read that message. Please reload the page and try again. "
            f"If it keeps happening, phone Luton SENDIAS on {phone('sendias')}.")
