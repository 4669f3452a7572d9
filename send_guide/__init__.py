"""SEND Guide domain logic: plain Python, no Rasa import.

Rasa actions and NLU components are thin adapters over this package, so the rules that matter
(which topics exist, what a term means, when a message is a crisis) can be tested on their own.
"""
