"""Value extraction and normalisation: one module per value type, pure functions;
`extraction` runs them over a text. The value types themselves are in `model.value`."""
