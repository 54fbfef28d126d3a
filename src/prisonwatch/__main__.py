"""`python -m prisonwatch` runs the command line."""

from prisonwatch.cli.app import main

main()
