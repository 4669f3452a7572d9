"""Patterns for contact details in text, shared by what reads them (the call-back form), what
keeps them out of storage (feedback) and what keeps them out of machine translation."""

EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
