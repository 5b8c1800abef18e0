"""What can go wrong with a plugin, as exceptions the API turns into status codes."""


class PluginError(Exception):
    """Base class: the plugin, not the host, is at fault."""


class PluginRejected(PluginError):
    """The module cannot be loaded: invalid, a forbidden import, too much memory, wrong exports."""


class PluginOutOfFuel(PluginError):
    """The call used up its fuel: an endless or too expensive computation was stopped."""


class PluginCrashed(PluginError):
    """The call trapped for another reason (unreachable, division by zero, bad memory access)."""
