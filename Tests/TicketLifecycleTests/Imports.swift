import Testing
import TicketLifecycle
