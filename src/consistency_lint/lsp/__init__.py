"""The language server (`consistency-lint lsp`): `linting` runs checks for an editor,
`server` speaks the protocol. Imported only by that command (pygls is not loaded by a
`check`)."""
