import SupportCore
import Testing
