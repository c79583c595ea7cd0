@_exported import SupportEngine
