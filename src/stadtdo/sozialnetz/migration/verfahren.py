"""The one place where the import uses the process modules.

Gremien, Voten and Verlauf are moving into the package
``stadtdo.sozialnetz.verfahren``; when they do, only these imports change.
"""

from stadtdo.sozialnetz.gremien import GREMIEN
from stadtdo.sozialnetz.verlauf import STATUS
from stadtdo.sozialnetz.verlauf import WORKFLOW
from stadtdo.sozialnetz.voten import _storage as voten_speicher


__all__ = ["GREMIEN", "STATUS", "WORKFLOW", "voten_speicher"]
