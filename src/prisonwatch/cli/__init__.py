"""The command line: parse arguments, call one service, format the answer."""
