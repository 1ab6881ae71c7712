"""The one place where the import uses the process modules
(``stadtdo.sozialnetz.verfahren``): the bodies, the workflow's states and
the votes' storage."""

from stadtdo.sozialnetz.verfahren.gremien import GREMIEN
from stadtdo.sozialnetz.verfahren.verlauf import STATUS
from stadtdo.sozialnetz.verfahren.verlauf import WORKFLOW
from stadtdo.sozialnetz.verfahren.voten import _storage as voten_speicher


__all__ = ["GREMIEN", "STATUS", "WORKFLOW", "voten_speicher"]
