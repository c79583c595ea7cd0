import TicketLifecycle
import Testing
