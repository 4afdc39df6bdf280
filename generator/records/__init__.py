"""Records: read every file of a programme, check it (input safety, schema, cross-record rules) and build the model."""
