import SupportEngine
import Testing
