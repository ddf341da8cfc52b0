"""The local web page (``ita-xl serve``): everything the commands do for staff who never open a terminal."""
