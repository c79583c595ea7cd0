@_exported import MemberJourney
@_exported import Moderation
@_exported import PriorityRouting
@_exported import RefundRules
@_exported import ServiceLevels
@_exported import SupportBoundaries
@_exported import SupportCore
@_exported import TicketLifecycle
