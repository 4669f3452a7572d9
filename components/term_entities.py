"""Entities from the terminology EntityRuler, reported by id rather than by spelling."""

from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.spacy_entity_extractor import SpacyEntityExtractor


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False, model_from="SpacyNLP"
)
class TermEntityExtractor(SpacyEntityExtractor):
    """Like SpacyEntityExtractor, but the value is the ruler's id ("sendco" -> "senco").

    Slots and actions then compare ids, so a new spelling needs only a line in terms.yml.
    """

    @staticmethod
    def _extract_entities(doc: Any) -> List[Dict[str, Any]]:
        return [
            {
                "entity": ent.label_,
                "value": ent.ent_id_ or ent.text.lower(),
                "start": ent.start_char,
                "end": ent.end_char,
                "confidence": None,
            }
            for ent in doc.ents
        ]
