import SupportEngine
print("QuickStart")
