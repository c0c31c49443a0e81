"""Product and company facts: the registry, attribution of values, comparisons."""
