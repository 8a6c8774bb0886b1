"""Where messages enter and leave: the gateway process and its chat channels."""
