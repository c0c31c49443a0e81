"""The rule-pack engine: YAML packs of declarative rules that compliance officers and
editors write without Python (`rules/*.yaml`, `builtin:NAME`)."""
