"""`python -m produktlyft`: the same command as `produktlyft`."""

from produktlyft.kernel.cli.app import main

main()
