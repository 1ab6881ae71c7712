"""Data protection (Anlage 1 Nr. 1, DSGVO Art. 5, 15): where personal data
appear, when they end, and how they are removed."""
