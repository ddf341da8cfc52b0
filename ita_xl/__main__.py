"""Allow ``python -m ita_xl``."""

from ita_xl.cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
