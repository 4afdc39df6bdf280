"""Domain objects of an uitvoeringsagenda. They know nothing of files or engines."""
