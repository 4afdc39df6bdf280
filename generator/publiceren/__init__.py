"""Publishing: write the composed tree safely (build beside, swap, leak check, sanitiser) and the MkDocs adapter."""
