@_exported import SupportBoundaries
@_exported import SupportCore
@_exported import TicketLifecycle
