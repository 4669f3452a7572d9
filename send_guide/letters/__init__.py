"""Letters families can send, drafted from what they told the assistant."""
