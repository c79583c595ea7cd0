import SupportEngine
print("supportdesk")
