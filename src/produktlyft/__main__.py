"""`python -m produktlyft`: the same command as `produktlyft`."""

from produktlyft.bootstrap import main

main()
