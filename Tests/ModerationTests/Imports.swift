import Moderation
import Testing
