@_exported import SupportCore
