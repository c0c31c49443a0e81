"""The language layer: spaCy pipelines, the Morfeusz lemmatizer, the lexicons."""
