"""Rasa's own response templates, with each `{contact_<key>}` filled from the one list of
contacts (send_guide/content/contacts.yml) before Rasa fills its slot values. A line that names
a contact with no number yet (one the council has still to give) is left out of the reply.

Configured in endpoints.yml as `nlg: type: nlg.contact_responses.ContactFilledResponses`; it runs
in the Rasa server, so even answers that need no action server get the numbers.
"""

from typing import Any, Dict

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.utils.endpoints import EndpointConfig

from send_guide.contacts import all_contacts, fill_contacts


class ContactFilledResponses(TemplatedNaturalLanguageGenerator):
    def __init__(self, endpoint_config: EndpointConfig | None = None, domain: Domain | None = None,
                 **_: Any) -> None:
        super().__init__((domain or Domain.empty()).responses)
        all_contacts()  # a wrong contacts.yml stops Rasa at start, with its message, not mid-reply

    def _fill_response(self, response: Dict[str, Any], filled_slots: Dict[str, Any] | None = None,
                       **kwargs: Any) -> Dict[str, Any]:
        if isinstance(response.get("text"), str):
            response["text"] = fill_contacts(response["text"])
        return super()._fill_response(response, filled_slots, **kwargs)
